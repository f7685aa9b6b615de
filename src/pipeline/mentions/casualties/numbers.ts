/**
 * Figures in text: digits, number words, "a dozen", "dozens", "between 10 and 15",
 * "at least eight", and the noun phrase that says what is counted.
 *
 * Bounds follow ACLED's codebook where it has a rule: the stated number is the figure
 * ("more than 30" → 30), "tens" 10, "dozens" 12, "hundreds" 100. Choices without a published
 * rule (numbers.json, README): "several"/"a few"/"some" 3, "scores" 20, "many" 10; "up to N"
 * → low 1, best = high = N.
 */
import type { VictimSide } from '../../../model/index.js';
import type { CasualtyLexicon, ModifierType } from './lexicon.js';
import { matchAt, type Token } from './tokens.js';

/** A figure found at some tokens. */
export interface Quantity {
  /** Token range [start, end) of the figure with its modifier. */
  start: number;
  end: number;
  low: number;
  high: number;
  best: number;
  /** True for words that give no number ("several", "some"). */
  vague: boolean;
  /** How the text qualifies the figure. */
  qualifier: 'exact' | 'at_least' | 'approx' | 'at_most' | 'range';
  /** The figure is "a"/"an"/"one"/"single": only a count when a person noun follows. */
  singular: boolean;
}

/** What a figure counts, from the words after it. */
export interface CountedNoun {
  /** Token index after the noun phrase (== figure end for a bare figure: "killing three"). */
  end: number;
  /** The phrase names people (or is bare); false means "12 houses": no casualty figure. */
  person: boolean;
  bare: boolean;
  side: VictimSide;
}

const DIGITS_RE = /^\d{1,3}(?:,\d{3})+$|^\d{1,7}$/;
const RANGE_RE = /^(\d{1,6})[-–](\d{1,6})$/;
const MONTH_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.',
]);

const starts = new WeakMap<CasualtyLexicon, Set<string>>();
/** Words that may start a number in words: units, tens, and Object.prototype's names (see parseNumber). */
function numberStarts(lex: CasualtyLexicon): Set<string> {
  let set = starts.get(lex);
  if (!set) {
    set = new Set([...Object.keys(lex.units), ...Object.keys(lex.tens), ...Object.getOwnPropertyNames(Object.prototype)]);
    starts.set(lex, set);
  }
  return set;
}

/** A plain number (digits or words) at token i: value and end, or null. */
function parseNumber(tokens: Token[], i: number, lex: CasualtyLexicon): { value: number; end: number; singular: boolean } | null {
  const t = tokens[i];
  if (!t) return null;
  if (DIGITS_RE.test(t.text)) {
    // A day of a month ("July 31", "31 July") or a year is not a count.
    const prev = tokens[i - 1]?.lower ?? '';
    const next = tokens[i + 1]?.lower ?? '';
    if (MONTH_WORDS.has(prev) || MONTH_WORDS.has(next) || MONTH_WORDS.has(next.replace(/\.$/, ''))) return null;
    const value = Number(t.text.replace(/,/g, ''));
    if (/^(1[89]|20)\d\d$/.test(t.text) && (value >= 1800 && value <= 2100)) {
      // "in 2019" is a year; "2019 people" is rare enough to give up.
      return null;
    }
    let end = i + 1;
    let v = value;
    const scale = tokens[end] ? lex.scales[tokens[end]!.lower] : undefined;
    if (scale) {
      v *= scale;
      end++;
    }
    return { value: v, end, singular: false };
  }
  // Number words: "thirty-six", "one hundred and twenty", "two thousand".
  // Most words are none: a word that is no unit or tens word (nor a name an object inherits,
  // which the lookups below would also see) and has no hyphen cannot start one.
  if (!t.lower.includes('-') && !numberStarts(lex).has(t.lower)) return null;
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  let singular = false;
  while (j < tokens.length) {
    const w = tokens[j]!.lower;
    const parts = w.split('-');
    if (parts.length === 2 && lex.tens[parts[0]!] !== undefined && lex.units[parts[1]!] !== undefined && lex.units[parts[1]!]! < 10) {
      current += lex.tens[parts[0]!]! + lex.units[parts[1]!]!;
      any = true;
      j++;
      continue;
    }
    if (lex.units[w] !== undefined) {
      if (any && current % 10 !== 0 && current > 0) break; // "two three" is not one number
      if ((w === 'a' || w === 'an') && any) break;
      current += lex.units[w]!;
      if (!any && (w === 'a' || w === 'an' || w === 'one' || w === 'single' || w === 'lone')) singular = true;
      any = true;
      j++;
      continue;
    }
    if (lex.tens[w] !== undefined) {
      if (any && current % 100 !== 0) break;
      current += lex.tens[w]!;
      any = true;
      j++;
      continue;
    }
    if (any && lex.scales[w] !== undefined) {
      const sc = lex.scales[w]!;
      if (sc >= 1000) {
        total += (current || 1) * sc;
        current = 0;
      } else current = (current || 1) * sc;
      singular = false;
      j++;
      continue;
    }
    if (any && w === 'and' && tokens[j - 1] && lex.scales[tokens[j - 1]!.lower] !== undefined) {
      const nx = tokens[j + 1]?.lower ?? '';
      if (lex.units[nx] !== undefined || lex.tens[nx] !== undefined || lex.tens[nx.split('-')[0]!] !== undefined) {
        j++;
        continue;
      }
    }
    break;
  }
  if (!any) return null;
  const value = total + current;
  if (singular && value !== 1) singular = false;
  return { value, end: j, singular };
}

