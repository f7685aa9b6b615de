/**
 * Trigger cues: the words that signal an event of some kind, found in a sentence with
 * their offsets, and the modifiers (negation, hypothetical, background) that cancel them.
 * The cue lists are data: data/lexicons/triggers.json.
 */
import { readDataJson } from '../data.js';

/** Categories of trigger cues in data/lexicons/triggers.json. */
export const CUE_CATEGORIES = [
  'protest',
  'protest_intervention',
  'protest_lethal',
  'riot_violence',
  'mob',
  'armed_clash',
  'attack_generic',
  'overtake',
  'regain',
  'air',
  'shelling',
  'suicide',
  'ied',
  'grenade',
  'chemical',
  'sexual',
  'abduction',
  'arrest',
  'agreement',
  'change_group',
  'disrupted',
  'hq',
  'looting',
  'transfer',
  'other_sd',
] as const;
export type CueCategory = (typeof CUE_CATEGORIES)[number];

/** One cue found in a sentence; offsets into the document text. */
export interface Cue {
  category: CueCategory;
  start: number;
  end: number;
  text: string;
  /** The category weight, halved for a weak cue; 0 for a qualifier (transfer.peaceful, mob.crowd_acts). */
  weight: number;
}

interface CategoryJson {
  weight: number;
  patterns: string[];
  weak?: string[];
  /** riot_violence only: cues that by themselves mean a crowd acting (stone-throwing, rioting). */
  crowd?: string[];
  /** riot_violence only: words that call an event violent without saying who acted ("turned violent"). */
  descriptive?: string[];
  /** protest_lethal only: words that give an outcome (killed, injured) without naming force used on protesters. */
  outcome?: string[];
  /** transfer only: words that make ground taken in the sentence a peaceful handover ("after the troops left"); no event by themselves. */
  peaceful?: string[];
  /** mob only: killings a crowd of civilians commits ("beat … to death"), a mob's act only when no armed or state actor is named; no event by themselves. */
  crowd_acts?: string[];
}

/** The compiled trigger lexicon. */
export interface TriggerLexicon {
  /** Per category one expression: group `s` a strong cue, group `w` a weak one. */
  categories: { category: CueCategory; weight: number; re: RegExp | null }[];
  negation: RegExp;
  hypothetical: RegExp;
  background: RegExp;
  speech: RegExp;
  /** Words that make a following killing the protest's grievance, not force used on it. */
  grievance: RegExp;
  /** Where a protest sentence starts telling what the protest is about (scanning, not anchored). */
  grievanceClause: RegExp;
  /** Riot cues that need no protest word to be a crowd's violence (whole-cue match). */
  crowd: RegExp | null;
  /** Riot cues that describe violence without naming the crowd's act (whole-cue match). */
  descriptive: RegExp | null;
  /** protest_lethal cues that only give an outcome (whole-cue match). */
  outcome: RegExp | null;
}

function alternation(patterns: string[] | undefined, flags = 'gi'): RegExp | null {
  if (!patterns || patterns.length === 0) return null;
  // Longest first so that "suicide bomber" wins over "suicide".
  const sorted = [...patterns].sort((a, b) => b.length - a.length);
  // \b (fast to scan for) plus a check that no hyphen precedes the match, done by the caller
  // (see startsWord): a lookbehind at every position made scanning several times slower.
  return new RegExp(`\\b(?:${sorted.join('|')})(?![\\w-])`, flags);
}

/** One scan per category: strong patterns first (longest first), then weak ones, then qualifiers (group `q`, weight 0). */
function strongOrWeak(strong: string[], weak: string[], qualifiers: string[] = []): RegExp | null {
  const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
  const parts = [strong.length ? `(?<s>${alt(strong)})` : '', weak.length ? `(?<w>${alt(weak)})` : '', qualifiers.length ? `(?<q>${alt(qualifiers)})` : ''].filter(Boolean);
  return parts.length ? new RegExp(`\\b(?:${parts.join('|')})(?![\\w-])`, 'gi') : null;
}

let cached: TriggerLexicon | null = null;

