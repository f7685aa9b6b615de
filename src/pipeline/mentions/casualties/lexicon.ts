/**
 * The casualty lexicons (data/lexicons/casualties.json, numbers.json, sources.json), read once
 * through the shared data loader and compiled into token-phrase matchers.
 */
import type { ClaimKind, VictimSide } from '../../../model/index.js';
import { readDataJson } from '../../data.js';

/** One word of a phrase: exact lower-case text, or a prefix when written with a final '*'. */
export interface WordPattern {
  text: string;
  prefix: boolean;
}

/** A phrase as a sequence of word patterns, with what it means. */
export interface Phrase<T = undefined> {
  words: WordPattern[];
  source: string;
  value: T;
}

/** How a number modifier turns a stated figure into bounds (see numbers.json). */
export type ModifierType = 'low' | 'approx' | 'high' | 'exact';

/** The compiled lexicons. */
export interface CasualtyLexicon {
  /** Cues written after the count, per kind. */
  after: Phrase<ClaimKind>[];
  /** Cues written before the count, per kind. */
  before: Phrase<ClaimKind>[];
  /** "after" cues that are transitive verbs ("killed"): followed by a count, they are active. */
  transitive: Phrase<ClaimKind>[];
  /** Victim words with their side; `strong` false for women/children/men (used only when nothing stronger). */
  victims: Phrase<{ side: VictimSide; strong: boolean }>[];
  /** Person words that say nothing of the side (people, members, others). */
  generic: Phrase[];
  /** Nouns that are not people (days, houses, rounds): a count of them is no casualty figure. */
  nonPerson: Phrase[];
  negations: Phrase[];
  hypothetical: Phrase[];
  denials: Phrase[];
  vagueHeavy: Phrase[];
  /** "rose to", "has reached": a figure after one counts deaths when a toll noun comes shortly before. */
  tollVerbs: Phrase[];
  tollNouns: Phrase[];
  /** Words allowed between a count and its cue ("were", "reportedly", "later"). */
  skipBetween: Set<string>;
  /** Verbs after a singular "body" that report one person found dead ("found", "recovered"). */
  bodyFound: Set<string>;
  units: Record<string, number>;
  tens: Record<string, number>;
  scales: Record<string, number>;
  /** Multi-word exact figures ("a dozen" 12) and vague plurals ("dozens" 12, "several" 3). */
  figures: Phrase<{ value: number; vague: boolean }>[];
  modifiers: Phrase<ModifierType>[];
  speechVerbs: Phrase[];
  prepositional: Phrase[];
  pronouns: Set<string>;
}

interface RawCasualties {
  kinds: Record<ClaimKind, { after: string[]; before: string[]; transitive: string[] }>;
  victims: Record<'state_forces' | 'armed_group' | 'civilians' | 'protesters' | 'weak_civilians' | 'generic', string[]>;
  negations: string[];
  hypothetical: string[];
  denials: string[];
  vague_heavy: string[];
  toll_verbs?: string[];
  toll_nouns?: string[];
  skip_between: string[];
  non_person: string[];
  body_found?: { verbs: string[] };
}

interface RawNumbers {
  units: Record<string, number>;
  tens: Record<string, number>;
  scales: Record<string, number>;
  exact_phrases: Record<string, number>;
  vague_plurals: Record<string, { value: number; vague: boolean }>;
  modifiers: Record<string, string>;
}

interface RawSources {
  speech_verbs: string[];
  prepositional: string[];
  pronouns: string[];
}

/** Compile "shot dead" / "soldier*" into word patterns. */
export function compilePhrase<T>(source: string, value: T): Phrase<T> {
  const words = source
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w.endsWith('*') && w.length > 1 ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));
  return { words, source, value };
}

function list<T>(xs: unknown, value: T, file: string, key: string): Phrase<T>[] {
  if (!Array.isArray(xs)) throw new Error(`data/lexicons/${file}: "${key}" must be a list of strings`);
  return xs.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => compilePhrase(x, value));
}

/** Longest phrases first, so "shot dead" wins over "shot". */
function longestFirst<T>(ps: Phrase<T>[]): Phrase<T>[] {
  return ps.sort((a, b) => b.words.length - a.words.length || b.source.length - a.source.length);
}

let cached: CasualtyLexicon | null = null;