/** A figure with its modifier at token i, or null. */
export function parseQuantity(tokens: Token[], i: number, lex: CasualtyLexicon): Quantity | null {
  let j = i;
  let mod: ModifierType | null = null;
  const m = matchAt(tokens, j, lex.modifiers);
  if (m) {
    mod = m.phrase.value;
    j = m.end;
  }
  // "between 10 and 15"
  if (tokens[j]?.lower === 'between') {
    const a = parseNumber(tokens, j + 1, lex);
    if (a && tokens[a.end]?.lower === 'and') {
      const b = parseNumber(tokens, a.end + 1, lex);
      if (b && b.value >= a.value) return { start: i, end: b.end, low: a.value, high: b.value, best: a.value, vague: false, qualifier: 'range', singular: false };
    }
    return null;
  }
  const t = tokens[j];
  if (!t) return null;
  const range = RANGE_RE.exec(t.text);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (b >= a && !(a >= 1800 && b >= 1800)) return { start: i, end: j + 1, low: a, high: b, best: a, vague: false, qualifier: 'range', singular: false };
    return null;
  }
  const fig = matchAt(tokens, j, lex.figures);
  let value: number;
  let end: number;
  let vague = false;
  let singular = false;
  let isFigureWord = false;
  if (fig) {
    value = fig.phrase.value.value;
    vague = fig.phrase.value.vague;
    end = fig.end;
    isFigureWord = true;
    if (tokens[end]?.lower === 'of') end++; // "dozens of", "a dozen of"
  } else {
    const n = parseNumber(tokens, j, lex);
    if (!n) return null;
    value = n.value;
    end = n.end;
    singular = n.singular;
  }
  let low = value;
  let high = value;
  let qualifier: Quantity['qualifier'] = 'exact';
  // "10 to 15", "two or three"
  const conn = tokens[end]?.lower;
  if (!isFigureWord && (conn === 'to' || conn === 'or' || conn === '-' || conn === '–')) {
    const b = parseNumber(tokens, end + 1, lex);
    if (b && b.value > value && !b.singular) {
      high = b.value;
      end = b.end;
      qualifier = 'range';
    }
  }
  if (mod === 'low') qualifier = 'at_least';
  else if (mod === 'approx') qualifier = qualifier === 'range' ? 'range' : 'approx';
  else if (mod === 'high') {
    qualifier = 'at_most';
    low = Math.min(1, high);
  }
  return { start: i, end, low, high, best: mod === 'high' ? high : low, vague, qualifier, singular: singular && mod === null };
}

const NP_STOP = new Set([
  'and', 'or', 'but', 'while', 'whereas', 'as', 'in', 'at', 'on', 'near', 'from', 'during', 'after', 'before', 'when', 'by',
  'with', 'without', 'to', 'into', 'for', 'who', 'which', 'that', 'whom', 'whose', 'were', 'was', 'are', 'is', 'have', 'has', 'had',
  'been', 'being', 'be', 'will', 'would', 'could', 'may', 'might', 'reportedly', 'allegedly', 'also', 'later', 'still', 'including',
  'among', 'across', 'inside', 'outside', 'around', 'over', 'under', 'since', 'until', 'than', 'per', 'each', 'got', 'this', 'last',
]);

/** Side of a run of words: the first strong victim word, else a weak one, else unknown. */
export function sideOf(tokens: Token[], from: number, to: number, lex: CasualtyLexicon): { side: VictimSide; person: boolean } {
  let weak: VictimSide | null = null;
  let person = false;
  for (let i = from; i < to; i++) {
    const v = matchAt(tokens, i, lex.victims);
    if (v && v.end <= to) {
      person = true;
      if (v.phrase.value.strong) return { side: v.phrase.value.side, person };
      weak ??= v.phrase.value.side;
      continue;
    }
    if (matchAt(tokens, i, lex.generic)) person = true;
  }
  return { side: weak ?? 'unknown', person };
}

