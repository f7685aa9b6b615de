/**
 * The actor dictionary: loads the JSON files of data/actors/ (see its README for sources) and
 * compiles every alias into token tries, once, so matching a document is a walk per word.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ActorKind, InterCode } from '../../../model/index.js';
import { keyOf, tokenize } from './tokens.js';

/** data/actors/ of this package (same depth from src/ and dist/). */
export const DEFAULT_ACTORS_DIR = fileURLToPath(new URL('../../../../data/actors/', import.meta.url));

/** A name ACLED uses for an unnamed actor in one country (generic.json `byCountry`). */
interface CountryOverride {
  actor: string;
  inter?: InterCode;
  kind?: ActorKind;
  /** Only for these aliases (keys); all aliases when absent. */
  only?: Set<string>;
}

/** Which part of the dictionary an entry comes from; decides precedence and what may join it. */
export type Layer = 'group' | 'state' | 'head' | 'generic' | 'ethnic';

/** One compiled dictionary entry. `actor` may hold "{country}" / "{the_country}". */
export interface Entry {
  id: number;
  layer: Layer;
  actor: string;
  inter: InterCode;
  kind: ActorKind;
  /** The actor's own country (groups, named state forces), or null: take it from the text or document. */
  country: string | null;
  /** Only when the document's country is one of these (null in the list: also when it is unknown). */
  contexts: (string | null)[] | null;
  /** Valid from / until (YYYY-MM-DD, until exclusive) when the document date is known. */
  from: string | null;
  until: string | null;
  byCountry: Map<string, CountryOverride> | null;
  /** A following word that shows the alias is not this actor ("student leader"). */
  dropIfNext: Set<string> | null;
  /** The actor is only ever a source of statements (a military's press wing). */
  speakerOnly: boolean;
}

/** Where an alias ends in a trie, and what it requires of the text. */
export interface AliasEnd {
  entry: Entry;
  /** The alias key (tokens joined by spaces), for `byCountry.only`. */
  alias: string;
  /** Exact raw tokens required (abbreviations: case-sensitive). */
  exact: string[] | null;
  /** The text's first letter must be upper case (aliases written with a capital: proper names). */
  capital: boolean;
  /** Only after a country word or modifier ("Russian forces"), never alone. */
  prefixOnly: boolean;
}

/** A token trie node. */
export interface TrieNode {
  next: Map<string, TrieNode>;
  ends: AliasEnd[];
}

/** A country word ("Pakistani", "DRC") and the countries it can name. */
export interface CountryEnd {
  countries: string[];
  exact: string[] | null;
  /** A demonym that is no ordinary English word ("Kenyan", not "Polish"): may match in lower case. */
  anyCase: boolean;
  /** A plural demonym ("Afghans", "Iraqis"): names the country's people, not a modifier. */
  plural: boolean;
}

interface CountryNode {
  next: Map<string, CountryNode>;
  ends: CountryEnd[];
}

/** Facts about one country: its ACLED name and whether ACLED writes "the" before it. */
export interface CountryInfo {
  name: string;
  iso2: string;
  article: boolean;
}

/** An ethnic or clan name that makes a militia name with a following head word. */
export interface EthnicEnd {
  name: string;
  suffix: string;
  home: string;
  contexts: (string | null)[] | null;
  exact: string[] | null;
}

interface EthnicNode {
  next: Map<string, EthnicNode>;
  ends: EthnicEnd[];
}