/** Load and compile data/lexicons/triggers.json (once). Throws when the file is missing or malformed. */
export function loadTriggerLexicon(): TriggerLexicon {
  if (cached) return cached;
  const json = readDataJson<Record<string, CategoryJson | { patterns: string[] }>>('lexicons', 'triggers.json');
  const categories = CUE_CATEGORIES.map((category) => {
    const c = json[category] as CategoryJson | undefined;
    if (!c) throw new Error(`triggers.json: category ${category} missing`);
    // (qualifiers, a transfer's "peaceful" words and a mob's "crowd_acts", are cues of weight 0:
    // they qualify other cues and never make an event by themselves)
    return { category, weight: c.weight, re: strongOrWeak(c.patterns, c.weak ?? [], [...(c.peaceful ?? []), ...(c.crowd_acts ?? [])]) };
  });
  const mod = (k: string) => alternation((json[k] as { patterns: string[] }).patterns)!;
  const { crowd, descriptive } = json.riot_violence as CategoryJson;
  const { outcome } = json.protest_lethal as CategoryJson;
  cached = {
    categories,
    negation: mod('negation'),
    hypothetical: mod('hypothetical'),
    background: mod('background'),
    speech: mod('speech'),
    grievanceClause: mod('grievance_clause'),
    grievance: new RegExp(`(?:${(json.grievance as { patterns: string[] }).patterns.join('|')})\\b[^,;:.()]*$`, 'i'),
    crowd: crowd?.length ? new RegExp(`^(?:${crowd.join('|')})$`, 'i') : null,
    descriptive: descriptive?.length ? new RegExp(`^(?:${descriptive.join('|')})$`, 'i') : null,
    outcome: outcome?.length ? new RegExp(`^(?:${outcome.join('|')})$`, 'i') : null,
  };
  return cached;
}

/** True when position `i` starts a word: not preceded by a letter, digit, underscore or hyphen. */
function startsWord(text: string, i: number): boolean {
  return i === 0 || !/[\w-]/.test(text[i - 1]!);
}

/** Words after which "strike" is a military strike, not a labour strike. */
const MILITARY_STRIKE = /\b(?:air|drone|missile|military|artillery|rocket|retaliatory|precision|counter|naval|aerial|airborne|cruise|surgical)[\s-]*$/i;
/** "march" the month: "in March", "March 5", "march 2011". */
const MONTH_MARCH_BEFORE = /\b(?:in|on|of|since|until|till|by|early|late|mid|last|next|this|from|to|through|between)\s+$/i;
const MONTH_MARCH_AFTER = /^\s*(?:\d|of\s+\d|19\d\d|20\d\d)/i;

/** True when the cue's clause, up to the cue, carries a negation or a hypothetical. */
function modalised(lex: TriggerLexicon, sentence: string, cueStartInSentence: number): 'negated' | 'hypothetical' | null {
  // Look back within the clause only: stop at ; or a contrastive ", but".
  let from = Math.max(0, cueStartInSentence - 45);
  const window = sentence.slice(from, cueStartInSentence);
  const cut = Math.max(window.lastIndexOf(';'), window.toLowerCase().lastIndexOf(', but'), window.lastIndexOf(' – '));
  const clause = cut >= 0 ? window.slice(cut + 1) : window;
  lex.negation.lastIndex = 0;
  lex.hypothetical.lastIndex = 0;
  // "No deaths", "without arrests": a negating word right before the cue.
  if (/\b(?:no|without|zero|nor|never)\s+(?:\w+\s+)?$/i.test(clause)) return 'negated';
  if (lex.negation.test(clause)) return 'negated';
  if (lex.hypothetical.test(clause)) return 'hypothetical';
  return null;
}

/** A length of time right before a word of violence: "two years of (sporadic) fighting", "decades of war". */
const DURATION_OF = /\b(?:years?|months?|decades?|weeks?)\s+of\s+(?:[\w-]+\s+)?$/i;

/**
 * All trigger cues of a sentence, without those cancelled by a negation or hypothetical
 * earlier in the same clause. `offset` is the sentence's start in the document.
 */