function isPersonWord(tokens: Token[], i: number, lex: CasualtyLexicon): boolean {
  return matchAt(tokens, i, lex.victims) !== null || matchAt(tokens, i, lex.generic) !== null;
}

/** A person word within the next two tokens, before any stop word: "Muslim rubber farmers". */
function personSoon(tokens: Token[], i: number, lex: CasualtyLexicon): boolean {
  for (let k = i + 1; k <= i + 2 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.punct || NP_STOP.has(t.lower)) return false;
    if (isPersonWord(tokens, k, lex)) return true;
  }
  return false;
}

/** Demonym-like plural ("Palestinians", "Kurds"): a capitalised word ending in s, used as a person noun. */
export function looksLikePeople(t: Token): boolean {
  return /^\p{Lu}[\p{Ll}]+(?:ans|ians|ese|is|s)$/u.test(t.text) && !/(?:ss|us)$/.test(t.text);
}

/**
 * The noun phrase after a figure ("security officials", "members of the security forces",
 * or nothing): whether it names people, and their side. `isCue(i)` tells where a casualty
 * cue starts, which ends the phrase ("eight dead").
 */
export function countedNoun(tokens: Token[], q: Quantity, lex: CasualtyLexicon, isCue: (i: number) => boolean): CountedNoun {
  let i = q.end;
  let words = 0;
  let ofSeen = q.start < q.end && tokens[q.end - 1]?.lower === 'of';
  let head = -1;
  let headBeforeOf = -1;
  let personAt = -1;
  while (i < tokens.length && words < 9) {
    const t = tokens[i]!;
    if (t.punct && t.text !== "'" && t.text !== '’') break;
    if (isCue(i) && !(words === 0 && isPersonWord(tokens, i, lex) && !matchAt(tokens, i, lex.generic))) break;
    if (t.lower === 'of') {
      if (ofSeen || words === 0 && q.end > q.start && tokens[q.end - 1]?.lower === 'of') break;
      ofSeen = true;
      headBeforeOf = head;
      i++;
      continue;
    }
    if (NP_STOP.has(t.lower)) break;
    // "A member of the force said …": a speech verb ends the phrase
    if (matchAt(tokens, i, lex.speechVerbs)) break;
    // Articles start a new phrase except right after "of": "a firefight left a suspected insurgent".
    if ((t.lower === 'a' || t.lower === 'an' || t.lower === 'the') && !(tokens[i - 1]?.lower === 'of')) break;
    if (DIGITS_RE.test(t.text) && !ofSeen) break;
    if (!ofSeen && words >= 5) break;
    // Once a person noun is read, the phrase ends unless "of", another person word or a name follows.
    if (!ofSeen && personAt >= 0 && personAt === i - 1 && !isPersonWord(tokens, i, lex) && !personSoon(tokens, i, lex)) break;
    const v = matchAt(tokens, i, lex.victims) ?? matchAt(tokens, i, lex.generic);
    if (v) {
      words += v.end - i;
      head = v.end - 1;
      personAt = v.end - 1;
      i = v.end;
      continue;
    }
    words++;
    head = i;
    i++;
  }
  if (words === 0) {
    // A bare "a"/"an" counts nothing ("a firefight" is no figure); a bare "one" does ("one dead").
    const article = q.singular && (tokens[q.start]?.lower === 'a' || tokens[q.start]?.lower === 'an');
    return { end: q.end, person: !article, bare: true, side: 'unknown' };
  }
  const { side } = sideOf(tokens, q.end, i, lex);
  // The head noun decides whether people are counted: "police checkpoints" counts checkpoints.
  const headIdx = headBeforeOf >= 0 ? headBeforeOf : head;
  const headTok = tokens[headIdx];
  if (!headTok) return { end: i, person: false, bare: false, side };
  if (isPersonWord(tokens, headIdx, lex) || personAt === headIdx) return { end: i, person: true, bare: false, side };
  // "members of X": the head before "of" is a person word, checked above; a demonym head counts people.
  if (looksLikePeople(headTok) && matchAt(tokens, headIdx, lex.nonPerson) === null) return { end: i, person: true, bare: false, side: 'unknown' };
  // "five of the officials", "dozens of students": the counted noun is after "of".
  if (headBeforeOf < 0 && ofSeen && head >= 0 && (isPersonWord(tokens, head, lex) || personAt === head)) return { end: i, person: true, bare: false, side };
  return { end: i, person: false, bare: false, side };
}
