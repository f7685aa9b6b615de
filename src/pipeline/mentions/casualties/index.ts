/**
 * Casualty claims: figures of killed, injured, abducted and arrested people in each sentence,
 * with whose casualties they are (victim side) and who said so (source).
 *
 * A claim is a figure (numbers.ts) tied to a casualty cue written after it ("10 soldiers were
 * killed", "eight dead", "15 deaths") or before it ("killing three", "death toll rose to 20"),
 * following coordinations ("seven soldiers and 10 fighters were killed") and skipping asides
 * ("five people — three from A and two from B — were killed" is one claim of five).
 * Denials and "no one was hurt" give a claim of 0 with `negated`; deaths without a number
 * ("civilians were killed", "heavy casualties") give a `vague` claim holding ACLED's default
 * (3 for a limited attack, 10 when the text says heavy/many), for the event stage to weigh.
 * Cue words live in data/lexicons/casualties.json, numbers.json and sources.json.
 */
import type { Claim, ClaimKind, CleanText, Sentence, VictimSide } from '../../../model/index.js';
import { casualtyLexicon, type CasualtyLexicon } from './lexicon.js';
import { countedNoun, looksLikePeople, parseQuantity, sideOf, type CountedNoun, type Quantity } from './numbers.js';
import { documentSources, sourceBefore } from './sources.js';
import { matchAt, matchEndingAt, occursIn, tokenize, type Token } from './tokens.js';

/** ACLED's default for deaths reported without a number: 3 for a limited attack, 10 for a significant one. */
export const VAGUE_DEATHS_LIMITED = 3;
export const VAGUE_DEATHS_SIGNIFICANT = 10;

interface Figure {
  q: Quantity;
  np: CountedNoun;
}

interface Cue {
  kind: ClaimKind;
  start: number;
  end: number;
  via: 'after' | 'before';
}

interface Draft {
  start: number;
  end: number;
  kind: ClaimKind;
  low: number;
  high: number;
  best: number;
  victims: VictimSide;
  cueStart: number;
  negated?: boolean;
  vague?: boolean;
  qualifier?: Quantity['qualifier'];
  includesInjured?: boolean;
}