/** The compiled dictionary. Build once with loadActorDictionary; read-only afterwards. */
export interface ActorDictionary {
  /** Everything that can stand alone. */
  main: TrieNode;
  /** Head words that may follow a country word: state heads (incl. prefix-only) and generic words. */
  heads: TrieNode;
  countries: CountryNode;
  ethnic: EthnicNode;
  ethnicHeads: TrieNode;
  /** The entry behind ethnic militia names ("{ethnic} {suffix} ({country})"). */
  ethnicEntry: Entry;
  /** Generic entries used by rules: civilians (plural nationals) and protesters (relabelled civilians). */
  civiliansEntry: Entry | null;
  protestersEntry: Entry | null;
  /** The state head for a country's military ("Military Forces of {the_country}"). */
  militaryEntry: Entry | null;
  /** Single-word modifiers that may open a generic mention ("unidentified gunmen"). */
  genericModifiers: Set<string>;
  /** Words that may stand between a country word and a state head ("Israeli ground forces"). */
  headModifiers: Set<string>;
  /** Words after a named actor that still belong to it ("BLA militants", "FC personnel"). */
  suffixes: Set<string>;
  /** Country name or alias key → the country's facts. */
  countryInfo: Map<string, CountryInfo>;
  /** Every word that can open a match in any trie or as a modifier (a fast pre-check). */
  firstKeys: Set<string>;
  /** Number of entries and aliases, for reports. */
  stats: { entries: number; aliases: number };
}

interface RawEntry {
  actor?: string;
  inter?: number;
  kind?: string;
  country?: string | null;
  aliases?: string[];
  abbr?: string[];
  prefixed?: string[];
  contexts?: (string | null)[];
  from?: string;
  until?: string;
  role?: string;
  byCountry?: Record<string, { actor: string; inter?: number; kind?: string; only?: string[] }>;
  drop_if_next?: string[];
}

const KINDS: ReadonlySet<string> = new Set([
  'military', 'police', 'state_other', 'rebel', 'political_militia', 'identity_militia',
  'unidentified_armed', 'rioters', 'protesters', 'civilians', 'external',
]);

