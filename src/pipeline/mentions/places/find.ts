/**
 * Finding and resolving place mentions: gazetteer names in the text (longest match over
 * folded tokens), candidates scored with document context, a choice per mention, its role
 * (location / dateline / actor) and ACLED geo_precision.
 *
 * Scoring (additive, the reasons are kept for `sitrep geocode`):
 *   prior      kind (country > admin1 > admin2), population (0.8 × log10), feature code
 *              (PPLC, PPLA… up; sections, historical places down), alternate-name match down;
 *   context    countries named in the document (country names, demonyms, unambiguous places,
 *              the dateline), admin units named ("in Mastung district", "Kaduna State",
 *              "X, Y province"), nearness to the other places chosen;
 *   cues       a generic word after the name ("district", "state", "town", "camp"), "the capital".
 * Accepting a mention needs more evidence for words that are also English words, for
 * lower-case text and for names that follow a person's first name or a title.
 */
import type { CleanText, GeoPrecision, PlaceCandidate, PlaceMention, Sentence } from '../../../model/index.js';
import { foldName, respellingOf, skeletonOf } from './fold.js';
import { kmBetween, type Gazetteer } from './gazetteer.js';

/** Options for findPlaces. */
export interface FindOptions {
  /** Also return mentions whose candidates were all rejected (place null), for display. */
  keepRejected?: boolean;
  /** Candidates kept per mention (best first). Default 6. */
  maxCandidates?: number;
}

interface Token {
  /** Fold of the word with its possessive kept ("Cox's" → "coxs"), when it had one. */
  foldFull?: string;
  start: number;
  end: number;
  raw: string;
  fold: string;
  cap: boolean;
  allCaps: boolean;
  sent: number;
  /** Position in its sentence (0 = first word). */
  pos: number;
  /** The word holds a letter (not only digits). */
  letter: boolean;
  /** gaz.isCommonWord(fold), once asked (see commonWord). */
  common?: boolean;
}

interface Span {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  fold: string;
  sent: number;
  nameIndex: number;
  hits: { entity: number; alternate: boolean }[];
  isWord: boolean;
  veryCommon: boolean;
  cap: boolean;
  initial: boolean;
  prep: boolean;
  near: boolean;
  capitalCue: boolean;
  afterCue: 'admin1' | 'admin2' | 'admin' | 'place' | null;
  cueEnd: number;
  personLike: boolean;
  /** Right after a title or a plausible first name: a person's name wherever it recurs alone. */
  personSure: boolean;
  /** Followed by a capitalised site word ("Moro Market", "Aden Road"): part of a site's name. */
  site: boolean;
  dateline: boolean;
  lowerSentence: boolean;
  /** How much the casing says: 'cap' capitalised in cased text; 'nocase' the sentence is
   * lower-case, title-case or capitals (casing says nothing); 'lower' a lower-case word in cased text. */
  mode: 'cap' | 'nocase' | 'lower';
  /** The span came from a name written in capitals that is an abbreviation ("KP", "DRC"). */
  abbrev: boolean;
  /** The name is only part of a longer capitalised name ("Barin" in "Barin Zare"). */
  partial: boolean;
  /** A capitalised word follows right after, with a space ("Michael Brown", "Punjab Police"). */
  capAfter: boolean;
  /** Matched by spelling skeleton only (a transliteration variant), not by a listed name. */
  fuzzy: boolean;
  qualifier: number | null; // span index of a ", Y" admin/country right after
  /** This span is such a ", Y" after another place ("San Félix, Chiriquí"). */
  qualifies?: boolean;
  /** Country of a demonym right before the name ("Iraqi Kurdistan"), or -1. */
  demonymBefore: number;
  /** Right after another capitalised word ("Central Reserve Police", "Kashmir Valley"). */
  afterCapWord: boolean;
  /** A speech or attack verb follows ("Turkey said", "Chad struck"): a country word acting. */
  verbAfter: boolean;
}