export function findCues(sentence: string, offset: number, lex: TriggerLexicon = loadTriggerLexicon()): Cue[] {
  const cues: Cue[] = [];
  for (const c of lex.categories) {
    const re = c.re;
    if (!re) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sentence))) {
      if (!startsWord(sentence, m.index)) continue;
      const weight = m.groups?.s !== undefined ? c.weight : m.groups?.w !== undefined ? c.weight / 2 : 0;
      const before = sentence.slice(Math.max(0, m.index - 20), m.index);
      const word = m[0].toLowerCase();
      if (c.category === 'protest' && word.startsWith('strik') && MILITARY_STRIKE.test(before)) continue;
      if (c.category === 'protest' && word.startsWith('march') && (MONTH_MARCH_BEFORE.test(before) || MONTH_MARCH_AFTER.test(sentence.slice(m.index + m[0].length)) || /^March$/.test(m[0]))) continue;
      if (modalised(lex, sentence, m.index)) continue;
      // "closing almost two years of sporadic fighting": a span of violence, told as its length, is background
      if (DURATION_OF.test(before)) continue;
      // "marched to demand justice for the murder of …": the grievance, not force at the march
      if (c.category === 'protest_lethal' && lex.grievance.test(sentence.slice(Math.max(0, m.index - 60), m.index))) continue;
      cues.push({ category: c.category, start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], weight });
    }
  }
  // qualifiers (weight 0) only matter beside a cue of some weight
  if (cues.some((c) => c.weight === 0) && !cues.some((c) => c.weight > 0)) return [];
  cues.sort((a, b) => a.start - b.start || b.weight - a.weight);
  // One span counts once per category (a word in both the strong and the weak list).
  return cues.filter((c, i) => !cues.slice(0, i).some((o) => o.category === c.category && o.start <= c.start && c.end <= o.end));
}

/** True when a riot cue names a crowd's violence by itself ("threw stones", "rioted"). */
export function isCrowdCue(cue: Cue, lex: TriggerLexicon = loadTriggerLexicon()): boolean {
  return cue.category === 'riot_violence' && !!lex.crowd && lex.crowd.test(cue.text);
}

/** True when a riot cue only calls the event violent ("violent", "disturbances") without naming what the crowd did. */
export function isDescriptiveRiotCue(cue: Cue, lex: TriggerLexicon = loadTriggerLexicon()): boolean {
  return cue.category === 'riot_violence' && !!lex.descriptive && lex.descriptive.test(cue.text);
}

/** True when a protest_lethal cue names force used on people ("opened fire on", "beat"), not only an outcome ("killed"). */
export function isForceCue(cue: Cue, lex: TriggerLexicon = loadTriggerLexicon()): boolean {
  return cue.category === 'protest_lethal' && !(lex.outcome && lex.outcome.test(cue.text));
}

/**
 * Where the first background phrase of the sentence starts (anniversaries, "years ago", an
 * earlier campaign), as an offset into the sentence; -1 when it has none.
 */
export function backgroundAt(sentence: string, lex: TriggerLexicon = loadTriggerLexicon()): number {
  return backgroundSpan(sentence, lex)?.[0] ?? -1;
}

/** The first background phrase of the sentence as [start, end) offsets into it, or null. */
export function backgroundSpan(sentence: string, lex: TriggerLexicon = loadTriggerLexicon()): [number, number] | null {
  lex.background.lastIndex = 0;
  const m = lex.background.exec(sentence);
  return m ? [m.index, m.index + m[0].length] : null;
}

/** True when the sentence reads as background (anniversaries, "years ago", an earlier campaign). */
export function isBackground(sentence: string, lex: TriggerLexicon = loadTriggerLexicon()): boolean {
  return backgroundAt(sentence, lex) >= 0;
}

/** Offset in the sentence where it starts telling a protest's grievance ("in solidarity with …"), or -1. */
export function grievanceAt(sentence: string, lex: TriggerLexicon = loadTriggerLexicon()): number {
  lex.grievanceClause.lastIndex = 0;
  return lex.grievanceClause.exec(sentence)?.index ?? -1;
}

/**
 * True when the sentence reports speech about events ("issued a statement condemning the raids"):
 * its date is the statement's, and its event words name events told elsewhere.
 */
export function isStatement(sentence: string, lex: TriggerLexicon = loadTriggerLexicon()): boolean {
  lex.speech.lastIndex = 0;
  return lex.speech.test(sentence);
}