function readJson(dir: string, file: string): any {
  const path = `${dir.replace(/\/$/, '')}/${file}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`actor dictionary: cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`actor dictionary: ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

function checkInter(n: unknown, where: string): InterCode {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 8) throw new Error(`actor dictionary: ${where}: inter must be 1..8, got ${String(n)}`);
  return n as InterCode;
}

function checkKind(k: unknown, where: string): ActorKind {
  if (typeof k !== 'string' || !KINDS.has(k)) throw new Error(`actor dictionary: ${where}: unknown kind ${String(k)}`);
  return k as ActorKind;
}

const STATE_ACTOR: Record<string, string> = {
  military: 'Military Forces of {the_country}',
  police: 'Police Forces of {the_country}',
  state_other: 'Government of {the_country}',
};

function newNode(): TrieNode {
  return { next: new Map(), ends: [] };
}

/** The words of an alias as raw tokens (same tokenizer as the text). */
function wordsOf(alias: string): string[] {
  return tokenize(alias).map((t) => t.raw);
}

function insert<N extends { next: Map<string, N>; ends: E[] }, E>(root: N, words: string[], end: E, make: () => N): void {
  let node = root;
  for (const w of words) {
    const k = keyOf(w);
    let n = node.next.get(k);
    if (!n) node.next.set(k, (n = make()));
    node = n;
  }
  node.ends.push(end);
}

/** True for an abbreviation-like alias that must match exactly: no lower-case letter at all ("FC", "US"). */
function isExact(alias: string): boolean {
  return !/\p{Ll}/u.test(alias) && /\p{Lu}/u.test(alias);
}

/** Demonyms that are also everyday English words: matched only with a capital. */
const COMMON_WORDS = new Set(['polish', 'french', 'turkish', 'german', 'swiss', 'dutch', 'danish', 'finnish', 'irish', 'spanish', 'english', 'british', 'american', 'us', 'pak', 'lao', 'myanmar', 'new zealand', 'central african', 'guinean', 'georgian', 'jordanian', 'chadian', 'nigerien']);

function startsUpper(alias: string): boolean {
  return /^\p{Lu}/u.test(alias);
}

/**
 * Load and compile the dictionary in `dir` (default data/actors/): countries.json, state.json,
 * groups.json, generic.json, ethnic.json. Throws with the file name on a missing file, bad JSON,
 * an unknown kind or an inter code outside 1..8.
 */
export function compileActorDictionary(dir: string = DEFAULT_ACTORS_DIR): ActorDictionary {
  const countriesJson = readJson(dir, 'countries.json');
  const stateJson = readJson(dir, 'state.json');
  const groupsJson = readJson(dir, 'groups.json');
  const genericJson = readJson(dir, 'generic.json');
  const ethnicJson = readJson(dir, 'ethnic.json');

  const dict: Omit<ActorDictionary, 'ethnicEntry'> & { ethnicEntry?: Entry } = {
    civiliansEntry: null,
    protestersEntry: null,
    militaryEntry: null,
    main: newNode(),
    heads: newNode(),
    countries: { next: new Map(), ends: [] },
    ethnic: { next: new Map(), ends: [] },
    ethnicHeads: newNode(),
    genericModifiers: new Set((genericJson.modifiers ?? []).map(keyOf)),
    headModifiers: new Set((stateJson.head_modifiers ?? []).flatMap((m: string) => wordsOf(m).map(keyOf))),
    suffixes: new Set((groupsJson.suffixes ?? []).map(keyOf)),
    countryInfo: new Map(),
    firstKeys: new Set(),
    stats: { entries: 0, aliases: 0 },
  };

  // Countries: names, aliases and demonyms; ambiguous words ("Congolese") keep every country.
  const byWord = new Map<string, { exact: boolean; countries: string[]; anyCase: boolean; plural: boolean }>();
  const add = (w: string, country: string, anyCase: boolean, plural: boolean) => {
    const slot = byWord.get(w) ?? { exact: isExact(w), countries: [], anyCase, plural };
    if (!slot.countries.includes(country)) slot.countries.push(country);
    byWord.set(w, slot);
  };
  for (const c of countriesJson.countries as { iso2: string; name: string; the?: boolean; demonyms?: string[]; aliases?: string[] }[]) {
    const info: CountryInfo = { name: c.name, iso2: c.iso2, article: c.the === true };
    for (const w of [c.name, ...(c.aliases ?? [])]) {
      dict.countryInfo.set(keyOf(w), info);
      add(w, c.name, false, false);
    }
    for (const d of c.demonyms ?? []) {
      dict.countryInfo.set(keyOf(d), info);
      const anyCase = !isExact(d) && !COMMON_WORDS.has(keyOf(d));
      add(d, c.name, anyCase, false);
      // Plural nationals: "Afghans", "Iraqis", "Kenyans" (not "-ese"/"-ish" forms, whose plural is the same word).
      if (/(?:an|i)$/.test(d) && !isExact(d)) add(`${d}s`, c.name, anyCase, true);
    }
  }
  for (const [w, slot] of byWord) {
    insert(dict.countries, wordsOf(w), { countries: slot.countries, exact: slot.exact ? wordsOf(w) : null, anyCase: slot.anyCase, plural: slot.plural }, () => ({ next: new Map(), ends: [] }));
  }

  let nextId = 0;
  const addEntry = (raw: RawEntry, layer: Layer, where: string, defaults: Partial<RawEntry> = {}): Entry => {
    const kind = checkKind(raw.kind ?? defaults.kind, where);
    const actor = raw.actor ?? defaults.actor ?? STATE_ACTOR[kind];
    if (!actor) throw new Error(`actor dictionary: ${where}: no actor name`);
    const entry: Entry = {
      id: nextId++,
      layer,
      actor,
      inter: checkInter(raw.inter ?? defaults.inter ?? (STATE_ACTOR[kind] ? 1 : undefined), where),
      kind,
      country: raw.country ?? null,
      contexts: raw.contexts ?? null,
      from: raw.from ?? null,
      until: raw.until ?? null,
      byCountry: null,
      dropIfNext: raw.drop_if_next ? new Set(raw.drop_if_next.map(keyOf)) : null,
      speakerOnly: raw.role === 'source',
    };
    if (raw.byCountry) {
      entry.byCountry = new Map();
      for (const [country, o] of Object.entries(raw.byCountry)) {
        entry.byCountry.set(country, {
          actor: o.actor,
          inter: o.inter === undefined ? undefined : checkInter(o.inter, `${where} byCountry ${country}`),
          kind: o.kind === undefined ? undefined : checkKind(o.kind, `${where} byCountry ${country}`),
          only: o.only ? new Set(o.only.map((a) => wordsOf(a).map(keyOf).join(' '))) : undefined,
        });
      }
    }
    dict.stats.entries++;
    return entry;
  };
  const addAlias = (root: TrieNode, entry: Entry, alias: string, exact: boolean, prefixOnly = false) => {
    const words = wordsOf(alias);
    if (words.length === 0) return;
    insert(root, words, {
      entry,
      alias: words.map(keyOf).join(' '),
      exact: exact ? words : null,
      capital: !exact && startsUpper(alias),
      prefixOnly,
    }, newNode);
    dict.stats.aliases++;
  };
  const addAll = (entry: Entry, raw: RawEntry, roots: TrieNode[]) => {
    for (const root of roots) {
      for (const a of raw.aliases ?? []) addAlias(root, entry, a, isExact(a));
      for (const a of raw.abbr ?? []) addAlias(root, entry, a, true);
    }
  };

  // State heads: standalone words go to both tries, prefix-only words to the head trie only.
  for (const [i, h] of (stateJson.heads as RawEntry[]).entries()) {
    const e = addEntry(h, 'head', `state.json heads[${i}]`);
    if (e.kind === 'military' && !dict.militaryEntry) dict.militaryEntry = e;
    addAll(e, h, [dict.main, dict.heads]);
    for (const a of h.prefixed ?? []) addAlias(dict.heads, e, a, false, true);
  }
  for (const [i, r] of (stateJson.entries as RawEntry[]).entries()) {
    addAll(addEntry(r, 'state', `state.json entries[${i}]`), r, [dict.main]);
  }
  for (const [i, r] of (groupsJson.entries as RawEntry[]).entries()) {
    addAll(addEntry(r, 'group', `groups.json entries[${i}] (${r.actor ?? '?'})`), r, [dict.main]);
  }
  for (const [i, r] of (genericJson.entries as RawEntry[]).entries()) {
    const e = addEntry(r, 'generic', `generic.json entries[${i}]`);
    addAll(e, r, [dict.main, dict.heads]);
    if (e.kind === 'civilians' && !dict.civiliansEntry) dict.civiliansEntry = e;
    if (e.kind === 'protesters' && !dict.protestersEntry) dict.protestersEntry = e;
  }

  for (const g of ethnicJson.groups as { name: string; aliases: string[]; home: string; suffix: string; contexts?: (string | null)[] }[]) {
    for (const a of g.aliases) {
      const exact = isExact(a);
      insert(dict.ethnic, wordsOf(a), { name: g.name, suffix: g.suffix, home: g.home, contexts: g.contexts ?? null, exact: exact ? wordsOf(a) : null }, () => ({ next: new Map(), ends: [] }));
    }
  }
  const ethnicHeadEntry = addEntry({ kind: 'identity_militia', inter: 4, actor: '{ethnic} {suffix} ({country})' }, 'ethnic', 'ethnic.json');
  dict.ethnicEntry = ethnicHeadEntry;
  for (const h of ethnicJson.heads as string[]) addAlias(dict.ethnicHeads, ethnicHeadEntry, h, false);

  for (const root of [dict.main, dict.countries, dict.ethnic] as { next: Map<string, unknown> }[]) for (const k of root.next.keys()) dict.firstKeys.add(k);
  for (const k of [...dict.genericModifiers, ...dict.headModifiers]) dict.firstKeys.add(k);
  return dict as ActorDictionary;
}

let cached: ActorDictionary | null = null;

/** The default dictionary, compiled on first use and kept. Throws as compileActorDictionary does. */
export function loadActorDictionary(dir?: string): ActorDictionary {
  if (dir !== undefined) return compileActorDictionary(dir);
  return (cached ??= compileActorDictionary());
}