const COORD = new Set(['and', ',', 'plus', '&']);
const PLACE_PREP = new Set(['in', 'at', 'near', 'outside', 'around']);
/** Words after a cue that do not open its object ("killed by", "killed as", "killed while"). */
const NOT_OBJECT = new Set(['by', 'as', 'while', 'when', 'after', 'before', 'during', 'and', 'or', 'but', 'with', 'for', 'to', 'over', 'amid', 'following', 'since', 'this', 'last', 'yesterday', 'today', 'overnight', 'early', 'late', 'later', 'earlier', 'so', 'instantly', 'immediately', 'under', 'into', 'via', 'through', 'near', 'outside', 'inside', 'between', 'among', 'across', 'along', 'within', 'says', 'said', 'say', 'reports', 'report', 'official', 'officials', 'police', 'army', 'military', 'sources', 'witnesses', 'medics', 'residents']);
const AUX = new Set(['were', 'was', 'been', 'being', 'is', 'are', 'be', 'got', 'get']);
const PREP = new Set(['in', 'at', 'near', 'from', 'on', 'during', 'inside', 'outside', 'across', 'around']);
/** Titles written before a person's name ("Mr", "Chief", "Pastor"). */
const TITLES_BEFORE_NAME = new Set(['mr', 'mrs', 'ms', 'dr', 'chief', 'pastor', 'imam', 'father', 'sheikh', 'mayor', 'governor', 'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'sergeant', 'sgt', 'rev', 'reverend', 'bishop', 'senator', 'hon', 'alhaji', 'mallam', 'commander', 'judge', 'lawyer', 'journalist']);
/** Singular person nouns the victims lexicon has as side-less words. */
const SINGULAR_PEOPLE = new Set(['man', 'woman', 'person', 'child', 'boy', 'girl', 'teenager', 'leader', 'employee', 'worker', 'member', 'son', 'daughter', 'brother', 'sister', 'father', 'mother', 'husband', 'wife', 'commander', 'head', 'official', 'resident', 'relative', 'nephew', 'cousin']);
/** One word in quotation marks, between spaces or at the ends. */
const SCARE_QUOTED = /(^|\s)['‘"“](\p{L}+)['’"”](?=\s|$|[,.;:])/gu;
/** Quotation marks around a name in apposition. */
const QUOTE_CLOSE = /^["”’']$/;
const QUOTE_OPEN = /^["“‘']$/;
const PRE_SKIP = new Set(['the', 'an', 'a', 'another', 'some', 'all', 'dead', 'down', 'at', 'least']);
const ASIDE_OPEN = new Set(['including', 'among', 'many', 'most', 'mostly', 'some', 'all', 'both', 'one', 'two', 'mainly', 'mostly', 'nearly', 'among', 'according']);
const DETERMINERS = new Set(['the', 'those', 'these', 'his', 'her', 'their', 'its', 'our', 'this', 'that', 'whose']);
const PLURAL_PEOPLE = new Set(['people', 'men', 'women', 'children', 'policemen', 'gunmen', 'militiamen', 'servicemen', 'tribesmen', 'fishermen', 'herdsmen', 'clansmen', 'businessmen', 'armymen', 'police', 'personnel', 'youth', 'troops', 'persons', 'folk']);
const CASUALTY_VERBS = new Set(['suffered', 'suffering', 'caused', 'causing', 'inflicted', 'inflicting', 'sustained', 'resulting', 'resulted', 'incurred', 'reported']);

/** Speech words: a sentence's speaker speaks for the clauses up to where one of these stands. */
const SPEECH = /\b(?:said|says|say|told|tells|reported|reports|claimed|claims|according|announced|stated|confirmed|added)\b/i;

/**
 * True when the sentence's speaker speaks for a figure ending at `end`: no semicolon stands
 * between the figure and every speech word ("…killing two soldiers; the Taliban said they had
 * killed ten": the Taliban speak for the ten only).
 */
function speakerReaches(text: string, end: number): boolean {
  const semi = text.indexOf(';', end);
  if (semi < 0) return true;
  return SPEECH.test(text.slice(0, semi));
}

class SentenceClaims {
  readonly tokens: Token[];
  readonly afterAt: ({ kind: ClaimKind; end: number } | null)[];
  readonly beforeAt: boolean[];
  figures: Figure[] = [];
  /** Tokens used by a negation: no figure or vague claim is taken from them. */
  readonly covered: boolean[];
  readonly usedCue = new Set<number>();

  constructor(
    readonly text: string,
    readonly lex: CasualtyLexicon,
    /** A headline: articles are dropped there, so "Priest shot dead" counts one. */
    readonly heading = false,
  ) {
    // Scare quotes around one word ("Al-Shabab 'kills' three") read as the bare word; the
    // quotes become spaces so every offset still points into the sentence.
    this.tokens = tokenize(text.replace(SCARE_QUOTED, (_m, before: string, word: string) => `${before} ${word} `));
    this.afterAt = this.tokens.map((_, i) => {
      const m = matchAt(this.tokens, i, lex.after);
      return m ? { kind: m.phrase.value, end: m.end } : null;
    });
    this.beforeAt = this.tokens.map((_, i) => matchAt(this.tokens, i, lex.before) !== null);
    this.covered = this.tokens.map(() => false);
  }

  isCue = (i: number): boolean => this.afterAt[i] != null || this.beforeAt[i] === true;

  /** Negations: "no one was hurt", "denied that anyone was killed", "no casualties". */
  negations(): Draft[] {
    const out: Draft[] = [];
    const t = this.tokens;
    for (let i = 0; i < t.length; i++) {
      const m = matchAt(t, i, this.lex.negations);
      if (!m) continue;
      // The kind: a cue inside the phrase ("no casualties") or within eight tokens after it.
      let cue: { kind: ClaimKind; start: number; end: number } | null = null;
      for (let k = i; k < Math.min(t.length, m.end + 8); k++) {
        if (t[k]!.punct && k >= m.end && t[k]!.text !== ',') break;
        const a = this.afterAt[k];
        if (a) {
          cue = { kind: a.kind, start: k, end: a.end };
          break;
        }
        const b = matchAt(t, k, this.lex.before);
        if (b) {
          cue = { kind: b.phrase.value, start: k, end: b.end };
          break;
        }
      }
      const phrase = m.phrase.source;
      if (!cue && !/casualt|death|fatalit|injur|loss of life|lives/.test(phrase)) continue;
      let kind: ClaimKind = cue?.kind ?? 'killed';
      if (!cue && /injur/.test(phrase)) kind = 'injured';
      const end = cue ? Math.max(cue.end, m.end) : m.end;
      for (let k = i; k < end; k++) this.covered[k] = true;
      if (cue) for (let k = cue.start; k < cue.end; k++) this.usedCue.add(k);
      out.push({ start: i, end, kind, low: 0, high: 0, best: 0, victims: 'unknown', cueStart: cue?.start ?? i, negated: true });
      i = end - 1;
    }
    return out;
  }

  findFigures(): void {
    const t = this.tokens;
    for (let i = 0; i < t.length; i++) {
      if (this.covered[i] || t[i]!.punct) continue;
      const q = parseQuantity(t, i, this.lex);
      if (!q || q.end <= q.start) continue;
      if (q.vague && this.isCue(q.end) && t[q.end]?.lower === 'more') continue;
      const np = countedNoun(t, q, this.lex, this.isCue);
      if (!np.person) {
        i = Math.max(i, q.end - 1);
        continue;
      }
      this.figures.push({ q, np });
      i = Math.max(i, np.end - 1);
    }
  }

  private figureAt(start: number): Figure | undefined {
    return this.figures.find((f) => f.q.start === start);
  }

  private figureFrom(from: number, within: number): Figure | undefined {
    return this.figures.find((f) => f.q.start >= from && f.q.start <= from + within);
  }

  /** Skip an aside after a noun phrase: ", including …," "— … —" "( … )". Returns the index after it. */
  private skipAside(j: number): number {
    const t = this.tokens;
    const tok = t[j];
    if (!tok) return j;
    if (tok.text === ',' && t[j + 1] && ASIDE_OPEN.has(t[j + 1]!.lower)) {
      for (let k = j + 2; k < Math.min(t.length, j + 18); k++) if (t[k]!.text === ',') return k + 1;
      return j;
    }
    if (tok.text === '—' || tok.text === '–' || tok.text === '(' || (tok.text === '-' && t[j + 1] && !t[j + 1]!.punct)) {
      const close = tok.text === '(' ? ')' : tok.text;
      for (let k = j + 1; k < Math.min(t.length, j + 24); k++) if (t[k]!.text === close) return k + 1;
    }
    return j;
  }

  private skipWords(j: number, max = 5): number {
    let k = j;
    while (k < this.tokens.length && k - j < max && this.lex.skipBetween.has(this.tokens[k]!.lower)) k++;
    return k;
  }

  /** A cue after `j` usable for the figure before it (passive or intransitive), or null. */
  private cueAfter(j: number): Cue | null {
    const k = this.skipWords(j);
    const a = this.afterAt[k];
    if (!a) return null;
    // "10 gunmen killed 3 villagers": a transitive verb with a figure right after it is active,
    // unless an auxiliary shows the passive ("were killed, three of them children").
    const tr = matchAt(this.tokens, k, this.lex.transitive);
    const passive = this.tokens.slice(j, k).some((x) => AUX.has(x.lower));
    if (tr && tr.end === a.end && !passive) {
      let n = a.end;
      while (n < this.tokens.length && n - a.end < 2 && PRE_SKIP.has(this.tokens[n]!.lower)) n++;
      if (this.figureAt(n) || this.figureFrom(a.end, 0)) return null;
    }
    return { kind: a.kind, start: k, end: a.end, via: 'after' };
  }

  /** The cue for a figure written before it, following asides and coordinations. */
  postCue(f: Figure, depth = 0): Cue | null {
    if (depth > 6) return null;
    const t = this.tokens;
    let j = this.skipAside(f.np.end);
    const direct = this.cueAfter(j);
    if (direct) return direct;
    // A prepositional phrase between the subject and its verb: "eight members of a force in X died".
    if (t[j] && PREP.has(t[j]!.lower)) {
      for (let k = j + 1; k < Math.min(t.length, j + 9); k++) {
        const tok = t[k]!;
        if (tok.punct && tok.text !== "'" && tok.text !== '’') break;
        if (this.figureAt(k) || this.beforeAt[k] || matchAt(t, k, this.lex.speechVerbs)) break;
        if (this.lex.skipBetween.has(tok.lower) || this.afterAt[k]) {
          const c = this.cueAfter(k);
          if (c) return c;
        }
      }
    }
    // Coordination: "seven soldiers and 10 fighters were killed", "8 militants, 2 soldiers killed".
    if (t[j] && (COORD.has(t[j]!.lower) || (t[j]!.lower === 'as' && t[j + 1]?.lower === 'well' && t[j + 2]?.lower === 'as'))) {
      j += t[j]!.lower === 'as' ? 3 : 1;
      if (t[j]?.lower === 'and') j++;
      const next = this.figureAt(j);
      if (next && next !== f) return this.postCue(next, depth + 1);
    }
    return null;
  }

  /** The cue for a figure written after it ("killing three", "toll rose to 20"). */
  preCue(f: Figure, resolved: Map<Figure, Cue>): Cue | null {
    const t = this.tokens;
    const lexical = this.lexicalCueBefore(f);
    if (lexical) return lexical;
    // "The death toll from the attack has risen to 37": a toll verb, with a toll noun shortly before.
    for (let back = 0; back <= 1; back++) {
      const tv = matchEndingAt(t, f.q.start - back, this.lex.tollVerbs);
      if (!tv || (back === 1 && !PRE_SKIP.has(t[f.q.start - 1]!.lower))) continue;
      // the toll noun may carry a long complement: "the death toll from Sunday's attack on a church in Owo has risen to 22"
      if (occursIn(t, tv.start - 20, tv.start, this.lex.tollNouns)) return { kind: 'killed', start: tv.start, end: f.q.start - back, via: 'before' };
    }
    // "…killing 11 passengers, two residents and a health worker said": a figure in the list that
    // speaks is a source, not more dead
    if (this.speaksAfter(f.np.end)) return null;
    // Elliptic list after a passive: "two women were killed, two police officers and four civilians".
    if (t[f.q.start - 1]?.text === ',') {
      const m = matchEndingAt(t, f.q.start - 1, this.lex.after);
      if (m && this.usedCue.has(m.start)) return { kind: m.phrase.value, start: m.start, end: f.q.start - 1, via: 'before' };
    }
    // Coordination with a figure already tied to a cue before it: "killed five soldiers and four civilians".
    let p = f.q.start - 1;
    if (['his', 'her', 'their'].includes(t[p]?.lower ?? '')) p--; // "killed a farmer and his three sons"
    if (t[p]?.lower === 'and' && t[p - 1]?.text === ',') p--;
    if (t[p] && COORD.has(t[p]!.lower)) {
      const prev = this.figures.find((g) => g.np.end === p || this.skipAside(g.np.end) === p || this.skipPlace(g.np.end) === p);
      const c = prev ? resolved.get(prev) : undefined;
      if (c && c.via === 'before') {
        // "three protesters in Nairobi and two in Mombasa": the bare figure counts the same people
        if (f.np.bare && f.np.side === 'unknown') this.sideOfBare.set(f, prev!.np.side);
        return c;
      }
    }
    return null;
  }

  /** A cue phrase right before the figure ("killing three", "claimed the lives of 12"), or null. */
  private lexicalCueBefore(f: Figure): Cue | null {
    const t = this.tokens;
    for (let back = 0; back <= 2; back++) {
      const end = f.q.start - back;
      if (end < 0) break;
      let ok = true;
      for (let k = end; k < f.q.start; k++) if (!PRE_SKIP.has(t[k]!.lower)) ok = false;
      if (!ok) break;
      const m = matchEndingAt(t, end, this.lex.before);
      if (m) return { kind: m.phrase.value, start: m.start, end, via: 'before' };
    }
    return null;
  }

  /** True when a speech verb follows within the list that starts at `from` ("… and a health worker said"). */
  private speaksAfter(from: number): boolean {
    const t = this.tokens;
    for (let k = from; k < t.length && k < from + 7; k++) {
      if (matchAt(t, k, this.lex.speechVerbs)) return true;
      if ((t[k]!.punct && t[k]!.text !== ',') || this.isCue(k)) return false;
    }
    return false;
  }

  /** Sides carried to bare coordinated figures ("… and two in Mombasa"). */
  readonly sideOfBare = new Map<Figure, VictimSide>();

  /** Skip a place phrase after a noun phrase ("in Nairobi", "near the border town"); the index after it, or `j`. */
  private skipPlace(j: number): number {
    const t = this.tokens;
    if (!t[j] || !PLACE_PREP.has(t[j]!.lower)) return j;
    let k = j + 1;
    while (k < t.length && k <= j + 4 && (/^\p{Lu}/u.test(t[k]!.text) || t[k]!.lower === 'the')) k++;
    return k > j + 1 ? k : j;
  }

  /** Figures tied to cues. */
  figureClaims(): Draft[] {
    const out: Draft[] = [];
    const resolved = new Map<Figure, Cue>();
    for (const f of this.figures) {
      // "A member of the force said 23 people had died": the figure speaks, it does not die
      if (matchAt(this.tokens, f.np.end, this.lex.speechVerbs)) continue;
      // A verb right before the figure binds it more closely than one reached through a list:
      // "claims the life of a police officer, 15 people injured"
      const post = this.postCue(f);
      const viaList = post !== null && post.start !== this.cueAfter(this.skipAside(f.np.end))?.start;
      const cue = (viaList ? this.lexicalCueBefore(f) : null) ?? post ?? this.preCue(f, resolved);
      if (!cue) continue;
      resolved.set(f, cue);
      for (let k = cue.start; k < cue.end; k++) this.usedCue.add(k);
      let side = this.sideOfBare.get(f) ?? f.np.side;
      // A bare figure: "eight dead among the volunteers", "killing three of them".
      if (side === 'unknown' && cue.via === 'after' && this.tokens[cue.end]?.lower === 'among') {
        side = sideOf(this.tokens, cue.end + 1, Math.min(this.tokens.length, cue.end + 5), this.lex).side;
      }
      const start = Math.min(f.q.start, cue.start);
      let end = Math.max(f.np.end, cue.end);
      // "a child was also killed among them": the claim keeps the words that make it part of a toll
      if (this.tokens[end]?.lower === 'among' && ['them', 'those', 'the'].includes(this.tokens[end + 1]?.lower ?? '')) end += this.tokens[end + 1]!.lower === 'the' ? 3 : 2;
      const cueText = this.tokens.slice(cue.start, cue.end).map((x) => x.lower).join(' ');
      const d: Draft = {
        start,
        end,
        kind: cue.kind,
        low: f.q.low,
        high: f.q.high,
        best: f.q.best,
        victims: side,
        cueStart: cue.start,
        qualifier: f.q.qualifier,
      };
      if (f.q.vague) d.vague = true;
      if (/casualt/.test(cueText)) d.includesInjured = true;
      // "kill a former officer and his friend": one more person, named by a possessive
      const t = this.tokens;
      if (cue.via === 'before' && !f.q.vague && t[end]?.lower === 'and' && ['his', 'her', 'their'].includes(t[end + 1]?.lower ?? '')) {
        const w = t[end + 2];
        const one = w && !/s$/.test(w.lower) && (matchAt(t, end + 2, this.lex.victims) !== null || SINGULAR_PEOPLE.has(w.lower) || ['friend', 'companion', 'colleague', 'partner', 'fiance', 'fiancé', 'fiancee', 'neighbour', 'neighbor', 'guest', 'bodyguard', 'driver', 'aide'].includes(w.lower));
        if (one) {
          d.low += 1;
          d.high += 1;
          d.best += 1;
          d.end = end + 3;
        }
      }
      out.push(d);
    }
    return out;
  }

  /**
   * Headline singulars, where articles are dropped: "Priest found dead", "Gunmen kill trader,
   * teacher" count one person per noun. Only for headings: in running text "the soldier was
   * killed" usually repeats a person counted elsewhere.
   */
  headlineSingulars(): Draft[] {
    const out: Draft[] = [];
    const t = this.tokens;
    // Outside headings only a bare noun opening the sentence counts ("Man shot dead after …"),
    // a headline's style that running prose never uses.
    const opensSentence = (i: number) => {
      for (let k = i - 1; k >= 0; k--) if (t[k]!.punct || DETERMINERS.has(t[k]!.lower) || this.isCue(k) || /^\d/.test(t[k]!.text)) return false;
      return true;
    };
    const singular = (i: number) => {
      const tok = t[i];
      if (!tok || tok.punct || /^\d/.test(tok.text)) return false;
      const person = matchAt(t, i, this.lex.victims) !== null || SINGULAR_PEOPLE.has(tok.lower) || matchAt(t, i, this.lex.generic) !== null;
      return person && (!/s$/.test(tok.lower) || /(?:ss|us)$/.test(tok.lower)) && !/(?:men|people|children)$/.test(tok.lower) && !['those', 'them', 'dead', 'more', 'others', 'lives', 'bodies'].includes(tok.lower);
    };
    const unmarked = (i: number) => {
      // Walk back over the noun's modifiers; no article, number or possessive may open the phrase.
      for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
        const w = t[k]!;
        if (w.punct || this.isCue(k)) return true;
        if (/^\d{1,3}-years?-old$/i.test(w.text)) continue; // "48-year-old man": an age, not a count
        if (DETERMINERS.has(w.lower) || w.lower === 'a' || w.lower === 'an' || w.lower === 'of' || /^\d/.test(w.text) || parseQuantity(t, k, this.lex)) return false;
      }
      return true;
    };
    const seen = new Set<number>();
    for (let k = 0; k < t.length; k++) {
      if (this.usedCue.has(k) || this.covered[k]) continue;
      const a = this.afterAt[k];
      if (a && a.kind === 'killed') {
        let b = k - 1;
        // a quoted name in apposition: 'Journalist "A. B." assassinated'
        if (b > 0 && QUOTE_CLOSE.test(t[b]!.text)) {
          let q = b - 1;
          while (q >= 0 && b - q <= 6 && !QUOTE_OPEN.test(t[q]!.text)) q--;
          if (q >= 0 && b - q <= 6) b = q - 1;
        }
        const cueAt = b + 1;
        while (b >= 0 && this.lex.skipBetween.has(t[b]!.lower) && cueAt - b <= 4) b--;
        const passive = t[a.end]?.lower === 'by'; // "Man killed by gunmen": the agent follows
        // "Person killed and five injured": what follows "and" is another clause, not an object
        const active = !passive && t[a.end]?.lower !== 'and' && (this.figureFrom(a.end, 1) !== undefined || singular(a.end) || singular(a.end + 1) || this.objectFollows(a.end));
        // "His bodyguard was also killed": one more person, whatever the determiner
        // (not "…was also killed among them": one of those already counted)
        const also = t.slice(b + 1, k).some((x) => x.lower === 'also') && t[a.end]?.lower !== 'among';
        if (b >= 0 && !seen.has(b) && singular(b) && (unmarked(b) || also) && (b < k - 1 || !active) && (this.heading || opensSentence(b) || also)) {
          seen.add(b);
          out.push({ start: b, end: a.end, kind: 'killed', low: 1, high: 1, best: 1, victims: sideOf(t, b, b + 1, this.lex).side, cueStart: k });
          continue;
        }
      }
      // "Man's body found", "the body of a woman was recovered": one person found dead
      if (t[k]!.lower === 'body' && !seen.has(k) && (this.heading || opensSentence(k)) && !(k > 0 && (/^\d/.test(t[k - 1]!.text) || parseQuantity(t, k - 1, this.lex)))) {
        let v = k + 1;
        while (v < t.length && v - k <= 3 && ['was', 'has', 'had', 'been', 'is', 'later', 'reportedly'].includes(t[v]!.lower)) v++;
        if (this.lex.bodyFound.has(t[v]?.lower ?? '')) {
          seen.add(k);
          out.push({ start: k, end: v + 1, kind: 'killed', low: 1, high: 1, best: 1, victims: 'unknown', cueStart: k });
          continue;
        }
      }
      if (this.beforeAt[k] && this.heading) {
        const m = matchAt(t, k, this.lex.before);
        if (!m || m.phrase.value !== 'killed' || /(?:of|to|at|is|was|tops|topped|hit|hits|passed|exceeds|exceeded|surpassed)$/.test(m.phrase.source)) continue;
        // "kill humanitarian worker, teacher", "kills man and three children": one per listed
        // singular noun (up to two modifiers each), plus numbered groups in the list; one claim.
        let o = m.end;
        let count = 0;
        let end = o;
        let side: VictimSide | null = null;
        while (o < t.length) {
          // "shot dead by unidentified gunmen": the agent, not a victim; "X was shot dead by…" is one death
          if (t[o]!.lower === 'by') {
            if (count === 0 && t[o]!.lower === 'by' && t[k - 1]?.lower === 'was') {
              count = 1;
              end = o;
              side = 'unknown';
            }
            break;
          }
          const q = count > 0 ? parseQuantity(t, o, this.lex) : null;
          if (q && !q.vague) {
            const np = countedNoun(t, q, this.lex, (i) => this.isCue(i));
            if (!np.person || np.bare) break;
            count += q.best;
            end = np.end;
            side = side === null || side === np.side ? np.side : 'unknown';
          } else {
            let h = o;
            while (h < o + 3 && h < t.length && !singular(h) && !t[h]!.punct && !DETERMINERS.has(t[h]!.lower) && !/^\d/.test(t[h]!.text) && !this.isCue(h)) h++;
            if (!singular(h) || seen.has(h) || (h > o && parseQuantity(t, o, this.lex))) break;
            while (singular(h + 1) && h + 1 < o + 4) h++; // a compound: "humanitarian worker"
            seen.add(h);
            count++;
            end = h + 1;
            const hs = sideOf(t, h, h + 1, this.lex).side;
            side = side === null || side === hs ? hs : 'unknown';
          }
          const sep = t[end]?.lower;
          if (sep !== ',' && sep !== 'and' && sep !== '&') break;
          o = end + 1;
          if (t[o]?.lower === 'and') o++;
        }
        if (count > 0) out.push({ start: k, end, kind: 'killed', low: count, high: count, best: count, victims: side ?? 'unknown', cueStart: k });
      }
    }
    return out;
  }

  /**
   * One named or singular person killed, told with more words between than headlineSingulars
   * reads: "A martyr killed by …", "Member of National Guards killed", "Son of the late ruler
   * killed", "man abducted and shot dead", "a woman raped and then killed", "A commander of the
   * group, Shafiq, also known as Osama, was killed". The phrase must open the sentence or a
   * clause (after ":" or "|") or start with "a"/"an"/"one": a definite "the soldier" usually
   * repeats a person counted elsewhere. One death per such phrase.
   */
  singularSubjects(seen: Set<number>): Draft[] {
    const out: Draft[] = [];
    const t = this.tokens;
    const person = (i: number) => {
      const tok = t[i];
      if (!tok || tok.punct || /^\d/.test(tok.text)) return false;
      return matchAt(t, i, this.lex.victims) !== null || matchAt(t, i, this.lex.generic) !== null || SINGULAR_PEOPLE.has(tok.lower) || tok.lower === 'martyr';
    };
    const plural = (w: string) => (/s$/.test(w) && !/(?:ss|us)$/.test(w)) || /(?:men|people|children)$/.test(w);
    for (let k = 1; k < t.length; k++) {
      const a = this.afterAt[k];
      if (!a || a.kind !== 'killed' || this.usedCue.has(k) || this.covered[k]) continue;
      // "killed three", "killed the chief": the cue is active, its object counts (elsewhere)
      const after = t[a.end];
      if (after && after.lower !== 'by' && (this.figureFrom(a.end, 0) || ['a', 'an', 'the'].includes(after.lower) || DETERMINERS.has(after.lower) || person(a.end) || this.objectFollows(a.end))) continue;
      let j = k - 1;
      while (j >= 0 && this.lex.skipBetween.has(t[j]!.lower) && k - j <= 4) j--;
      // "abducted and shot dead", "raped and then killed": the first participle's subject
      if (j >= 1 && (t[j]!.lower === 'then' || t[j]!.lower === 'and')) {
        if (t[j]!.lower === 'then' && t[j - 1]?.lower === 'and') j--;
        if (t[j]!.lower === 'and' && /(?:ed|en)$/.test(t[j - 1]?.lower ?? '')) j -= 2;
      }
      // ", Shafiq, also known as Osama,": asides naming the person, back to the first comma
      if (j >= 1 && t[j]!.text === ',') {
        let first = j;
        for (let q = j - 1; q >= 0 && first - q <= 12; q--) {
          if (t[q]!.punct && t[q]!.text !== ',') break;
          if (t[q]!.text === ',') first = q;
        }
        if (first < j) j = first - 1;
      }
      // The phrase: back to the clause start, at most 9 words, no cue inside.
      let start = j;
      // (a figure or a speech verb ends it: "A member of the force said 23 people had died")
      while (start > 0 && j - start < 9 && !t[start - 1]!.punct && !this.isCue(start - 1) && !/^\d/.test(t[start - 1]!.text) && !matchAt(t, start - 1, this.lex.speechVerbs)) start--;
      if (t.slice(start, j + 1).some((x, i) => /^\d/.test(x.text) || matchAt(t, start + i, this.lex.speechVerbs))) continue;
      const opener = start === 0 || /^[:|–—-]$/.test(t[start - 1]!.text);
      const article = ['a', 'an', 'one'].includes(t[start]!.lower);
      if (!opener && !article) continue;
      // The head: the first person word of the phrase, before any "of" (so "Member of National Guards").
      let head = -1;
      for (let h = start; h <= j; h++) {
        if (t[h]!.lower === 'of') break;
        if (person(h)) head = h;
      }
      if (head < 0 || plural(t[head]!.lower) || seen.has(head)) continue;
      if (t.slice(start, head).some((x) => /^\d/.test(x.text) || DETERMINERS.has(x.lower))) continue;
      seen.add(head);
      this.usedCue.add(k);
      out.push({ start, end: a.end, kind: 'killed', low: 1, high: 1, best: 1, victims: sideOf(t, head, head + 1, this.lex).side, cueStart: k });
    }
    return out;
  }

  /**
   * One named person killed as the object of the cue: "Gunmen shot dead Mr Zaria Ibrahim",
   * "killed Chief Emeka Okafor", "shot dead mayoral candidate Carlos Ruiz". Up to three role words
   * (lower case, or a title) before a capitalised name of one to four words.
   */
  namedObjects(): Draft[] {
    const out: Draft[] = [];
    const t = this.tokens;
    for (let k = 0; k < t.length; k++) {
      if (!this.beforeAt[k] || this.usedCue.has(k) || this.covered[k]) continue;
      const m = matchAt(t, k, this.lex.before);
      if (!m || m.phrase.value !== 'killed' || /of$|to$|at$|is$|was$/.test(m.phrase.source)) continue;
      let o = m.end;
      let roles = 0;
      while (o < t.length && roles < 3 && !t[o]!.punct && (TITLES_BEFORE_NAME.has(t[o]!.lower) || (/^\p{Ll}/u.test(t[o]!.text) && !DETERMINERS.has(t[o]!.lower) && !PREP.has(t[o]!.lower) && !['a', 'an', 'the', 'and', 'two', 'three'].includes(t[o]!.lower) && !/s$/.test(t[o]!.lower)))) {
        o++;
        roles++;
      }
      let name = o;
      while (name < t.length && name - o < 4 && !t[name]!.punct && /^\p{Lu}/u.test(t[name]!.text) && !this.isCue(name)) name++;
      if (name === o || this.figures.some((f) => f.q.start >= m.end && f.q.start < name)) continue;
      this.usedCue.add(k);
      out.push({ start: k, end: name, kind: 'killed', low: 1, high: 1, best: 1, victims: roles ? sideOf(t, m.end, o, this.lex).side : 'unknown', cueStart: k });
    }
    return out;
  }

  /** A lower-case content word right after a cue reads as its object: "shot dead prison guard". */
  private objectFollows(i: number): boolean {
    const w = this.tokens[i];
    if (!w || w.punct || !/^\p{Ll}/u.test(w.text)) return false;
    return !PREP.has(w.lower) && !NOT_OBJECT.has(w.lower) && !this.isCue(i);
  }

  /** Deaths without a number: "civilians were killed", "killing villagers", "heavy casualties". */
  vagueClaims(): Draft[] {
    const out: Draft[] = [];
    const t = this.tokens;
    const heavyNear = (from: number, to: number) => occursIn(t, Math.max(0, from), Math.min(t.length, to), this.lex.vagueHeavy);
    const plural = (i: number) => {
      const tok = t[i];
      if (!tok || tok.punct) return false;
      if (['those', 'them', 'others', 'dead', 'more', 'bodies', 'lives', 'casualties', 'ones', 'members'].includes(tok.lower)) return false;
      const isPerson = matchAt(t, i, this.lex.victims) !== null || ['people', 'persons', 'individuals', 'victims', 'operatives', 'elements', 'martyrs'].includes(tok.lower) || looksLikePeople(tok);
      return isPerson && (PLURAL_PEOPLE.has(tok.lower) || /s$/.test(tok.lower));
    };
    const determined = (i: number) => {
      for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
        const w = t[k]!;
        if (DETERMINERS.has(w.lower)) return true;
        if (w.punct || this.isCue(k) || /^\d/.test(w.text) || this.lex.skipBetween.has(w.lower)) return false;
      }
      return false;
    };
    for (let k = 0; k < t.length; k++) {
      if (this.usedCue.has(k) || this.covered[k]) continue;
      const a = this.afterAt[k];
      if (a && a.kind === 'killed') {
        const word = t[k]!.lower;
        if (word === 'casualties') {
          const prev = t[k - 1]?.lower ?? '';
          if (heavyNear(k - 2, k) || CASUALTY_VERBS.has(prev) || CASUALTY_VERBS.has(t[k - 2]?.lower ?? '')) {
            const heavy = heavyNear(k - 2, k);
            const start = heavy || CASUALTY_VERBS.has(prev) ? k - 1 : k - 2;
            const v = heavy ? VAGUE_DEATHS_SIGNIFICANT : VAGUE_DEATHS_LIMITED;
            out.push({ start, end: a.end, kind: 'killed', low: v, high: v, best: v, victims: 'unknown', cueStart: k, vague: true, includesInjured: true });
            k = a.end - 1;
          }
          continue;
        }
        if (['deaths', 'fatalities', 'bodies', 'corpses', 'martyrs', 'dead', 'die', 'dies'].includes(word)) continue;
        // Subject before the cue, through "were"/"have been": "civilians were killed".
        let b = k - 1;
        while (b >= 0 && this.lex.skipBetween.has(t[b]!.lower) && k - b <= 5) b--;
        // (a name or title after the cue is its object: "Gunmen shot dead Mr Ibrahim", "…killed Chief Okafor")
        const named = !!t[a.end] && /^\p{Lu}/u.test(t[a.end]!.text) && !t[a.end]!.punct;
        const active = named || this.figureFrom(a.end, 1) !== undefined || plural(a.end) || plural(a.end + 1) || this.objectFollows(a.end);
        if (b >= 0 && (b < k - 1 || !active) && plural(b) && !determined(b) && !this.figures.some((f) => f.np.end > b && f.q.start <= b)) {
          const heavy = heavyNear(b - 2, k);
          const v = heavy ? VAGUE_DEATHS_SIGNIFICANT : VAGUE_DEATHS_LIMITED;
          const side = sideOf(t, b, b + 1, this.lex).side;
          out.push({ start: b, end: a.end, kind: 'killed', low: v, high: v, best: v, victims: side, cueStart: k, vague: true });
          k = a.end - 1;
          continue;
        }
      }
      // Object after an active cue: "killing civilians", "killed several villagers" is a figure already.
      if (this.beforeAt[k]) {
        const m = matchAt(t, k, this.lex.before);
        if (!m || m.phrase.value !== 'killed' || /of$|to$|at$|is$|was$/.test(m.phrase.source)) continue;
        if (t[m.end]?.lower === 'by') continue; // "shot dead by unidentified gunmen": the agent
        let o = m.end;
        for (let n = 0; n < 2 && t[o] && !t[o]!.punct && !plural(o) && !this.isCue(o) && !DETERMINERS.has(t[o]!.lower) && !/^\d/.test(t[o]!.text) && !PREP.has(t[o]!.lower); n++) o++;
        if (plural(o) && !this.figures.some((f) => f.q.start >= m.end && f.q.start <= o)) {
          const heavy = heavyNear(k - 3, o + 1);
          const v = heavy ? VAGUE_DEATHS_SIGNIFICANT : VAGUE_DEATHS_LIMITED;
          out.push({ start: k, end: o + 1, kind: 'killed', low: v, high: v, best: v, victims: sideOf(t, o, o + 1, this.lex).side, cueStart: k, vague: true });
          k = o;
        }
      }
    }
    return out;
  }
}

/**
 * Find casualty claims in every sentence.
 *
 * Returns claims in text order. Each has offsets into `doc.text` with
 * `doc.text.slice(start, end) === text`; `low`/`high`/`best` in people; `kind` killed, injured,
 * abducted or arrested (injured are never deaths); `victims` the side when the phrase names it;
 * `source` the sentence's speaker or attribution, or null. Optional flags: `negated` (a figure of
 * 0 from a denial or "no one was hurt"), `vague` (no number given: "several", "civilians were
 * killed"; low = high = best = the default), `hypothetical` ("could have killed"), `disputed`
 * (the sentence denies it), `qualifier`, `includes_injured` ("casualties").
 * Never throws on odd text (a sentence that trips a rule gives no claims); throws only when a
 * lexicon file is missing or malformed.
 */
export function findClaims(doc: CleanText, sentences: Sentence[]): Claim[] {
  const lex = casualtyLexicon();
  const sources = documentSources(sentences);
  const out: Claim[] = [];
  for (const s of sentences) {
    if (!s.text || !/\p{L}/u.test(s.text)) continue;
    let drafts: Draft[] = [];
    let sc: SentenceClaims;
    try {
      const heading = s.heading || !/[.!?"”]\s*$/.test(s.text);
      sc = new SentenceClaims(s.text, lex, heading);
      drafts = sc.negations();
      sc.findFigures();
      drafts.push(...sc.figureClaims());
      drafts.push(...sc.headlineSingulars());
      drafts.push(...sc.singularSubjects(new Set(drafts.filter((d) => d.kind === 'killed').map((d) => d.start))));
      drafts.push(...sc.namedObjects());
      // A sentence that gives a number of deaths needs no default for its vague words.
      const counted = drafts.some((d) => d.kind === 'killed' && !d.negated && !d.vague);
      if (!counted) drafts.push(...sc.vagueClaims());
    } catch {
      continue;
    }
    drafts.sort((a, b) => a.start - b.start);
    const t = sc.tokens;
    for (const d of drafts) {
      const a = t[d.start];
      const z = t[d.end - 1];
      if (!a || !z) continue;
      const start = s.start + a.start;
      const end = s.start + z.end;
      const c: Claim = {
        sentence: s.index,
        start,
        end,
        kind: d.kind,
        low: d.low,
        high: d.high,
        best: d.best,
        victims: d.victims,
        source: sourceBefore(s.text, a.start) ?? (speakerReaches(s.text, z.end) ? sources[s.index] : null) ?? null,
        text: doc.text.slice(start, end),
      };
      if (d.negated) c.negated = true;
      if (d.vague) c.vague = true;
      if (d.qualifier && d.qualifier !== 'exact') c.qualifier = d.qualifier;
      if (d.includesInjured) c.includes_injured = true;
      if (!d.negated) {
        // "the toll could be as high as 22" is an upper estimate, not a hypothetical event
        // (within the claim's clause: "Kidnapping foiled, 8 dead" is a real toll)
        let clauseStart = Math.max(0, d.start - 5);
        for (let q = d.start - 1; q >= clauseStart; q--) if (t[q]!.punct && /^[,;:|]$/.test(t[q]!.text)) clauseStart = q + 1;
        // (but "up to 100 could have been killed if the bomb had exploded" stays a hypothetical)
        const counterfactual = t.some((x) => ['if', 'would', 'unless', 'averted', 'prevented', 'foiled', 'thwarted'].includes(x.lower));
        const estimate = d.qualifier === 'at_most' && !counterfactual;
        if (!estimate && (occursIn(t, clauseStart, d.cueStart, lex.hypothetical) || occursIn(t, Math.max(clauseStart, d.cueStart - 3), d.cueStart, lex.hypothetical))) c.hypothetical = true;
        if (occursIn(t, 0, d.start, lex.denials)) c.disputed = true;
      }
      if (c.text !== s.text.slice(a.start, z.end)) continue;
      out.push(c);
    }
  }
  return out;
}