const MAX_WORDS = 6;
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’ʼʻʿ`][\p{L}\p{N}]+)*/gu;

/** Words before a name that make a location reading likely ("in Quetta", "near Mastung"). */
const PREP = new Set(['in', 'at', 'near', 'outside', 'from', 'to', 'into', 'across', 'around', 'towards', 'toward', 'through', 'inside', 'within', 'via', 'outskirts', 'capital', 'city', 'town', 'village', 'district', 'province', 'region', 'state', 'of', 'on', 'by', 'northern', 'southern', 'eastern', 'western', 'central', 'neighbouring', 'neighboring', 'rural', 'downtown']);
/** "of" counts as a cue only after these ("the town of X", "outskirts of X", "north of X"). */
const OF_HEADS = new Set(['city', 'town', 'village', 'district', 'province', 'region', 'state', 'outskirts', 'suburbs', 'suburb', 'capital', 'area', 'county', 'municipality', 'governorate', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'part', 'parts', 'vicinity', 'centre', 'center', 'heart', 'streets', 'residents', 'people', 'outside', 'east', 'west', 'km', 'kilometres', 'kilometers', 'miles', 'areas', 'villages', 'towns', 'cities', 'districts', 'provinces', 'regions', 'states']);
const NEAR_WORDS = new Set(['near', 'outside', 'outskirts', 'around', 'vicinity', 'suburbs', 'suburb', 'close', 'nearby', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'km', 'kilometres', 'kilometers', 'miles', 'kms']);
const ADMIN1_AFTER = new Set(['state', 'province', 'region', 'governorate', 'oblast', 'provinces', 'states']);
const ADMIN2_AFTER = new Set(['district', 'districts', 'tehsil', 'lga', 'prefecture', 'cercle', 'woreda', 'agency', 'subdistrict', 'municipality', 'zone', 'sub', 'raion', 'rayon', 'regency', 'upazila', 'locality', 'territory', 'commune']);
// ("department" is a first-order unit in Colombia, Peru, Benin…, a second-order one in France)
const ADMIN_AFTER = new Set(['county', 'division', 'area', 'department', 'departments']);
const PLACE_AFTER = new Set(['city', 'town', 'village', 'camp', 'market', 'neighbourhood', 'neighborhood', 'suburb', 'settlement', 'township', 'hamlet', 'locality', 'area', 'port', 'airport']);
/** A compass adjective right before a name: "eastern", "north-western", "central". */
const COMPASS_BEFORE = /\b(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western)\s+$/i;

/** Auxiliaries and adverbs between a state's name and its verb ("Damascus has repeatedly denied"). */
const ACTOR_ADVERBS = new Set(['has', 'have', 'had', 'regularly', 'repeatedly', 'often', 'also', 'again', 'reportedly', 'routinely', 'frequently', 'previously', 'always', 'never', 'long', 'since', 'later', 'then', 'swiftly', 'quickly', 'immediately', 'officially', 'formally', 'publicly', 'strongly', 'consistently', 'categorically', 'firmly', 'flatly', 'vehemently', 'still', 'already']);
/** Words after a country or capital that show it stands for its government ("Kabul said"). */
const ACTOR_AFTER = new Set(['said', 'says', 'say', 'warned', 'warns', 'announced', 'announces', 'accused', 'accuses', 'condemned', 'condemns', 'denied', 'denies', 'claimed', 'urged', 'urges', 'called', 'demanded', 'demands', 'rejected', 'rejects', 'vowed', 'threatened', 'threatens', 'insisted', 'blamed', 'blames', 'responded', 'retaliated', 'agreed', 'signed', 'recognised', 'recognized', 'sent', 'deployed', 'imposed', 'summoned', 'expelled', 'backed', 'supported', 'wants', 'welcomed', 'welcomes', 'insists', 'hopes', 'believes', 'sanctioned']);
const ACTOR_POSSESSED = new Set(['use', 'intention', 'intentions', 'decision', 'plan', 'plans', 'efforts', 'request', 'position', 'stance', 'policy', 'response', 'proposal', 'refusal', 'allies', 'delegation', 'spokesman', 'spokesperson', 'government', 'army', 'military', 'forces', 'ministry', 'authorities', 'officials', 'troops', 'navy', 'president', 'prime', 'foreign', 'defence', 'defense', 'regime', 'administration', 'embassy', 'ambassador', 'envoy', 'leader', 'leaders', 'cabinet', 'parliament', 'intelligence', 'police', 'security']);
/** Verbs after a country or capital that make it the attacker ("Israel struck", "Pakistan bombed"). */
const ATTACK_PAST = new Set(['struck', 'attacked', 'bombed', 'shelled', 'raided', 'pounded', 'targeted', 'invaded', 'bombarded', 'invades', 'bombards', 'shoots', 'downed', 'downs', 'launched', 'fired', 'launches', 'fires']);
/** Nouns-or-verbs that make a country the attacker only when an object follows ("Israel strikes south Lebanon", "Russia attacks on Kyiv"). */
const ATTACK_AMBIGUOUS = new Set(['strikes', 'attacks', 'bombs', 'shells', 'raids', 'pounds', 'targets', 'hits', 'airstrikes', 'launches', 'strike', 'attack']);
/** First words of an object or a target phrase. */
/** A country's weapons named right after it ("US strikes", "Russian airstrikes"), and what they then did. */
const STATE_WEAPON_NOUNS = new Set(['strikes', 'airstrikes', 'air', 'drones', 'jets', 'warplanes', 'missiles', 'forces', 'troops', 'shelling']);
const STRIKE_VERBS = new Set(['hit', 'hits', 'killed', 'kill', 'kills', 'targeted', 'target', 'struck', 'pounded', 'destroyed', 'wounded', 'leave', 'left']);
const OBJECT_START = new Set(['the', 'a', 'an', 'on', 'against', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest', 'targets', 'positions', 'militants', 'rebels', 'bases', 'base', 'camps', 'sites', 'military', 'facilities', 'hideouts']);

/** Words before a capitalised name that make it a person ("Mr Jordan", "General Kabul"). */
/** Person words a name may follow in apposition ("a youth, Kamal, …"). */
const APPOSITION_HEADS = new Set(['youth', 'man', 'woman', 'boy', 'girl', 'teenager', 'student', 'farmer', 'trader', 'driver', 'teacher', 'journalist', 'reporter', 'activist', 'resident', 'victim', 'suspect', 'leader', 'commander', 'son', 'daughter', 'brother', 'sister', 'father', 'mother', 'wife', 'husband', 'pastor', 'priest', 'imam', 'doctor', 'nurse', 'soldier', 'officer', 'policeman', 'herder', 'fisherman', 'worker', 'child', 'elder', 'chief', 'cleric', 'lawyer', 'official']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'president', 'gen', 'general', 'minister', 'sheikh', 'shaikh', 'imam', 'colonel', 'col', 'capt', 'captain', 'chief', 'governor', 'gov', 'senator', 'sen', 'judge', 'justice', 'commander', 'lt', 'lieutenant', 'maj', 'major', 'sgt', 'sergeant', 'prof', 'professor', 'sir', 'lord', 'king', 'queen', 'prince', 'princess', 'pope', 'mullah', 'maulana', 'rev', 'father', 'brother', 'sister', 'mayor', 'spokesman', 'spokeswoman', 'spokesperson', 'officer', 'inspector', 'deputy', 'mp', 'lawmaker', 'activist', 'journalist', 'reporter', 'correspondent', 'writer', 'author', 'photographer', 'singer', 'actor', 'player', 'coach', 'striker', 'mufti', 'hajji', 'haji', 'ayatollah', 'emir', 'amir', 'sultan', 'bishop', 'archbishop', 'cardinal', 'saint']);
/** Capitalised words that can stand before a place name without making it a person. */
const NAME_PARTS = new Set(['north', 'south', 'east', 'west', 'upper', 'lower', 'greater', 'central', 'new', 'old', 'lake', 'mount', 'port', 'fort', 'al', 'el', 'san', 'santa', 'st', 'saint', 'northern', 'southern', 'eastern', 'western', 'camp', 'district', 'province', 'state', 'city', 'town', 'village', 'in', 'at', 'near', 'and', 'the']);
/** Generic words that may stay lower-case inside a capitalised name ("Mastung district"). */
const GENERIC_IN_NAME = new Set(['district', 'province', 'state', 'region', 'governorate', 'county', 'division', 'city', 'town', 'village', 'camp', 'refugee', 'crossing', 'border', 'of', 'the', 'de', 'du', 'des', 'la', 'le', 'el', 'al', 'and', 'oblast', 'municipality']);
const MONTHS_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Names of regions wider than any country that some country also gives a province ("Sahel"). */
const WORLD_REGIONS = new Set(['sahel', 'maghreb', 'levant', 'sahara', 'balkans', 'caucasus', 'horn of africa', 'great lakes']);
/** Words before "capital" that make it a province's or district's capital, not the nation's. */
const ADMIN_CAPITAL_HEADS = new Set(['provincial', 'regional', 'state', 'district', 'county', 'departmental', 'province', 'region', 'governorate', 'divisional']);
/** Of those, the adjectives ("the provincial capital": the province last named; so is "the state capital"). */
const PROVINCIAL = new Set(['provincial', 'regional', 'departmental', 'divisional']);
/** Capitalised words after a town's name that make it part of a site's name ("Moro Market"). */
/** Words after a name that make it a news outlet's ("Al Masirah TV", "Kabul Times"). */
const MEDIA_AFTER = new Set(['tv', 'television', 'radio', 'channel', 'newspaper', 'daily', 'times', 'tribune', 'herald', 'gazette', 'post', 'network', 'fm', 'independent', 'guardian', 'journal', 'chronicle', 'monitor', 'observer', 'express', 'standard']);
/** Words that open a saint's name in English and French ("St Francis"); "San", "Santa" open many city names. */
const SAINT = new Set(['st', 'saint', 'sainte']);
/** Sites named "the X of <town>". */
const SITE_BEFORE_OF = new Set(['junction', 'crossing', 'crossroads', 'intersection', 'roundabout', 'bridge']);
/** The last word of a street's name. */
const STREET_WORDS = new Set(['road', 'street', 'avenue', 'boulevard', 'drive', 'lane', 'highway', 'expressway', 'way']);
/** Road sites written in lower case after the town they are named for ("the Tolé junction"). */
const ROAD_SITES_LOWER = new Set(['junction', 'crossing', 'roundabout', 'checkpoint', 'interchange', 'turnoff', 'turn-off', 'bypass', 'intersection']);
const SITE_AFTER = new Set(['market', 'junction', 'station', 'bridge', 'road', 'street', 'avenue', 'roundabout', 'square', 'hospital', 'mosque', 'church', 'school', 'college', 'university', 'stadium', 'mall', 'hotel', 'prison', 'barracks', 'highway', 'motor', 'park', 'terminal', 'lorry', 'bus', 'plaza', 'cathedral', 'temple', 'courthouse', 'secondary', 'primary', 'polytechnic']);
/** Prior bonus of a populated place's feature code (GeoNames codes: capitals and seats up, sections and historical places down). */
const FEATURE_BONUS: Record<string, number> = { PPLC: 2.5, PPLG: 2.5, PPLA: 1.5, PPLA2: 0.8, PPLA3: 0.3, PPLA4: 0.1, PPLX: -0.7, PPLL: -0.3, PPLH: -2, PPLQ: -2, PPLW: -2, STLMT: -0.5 };
/** Compass words that may stand before a country's name ("south Lebanon"). */
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'northern', 'southern', 'eastern', 'western']);
/** Prefixes that turn a demonym into an attitude or a span of countries ("anti-American", "pan-African"). */
const DEMONYM_PREFIX = new Set(['pan', 'anti', 'pro']);
/** Words after a people's name that make it the side firing from afar ("Russian drone", "Israeli enemy"). */
const REMOTE_ATTACKER_AFTER = new Set(['drone', 'drones', 'missile', 'missiles', 'rocket', 'rockets', 'strike', 'strikes', 'airstrike', 'airstrikes', 'air', 'jets', 'warplanes', 'aircraft', 'shelling', 'shells', 'artillery', 'bombardment', 'bombing', 'bombings', 'occupation', 'enemy', 'navy', 'gunboats', 'fire']);
/** Words after a people's name that make it part of a geographic or historical name ("Persian Gulf"). */
const NAME_AFTER_DEMONYM = new Set(['gulf', 'sea', 'ocean', 'peninsula', 'desert', 'plateau', 'empire', 'riviera', 'highlands', 'lowlands', 'basin', 'strait', 'straits', 'channel']);

const isCap = (s: string) => /^\p{Lu}/u.test(s);
const isAllCaps = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase() && /\p{L}/u.test(s);

/** Whether a token's word is an ordinary English word (asked once per token). */
function commonWord(t: Token, gaz: Gazetteer): boolean {
  return (t.common ??= gaz.isCommonWord(t.fold));
}

const UPPER = 1;
const LOWER = 2;
const CAP_FIRST = 4;

/**
 * For a word of ASCII letters and digits only: UPPER / LOWER when it holds such letters,
 * CAP_FIRST when it starts with a capital; -1 for any other word. (For these words foldName is
 * lower-casing and isCap / isAllCaps / a letter test come down to these bits.)
 */
function asciiCase(w: string): number {
  let f = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) f |= i === 0 ? UPPER | CAP_FIRST : UPPER;
    else if (c >= 97 && c <= 122) f |= LOWER;
    else if (c < 48 || c > 57) return -1;
  }
  return f;
}

function tokenize(doc: CleanText, sentences: Sentence[]): Token[] {
  const out: Token[] = [];
  for (const s of sentences) {
    if (s.boilerplate) continue;
    let pos = 0;
    for (const m of s.text.matchAll(TOKEN_RE)) {
      let raw = m[0];
      const start = s.start + m.index!;
      // Possessive: "Pakistan's" is "Pakistan".
      let foldFull: string | undefined;
      if (/['’]s$/i.test(raw) && raw.length > 3) {
        foldFull = foldName(raw);
        raw = raw.slice(0, -2);
      }
      // Plain ASCII words (most): folding, casing and letters read off one pass over the characters.
      const f = asciiCase(raw);
      const fold = f >= 0 ? raw.toLowerCase() : foldName(raw);
      const cap = f >= 0 ? (f & CAP_FIRST) !== 0 : isCap(raw);
      const allCaps = f >= 0 ? (f & UPPER) !== 0 && (f & LOWER) === 0 : isAllCaps(raw);
      const letter = f >= 0 ? (f & (UPPER | LOWER)) !== 0 : /\p{L}/u.test(raw);
      out.push({ start, end: start + raw.length, raw, fold, foldFull, cap, allCaps, letter, sent: s.index, pos: pos++ });
    }
  }
  void doc;
  return out;
}

/**
 * The last character before `at` other than white space is a hyphen or dash (what
 * `/[-‐–]$/.test(text.slice(0, at).trimEnd())` tells, without copying the text before it:
 * that made long reports cost quadratic time).
 */
function dashBefore(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && /\s/.test(text[k]!)) k--;
  return k >= 0 && /[-‐–]/.test(text[k]!);
}

/** Text between two tokens may join a multi-word name: spaces, hyphens, an abbreviation's dot. */
function joinable(text: string, a: Token, b: Token): boolean {
  if (a.sent !== b.sent) return false;
  const gap = text.slice(a.end, b.start);
  if (/^[ \-‐–]{1,2}$/.test(gap)) return true;
  if (/^\. ?$/.test(gap) && a.raw.length <= 3) return true; // St. / Ft. / Mt.
  if (/^['’] ?$/.test(gap)) return true;
  return false;
}

/**
 * Casing of each sentence: title-like (ordinary English words capitalised, as in headlines
 * written in title case or capitals) or lower-case; in such sentences capitals say nothing.
 */
function sentenceCasing(tokens: Token[], gaz: Gazetteer): Map<number, { title: boolean; lower: boolean }> {
  const stats = new Map<number, { n: number; cap: number; words: number; capWords: number; all: number; letters: number }>();
  let cur: { n: number; cap: number; words: number; capWords: number; all: number; letters: number } | undefined;
  let curSent = -1;
  for (const t of tokens) {
    if (!t.letter) continue;
    // (a sentence's tokens come together: its record is looked up once)
    if (!cur || t.sent !== curSent) {
      cur = stats.get(t.sent);
      if (!cur) stats.set(t.sent, (cur = { n: 0, cap: 0, words: 0, capWords: 0, all: 0, letters: 0 }));
      curSent = t.sent;
    }
    const s = cur;
    s.letters++;
    if (t.allCaps && t.raw.length > 1) s.all++;
    if (t.pos > 0 && t.raw.length >= 4) {
      s.n++;
      if (t.cap) s.cap++;
      if (commonWord(t, gaz) && !MONTHS_DAYS.has(t.fold)) {
        s.words++;
        if (t.cap) s.capWords++;
      }
    }
  }
  const out = new Map<number, { title: boolean; lower: boolean }>();
  for (const [k, s] of stats) {
    out.set(k, {
      title: (s.words >= 2 && s.capWords / s.words >= 0.6) || (s.letters >= 3 && s.all / s.letters >= 0.8),
      lower: s.n >= 3 && s.cap === 0,
    });
  }
  return out;
}

/**
 * Where a dateline sits: at the start of one of the first two lines, a name in capitals or
 * followed by a date or an agency, then a dash or colon ("QUETTA –", "KABUL, July 19 (Reuters) -").
 */
function datelineRanges(doc: CleanText): [number, number][] {
  const out: [number, number][] = [];
  for (const m of doc.marked) if (m.kind === 'dateline') out.push([m.start, m.end]);
  const text = doc.text;
  let lineStart = 0;
  // A name in capitals then a dash ("KABUL, Afghanistan (March 28) –") marks a dateline even
  // below a page's header lines; after an agency in brackets the dash may be missing or garbled
  // ("IRBIL, Iraq (AP) \"” Kurdish forces…"). A title-case name counts only in the first lines.
  for (let line = 0; line < 15 && lineStart < text.length; line++) {
    const nl = text.indexOf('\n', lineStart);
    const l = text.slice(lineStart, nl < 0 ? text.length : nl);
    const caps = /^((?:\p{Lu}[\p{Lu}'’.\-]+)(?:\s+\p{Lu}[\p{Lu}'’.\-]+){0,3})(?:\s*,\s*[\p{L}.' ]{2,30}?)?(?:\s*,\s*\p{L}{3,9}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?)?\s*(?:\([^)]{1,40}\)\s*(?:[-–—:]{1,2}|["“”â€\u0080-\u009f]{1,3})?|[-–—:])\s/u.exec(l);
    const titled = line >= 3 ? null : /^(\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){0,3})(?:\s*,\s*\p{Lu}[\p{L}.' ]{1,30}?)?(?:(?:\s*,\s*\p{L}{3,9}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?)\s*(?:\([^)]{1,40}\))?|\s*\([^)]{1,40}\))\s*[-–—:]{1,2}\s/u.exec(l);
    const m = caps ?? titled;
    if (m) out.push([lineStart, lineStart + m[0].length]);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return out;
}

/** The document's country votes: country index → weight. */
type Votes = Map<number, number>;

function addVote(v: Votes, c: number, w: number) {
  v.set(c, (v.get(c) ?? 0) + w);
}

/** Country votes with what each name gave, so a name never supports itself (leave-one-out). */
class CountryVotes {
  readonly all: Votes = new Map();
  private readonly byName = new Map<string, Votes>();
  constructor(base?: Votes) {
    if (base) for (const [c, w] of base) addVote(this.all, c, w);
  }
  add(name: string, c: number, w: number) {
    this.memo.clear();
    addVote(this.all, c, w);
    let m = this.byName.get(name);
    if (!m) this.byName.set(name, (m = new Map()));
    addVote(m, c, w);
  }
  /** Votes without those given by `name` (do not modify: shared by the spans of one name). */
  without(name: string): Votes {
    const own = this.byName.get(name);
    if (!own) return this.all;
    const memo = this.memo.get(name);
    if (memo) return memo;
    // (forEach: the same order as copying, without an iterator's garbage)
    const v: Votes = new Map();
    this.all.forEach((w, c) => v.set(c, w));
    own.forEach((w, c) => v.set(c, (v.get(c) ?? 0) - w));
    this.memo.set(name, v);
    return v;
  }
  private readonly memo = new Map<string, Votes>();
}

/** Find and resolve place mentions in a document; see the module comment for the rules. */
export function findPlacesIn(doc: CleanText, sentences: Sentence[], gaz: Gazetteer, opts: FindOptions = {}): PlaceMention[] {
  const text = doc.text;
  const tokens = tokenize(doc, sentences);
  const casing = sentenceCasing(tokens, gaz);
  const capTokens = tokens.filter((t) => t.pos > 0 && t.letter && t.raw.length >= 4);
  const docLower = capTokens.length >= 3 && capTokens.filter((t) => t.cap).length / capTokens.length < 0.04;
  const datelines = datelineRanges(doc);
  const inDateline = (s: number, e: number) => datelines.some(([a, b]) => a <= s && e <= b);

  // ---- demonyms (country votes) and spans
  const demonymVotes: Votes = new Map();
  const demonymCount = new Map<number, number>();
  const demonymAt = new Map<number, number>(); // token index → country
  const groupCount = new Map<number, number>();
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.fold || MONTHS_DAYS.has(t.fold)) continue;
    const after = tokens[i + 1];
    if (DEMONYM_PREFIX.has(t.fold) && after && after.sent === t.sent && /^[ \-‐–]$/.test(text.slice(t.end, after.start)) && gaz.demonym(after.fold)) continue;
    const tc = casing.get(t.sent);
    // An armed group or named force of one country ("RSF", "Fano militia", "SBU"): weak context
    // for that country (groups cross borders), never a place itself.
    // ("Sudanese army", "Pakistan Army": the country word itself already counts, as a demonym or a place)
    if ((t.cap || docLower || tc?.lower) && !gaz.demonym(t.fold) && gaz.countryOfName(t.fold, foldName) < 0) {
      let gKey = '';
      let gLast = -1;
      let gCc: string | null = null;
      for (let j = i; j < tokens.length && j < i + MAX_WORDS; j++) {
        const tj = tokens[j]!;
        if (j > i && !joinable(text, tokens[j - 1]!, tj)) break;
        gKey = j === i ? tj.fold : `${gKey} ${tj.fold}`;
        const g = gaz.group(gKey);
        if (g) [gLast, gCc] = [j, g];
        if (!gaz.groupHasLonger(gKey)) break;
      }
      // a short name counts only as written by the group (capitals for an abbreviation)
      if (gCc && (gLast > i || t.allCaps || t.raw.length > 4) && !(gLast === i && t.allCaps !== (t.raw.length <= 5) && !docLower)) {
        const c = gaz.countryIndex(gCc);
        if (c >= 0) {
          const n = groupCount.get(c) ?? 0;
          if (n < 2) addVote(demonymVotes, c, 0.5);
          groupCount.set(c, n + 1);
        }
        i = gLast;
        continue;
      }
    }
    // "Pan-American", "anti-American", "pro-Russian": the people named are not where it happened
    const before = i > 0 && tokens[i - 1]!.sent === t.sent ? tokens[i - 1]! : null;
    const prefixed = !!before && DEMONYM_PREFIX.has(before.fold) && /^[ \-‐–]$/.test(text.slice(before.end, t.start));
    // "Persian Gulf", "Arabian Sea", "Ottoman Empire": part of a name, not a people
    const nextTok = i + 1 < tokens.length && tokens[i + 1]!.sent === t.sent ? tokens[i + 1]! : null;
    const inName = !!nextTok && NAME_AFTER_DEMONYM.has(nextTok.fold) && /^ $/.test(text.slice(t.end, nextTok.start));
    const dem = (t.cap || docLower || tc?.lower || tc?.title) && !prefixed && !inName ? gaz.demonym(t.fold) : null;
    // a demonym is never itself a place mention
    let best: { last: number; k: number; fold: string } | null = null;
    let key = '';
    for (let j = i; j < tokens.length && j < i + MAX_WORDS; j++) {
      const tj = tokens[j]!;
      if (j > i && !joinable(text, tokens[j - 1]!, tj)) break;
      if (!tj.fold) break;
      const prevKey = key;
      key = j === i ? tj.fold : `${key} ${tj.fold}`;
      // "Cox's Bazar": the possessive belongs to the name when a longer name goes on with it
      // and the next word completes it (not "Pakistan's Bajaur").
      const full = tj.foldFull ? (j === i ? tj.foldFull : `${prevKey} ${tj.foldFull}`) : null;
      const nx = tokens[j + 1];
      if (full && nx && joinable(text, { ...tj, end: tj.end + 2 }, nx) && nx.fold && gaz.hasLonger(full) && (gaz.findName(`${full} ${nx.fold}`) >= 0 || gaz.hasLonger(`${full} ${nx.fold}`))) {
        key = full;
        tokens[j]!.end = tokens[j]!.end + 2;
        continue;
      }
      const k = gaz.findName(key);
      if (k >= 0) best = { last: j, k, fold: key };
      if (!gaz.hasLonger(key)) break;
    }
    if (dem && (!best || best.last === i)) {
      const c = gaz.countryIndex(dem);
      if (c >= 0) {
        demonymAt.set(i, c);
        const n = demonymCount.get(c) ?? 0;
        if (n < 3) addVote(demonymVotes, c, 1);
        demonymCount.set(c, n + 1);
      }
      continue;
    }
    let fuzzyHits: number[] | null = null;
    if (!best && t.cap && !t.allCaps && !commonWord(t, gaz) && !dem && !(casing.get(t.sent)?.title) && !docLower) {
      // no listed name starts here: try a transliteration variant of 1–3 capitalised words
      let keyF = '';
      for (let j = i; j < tokens.length && j < i + 3; j++) {
        const tj = tokens[j]!;
        if (j > i && (!joinable(text, tokens[j - 1]!, tj) || !(tj.cap || ['al', 'el', 'an', 'ar', 'as', 'ad'].includes(tj.fold)))) break;
        keyF = j === i ? tj.fold : `${keyF} ${tj.fold}`;
        if (keyF.replace(/ /g, '').length < 5) continue;
        let hs = gaz.skeletonHits(skeletonOf(keyF));
        // (a name too short for a skeleton may still be a French-style spelling: "Tarhouna")
        const respelled = respellingOf(keyF);
        const kr = respelled ? gaz.findName(respelled) : -1;
        if (kr >= 0) hs = [...new Set([...hs, ...gaz.hits(kr).map((h) => h.entity).filter((e) => gaz.kindOf(e) !== 'country')])];
        if (hs.length) {
          best = { last: j, k: -1, fold: keyF };
          fuzzyHits = hs;
        }
      }
    }
    if (!best) continue;
    if (gaz.isNotPlace(best.fold)) {
      i = best.last;
      continue;
    }
    // "south Lebanon", "West Darfur"-like names that only small towns abroad carry ("South
    // Lebanon, Ohio"): a compass word before a country's name is a part of that country.
    if (best.k >= 0 && best.last > i && COMPASS.has(t.fold)) {
      const rest = best.fold.slice(best.fold.indexOf(' ') + 1);
      const kr = gaz.findName(rest);
      const fullHits = gaz.hits(best.k);
      if (kr >= 0 && gaz.hits(kr).some((h) => gaz.kindOf(h.entity) === 'country') && !fullHits.some((h) => gaz.kindOf(h.entity) === 'country' || gaz.kindOf(h.entity) === 'admin1')) continue;
    }
    // "MSF-Belgium", "UNICEF-Nigeria": a country joined to an organisation's acronym names a branch
    {
      const p0 = i > 0 && tokens[i - 1]!.sent === t.sent ? tokens[i - 1]! : null;
      if (p0 && p0.allCaps && p0.raw.length >= 2 && /^[-‐–]$/.test(text.slice(p0.end, t.start)) && gaz.findName(p0.fold) < 0 && !gaz.demonym(p0.fold)) {
        i = best.last;
        continue;
      }
    }
    // "Al Masirah TV", "Dawn News": an outlet's name, not where anything happened
    {
      const after = tokens[best.last + 1];
      if (after && after.sent === t.sent && MEDIA_AFTER.has(after.fold) && (after.cap || after.allCaps) && /^ $/.test(text.slice(tokens[best.last]!.end, after.start))) {
        i = best.last;
        continue;
      }
    }
    // "St Francis church", "San Juan hospital": a building named after a saint, not a place
    if (SAINT.has(t.fold) && best.last > i) {
      const after = tokens[best.last + 1];
      if (after && after.sent === t.sent && SITE_AFTER.has(after.fold)) {
        i = best.last;
        continue;
      }
    }
    const first = t;
    const last = tokens[best.last]!;
    const hits = fuzzyHits ? fuzzyHits.map((entity) => ({ entity, alternate: true, abbreviation: false })) : gaz.hits(best.k);
    const multi = best.last > i;
    const allCapsText = tokens.slice(i, best.last + 1).every((x) => x.allCaps);
    let usable = hits.filter((h) => !h.abbreviation || allCapsText);
    if (!usable.length) continue;
    const casingOf0 = casing.get(t.sent) ?? { title: false, lower: false };
    // "CAR", "DRC", "KP" in capitals inside ordinary text: the abbreviation, not the word.
    const abbrevOnly = !multi && allCapsText && !casingOf0.title && usable.some((h) => h.abbreviation);
    if (abbrevOnly) usable = usable.filter((h) => h.abbreviation);
    const casingOf = casing.get(t.sent) ?? { title: false, lower: false };
    const cap = tokens.slice(i, best.last + 1).every((x, k) => x.cap || x.fold.length <= 3 || GENERIC_IN_NAME.has(x.fold) || (k === 0 && COMPASS.has(x.fold))) && (first.cap || (multi && COMPASS.has(first.fold))) && !casingOf.title && !docLower;
    const w = abbrevOnly || fuzzyHits ? { word: false, very: false } : gaz.nameIsWord(best.k);
    // a name made only of ordinary words ("the village", "centre square") is as weak as one word
    const span = tokens.slice(i, best.last + 1);
    const allWords = multi && span.every((x) => x.fold === 'the' || x.fold === 'of' || commonWord(x, gaz));
    const mode: Span['mode'] = docLower || casingOf.title ? 'nocase' : cap ? 'cap' : 'lower';
    const dateline = inDateline(first.start, last.end);
    // "NGO", "MIN", "ISI": a short word in capitals inside ordinary text is an acronym
    if (!multi && t.allCaps && t.raw.length <= 4 && !casingOf.title && !abbrevOnly && !dateline) continue;
    const prev = i > 0 && tokens[i - 1]!.sent === t.sent ? tokens[i - 1]! : null;
    const prev2 = i > 1 && tokens[i - 2]!.sent === t.sent ? tokens[i - 2]! : null;
    const prev3 = i > 2 && tokens[i - 3]!.sent === t.sent ? tokens[i - 3]! : null;
    const next = best.last + 1 < tokens.length && tokens[best.last + 1]!.sent === t.sent ? tokens[best.last + 1]! : null;
    let prep = false;
    if (prev) {
      if (prev.fold === 'of') prep = !!prev2 && OF_HEADS.has(prev2.fold);
      else if (prev.fold === 'the' && prev2) prep = PREP.has(prev2.fold) && prev2.fold !== 'of';
      else prep = PREP.has(prev.fold) && prev.fold !== 'on' && prev.fold !== 'by';
    }
    const nearBefore = [prev, prev2, prev3].some((p) => p && NEAR_WORDS.has(p.fold));
    // ("the Lyon suburb of Villeurbanne" names the suburb itself, not somewhere near it)
    const namedSuburb = prev?.fold === 'of' && prev2?.fold === 'suburb' && !!prev3?.cap;
    const near = !!prev && nearBefore && !namedSuburb && !(prev.fold === 'of' && prev2 && !NEAR_WORDS.has(prev2.fold));
    const capitalCue = !!prev && (prev.fold === 'capital' || (prev.fold === 'the' && prev2?.fold === 'capital'));
    let afterCue: Span['afterCue'] = null;
    let cueEnd = last.end;
    // the name itself ends in a generic word ("Mastung District", "Kaduna State")
    if (multi && ADMIN2_AFTER.has(last.fold)) afterCue = 'admin2';
    else if (multi && ADMIN1_AFTER.has(last.fold)) afterCue = 'admin1';
    // "Moro Market", "Kano Junction", "Lagos Road": the name is part of a site's own name; the site
    // may stand anywhere (a market named for a far town), so it says little about which town
    // …and so is the first word of a street's name ("West Florissant Avenue", "Abuja Kaduna Expressway")
    // (the index of the street word, or -1)
    const streetAhead = (k: number): number => {
      for (let j = k; j <= k + 2; j++) {
        const w = tokens[j];
        if (!w || w.sent !== t.sent || !w.cap || w.allCaps) return -1;
        if (STREET_WORDS.has(w.fold)) return j > k ? j : -1;
      }
      return -1;
    };
    const streetEnd = mode === 'cap' && next && /^ $/.test(text.slice(last.end, next.start)) && !SITE_AFTER.has(next.fold) ? streetAhead(best.last + 1) : -1;
    // a compass word opening a street's name is no town of that name ("West" Texas)
    if (streetEnd >= 0 && best.last === i && COMPASS.has(t.fold)) {
      i = streetEnd;
      continue;
    }
    // (a town's name opening one is a site of the town, "Bannu Airport Road")
    // ("at the crossing of Tole", "the junction of Tafo": the site is named after the town too)
    const siteOf = !!prev && prev.fold === 'of' && !!prev2 && SITE_BEFORE_OF.has(prev2.fold);
    // (a road site in lower case too: "at the Tolé junction")
    const site =
      siteOf ||
      (mode === 'cap' && !!next && /^ $/.test(text.slice(last.end, next.start)) && ((next.cap && !next.allCaps && (SITE_AFTER.has(next.fold) || streetEnd >= 0)) || (!next.cap && ROAD_SITES_LOWER.has(next.fold))));
    if (!afterCue && !site && next && /^[ ]$/.test(text.slice(last.end, next.start))) {
      if (ADMIN1_AFTER.has(next.fold)) afterCue = 'admin1';
      else if (ADMIN2_AFTER.has(next.fold)) afterCue = 'admin2';
      else if (ADMIN_AFTER.has(next.fold)) afterCue = 'admin';
      else if (PLACE_AFTER.has(next.fold)) afterCue = 'place';
      if (afterCue) cueEnd = next.end;
    }
    // "the state of Guerrero", "the town of Tixtla": the unit word written before the name
    // (singular only: "districts of Minsk" are parts of the city)
    if (!afterCue && prev?.fold === 'of' && prev2 && !prev2.fold.endsWith('s')) {
      if (ADMIN1_AFTER.has(prev2.fold)) afterCue = 'admin1';
      else if (ADMIN2_AFTER.has(prev2.fold)) afterCue = 'admin2';
      else if (PLACE_AFTER.has(prev2.fold) && prev2.fold !== 'area' && prev2.fold !== 'locality') afterCue = 'place';
    }
    // A capitalised word (not a common word, not a name part) or a title right before: a person.
    let personLike = false;
    const prevSpan = spans.length > 0 && spans[spans.length - 1]!.last === i - 1 ? spans[spans.length - 1]! : null;
    const prevInSpan = prevSpan !== null;
    // Part of a longer capitalised name the gazetteer lacks ("Barin Zare", "Imran Khan")
    const unknownNameWord = (x: Token | null | undefined) =>
      !!x && x.cap && !x.allCaps && !commonWord(x, gaz) && !GENERIC_IN_NAME.has(x.fold) && !NAME_PARTS.has(x.fold) && !ADMIN2_AFTER.has(x.fold) && !ADMIN1_AFTER.has(x.fold) && !ADMIN_AFTER.has(x.fold) && !MONTHS_DAYS.has(x.fold) && !gaz.demonym(x.fold) && !TITLES.has(x.fold);
    let partial =
      mode === 'cap' && !!next && /^ $/.test(text.slice(last.end, next.start)) && unknownNameWord(next);
    if (mode === 'cap' && prevSpan?.partial && /^ $/.test(text.slice(prevSpan.end, t.start))) partial = true;
    let personSure = false;
    // (an abbreviated title keeps its dot: "Col. Turki al-Maliki")
    if (prev && TITLES.has(prev.fold) && /^\. $/.test(text.slice(prev.end, t.start))) personLike = personSure = true;
    else if (prev && !prevInSpan && /^ $/.test(text.slice(prev.end, t.start))) {
      if (TITLES.has(prev.fold)) personLike = personSure = true;
      else if (prev.cap && !casingOf.title && !NAME_PARTS.has(prev.fold) && !commonWord(prev, gaz) && !MONTHS_DAYS.has(prev.fold) && !gaz.demonym(prev.fold)) {
        personLike = true;
        // a first name proper: a word of 3+ letters, not in capitals, not a possessive ("J-K's Udhampur")
        personSure = prev.raw.length >= 3 && !prev.allCaps && !prev.foldFull && !dashBefore(text, prev.start);
      }
      // Where casing says nothing: "president nicanor duarte", "vice president julio cesar franco":
      // a title, then a word no gazetteer or dictionary knows, then the name.
      else if (mode === 'nocase' && prev2 && TITLES.has(prev2.fold) && /^ $/.test(text.slice(prev2.end, prev.start)) && !commonWord(prev, gaz) && !NAME_PARTS.has(prev.fold) && gaz.findName(prev.fold) < 0 && !gaz.demonym(prev.fold))
        personLike = personSure = true;
    }
    // "Michael Brown's family": a single name followed by a possessed capitalised word that
    // makes no place with it is a first name and surname
    if (!personLike && !multi && mode === 'cap' && next && next.foldFull && next.cap && !next.allCaps && /^ $/.test(text.slice(last.end, next.start)) &&
      !GENERIC_IN_NAME.has(next.fold) && !ADMIN1_AFTER.has(next.fold) && !ADMIN2_AFTER.has(next.fold) && !ADMIN_AFTER.has(next.fold) && !SITE_AFTER.has(next.fold) && gaz.findName(`${t.fold} ${next.fold}`) < 0)
      personLike = personSure = true;
    // "A youth, Kamal, who…", "the farmer, Musa, was…": a name set off after a person word
    if (!personLike && prev && APPOSITION_HEADS.has(prev.fold) && /^,\s+$/.test(text.slice(prev.end, t.start)) && /^\s*,/.test(text.slice(last.end, last.end + 3)))
      personLike = personSure = true;
    spans.push({
      first: i,
      last: best.last,
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      fold: best.fold,
      sent: t.sent,
      nameIndex: best.k,
      hits: usable,
      isWord: (!multi && w.word) || allWords,
      veryCommon: (!multi && w.very) || (allWords && span[0]!.fold === 'the'),
      cap,
      initial: t.pos === 0 || (!!prev && /^[“"‘(]/.test(text.slice(prev.end, t.start).trim())),
      prep,
      near,
      capitalCue,
      afterCue,
      cueEnd,
      personLike,
      personSure,
      site,
      dateline,
      lowerSentence: docLower || casingOf.lower,
      mode,
      abbrev: abbrevOnly,
      partial,
      capAfter: !!next && next.cap && !next.allCaps && /^ $/.test(text.slice(last.end, next.start)),
      fuzzy: fuzzyHits !== null,
      qualifier: null,
      verbAfter: !!next && /^ $/.test(text.slice(last.end, next.start)) && (ACTOR_AFTER.has(next.fold) || ATTACK_PAST.has(next.fold) || ATTACK_AMBIGUOUS.has(next.fold)),
      afterCapWord: !!prev && mode === 'cap' && prev.cap && !prev.allCaps && /^ $/.test(text.slice(prev.end, t.start)) && !NAME_PARTS.has(prev.fold) && !TITLES.has(prev.fold) && !demonymAt.has(i - 1),
      demonymBefore: prev && demonymAt.has(i - 1) && /^ $/.test(text.slice(prev.end, t.start)) ? demonymAt.get(i - 1)! : -1,
    });
    i = best.last;
  }
  // A name once written as a person's ("President Volodymyr Zelensky", "Dr Charles Masudi")
  // stays a person's name where it stands alone later ("Zelensky said"), unless a cue says place.
  {
    const personFolds = new Set(spans.filter((sp) => sp.personSure && !sp.prep && sp.afterCue === null && !sp.dateline).map((sp) => sp.fold));
    for (const sp of spans) if (personFolds.has(sp.fold) && !sp.prep && sp.afterCue === null) sp.personLike = true;
  }
  // ", Y" qualifiers: "Buea, Southwest Region", "Maradun, Zamfara"
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k]!;
    const b = spans[k + 1]!;
    if (a.sent === b.sent && /^\s*,\s*$/.test(text.slice(a.cueEnd, b.start))) {
      a.qualifier = k + 1;
      b.qualifies = true;
    }
  }

  // ---- scoring
  const prior = (e: number, hitAlt: boolean, reasons: string[] | null): number => {
    const kind = gaz.kindOf(e);
    let s = 0;
    if (kind === 'country') {
      s = 6;
      reasons?.push('country +6');
    } else if (kind === 'admin1') {
      s = 3.5;
      reasons?.push('admin1 +3.5');
    } else if (kind === 'admin2') {
      // (a district GeoNames knows no place in sits at its province's point: the twin with a seat first)
      s = gaz.noPlaceInside(e) ? 1 : 1.5;
      reasons?.push(`admin2 +${s}`);
    } else {
      const pop = gaz.pop[e]!;
      s = 0.8 * Math.log10(pop + 1);
      reasons?.push(`population ${pop} +${s.toFixed(1)}`);
      const fc = gaz.featureCode(e);
      const fb = FEATURE_BONUS;
      const b = fb[fc] ?? (fc.startsWith('PPL') ? 0 : 0.5);
      if (b) {
        s += b;
        reasons?.push(`${fc} ${b > 0 ? '+' : ''}${b}`);
      }
    }
    if (hitAlt) {
      s -= 2;
      reasons?.push('alternate name -2');
    }
    return s;
  };

  interface Resolved {
    span: Span;
    /** What the span was scored with: its candidates are materialised from it (candidatesOf) only for the mentions shown. */
    ctx: ScoreCtx;
    best: number; // entity or -1
    accepted: boolean;
  }

  /** A point chosen in an earlier pass; `others` lists are sorted by latitude (see nearestKm). */
  interface Other {
    lat: number;
    lon: number;
    span: number;
    fold: string;
  }
  // 400 km (the farthest distance that scores) in degrees of latitude, with a margin: a point
  // further north or south than this is further than 400 km whatever the longitudes.
  const NEAR_LAT_DEG = 3.7;

  /**
   * Distance in km from (la, lo) to the nearest of `others` not from span `idx` nor of name
   * `fold`; exact when under 400 km, else Infinity or some distance >= 400 km. Only the points
   * within NEAR_LAT_DEG of latitude are measured (a great-circle distance is never shorter than
   * the latitude difference), which keeps a long report from comparing every pair.
   */
  const nearestKm = (la: number, lo: number, idx: number, fold: string, others: Other[]): number => {
    let lo0 = 0;
    let hi = others.length;
    const from = la - NEAR_LAT_DEG;
    while (lo0 < hi) {
      const mid = (lo0 + hi) >>> 1;
      if (others[mid]!.lat < from) lo0 = mid + 1;
      else hi = mid;
    }
    let dmin = Infinity;
    const to = la + NEAR_LAT_DEG;
    for (let k = lo0; k < others.length; k++) {
      const o = others[k]!;
      if (o.lat > to) break;
      if (o.span !== idx && o.fold !== fold) dmin = Math.min(dmin, kmBetween(la, lo, o.lat, o.lon));
    }
    return dmin;
  };

  /** Context shared by the candidates of one span in one pass. */
  interface ScoreCtx {
    sp: Span;
    idx: number;
    votes: Votes;
    totalVotes: number;
    admin1s: Set<number>;
    admin2s: Set<number>;
    others: Other[];
    hitSet: Set<number>;
    mainAdmin: boolean;
  }

  /**
   * Score of one candidate. `reasons` (when not null) receives the explanation of each term; it
   * is only wanted for the candidates shown, so the passes call this with null and the shown
   * candidates are scored again with reasons (same arithmetic, same result).
   */
  const scoreHit = (x: ScoreCtx, h: { entity: number; alternate: boolean }, reasons: string[] | null): number => {
    const { sp, votes, totalVotes, admin1s, admin2s, others } = x;
    const e = h.entity;
    let s = prior(e, h.alternate, reasons);
    // "in eastern Chiriquí": a part of a province or country, hardly of a town
    if (COMPASS_BEFORE.test(text.slice(Math.max(0, sp.start - 24), sp.start)) && (gaz.kindOf(e) === 'admin1' || gaz.kindOf(e) === 'country')) {
      s += 2.5;
      reasons?.push('after a compass word +2.5');
    }
    // "Panama's riot police": a name owning an institution is the country's, not its capital's
    if (gaz.kindOf(e) === 'country' && /^['’]s\b/.test(text.slice(sp.end, sp.end + 3))) {
      s += 2;
      reasons?.push("a country's own ('s) +2");
    }
    // (not a province's own seat spelled the province's way: "Jazan" the town in Jazan province)
    if (h.alternate && x.mainAdmin && gaz.kindOf(e) === 'place' && !sp.hits.some((o) => !o.alternate && o.entity === gaz.admin1[e])) {
      s -= 3;
      reasons?.push('a country/province has this as its own name -3');
    }
    // A big city known by this name only in another language ("Bethlehem" for Belém) against a
    // town that is called so ("Bethlehem" in the West Bank): the name is the town's.
    else if (h.alternate && gaz.kindOf(e) === 'place' && sp.hits.some((o) => !o.alternate && o.entity !== e && gaz.kindOf(o.entity) === 'place' && gaz.pop[o.entity]! >= 10000)) {
      s -= 1.5;
      reasons?.push('another town is called this -1.5');
    }
    // A town named like a country ("Liberia" in Costa Rica) is that town only with context.
    else if (!h.alternate && gaz.kindOf(e) === 'place' && sp.hits.some((o) => !o.alternate && gaz.kindOf(o.entity) === 'country')) {
      s -= 2;
      reasons?.push('a country has this name -2');
    }
    const kind = gaz.kindOf(e);
    if (gaz.noPlaceInside(e) && sp.afterCue !== 'admin2' && sp.afterCue !== 'admin') {
      s -= 3;
      reasons?.push('a district with no known place, not called a district -3');
    }
    const c = gaz.country[e]!;
    const v = votes.get(c) ?? 0;
    if (v > 0 && totalVotes > 0) {
      const b = 1.5 + 3.5 * (v / totalVotes);
      s += b;
      reasons?.push(`country in context +${b.toFixed(1)}`);
    } else if (kind === 'place' && demonymTotal > 0 && (sp.prep || sp.afterCue !== null) && nearPeopleNamed(e, c)) {
      // "Israeli troops", "Russian forces": a people's forces act in and beside their country, so
      // a town near that border is more likely than one across the world
      s += 1;
      reasons?.push('near the country of a people named +1');
    }
    const a1 = kind === 'admin1' ? -1 : gaz.admin1[e]!;
    const a2 = kind === 'admin2' ? -1 : gaz.admin2[e]!;
    if (sp.demonymBefore >= 0) {
      const b = c === sp.demonymBefore ? 4 : -2;
      s += b;
      reasons?.push(`demonym before the name ${b > 0 ? '+' : ''}${b}`);
    }
    if (a1 >= 0 && admin1s.has(a1)) {
      s += 2.5;
      reasons?.push('admin1 named +2.5');
    }
    if (a2 >= 0 && admin2s.has(a2)) {
      s += 2.5;
      reasons?.push('district named +2.5');
    }
    // "San Félix, Chiriquí": a name after a place and a comma is most often its province
    if (sp.qualifies && (kind === 'admin1' || kind === 'admin2') && !h.alternate) {
      s += 2;
      reasons?.push('after a place and a comma +2');
    }
    if (sp.qualifier !== null) {
      const q = spans[sp.qualifier]!;
      const la = gaz.lat[e]! / 1e4;
      const lo = gaz.lon[e]! / 1e4;
      if (q.hits.some((qh) => qh.entity === a1 || qh.entity === a2 || (gaz.kindOf(qh.entity) === 'country' && qh.entity === c) || (qh.entity !== e && gaz.kindOf(qh.entity) === 'place' && gaz.country[qh.entity] === c && kmBetween(la, lo, gaz.lat[qh.entity]! / 1e4, gaz.lon[qh.entity]! / 1e4) < 40))) {
        s += 4;
        reasons?.push(`"${q.text}" after the name +4`);
      }
    }
    if (sp.afterCue) {
      const want = sp.afterCue;
      const fc = gaz.featureCode(e);
      if ((want === 'admin1' && kind === 'admin1') || (want === 'admin2' && kind === 'admin2') || (want === 'admin' && (kind === 'admin1' || kind === 'admin2'))) {
        s += 5;
        reasons?.push(`"${want === 'admin' ? 'county/division' : want}" cue +5`);
      } else if (want === 'admin2' && kind === 'admin1') {
        // "Cordoba department", "Lima region": first-level units in Colombia, Peru, Honduras…
        s += 3;
        reasons?.push('"district/department" cue, a first-order unit +3');
      } else if (want === 'admin1' && kind === 'admin2') {
        // "Soum province": in Burkina Faso, CAR, Afghanistan's neighbours… provinces are GeoNames' admin2
        s += 3;
        reasons?.push('"province/state" cue, a second-order unit +3');
      } else if (want === 'admin2' && kind === 'place' && (fc === 'PPLA2' || fc === 'PPLA3' || fc === 'PPLA')) {
        s += 3;
        reasons?.push('district seat +3');
      } else if (want === 'place' && kind === 'place') {
        s += 2;
        reasons?.push('town/village cue +2');
      } else if (want !== 'place' && kind === 'place') {
        s -= 1;
      }
    }
    // a bare name shared by a district and its seat town: the town itself (not where the country
    // carries the name too, "detained in Panama": the district is named for the country)
    if (kind === 'place' && !h.alternate && sp.afterCue !== 'admin2' && sp.afterCue !== 'admin' && a2 >= 0 && x.hitSet.has(a2) && !sp.hits.some((o) => gaz.kindOf(o.entity) === 'country')) {
      s += 1.5;
      reasons?.push('seat of the same-named district +1.5');
    }
    if (sp.capitalCue && gaz.featureCode(e) === 'PPLC') {
      s += 3;
      reasons?.push('"the capital" +3');
    }
    if ((kind === 'place' || kind === 'admin2') && others.length) {
      const dmin = nearestKm(gaz.lat[e]! / 1e4, gaz.lon[e]! / 1e4, x.idx, sp.fold, others);
      const b = dmin < 50 ? 2 : dmin < 150 ? 1.2 : dmin < 400 ? 0.4 : 0;
      if (b) {
        s += b;
        reasons?.push(`${Math.round(dmin)} km from another place named +${b}`);
      }
    }
    return s;
  };

  const spanFixed: { hitSet: Set<number>; mainAdmin: boolean }[] = [];

  /**
   * Score every candidate of a span: its context (kept for candidatesOf) and the top candidate
   * (highest score, then most people, then the earliest hit), or -1.
   */
  const score = (sp: Span, idx: number, votes: Votes, totalVotes: number, admin1s: Set<number>, admin2s: Set<number>, others: Other[]): { ctx: ScoreCtx; best: number } => {
    // (the same in every pass: computed once per span)
    let fixed = spanFixed[idx];
    if (!fixed) {
      fixed = spanFixed[idx] = {
        hitSet: new Set(sp.hits.map((h) => h.entity)),
        // A country or province whose own name this is outranks a town known by it only as an
        // alternate (old or foreign) name: "Edo" the Nigerian state, not Tokyo's old name.
        mainAdmin: sp.hits.some((h) => !h.alternate && (gaz.kindOf(h.entity) === 'country' || gaz.kindOf(h.entity) === 'admin1')),
      };
    }
    const ctx: ScoreCtx = { sp, idx, votes, totalVotes, admin1s, admin2s, others, hitSet: fixed.hitSet, mainAdmin: fixed.mainAdmin };
    const n = sp.hits.length;
    let top = -1;
    let topS = 0;
    for (let k = 0; k < n; k++) {
      const s = scoreHit(ctx, sp.hits[k]!, null);
      // the first of the highest (what a stable sort by score, then population, puts first)
      if (top < 0 || s > topS || (s === topS && gaz.pop[sp.hits[k]!.entity]! > gaz.pop[sp.hits[top]!.entity]!)) [top, topS] = [k, s];
    }
    return { ctx, best: top >= 0 ? sp.hits[top]!.entity : -1 };
  };

  /** The best `maxCandidates` candidates of a scored span with their reasons, best first (a stable sort by score, then population). */
  const candidatesOf = (ctx: ScoreCtx): PlaceCandidate[] => {
    const hits = ctx.sp.hits;
    const sc = hits.map((h) => scoreHit(ctx, h, null));
    const order = Array.from({ length: hits.length }, (_, k) => k);
    order.sort((a, b) => sc[b]! - sc[a]! || gaz.pop[hits[b]!.entity]! - gaz.pop[hits[a]!.entity]!);
    return order.slice(0, opts.maxCandidates ?? 6).map((k) => {
      const reasons: string[] = [];
      const s = scoreHit(ctx, hits[k]!, reasons);
      return { place: gaz.place(hits[k]!.entity), score: Math.round(s * 100) / 100, reasons };
    });
  };

  /**
   * Is a mention accepted? `support`: the document's votes for the candidate's country;
   * `dominant`: the country holding most of the votes (>= 60 %, >= 2 votes), or -1; `top`: the
   * country with most votes; `namedSupport`: the support less what demonyms and groups gave;
   * `totalVotes`: all countries' votes (without this name's own).
   */
  // Whether a town lies near the country of a people the report names (asked once per town).
  const nearPeople = new Map<number, boolean>();
  const nearPeopleNamed = (e: number, c: number): boolean => {
    let v = nearPeople.get(e);
    if (v === undefined) {
      v = false;
      for (const [dc, dv] of demonymVotes) if (dc !== c && dv > 0 && gaz.nearCountry(gaz.lat[e]! / 1e4, gaz.lon[e]! / 1e4, dc)) v = true;
      nearPeople.set(e, v);
    }
    return v;
  };
  // Votes given by peoples' names alone (fixed once the spans are read).
  let demonymTotal = 0;
  for (const v of demonymVotes.values()) demonymTotal += v;
  const accept = (sp: Span, e: number, alternate: boolean, support: number, dominant: number, top: number, namedSupport: number, totalVotes: number, neighbourNamed: boolean, nearNamedKm: number): boolean => {
    const kind = gaz.kindOf(e);
    const pop = gaz.pop[e]!;
    const fc = gaz.featureCode(e);
    const supported = support > 0;
    const big = kind === 'country' || (kind === 'admin1' && !sp.isWord) || pop >= 100000 || fc === 'PPLC';
    const cue = sp.prep || sp.afterCue !== null;
    if (sp.personLike && !cue && !sp.dateline) return false;
    // a district no known place lies in: only where the text calls it one ("Bak district"), in a
    // country the report points to
    if (gaz.noPlaceInside(e) && (!supported || sp.fuzzy || (sp.afterCue !== 'admin2' && sp.afterCue !== 'admin'))) return false;
    // "Bak District", "X province": the text names an admin unit; a small town elsewhere that
    // merely shares the name, in a country the report gives no other sign of, is not it
    if ((sp.afterCue === 'admin1' || sp.afterCue === 'admin2' || sp.afterCue === 'admin') && kind === 'place' && !supported && pop < 100000 && fc !== 'PPLA' && fc !== 'PPLA2' && fc !== 'PPLC') return false;
    // a town known by this name only as an alternate, in a country that only peoples' names
    // ("Saudi-led", "Rwandan rebels") point to, while the report is about another country
    // (not a city of 20,000+ just across that country's border, named with a place cue: "missile
    // launched towards the southern city of Jazan" in a report mostly about Yemen)
    const nearDominantCountry = (x: number) => dominant >= 0 && gaz.nearCountry(gaz.lat[x]! / 1e4, gaz.lon[x]! / 1e4, dominant);
    if (alternate && kind === 'place' && dominant >= 0 && gaz.country[e] !== dominant && namedSupport <= 0 && !sp.dateline && !(cue && pop >= 20000 && nearDominantCountry(e))) return false;
    // a province of a neighbouring country nothing in the report points to, in a report about
    // the country next to it: the same name on the near side of the border ("the Kurdistan
    // Region's counter-terrorism service" in a report about Iraq is not Iran's Kurdistan province)
    if (kind === 'admin1' && neighbourNamed) return false;
    // a province of a country nothing else points to, named without a cue and followed by another
    // capitalised word, is part of a longer name ("the family of Michael Brown" is no Manx parish)
    if (kind === 'admin1' && !supported && !cue && sp.capAfter && totalVotes > 0) return false;
    // "the Sahel" (the belt south of the Sahara) is Burkina Faso's Sahel province only with a cue
    if (WORLD_REGIONS.has(sp.fold) && sp.afterCue === null && (kind === 'admin1' || kind === 'admin2')) return false;
    // "Iraqi Kurdistan" is not Iran's Kurdistan province
    if (sp.demonymBefore >= 0 && gaz.country[e] !== sp.demonymBefore && kind !== 'country') return false;
    // a spelling variant: only in a country the report is about, and only when unambiguous there
    // With no place or country named at all (peoples' names aside), a variant or alternate
    // spelling of a town right after "in/at/near" is that town when all its look-alikes lie in
    // one country and it is a town of 5,000+ ("in Bogodukhiv" for Bohodukhiv).
    const variantAlone =
      (sp.fuzzy || alternate) && kind === 'place' && totalVotes - demonymTotal <= 0 && sp.prep && !sp.personLike && !sp.isWord && pop >= 5000 && sp.hits.every((h) => gaz.country[h.entity] === gaz.country[e]);
    if (sp.fuzzy) {
      // only in the country most named in the report ("Toleand" is no Indian town in a Panama
      // report that mentions "the Indians"), and never a name acting as a person ("Zelensky said")
      // With no country named at all, a variant of a town's name right after "in/at/near" is
      // that town when all its look-alikes lie in one country and it is a town of 5,000+.
      // (or a country named as a place for a third of the votes, the variant after "in/near":
      // "near Makhmour in northern Iraq" in a report that names Turkey, the striker, more often,
      // …or a place the report names within 100 km: "near Makhmour, south-west of Erbil")
      const namedEnough = sp.prep && (namedSupport * 3 >= totalVotes || (supported && nearNamedKm <= 100));
      if (!variantAlone && (!supported || sp.partial || kind === 'country' || (gaz.country[e] !== top && !namedEnough))) return false;
      if (sp.verbAfter && !cue) return false;
      // a respelling with nothing that marks it as a place ("Klymenko: …", a speaker) is a name
      if (!cue && !sp.dateline) return false;
      const c = gaz.country[e]!;
      const la = gaz.lat[e]! / 1e4;
      const lo = gaz.lon[e]! / 1e4;
      if (sp.hits.some((h) => gaz.country[h.entity] === c && kmBetween(la, lo, gaz.lat[h.entity]! / 1e4, gaz.lon[h.entity]! / 1e4) > 30)) return false;
    }
    // (a district-named first name, "Charles Masudi", needs a cue too)
    // a site named for a town ("Moro Market") is that town only where the report points to its country
    if (sp.site && !supported && !sp.dateline && kind === 'place') return false;
    // …and a street is named for a town, not for a county or province ("Chambers Road")
    if (sp.site && !sp.dateline && (kind === 'admin2' || kind === 'admin1') && sp.afterCue === null) return false;
    // A town followed by an unknown capitalised word after "in/at/near": a quarter or part of
    // that town ("at Tafo Nhyiaeso") when its name is a one-country town's and nothing points to
    // another country (not "in the Chico Mendes quarter" of a Brazilian city).
    const partOfTown =
      sp.prep && !alternate && kind === 'place' && !sp.isWord && pop >= 5000 && (dominant === gaz.country[e] || totalVotes - support <= 0) && sp.hits.every((h) => gaz.country[h.entity] === gaz.country[e]) && (sp.mode === 'cap');
    if (sp.partial && !sp.dateline && !partOfTown && !((supported && kind !== 'place' && kind !== 'country' && cue) || (sp.prep && !alternate && supported))) return false;
    // A small place abroad while the report is plainly about one country: most likely an
    // unlisted local village sharing a name with it.
    // A town of 50,000+ with a name of several words that no other country has is no such village ("Cox's Bazar").
    const unique = sp.last > sp.first && sp.hits.every((h) => gaz.country[h.entity] === gaz.country[e]);
    // Nor is a town whose name no other country has, capitalised, in the border area of the
    // country the report is about ("Abyei" in a South Sudan report).
    const oneCountry = sp.hits.every((h) => gaz.country[h.entity] === gaz.country[e]);
    // (a name shared by towns on both sides of one border, "Rafah", is as plainly across it)
    const acrossBorder =
      dominant >= 0 && sp.mode === 'cap' && !sp.isWord && !alternate && nearDominantCountry(e) && (oneCountry || (sp.prep && sp.hits.every((h) => nearDominantCountry(h.entity))));
    if (dominant >= 0 && gaz.country[e] !== dominant && !supported && kind === 'place' && !acrossBorder && ((fc !== 'PPLC' && pop < 500000 && !(unique && pop >= 50000 && !sp.isWord)) || alternate)) return false;
    // a place known by this name only as an alternate (old, foreign or local form)
    if (alternate && !variantAlone && kind === 'place' && !supported && !(big && sp.mode === 'cap' && !sp.initial && !sp.isWord)) return false;
    if (sp.abbrev && kind !== 'country' && !supported && sp.fold.length <= 3) return false;
    // Where casing says nothing, an ordinary word ("champion", "sawyer"), a bare name part ("san")
    // or a name known only as an alternate is a place only in the country the report is plainly about.
    if (sp.mode === 'nocase' && !sp.dateline && kind !== 'country') {
      const weak = sp.isWord || alternate || (sp.first === sp.last && NAME_PARTS.has(sp.fold));
      if (weak && (dominant < 0 ? !(big && supported) : gaz.country[e] !== dominant)) return false;
    }
    if (sp.isWord) {
      if (sp.mode === 'lower') return false; // "forest", "flee" in ordinary cased text
      // an ordinary word inside a longer capitalised name: "Central Reserve Police", "Kashmir Valley"
      if (sp.afterCapWord && !sp.dateline && sp.afterCue === null) return false;
      // "Turkey struck…", "Chad said…" at a sentence start: the country (then an actor, see roles)
      if (kind === 'country' && sp.mode === 'cap' && sp.verbAfter) return true;
      // "in Plateau", "Rivers state": a province that no other country's province or country is
      // named like, capitalised mid-sentence after a location word or before an admin word
      // (several such provinces: the one with 3x the people of the next, Plateau in Nigeria before Benin's)
      if (kind === 'admin1' && !supported && sp.mode === 'cap' && /^\p{Lu}/u.test(sp.text) && !sp.initial && !sp.veryCommon && !COMPASS.has(sp.fold) && (sp.prep || sp.afterCue === 'admin1') && !sp.afterCapWord) {
        const units = sp.hits.filter((h) => gaz.kindOf(h.entity) !== 'place' && !gaz.noPlaceInside(h.entity));
        if (units.every((h) => h.entity === e || (gaz.kindOf(h.entity) === 'admin1' && gaz.pop[h.entity]! * 3 <= pop))) return true;
      }
      if ((kind === 'admin1' || kind === 'admin2') && !supported) return false;
      if (sp.veryCommon) return sp.mode === 'cap' && !sp.initial && cue && (big || supported);
      // an ordinary word capitalised mid-sentence ("Crystal clear") is a place with a cue or when big
      if (sp.mode === 'cap' && !sp.initial) return big || cue;
      if (sp.mode === 'cap') return (big && supported) || sp.afterCue !== null;
      return cue && (big || supported) && (kind !== 'place' || supported || pop >= 100000);
    }
    if (sp.mode === 'cap' || sp.dateline) return true;
    if (sp.mode === 'nocase') {
      if (cue) return big || supported || (dominant < 0 && pop >= 1000);
      return (big && (supported || kind === 'country' || dominant < 0)) || (supported && (pop >= 20000 || kind !== 'place'));
    }
    // a lower-case word in cased text
    return cue && big && supported;
  };

  const resolveAll = (cv: CountryVotes, admin1s: Set<number>, admin2s: Set<number>, others: Other[]): Resolved[] => {
    // spans of one name share their votes (CountryVotes.without): sum them once
    const stats = new Map<Votes, { total: number; top: number; topV: number }>();
    return spans.map((sp, idx) => {
      const votes = cv.without(sp.fold);
      let st = stats.get(votes);
      if (!st) {
        st = { total: 0, top: -1, topV: 0 };
        for (const [c, v] of votes) {
          st.total += v;
          if (v > st.topV) [st.top, st.topV] = [c, v];
        }
        stats.set(votes, st);
      }
      const { total, top, topV } = st;
      const dominant = total >= 2 && topV / total >= 0.6 ? top : -1;
      const sc = score(sp, idx, votes, total, admin1s, admin2s, others);
      const best = sc.best;
      const support = best >= 0 ? votes.get(gaz.country[best]!) ?? 0 : 0;
      // support from named places and countries, not from demonyms or armed groups
      const namedSupport = best >= 0 ? support - (demonymVotes.get(gaz.country[best]!) ?? 0) : 0;
      const alternate = best >= 0 && sp.hits.every((h) => h.entity !== best || h.alternate);
      // (a unit of a country nothing points to, bordering a country the report points to more than
      // once: one country name is 2 votes)
      const neighbourNamed =
        best >= 0 && support <= 0 && gaz.kindOf(best) === 'admin1' && [...votes].some(([c, v]) => v >= 3 && c !== gaz.country[best] && gaz.nearCountry(gaz.lat[best]! / 1e4, gaz.lon[best]! / 1e4, c, 3));
      const nearNamedKm = best >= 0 && sp.fuzzy ? nearestKm(gaz.lat[best]! / 1e4, gaz.lon[best]! / 1e4, idx, sp.fold, others) : Infinity;
      return { span: sp, ctx: sc.ctx, best, accepted: best >= 0 && accept(sp, best, alternate, support, dominant, top, namedSupport, total, neighbourNamed, nearNamedKm) };
    });
  };

  // A state that speaks or strikes ("Israel says", "Russia shelled") often acts abroad: its name
  // points to the report's country less than a country named as a place does.
  const countryVoteWeight = (sp: Span) => (sp.verbAfter && !sp.prep ? 1 : 2);
  // Pass 1: votes from demonyms, country names, single-country names.
  const votes1 = new CountryVotes(demonymVotes);
  for (const sp of spans) {
    if (sp.mode === 'lower' && !sp.dateline) continue;
    if (sp.personLike || sp.veryCommon || sp.partial || sp.site) continue;
    const countryHit = sp.hits.find((h) => gaz.kindOf(h.entity) === 'country');
    if (countryHit && !(sp.isWord && sp.mode !== 'cap')) {
      votes1.add(sp.fold, countryHit.entity, countryVoteWeight(sp));
      continue;
    }
    if (sp.isWord) continue;
    // a name known only as an alternate of small places ("Kashmir" for Cashmere, Washington) says nothing
    if (sp.hits.every((h) => h.alternate && gaz.kindOf(h.entity) === 'place' && gaz.pop[h.entity]! < 100000)) continue;
    const cs = new Set(sp.hits.filter((h) => !gaz.noPlaceInside(h.entity)).map((h) => gaz.country[h.entity]!));
    const w = sp.mode === 'cap' || sp.dateline ? 1 : 0.5;
    if (cs.size === 1) votes1.add(sp.fold, [...cs][0]!, (sp.hits.some((h) => gaz.kindOf(h.entity) !== 'place') ? 1.5 : 1) * w);
  }
  let resolved = resolveAll(votes1, new Set(), new Set(), []);
  // How clearly each name points to one country before any context: its best candidate's lead
  // over the best one of another country. Names without a clear lead ("Ontario": a Californian
  // city or a Canadian province) give no country vote in later passes, or two such names flip
  // each other pass after pass.
  const clearLead = resolved.map((r) => {
    if (r.best < 0) return false;
    if (gaz.kindOf(r.best) === 'country') return true; // a country named is its own clear vote
    const c = gaz.country[r.best]!;
    let top = -Infinity;
    let other = -Infinity;
    for (const h of r.span.hits) {
      const sc = scoreHit(r.ctx, h, null);
      if (gaz.country[h.entity] === c) top = Math.max(top, sc);
      else other = Math.max(other, sc);
    }
    return top - other >= 1.5;
  });

  // Pass 2 and 3: votes, admin units and points from the accepted choices.
  let finalVotes: Votes = votes1.all;
  for (let pass = 0; pass < 2; pass++) {
    const votes = new CountryVotes(demonymVotes);
    finalVotes = votes.all;
    const admin1s = new Set<number>();
    const admin2s = new Set<number>();
    const others: Other[] = [];
    const seenPoint = new Set<string>(); // one point per place and name: repeats add nothing
    resolved.forEach((r, idx) => {
      if (!r.accepted) return;
      const e = r.best;
      const kind = gaz.kindOf(e);
      if (clearLead[idx]) votes.add(resolved[idx]!.span.fold, gaz.country[e]!, kind === 'country' ? countryVoteWeight(r.span) : kind === 'admin1' ? 1.5 : 1);
      if (kind === 'admin1') admin1s.add(e);
      if (kind === 'admin2') admin2s.add(e);
      if ((kind === 'place' || kind === 'admin2') && !seenPoint.has(`${e}|${resolved[idx]!.span.fold}`) && seenPoint.add(`${e}|${resolved[idx]!.span.fold}`)) others.push({ lat: gaz.lat[e]! / 1e4, lon: gaz.lon[e]! / 1e4, span: idx, fold: resolved[idx]!.span.fold });
    });
    others.sort((a, b) => a.lat - b.lat); // for nearestKm's latitude window
    // An admin unit only supports places when it was named apart from them.
    resolved = resolveAll(votes, admin1s, admin2s, others);
  }
  // One sense per report: a name read with its unit word ("the state of Guerrero") is that unit
  // where the report names it bare, unless the bare reading is a notable town inside it (Kaduna
  // city in Kaduna State: a provincial seat or 50,000+), not a hamlet sharing the name ("blockades
  // in Chiriqui" after "Chiriqui province" is the province, not the village of Chiriquí in it).
  // (the unit is matched by entity: the cued span's text holds the unit word, "Chiriqui province")
  const cued = new Set<number>();
  for (const r of resolved) if (r.accepted && r.span.afterCue && r.span.afterCue !== 'place' && gaz.kindOf(r.best) !== 'place') cued.add(r.best);
  for (const r of resolved) {
    const unit = r.span.afterCue ? undefined : r.span.hits.find((h) => cued.has(h.entity))?.entity;
    if (unit === undefined || r.best === unit) continue;
    const notable = r.best >= 0 && (gaz.pop[r.best]! >= 50000 || ['PPLA', 'PPLC', 'PPLA2'].includes(gaz.featureCode(r.best)));
    const inside = notable && (gaz.admin1[r.best] === unit || gaz.admin2[r.best] === unit);
    if (!inside) {
      r.best = unit;
      r.accepted = true;
    }
  }

  // One sense per report, too, for a spelling read as a place where the report gives it a cue
  // ("the town of Makhmour"): the same spelling without one ("Drone strike on Makhmour camp") is
  // that place, unless it acts as a person there or is an ordinary word ("the centre").
  // (the same letters and case, capitalised: "trading centre" is not "Chileka Health Centre", and
  // in a text written all in lower case no spelling is sure enough)
  const surfaceOf = (r: Resolved) => text.slice(r.span.start, r.span.end);
  const placeOfSpelling = new Map<string, number>();
  for (const r of resolved) {
    if (!r.accepted || r.best < 0 || !/^\p{Lu}/u.test(surfaceOf(r))) continue;
    const seen = placeOfSpelling.get(surfaceOf(r));
    placeOfSpelling.set(surfaceOf(r), seen === undefined || seen === r.best ? r.best : -1);
  }
  for (const r of resolved) {
    if (r.accepted || r.span.personLike || r.span.verbAfter || r.span.isWord) continue;
    const e = placeOfSpelling.get(surfaceOf(r));
    if (e !== undefined && e >= 0 && r.span.hits.some((h) => h.entity === e)) {
      r.best = e;
      r.accepted = true;
    }
  }

  // ---- mentions
  const out: PlaceMention[] = [];
  for (const r of resolved) {
    if (!r.accepted && !opts.keepRejected) continue;
    const sp = r.span;
    const e = r.accepted ? r.best : -1;
    let role: PlaceMention['role'] = 'location';
    let precision: GeoPrecision = 1;
    if (e >= 0) {
      const kind = gaz.kindOf(e);
      const fc = gaz.featureCode(e);
      // a region across provinces ("Darfur", "Donbas"): only the large area is known
      if (kind === 'country' || kind === 'admin1' || fc === 'RGN') precision = 3;
      else if (kind === 'admin2') precision = 2;
      else if (sp.near || sp.afterCue === 'admin2' || sp.afterCue === 'admin') precision = 2;
      if (sp.dateline) role = 'dateline';
      else if (kind === 'country' || fc === 'PPLC') {
        // "anti-Syria fury", "pro Russia rally": the country is what people are for or against
        const pv = sp.first > 0 ? tokens[sp.first - 1] : undefined;
        if (kind === 'country' && pv && pv.sent === sp.sent && DEMONYM_PREFIX.has(pv.fold) && /^[ \-‐–]$/.test(text.slice(pv.end, sp.start))) role = 'actor';
        // (over auxiliaries and adverbs: "Damascus has repeatedly denied", "Ankara regularly bombs")
        let nxAt = sp.last + 1;
        while (nxAt <= sp.last + 3 && tokens[nxAt] && tokens[nxAt]!.sent === sp.sent && ACTOR_ADVERBS.has(tokens[nxAt]!.fold) && /^\s+$/.test(text.slice(tokens[nxAt - 1]!.end, tokens[nxAt]!.start))) nxAt++;
        if (nxAt > sp.last + 1 && !(tokens[nxAt] && (ACTOR_AFTER.has(tokens[nxAt]!.fold) || ATTACK_PAST.has(tokens[nxAt]!.fold) || ATTACK_AMBIGUOUS.has(tokens[nxAt]!.fold)))) nxAt = sp.last + 1;
        const nx = tokens[nxAt];
        const possessive = /['’]s$/.test(text.slice(sp.start, sp.end + 2));
        const gap = nx ? (nxAt > sp.last + 1 ? ' ' : text.slice(sp.end, nx.start)) : '';
        // "no immediate comment from Ankara", "a response from Kyiv": the government that would speak
        if (fc === 'PPLC' && /\b(?:comments?|reaction|response|word|confirmation|statement|denial)\s+from\s+$/i.test(text.slice(Math.max(0, sp.start - 30), sp.start))) role = 'actor';
        // (over a relative clause: "Damascus, which handed over its arsenal in 2014, denies …")
        const overRelative = /^,\s+(?:which|who)\b[^,;.]{0,120},\s+(?:(?:has|have|had|also|still|repeatedly|consistently)\s+)?([a-z]+)\b/.exec(text.slice(sp.end, sp.end + 180));
        if (overRelative && ACTOR_AFTER.has(overRelative[1]!)) role = 'actor';
        // "Kyiv made no immediate comment", "Ankara did not respond": the government that would speak
        // (also beside another that would: "Neither Addis Ababa nor the Somali government commented")
        const after = text.slice(sp.end, sp.end + 110).replace(/^\s+(?:nor|or|and)\s+[^,.;:]{1,60}?(?=\s+(?:made|had|gave|offered|did|has|have|declined|refused|commented|responded|reacted)\b)/i, '');
        if (/^\s+(?:(?:made|had|gave|offered) no (?:immediate )?(?:comment|response|reaction)|(?:did not|didn't|has not|had not|have not|declined to|refused to) (?:immediately )?(?:comment|respond|react|confirm))/i.test(after)) role = 'actor';
        if (/\bneither\s+$/i.test(text.slice(Math.max(0, sp.start - 10), sp.start)) && /^\s+(?:commented|responded|reacted|confirmed)\b/i.test(after)) role = 'actor';
        if (nx && nx.sent === sp.sent) {
          if ((ACTOR_AFTER.has(nx.fold) && /^\s*$|^-$/.test(gap)) || (possessive && ACTOR_POSSESSED.has(nx.fold))) role = 'actor';
          if (nx.fold === 'backed' && gap === '-') role = 'actor';
          // "the Iraq war", "the Vietnam War": a war named after the country, not where anything happened
          if (kind === 'country' && (nx.fold === 'war' || nx.fold === 'wars') && /^\s+$/.test(gap)) role = 'actor';
          // "Israel strikes south Lebanon", "Pakistan bombed ...", "Russia's strikes on Kharkiv":
          // the country acts; "Burkina Faso attacks kill 12" is where the attacks were.
          if (/^\s+$/.test(gap) && !(sp.prep && !sp.near)) {
            const nx2 = tokens[nxAt + 1];
            const obj = nx2 && nx2.sent === sp.sent ? nx2 : null;
            if (ATTACK_PAST.has(nx.fold)) role = 'actor';
            // (after an adverb the word is surely a verb: "Ankara regularly bombs …")
            else if (ATTACK_AMBIGUOUS.has(nx.fold) && (nxAt > sp.last + 1 || (obj && (OBJECT_START.has(obj.fold) || (obj.cap && !obj.allCaps && !/^\d/.test(obj.raw)))))) role = 'actor';
            // "US strikes hit a port", "Israeli airstrikes killed…": a state's strikes, then their verb
            else if (STATE_WEAPON_NOUNS.has(nx.fold) && obj && STRIKE_VERBS.has(obj.fold)) role = 'actor';
          }
        }
      }
    }
    out.push({
      sentence: sp.sent,
      start: sp.start,
      end: sp.end,
      text: sp.text,
      place: e >= 0 ? gaz.place(e) : null,
      candidates: candidatesOf(r.ctx),
      role,
      geo_precision: precision,
      ...(sp.site ? { site: true } : {}),
    });
  }
  addImplicitMentions(out, tokens, spans, resolved.map((r) => (r.accepted ? r.best : -1)), demonymAt, demonymVotes, finalVotes, gaz, text);
  markReportingPlaces(out, text);
  return out.sort((a, b) => a.start - b.start);
}

/** "… told AFP in Dakar", "said in a statement in Nairobi": where a figure was told, not where anything happened. */
const TOLD_IN = /\b(?:[Tt]old (?:the |[Tt]he )?(?:\p{Lu}[\w.'’-]* ){1,3}|[Tt]old (?:reporters|journalists|the media|the press|local media|state media|state television|a news conference) |(?:[Ss]aid|[Ss]ays|[Ss]poke|[Ss]peaking)(?: (?:on|late|early|last) \w+)?(?: to (?:reporters|journalists|the media|the press|(?:the )?(?:\p{Lu}[\w.'’-]* ){1,3}))? |(?:[Ss]aid|[Ss]ays) in a statement (?:issued |released )?|(?:news|press) conference |briefing |interview )in (?:the )?$|\b(?:statement|report|findings|communiqué|communique|video|message)s? (?:issued|released|published|sent|posted|read out) (?:from|in) (?:the )?$/u;

/**
 * A place named after a speech verb ("told reporters in Kabul", "said in a statement in Nairobi")
 * says where the report or statement was made, not where the event was: it becomes a dateline.
 * A place an organisation is "based" in ("the London-based group") names the organisation: an actor.
 */
function markReportingPlaces(out: PlaceMention[], text: string): void {
  for (const m of out) {
    if (m.role !== 'location' || !m.place) continue;
    const before = text.slice(Math.max(0, m.start - 60), m.start);
    // also "Police in Lagos said …": the office that speaks, not where it happened
    if (TOLD_IN.test(before) || (SPEAKERS_IN.test(before) && /^\s+(?:said|say|says|told|reported|confirmed|announced)\b/i.test(text.slice(m.end, m.end + 14)))) m.role = 'dateline';
    // "the London-based group": where an organisation sits, said of the organisation
    else if (/^-(?:based|headquartered)\b/i.test(text.slice(m.end, m.end + 16))) m.role = 'actor';
    // "an activist based in Idlib": where a speaker or group sits
    else if (/\b(?:based|headquartered)\s+in\s+(?:the\s+)?$/i.test(before)) m.role = 'actor';
    // "a spokesman for the provincial police command in Faizabad": where the speaker's office sits
    else if (SPOKESPERSON_FOR_IN.test(before)) m.role = 'actor';
  }
}

/** A speaker for an office named by where it sits ("a spokesman for the police command in Faizabad"). */
const SPOKESPERSON_FOR_IN = /\bspokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}in\s+(?:the\s+)?$/i;

/** An office named by where it sits, then speaking ("Police in Lagos said"). */
const SPEAKERS_IN = /\b(?:police|officials?|authorities|spokes(?:man|woman|person)|army|military|government|ministry|governor|sources)\s+in\s+$/i;

/**
 * Mentions the text makes without a place name: "the capital" / "the Kyrgyz capital" /
 * "Sudan's capital" / "the capital of Sudan" → that country's capital (precision 1); "the capital
 * of North Kivu" / "Kaduna state capital" / "the provincial capital" → that admin1's seat; and, when no place at all was
 * found, the country of the demonyms ("Angolan police") at precision 3.
 */
function addImplicitMentions(
  out: PlaceMention[],
  tokens: Token[],
  spans: Span[],
  chosen: number[],
  demonymAt: Map<number, number>,
  demonymVotes: Votes,
  votes: Votes,
  gaz: Gazetteer,
  text: string,
): void {
  let total = 0;
  let top = -1;
  let topV = 0;
  for (const [c, v] of votes) {
    total += v;
    if (v > topV) [top, topV] = [c, v];
  }
  const dominant = total > 0 && topV / total >= 0.6 ? top : -1;
  const spanAt = new Map<number, number>(); // first token → span index
  const spanEnd = new Map<number, number>(); // last token → span index
  spans.forEach((sp, k) => {
    spanAt.set(sp.first, k);
    spanEnd.set(sp.last, k);
  });
  const accepted = chosen.map((e) => e >= 0);
  let datelineCity = -1;
  spans.forEach((sp, k) => {
    if (datelineCity < 0 && sp.dateline && chosen[k]! >= 0 && gaz.kindOf(chosen[k]!) === 'place') datelineCity = chosen[k]!;
  });
  const implicit = (tok: Token, entity: number, precision: GeoPrecision, why: string): PlaceMention => ({
    sentence: tok.sent,
    start: tok.start,
    end: tok.end,
    text: text.slice(tok.start, tok.end),
    place: gaz.place(entity),
    candidates: [{ place: gaz.place(entity), score: 0, reasons: [why] }],
    role: 'location',
    geo_precision: precision,
  });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // a rejected gazetteer name "Capital" (an admin unit somewhere) is still the common noun
    if (t.fold !== 'capital' || (spanAt.has(i) && accepted[spanAt.get(i)!])) continue;
    const next = tokens[i + 1];
    // "the capital Bangui", "the capital, Banjul": the name itself is the mention
    if (next && next.sent === t.sent && ((spanAt.has(i + 1) && accepted[spanAt.get(i + 1)!]) || (next.fold === 'city' && spanAt.has(i + 2) && accepted[spanAt.get(i + 2)!]))) continue;
    if (next && next.sent === t.sent && /^(city|cities|punishment|letters?|gains?|flight|investment|market|markets|expenditure|costs?)$/.test(next.fold)) {
      if (next.fold !== 'city') continue;
    }
    let k = i - 1;
    if (k >= 0 && tokens[k]!.fold === 's' && tokens[k]!.sent === t.sent) k--; // "vietnam s capital"
    let country = -1;
    let why = '';
    const p = k >= 0 && tokens[k]!.sent === t.sent ? tokens[k]! : null;
    // A province's capital is its seat, never the nation's: "the capital of North Kivu",
    // "Kaduna state capital", "Helmand's capital", "the provincial capital" (the province last named).
    const admin1Span = (j: number): number => {
      const sk = spanEnd.get(j) ?? spanAt.get(j);
      if (sk === undefined || chosen[sk]! < 0) return -1;
      const e = chosen[sk]!;
      return gaz.kindOf(e) === 'admin1' ? e : -1;
    };
    // "Bamenda, capital of …": the capital is the place just named, in apposition
    if (p && p.sent === t.sent && spanEnd.has(k) && accepted[spanEnd.get(k)!] && /^\s*,\s*(?:the\s+)?$/i.test(text.slice(p.end, t.start))) continue;
    let a1 = -1;
    let provincial = false;
    if (next && next.fold === 'of' && next.sent === t.sent && spanAt.has(i + 2)) {
      const sk = spanAt.get(i + 2)!;
      const e = chosen[sk]!;
      // "capital of Cameroon's North-West region": the province after the country's possessive
      const after = spans[sk]!.last + 1;
      const possessed = e >= 0 && gaz.kindOf(e) === 'country' && /^['’]s\b/.test(text.slice(spans[sk]!.end, spans[sk]!.end + 3)) && spanAt.has(after) ? chosen[spanAt.get(after)!]! : -1;
      if (e >= 0 && gaz.kindOf(e) === 'admin1') a1 = e;
      else if (possessed >= 0 && gaz.kindOf(possessed) === 'admin1') a1 = possessed;
      else if (e >= 0 && gaz.kindOf(e) === 'country') {
        const cap = gaz.capitalOf(e);
        if (cap >= 0) out.push(implicit(t, cap, 1, `"capital of ${spans[sk]!.text}"`));
        continue;
      }
    }
    if (a1 < 0 && p && k >= 0) a1 = admin1Span(k);
    if (a1 < 0 && p && ADMIN_CAPITAL_HEADS.has(p.fold)) {
      provincial = true;
      if (k > 0 && tokens[k - 1]!.sent === t.sent && !PROVINCIAL.has(p.fold)) a1 = admin1Span(k - 1); // "Kaduna state capital"
      if (a1 < 0 && p.fold !== 'district' && p.fold !== 'county') {
        // the province named last before this word
        for (let sk = spans.length - 1; sk >= 0; sk--) {
          if (spans[sk]!.last >= i || chosen[sk]! < 0) continue;
          if (gaz.kindOf(chosen[sk]!) === 'admin1') {
            a1 = chosen[sk]!;
            break;
          }
        }
      }
    }
    if (a1 >= 0) {
      const seat = gaz.seatOf(a1);
      if (seat >= 0) out.push(implicit(t, seat, 1, `capital of the province ${gaz.nameOf(a1)}`));
      continue;
    }
    if (provincial) continue;
    if (p && demonymAt.has(k)) {
      country = demonymAt.get(k)!;
      why = `"${p.raw} capital"`;
    } else if (p && spanEnd.has(k) && accepted[spanEnd.get(k)!]) {
      const sp = spans[spanEnd.get(k)!]!;
      const c = sp.hits.find((h) => gaz.kindOf(h.entity) === 'country');
      if (c) {
        country = gaz.country[c.entity]!;
        why = `"${sp.text} capital"`;
      }
    } else if (p && p.fold === 'the' && dominant >= 0) {
      country = dominant;
      why = '"the capital" of the country the report is about';
    }
    if (country < 0) continue;
    let cap = gaz.capitalOf(country);
    // A report datelined from its country's by far largest city (a former or de facto capital,
    // Bujumbura beside Gitega) means that city by "the capital" (10× the official capital's people).
    if (cap >= 0 && datelineCity >= 0 && gaz.country[datelineCity] === country && gaz.pop[datelineCity]! >= 10 * Math.max(gaz.pop[cap]!, 1)) cap = datelineCity;
    if (cap >= 0) out.push(implicit(t, cap, 1, why));
  }
  if (out.some((m) => m.place && m.role === 'location')) return;
  // "Russian drone", "Israeli strikes", "the Israeli enemy", "Russians shelled": weapons fired
  // from afar and the side firing them say who attacked, not where; they place nothing.
  const firing = (i: number) => {
    const nx = tokens[i + 1];
    if (!nx || nx.sent !== tokens[i]!.sent) return false;
    return REMOTE_ATTACKER_AFTER.has(nx.fold) || (/s$/.test(tokens[i]!.fold) && ATTACK_PAST.has(nx.fold));
  };
  const placing = new Map<number, number>();
  for (const [i, c] of demonymAt) if (!firing(i)) placing.set(c, (placing.get(c) ?? 0) + 1);
  let best = -1;
  let bestV = 0;
  for (const [c, v] of demonymVotes) if (placing.has(c) && v > bestV) [best, bestV] = [c, v];
  if (best < 0) return;
  for (const [i, c] of demonymAt) {
    if (c !== best || firing(i)) continue;
    out.push(implicit(tokens[i]!, c, 3, `demonym "${tokens[i]!.raw}", no place named`));
    return;
  }
}