/** The compiled casualty lexicon; throws with the file name when a file is missing or malformed. */
export function casualtyLexicon(): CasualtyLexicon {
  if (cached) return cached;
  const c = readDataJson<RawCasualties>('lexicons', 'casualties.json');
  const n = readDataJson<RawNumbers>('lexicons', 'numbers.json');
  const s = readDataJson<RawSources>('lexicons', 'sources.json');
  if (!c.kinds || !c.victims) throw new Error('data/lexicons/casualties.json: "kinds" and "victims" are required');
  const after: Phrase<ClaimKind>[] = [];
  const before: Phrase<ClaimKind>[] = [];
  const transitive: Phrase<ClaimKind>[] = [];
  for (const kind of ['killed', 'injured', 'abducted', 'arrested'] as const) {
    const k = c.kinds[kind];
    if (!k) throw new Error(`data/lexicons/casualties.json: kinds.${kind} is missing`);
    after.push(...list(k.after, kind, 'casualties.json', `kinds.${kind}.after`));
    before.push(...list(k.before, kind, 'casualties.json', `kinds.${kind}.before`));
    transitive.push(...list(k.transitive, kind, 'casualties.json', `kinds.${kind}.transitive`));
  }
  const victims: Phrase<{ side: VictimSide; strong: boolean }>[] = [
    ...list(c.victims.state_forces, { side: 'state_forces' as VictimSide, strong: true }, 'casualties.json', 'victims.state_forces'),
    ...list(c.victims.armed_group, { side: 'armed_group' as VictimSide, strong: true }, 'casualties.json', 'victims.armed_group'),
    ...list(c.victims.civilians, { side: 'civilians' as VictimSide, strong: true }, 'casualties.json', 'victims.civilians'),
    ...list(c.victims.protesters, { side: 'protesters' as VictimSide, strong: true }, 'casualties.json', 'victims.protesters'),
    ...list(c.victims.weak_civilians, { side: 'civilians' as VictimSide, strong: false }, 'casualties.json', 'victims.weak_civilians'),
  ];
  const figures: Phrase<{ value: number; vague: boolean }>[] = [];
  for (const [k, v] of Object.entries(n.exact_phrases ?? {})) figures.push(compilePhrase(k, { value: v, vague: false }));
  for (const [k, v] of Object.entries(n.vague_plurals ?? {})) figures.push(compilePhrase(k, { value: v.value, vague: v.vague }));
  const modifiers: Phrase<ModifierType>[] = [];
  for (const [k, v] of Object.entries(n.modifiers ?? {})) {
    if (k.startsWith('_')) continue;
    if (v !== 'low' && v !== 'approx' && v !== 'high' && v !== 'exact') throw new Error(`data/lexicons/numbers.json: modifier "${k}" has unknown type "${v}"`);
    modifiers.push(compilePhrase(k, v));
  }
  cached = {
    after: longestFirst(after),
    before: longestFirst(before),
    transitive: longestFirst(transitive),
    victims: longestFirst(victims),
    generic: longestFirst(list(c.victims.generic, undefined, 'casualties.json', 'victims.generic')),
    nonPerson: longestFirst(list(c.non_person, undefined, 'casualties.json', 'non_person')),
    negations: longestFirst(list(c.negations, undefined, 'casualties.json', 'negations')),
    hypothetical: longestFirst(list(c.hypothetical, undefined, 'casualties.json', 'hypothetical')),
    denials: longestFirst(list(c.denials, undefined, 'casualties.json', 'denials')),
    vagueHeavy: longestFirst(list(c.vague_heavy, undefined, 'casualties.json', 'vague_heavy')),
    tollVerbs: longestFirst(list(c.toll_verbs ?? [], undefined, 'casualties.json', 'toll_verbs')),
    tollNouns: longestFirst(list(c.toll_nouns ?? [], undefined, 'casualties.json', 'toll_nouns')),
    skipBetween: new Set((c.skip_between ?? []).map((w) => w.toLowerCase())),
    bodyFound: new Set((c.body_found?.verbs ?? []).map((w) => w.toLowerCase())),
    units: n.units ?? {},
    tens: n.tens ?? {},
    scales: n.scales ?? {},
    figures: longestFirst(figures),
    modifiers: longestFirst(modifiers),
    speechVerbs: longestFirst(list(s.speech_verbs, undefined, 'sources.json', 'speech_verbs')),
    prepositional: longestFirst(list(s.prepositional, undefined, 'sources.json', 'prepositional')),
    pronouns: new Set((s.pronouns ?? []).map((w) => w.toLowerCase())),
  };
  return cached;
}
