/**
 * Date mentions: explicit and relative dates in each sentence, resolved against the
 * reference date (the publication date) the way news is read.
 *
 * chrono-node (en, casual) finds and parses most expressions; the rules here replace its
 * choices where news reading differs: a weekday is the last such day on or before the
 * reference date, a month-day without a year is the most recent one, weeks and months get
 * ACLED time_precision 2 and 3, and forms chrono does not know ("overnight", "on the 5th",
 * "mid-May", "at the weekend", "in 2019") are added. Cue words live in data/lexicons/dates.json.
 */
import * as chrono from 'chrono-node';
import type { CleanText, DateMention, Sentence, TimePrecision } from '../../../model/index.js';
import { dateLexicon, type DateLexicon } from './lexicon.js';

const DAY_MS = 86_400_000;

/** A UTC midnight timestamp for YYYY-MM-DD, or null when the string is not a real date. */
function parseIsoDay(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) return null;
  return t;
}

function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** UTC midnight of (y, m 1..12, d) or null when the day does not exist (31 April). */
function ymd(y: number, m: number, d: number): number | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1000 && y <= 9999)) return null;
  const t = Date.UTC(y, m - 1, d);
  return new Date(t).getUTCDate() === d ? t : null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A found date before it is placed in the document. Offsets are local to the sentence. */
interface Found {
  start: number;
  end: number;
  t: number;
  precision: TimePrecision;
  relative: boolean;
  /** Set by rules that know the form is background (a bare year, "last year"). */
  background?: boolean;
  /** From own rules (preferred over chrono on overlap). */
  own: boolean;
  /** "two days after an attack": the day written just before it is when the rest was told. */
  countsBack?: boolean;
}

/** Precompiled patterns built from the lexicon. */
interface Patterns {
  lex: DateLexicon;
  monthRe: string;
  leadIn: RegExp;
  futureBefore: RegExp;
  backgroundBefore: RegExp;
  backgroundSentence: RegExp;
  publication: RegExp;
  /** A speech verb (and up to four words: its object, "in a statement") right before the date. */
  reportingBefore: RegExp;
  /** A month name or abbreviation starting at a word boundary (what makes chrono's text explicit). */
  monthWord: RegExp;
  /** Sentences without a match hold nothing of chrono's that fromChrono keeps (see chronoMayFind). */
  chronoCue: RegExp;
  // Own rules built from the lexicon, compiled once (global: reset lastIndex before each use).
  bareYearRe: RegExp;
  ordinalRe: RegExp;
  partRe: RegExp;
  rangeMd: RegExp;
  rangeDm: RegExp;
  /** "on Wednesday, two days after an attack on …", matched from the count: groups 1 the anchor (a weekday, today, yesterday, in a lookbehind), 2 count, 3 unit. */
  daysAfterActRe: RegExp;
  /** "the night from Sunday to Monday", "overnight Sunday into Monday": groups 1 and 2 the weekdays. */
  nightSpanRe: RegExp;
}

let patterns: Patterns | null = null;

/** A part of day before a written date ("evening of 26 August", "night of May 3"). */
const DAY_PART_OF = /\b(?:morning|afternoon|evening|night)\s+of\s+(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b)/gi;
/** Words of a day named without a date ("yesterday", "last night") that fromChrono keeps. */
const CASUAL_DAY = /yesterday|today|tonight|night|morning|evening|afternoon/;
/**
 * chrono-node 2.10's English weekday abbreviations beyond a name's first three letters, and its
 * words for a weekday in general (locales/en/constants.js and ENWeekdayParser).
 */
const CHRONO_WEEKDAY_EXTRA = ['tues', 'thur', 'thurs', 'weekend', 'weekday'];
/** chrono's ordinal words (as they begin), which its patterns may glue to a month name ("Mayfirst"). */
const CHRONO_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty', 'thirtieth', 'thirty'];
/**
 * Patterns of chrono's number words and modifiers that may stand glued to a unit ("tend" reads
 * "ten d"; "half and" reads "half an d"; "a"/"an" alone need a word break after them).
 */
const CHRONO_BEFORE_UNIT = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'half', 'half\\s{0,2}an?', 'few', 'several', 'the', 'couple', 'of', 'this', 'last', 'past', 'next', 'after'];
/** Patterns of what may follow a unit glued to it: chrono's suffixes ("ago", "later"…), "and", a number. */
const CHRONO_AFTER_UNIT = ['ago', 'before', 'earlier', 'later', 'after', 'from', 'henceforth', 'forward', 'out', 'and', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'half', 'an?\\b', 'few', 'several', 'the', 'a?\\s{0,2}couple'];

function getPatterns(): Patterns {
  if (patterns) return patterns;
  const lex = dateLexicon();
  const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const monthNames = [...lex.months, ...Object.keys(lex.month_abbreviations)];
  const monthRe = `(?:${alt(monthNames)})\\.?`;
  const partKeys = Object.keys(lex.month_parts).sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  patterns = {
    lex,
    monthRe,
    monthWord: new RegExp(`\\b${monthRe}`, 'i'),
    chronoCue: chronoCue(lex, monthRe),
    bareYearRe: new RegExp(`\\b(in|since|during|until|by|before|after|from|of|early|late|mid-?)\\s*((?:19|20)\\d\\d)\\b(?![-/.]\\d)(?!\\s+${monthRe})`, 'gi'),
    // (not "the 9th Avenue", "the 5th Brigade", "the 2nd floor": an ordinal naming a thing)
    ordinalRe: new RegExp(`\\bon\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+of\\b)(?!\\s+${monthRe})(?!\\s+(?:avenue|street|road|boulevard|floor|storey|story|division|brigade|battalion|regiment|army|corps|precinct|district|ward|century|anniversary|round|day of|week|time|anniversary)\\b)`, 'gi'),
    partRe: new RegExp(`\\b(?:the\\s+)?(${partKeys})[\\s-]+(${monthRe})(?:,?\\s+((?:19|20)\\d\\d))?\\b`, 'gi'),
    rangeMd: new RegExp(`\\b(?:between|from)\\s+(${monthRe})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:and|to|-|–)\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d\\d))?\\b`, 'gi'),
    rangeDm: new RegExp(`\\b(?:between|from)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:and|to|-|–)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(${monthRe})(?:,?\\s+((?:19|20)\\d\\d))?\\b`, 'gi'),
    daysAfterActRe: new RegExp(
      `(?<=\\b(${alt([...lex.weekdays, 'today', 'yesterday'])})\\s*,?\\s+)(?:just\\s+|only\\s+)?(a|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+(days?|weeks?)\\s+after\\s+(?:an?|the|this|that|its|their)\\s+(?:[\\w-]+\\s+){0,2}?(?:${alt(lex.act_nouns)})\\b`,
      'gi',
    ),
    nightSpanRe: new RegExp(
      `\\b(?:(?:during|in|on|over)\\s+)?(?:the\\s+)?(?:overnight|night)\\s+(?:(?:from|of|between)\\s+)?(${alt(lex.weekdays)})\\s+(?:to|into|and)\\s+(${alt(lex.weekdays)})\\b`,
      'gi',
    ),
    leadIn: new RegExp(`\\b(?:${alt(lex.lead_ins)})(?:\\s+on)?\\s+$`, 'i'),
    futureBefore: new RegExp(`\\b(?:${alt(lex.future_cues)})\\s+(?:on\\s+)?$`, 'i'),
    backgroundBefore: new RegExp(`\\b(?:${alt(lex.background_before)})\\s+(?:the\\s+)?(?:on\\s+)?$`, 'i'),
    backgroundSentence: new RegExp(`(?:${alt(lex.background_sentence)})`, 'i'),
    publication: new RegExp(`(?:${alt(lex.publication_cues)})`, 'i'),
    reportingBefore: new RegExp(`\\b(?:${alt(lex.speech_verbs)})\\b(?:\\s+(?:\\p{Lu}[\\p{L}\\p{N}'’.-]*|the|a|an|in|at|to|reporters|journalists|media|press|statement|conference|briefing|news|agency|television|radio|responsibility|credit|it|when|reached|contacted|by|phone|telephone|interview)){0,4}?,?\\s+(?:on\\s+|late\\s+|early\\s+)?$`, 'u'),
  };
  return patterns;
}

/**
 * The pre-filter of chrono's input. fromChrono keeps a chrono result only when its text holds
 * a digit or a month name ("explicit"), one of CASUAL_DAY's words, or chrono found a weekday;
 * chrono finds a weekday only from a weekday's name (ENWeekdayParser) or a span counted in days
 * ("a day ago", "within the d": a relative date in days carries its weekday). The pattern matches
 * every text where one of these can occur: a digit, a month word as `explicit` tests it that
 * chrono's month patterns can also read (the only words of chrono's vocabulary that begin like a
 * month are the months: a month word inside a longer word, "Market", is in no result), a
 * CASUAL_DAY word, a weekday word (lexicon names, their first three letters, chrono's other
 * abbreviations) not inside a longer word except where chrono's pattern glues words to it
 * ("onsat", "satthisweek"), "day", or the unit "d" alone or glued as chrono allows.
 */
function chronoCue(lex: DateLexicon, monthRe: string): RegExp {
  const alt = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const weekdays = alt([...lex.weekdays, ...lex.weekdays.map((w) => w.slice(0, 3)), ...CHRONO_WEEKDAY_EXTRA]);
  // (each branch starts with its word, the context around it in look-arounds: a quicker scan)
  const weekday = `(?<=^|[^a-z]|on|this|last|past|next)(?:${weekdays})(?=[^a-z]|$|of|this|last|past|next)`;
  const dayUnit = `day|(?<=^|[^a-z]|${CHRONO_BEFORE_UNIT.join('|')})d(?=[^a-z]|$|${CHRONO_AFTER_UNIT.join('|')})`;
  // chrono's month patterns let a month name be followed only by a non-letter, "of" or an ordinal
  const month = `\\b${monthRe}(?=[^a-z]|$|of|${CHRONO_ORDINALS.join('|')})`;
  return new RegExp(`\\d|${month}|${CASUAL_DAY.source}|${weekday}|${dayUnit}`, 'i');
}

function monthNumber(p: Patterns, word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = p.lex.months.indexOf(w);
  if (i >= 0) return i + 1;
  return p.lex.month_abbreviations[w] ?? null;
}

const SMALL_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, 'a few': 3, few: 3, several: 3, 'a couple of': 2, 'a couple': 2,
};

/**
 * The year for a month-day written without one: the candidate (last, this or next year) inside
 * [ref − (365 − futureDays) days, ref + futureDays days], so past dates win except planned ones just ahead.
 */
function yearForMonthDay(ref: number, m: number, d: number, futureDays: number): number | null {
  const y = new Date(ref).getUTCFullYear();
  for (const cand of [y, y - 1, y + 1]) {
    const t = ymd(cand, m, d);
    if (t !== null && t <= ref + futureDays * DAY_MS && t > ref - (365 - futureDays) * DAY_MS) return t;
  }
  return ymd(y, m, d) ?? ymd(y - 1, m, d);
}

/** Year for a month named without a year: this year unless the month starts after ref. */
function monthWindow(ref: number, m: number, year?: number): number {
  const refDate = new Date(ref);
  let y = year ?? refDate.getUTCFullYear();
  if (year === undefined && Date.UTC(y, m - 1, 1) > ref) y -= 1;
  return midMonth(ref, y, m, 15);
}

/** Day `day` of month (y, m), kept inside [1st, ref] when the month is the reference month. */
function midMonth(ref: number, y: number, m: number, day: number): number {
  const first = Date.UTC(y, m - 1, 1);
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  let t = Date.UTC(y, m - 1, Math.min(day, lastDay));
  if (first <= ref && t > ref) t = first + Math.floor((ref - first) / DAY_MS / 2) * DAY_MS;
  return t;
}

/** The last weekday `wd` (0 = Sunday) on or before ref; strictly before when `strict`. */
function lastWeekday(ref: number, wd: number, strict: boolean): number {
  const refWd = new Date(ref).getUTCDay();
  let back = (refWd - wd + 7) % 7;
  if (strict && back === 0) back = 7;
  return ref - back * DAY_MS;
}

/**
 * Every own rule needs one of these in the sentence: a digit, or "week", "month", "year", "ago",
 * "day(s)", "night" (in its pattern's words), or a month word (p.monthWord: "mid-May").
 * Keep in step with the rules below when adding one.
 */
const OWN_RULE_CUE = /\d|week|month|year|ago|\bdays?\b|night/i;

/** Own rules, run before chrono: forms chrono misses or resolves differently from news usage. */
/** Counts written as words in "over the past three weeks". */
const SPAN_NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, several: 3, few: 3 };

function ownRules(text: string, ref: number, p: Patterns): Found[] {
  const out: Found[] = [];
  const add = (m: RegExpExecArray, t: number | null, precision: TimePrecision, relative: boolean, background?: boolean, offset = 0): Found | null => {
    if (t === null) return null;
    const f: Found = { start: m.index + offset, end: m.index + m[0].length, t, precision, relative, own: true };
    if (background) f.background = true;
    out.push(f);
    return f;
  };
  const refDate = new Date(ref);
  const refY = refDate.getUTCFullYear();
  const refM = refDate.getUTCMonth() + 1;
  const refDay = refDate.getUTCDate();
  let m: RegExpExecArray | null;

  // Weeks: "last week" is the previous Monday-Sunday week (its Thursday, the middle); "this week" runs to ref.
  const weekRe = /\b(?:(earlier|later)\s+)?(last|this|past|previous|the\s+past|the\s+previous)\s+(week|weekend)\b/gi;
  while ((m = weekRe.exec(text))) {
    const which = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    const weekend = m[3]!.toLowerCase() === 'weekend';
    const refWd = (refDate.getUTCDay() + 6) % 7; // Monday = 0
    const monday = ref - refWd * DAY_MS;
    if (weekend) {
      const strict = which === 'last' || which === 'previous' || which === 'the previous';
      add(m, lastWeekday(ref, 6, strict), 2, true);
    } else if (which === 'this') {
      add(m, monday + Math.floor(refWd / 2) * DAY_MS, 2, true);
    } else if (which === 'past' || which === 'the past') {
      add(m, ref - 3 * DAY_MS, 2, true);
    } else {
      add(m, monday - 4 * DAY_MS, 2, true);
    }
  }
  // "over the past three weeks", "in the last 10 days": a span ending at ref; its middle, at the
  // precision of the span (a week or less: 2, longer: 3).
  const spanRe = /\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(days|weeks|months)\b/gi;
  while ((m = spanRe.exec(text))) {
    const n = SPAN_NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]);
    const unit = m[2]!.toLowerCase();
    const days = n * (unit === 'days' ? 1 : unit === 'weeks' ? 7 : 30);
    if (!Number.isFinite(days) || days <= 1) continue;
    // "Over the past three weeks, more than 60 people have been killed": a running total, told
    // in the perfect, is the background of the report's event
    const perfect = /\b(?:have|has)\s+(?:been\s+)?(?:\w+ed|killed|died|fled|seen|left)\b/i.test(text);
    add(m, ref - Math.floor(days / 2) * DAY_MS, days <= 7 ? 2 : 3, true, perfect);
  }
  const weekendRe = /\b(?:at|over|during|on)\s+the\s+weekend\b/gi;
  while ((m = weekendRe.exec(text))) add(m, lastWeekday(ref, 6, false), 2, true);

  // Months relative to ref.
  const monthRelRe = /\b(?:(earlier|later|early|late)\s+)?(this|last|past|previous)\s+month\b/gi;
  while ((m = monthRelRe.exec(text))) {
    const which = m[2]!.toLowerCase();
    if (which === 'this') {
      add(m, midMonth(ref, refY, refM, 15), 3, true);
    } else {
      const y = refM === 1 ? refY - 1 : refY;
      const mm = refM === 1 ? 12 : refM - 1;
      const part = m[1] ? (p.lex.month_parts[m[1].toLowerCase()] ?? 15) : 15;
      add(m, Date.UTC(y, mm - 1, part), 3, true);
    }
  }

  // Years: background by nature ("last year", "earlier this year", "in 2019").
  const yearRelRe = /\b(?:(earlier|later)\s+)?(this|last|past|previous)\s+year\b/gi;
  while ((m = yearRelRe.exec(text))) {
    const which = m[2]!.toLowerCase();
    const t = which === 'this' ? Date.UTC(refY, 0, 1) + Math.floor((ref - Date.UTC(refY, 0, 1)) / DAY_MS / 2) * DAY_MS : Date.UTC(refY - 1, 6, 1);
    add(m, t, 3, true, true);
  }
  const bareYearRe = p.bareYearRe;
  bareYearRe.lastIndex = 0;
  while ((m = bareYearRe.exec(text))) {
    const y = Number(m[2]);
    const t = y === refY ? Date.UTC(refY, 0, 1) + Math.floor((ref - Date.UTC(refY, 0, 1)) / DAY_MS / 2) * DAY_MS : Date.UTC(y, 6, 1);
    add(m, t, 3, false, true, m[0].length - m[2]!.length);
  }

  // "his 2019-2020 offensive", "the 2011–12 crisis": a span of whole years, background by nature.
  const yearSpanRe = /\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)?\d\d)\b(?![-/.]\d)/g;
  while ((m = yearSpanRe.exec(text))) {
    const from = Number(m[1]);
    const to = m[2]!.length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (to <= from || to - from > 30) continue;
    add(m, Date.UTC(Math.min(to, refY), 0, 1) > ref ? Date.UTC(from, 6, 1) : Date.UTC(Math.min(to, refY), 0, 1), 3, false, to < refY);
  }

  // "N days/weeks/months ago".
  const agoRe = /\b(?:(?:about|some|around|nearly|almost|just|only)\s+)?(\d{1,3}|a\s+few|a\s+couple(?:\s+of)?|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|days|week|weeks|month|months|year|years)\s+ago\b/gi;
  while ((m = agoRe.exec(text))) {
    const nWord = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const n = /^\d+$/.test(nWord) ? Number(nWord) : SMALL_NUMBERS[nWord];
    if (n === undefined) continue;
    const unit = m[2]!.toLowerCase().replace(/s$/, '');
    const vague = /few|several|couple/.test(nWord);
    if (unit === 'day') add(m, ref - n * DAY_MS, vague ? 2 : 1, true);
    else if (unit === 'week') add(m, ref - n * 7 * DAY_MS, 2, true);
    else if (unit === 'month') add(m, ref - Math.round(n * 30.4) * DAY_MS, 3, true, n >= 3);
    else add(m, Date.UTC(refY - n, refM - 1, Math.min(refDay, 28)), 3, true, true);
  }

  // "Medics were still treating the wounded on Wednesday, two days after an attack on the town":
  // the act lies that many days before the anchor day (the span covers the count and the act).
  const daysAfterAct = p.daysAfterActRe;
  daysAfterAct.lastIndex = 0;
  while ((m = daysAfterAct.exec(text))) {
    const anchorWord = m[1]!.toLowerCase();
    const wd = p.lex.weekdays.indexOf(anchorWord);
    const anchor = anchorWord === 'today' ? ref : anchorWord === 'yesterday' ? ref - DAY_MS : lastWeekday(ref, wd, false);
    const n = /^\d+$/.test(m[2]!) ? Number(m[2]) : SMALL_NUMBERS[m[2]!.toLowerCase()];
    if (n === undefined) continue;
    const week = m[3]!.toLowerCase().startsWith('week');
    add(m, anchor - n * (week ? 7 : 1) * DAY_MS, week ? 2 : 1, true)!.countsBack = true;
  }

  // "the night from Sunday to Monday": a night is dated by the day it ends (as "overnight" alone
  // is dated by the reference day), when the two days follow each other.
  const nightSpan = p.nightSpanRe;
  nightSpan.lastIndex = 0;
  while ((m = nightSpan.exec(text))) {
    const from = p.lex.weekdays.indexOf(m[1]!.toLowerCase());
    const to = p.lex.weekdays.indexOf(m[2]!.toLowerCase());
    if ((from + 1) % 7 === to) add(m, lastWeekday(ref, to, false), 1, true);
  }

  // "in recent days", "in the past few days".
  const recentRe = /\b(?:in\s+)?(?:recent\s+days|the\s+(?:past|last)\s+(?:few|couple\s+of)\s+days)\b/gi;
  while ((m = recentRe.exec(text))) add(m, ref - 3 * DAY_MS, 2, true);

  // "overnight" alone: the night that ended on the reference date, dated to the reference day
  // (reports published the morning after say "overnight"; a weekday after it is handled by chrono).
  const overnightRe = /\bovernight\b(?!\s+(?:on\s+|into\s+|to\s+)?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|\d))/gi;
  while ((m = overnightRe.exec(text))) add(m, ref, 1, true);

  // "on the 5th": this month when that day has come, else last month.
  const ordinalRe = p.ordinalRe;
  ordinalRe.lastIndex = 0;
  while ((m = ordinalRe.exec(text))) {
    const d = Number(m[1]);
    const t = d <= refDay ? ymd(refY, refM, d) : ymd(refM === 1 ? refY - 1 : refY, refM === 1 ? 12 : refM - 1, d);
    add(m, t, 1, true, false, 3);
  }

  // "mid-May", "early March 2024", "the end of June": a part of a month.
  const partRe = p.partRe;
  partRe.lastIndex = 0;
  while ((m = partRe.exec(text))) {
    const mm = monthNumber(p, m[2]!);
    if (mm === null) continue;
    const part = p.lex.month_parts[m[1]!.toLowerCase()] ?? 15;
    const y = m[3] ? Number(m[3]) : Date.UTC(refY, mm - 1, 1) > ref ? refY - 1 : refY;
    add(m, midMonth(ref, y, mm, part), 3, false);
  }

  // Day ranges: "between January 2 and 4, 2025", "from 2 to 4 January": the middle day, precision 2.
  const rangeMd = p.rangeMd;
  const rangeDm = p.rangeDm;
  rangeMd.lastIndex = 0;
  rangeDm.lastIndex = 0;
  const addRange = (mm: number | null, a: number, b: number, year: string | undefined, match: RegExpExecArray) => {
    if (mm === null || b < a || b - a > 14) return;
    const mid = Math.floor((a + b) / 2);
    const t = year ? ymd(Number(year), mm, mid) : yearForMonthDay(ref, mm, mid, p.lex.future_days_without_year);
    add(match, t, b - a <= 1 ? 1 : 2, false);
  };
  while ((m = rangeMd.exec(text))) addRange(monthNumber(p, m[1]!), Number(m[2]), Number(m[3]), m[4], m);
  while ((m = rangeDm.exec(text))) addRange(monthNumber(p, m[3]!), Number(m[1]), Number(m[2]), m[4], m);

  // Numeric dates: day first unless the second field cannot be a month (31/01/2026; 01/31/2026).
  const numRe = /\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d|\d\d)\b(?![/.]\d)/g;
  while ((m = numRe.exec(text))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += y > (refY % 100) + 1 ? 1900 : 2000;
    const t = b > 12 ? ymd(y, a, b) : ymd(y, b, a);
    add(m, t, 1, false);
  }
  return out;
}

/** Convert one chrono result into a Found, or null for a time of day, a bare year or a conversion note. */
function fromChrono(r: chrono.ParsedResult, ref: number, p: Patterns, text: string): Found | null {
  const kv = r.start;
  if (kv.isCertain('timezoneOffset')) return null; // "(19:00 GMT Thursday)": a conversion, not another date.
  let start = r.index;
  let end = r.index + r.text.length;
  // Trim chrono's leading prepositions and trailing punctuation so the text is the date itself.
  const lead = /^(?:on|at|in|by|from|during|of)\s+/i.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  while (end > start && /[\s,.;:()\-–—]/.test(text[end - 1]!)) end--;
  // Keep the abbreviation dot of "Jan." only when a day follows; a final dot is punctuation.
  const surface = text.slice(start, end);
  if (!surface) return null;
  const lower = surface.toLowerCase();
  const hasDay = kv.isCertain('day');
  const hasMonth = kv.isCertain('month');
  const hasYear = kv.isCertain('year');
  const hasWeekday = kv.isCertain('weekday');
  // Times of day ("5:00 p.m. on Tuesday", "4 o'clock on Wednesday") do not make a weekday explicit.
  const noTimes = surface.replace(/\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|o['’]clock)|\b\d{1,2}:\d{2}\b|\b\d{3,4}\s*(?:hours|hrs|gmt|utc)\b/gi, '');
  const explicit = /\d/.test(noTimes) || p.monthWord.test(surface);
  // "a day after", "two days before", "18 months after": relative to another event, not to ref.
  if (/\b(?:before|after|earlier|later|until|till)\b/i.test(surface) && !/\b(?:19|20)\d\d\b/.test(surface)) return null;
  const base: Omit<Found, 't' | 'precision' | 'relative'> = { start, end, own: false };

  if (hasDay && hasMonth && explicit) {
    const d = kv.get('day')!;
    const mm = kv.get('month')!;
    const t = hasYear ? ymd(kv.get('year')!, mm, d) : yearForMonthDay(ref, mm, d, p.lex.future_days_without_year);
    return t === null ? null : { ...base, t, precision: 1, relative: false };
  }
  if (hasWeekday && !explicit) {
    const before = text.slice(Math.max(0, start - 25), start);
    const wd = kv.get('weekday')!;
    if (p.futureBefore.test(before) || /^(?:next|this\s+coming|coming)\s/i.test(surface)) {
      const refWd = new Date(ref).getUTCDay();
      const ahead = (wd - refWd + 7) % 7 || 7;
      return { ...base, t: ref + ahead * DAY_MS, precision: 1, relative: true };
    }
    const strict = /\blast\s+$/i.test(before) || /^(?:last|past)\s/i.test(surface);
    const lastBefore = /\blast\s+$/i.exec(before);
    if (lastBefore) base.start = start - lastBefore[0].length;
    return { ...base, t: lastWeekday(ref, wd, strict), precision: 1, relative: true };
  }
  if (hasDay && hasMonth && !explicit) {
    // "yesterday", "today", "last night", "tonight": chrono's arithmetic on the reference date.
    if (!CASUAL_DAY.test(lower)) return null;
    const dt = kv.date();
    const t = Date.UTC(dt.getUTCFullYear(), dt.getUTCMonth(), dt.getUTCDate());
    return { ...base, t, precision: 1, relative: true };
  }
  if (hasMonth && !hasDay && explicit) {
    // A month named alone must be capitalised: "march" and "may" are usually a noun and a verb.
    if (!/\d/.test(surface) && !/^\p{Lu}/u.test(surface.replace(/^(?:early|late|mid)[\s-]*/i, ''))) return null;
    const mm = kv.get('month')!;
    // "ahead of October vote", "planned for March": the coming month of that name
    if (!hasYear && p.futureBefore.test(text.slice(Math.max(0, start - 25), start))) {
      const refDate = new Date(ref);
      const y = mm - 1 < refDate.getUTCMonth() ? refDate.getUTCFullYear() + 1 : refDate.getUTCFullYear();
      return { ...base, t: Date.UTC(y, mm - 1, 15), precision: 3, relative: false };
    }
    return { ...base, t: monthWindow(ref, mm, hasYear ? kv.get('year')! : undefined), precision: 3, relative: false };
  }
  return null;
}

/** Publication stamps: a line that is just the date, a byline, or a dateline "CITY, Month D (Agency) –". */
function isPublication(s: Sentence, start: number, end: number, p: Patterns): boolean {
  const before = s.text.slice(0, start);
  const after = s.text.slice(end);
  const rest = (before + ' ' + after).replace(/[^\p{L}\p{N}\s]/gu, ' ').trim();
  if (rest.split(/\s+/).filter(Boolean).length <= 2 && s.text.length < 60) return true;
  if (p.publication.test(s.text) && s.text.length < 160) return true;
  // Dateline: an upper-case place before the date near the start, then an agency or a dash.
  // ("FERGUSON, Mo., Aug 27 (Wire) -": a state's abbreviation after the place)
  if (start < 60 && /^[\p{Lu}\s,.'’-]+(?:,\s*[\p{L}\s.]+)?[,\s]*$/u.test(before) && /\p{Lu}{3,}/u.test(before) && /^\s*(?:\(|--|–|—|-\s)/.test(after)) return true;
  // "KABUL, Afghanistan (March 28) –"
  if (start < 60 && /^[\p{Lu}][\p{L}\s,.'’-]*\(\s*$/u.test(before) && /\p{Lu}{3,}/u.test(before) && /^\s*\)\s*(?:--|–|—|-)/.test(after)) return true;
  // "Agency, 7 November 2022 On 6 November …": an outlet name, a full date, then the story.
  if (start < 45 && /^[\p{L}][\p{L}\s.'’&-]{0,38},\s*$/u.test(before) && /\d{4}$/.test(s.text.slice(start, end)) && /^\s+\p{Lu}/u.test(after)) return true;
  return false;
}

/** Options of findDates. */
export interface FindDatesOptions {
  /**
   * false: hand every sentence to chrono, not only those the pre-filter lets through (the
   * result is the same; for checking the pre-filter). Default true.
   */
  prefilter?: boolean;
}

/**
 * Whether chrono may find in `text` a date that findDates keeps (false: it surely finds none;
 * see chronoCue for the reasoning).
 */
export function chronoMayFind(text: string): boolean {
  return getPatterns().chronoCue.test(text);
}

/**
 * Find date expressions in every sentence.
 *
 * `referenceDate` is YYYY-MM-DD (the publication date, UTC calendar day). Returns mentions in
 * text order; each has offsets into `doc.text` with `doc.text.slice(start, end) === text`,
 * `date` YYYY-MM-DD (for precision 2/3 a day inside the window: the middle of the week, or the
 * 15th of the month kept on or before the reference date), and flags `background` (earlier
 * years, "since …", anniversaries, more than about two months before the reference date),
 * `future` and `publication` where they apply.
 * Throws only when `referenceDate` is not a real YYYY-MM-DD date; odd text gives fewer mentions.
 */
export function findDates(doc: CleanText, sentences: Sentence[], referenceDate: string, opts: FindDatesOptions = {}): DateMention[] {
  const ref = parseIsoDay(referenceDate);
  if (ref === null) throw new Error(`findDates: referenceDate must be a real YYYY-MM-DD date, got "${referenceDate}"`);
  const p = getPatterns();
  const refInstant = new Date(ref + 12 * 3_600_000);
  const out: DateMention[] = [];
  for (const s of sentences) {
    const text = s.text;
    if (!text || !/[\p{L}\d]/u.test(text)) continue;
    let found: Found[] = [];
    try {
      found = OWN_RULE_CUE.test(text) || p.monthWord.test(text) ? ownRules(text, ref, p) : [];
      let results: chrono.ParsedResult[] = [];
      // chrono costs the most here; most sentences hold nothing it finds that is kept
      if (opts.prefilter === false || p.chronoCue.test(text)) {
        try {
          // chrono reads "the evening of 26 August" as this evening: the part of day is blanked
          // (same length, offsets kept) so the date after it is read
          // (and a dateline's dash is a stop: "ERBIL, Oct 10 - Saturday's attack" is two dates, not a span)
          const forChrono = text
            .replace(DAY_PART_OF, (m) => ' '.repeat(m.length))
            .replace(/^(.{0,60}?\d)(\s+[-–—]{1,2}\s+)(?=\p{Lu})/u, (_m, head: string, sep: string) => head + sep.replace(/[-–—]/g, ';'));
          results = chrono.casual.parse(forChrono, { instant: refInstant, timezone: 0 });
        } catch {
          results = [];
        }
      }
      for (const r of results) {
        try {
          const f = fromChrono(r, ref, p, text);
          if (f) found.push(f);
        } catch {
          // one odd result is dropped, the sentence's other dates are kept
        }
      }
    } catch {
      continue; // a rule tripping on strange text loses this sentence's dates, never the document
    }
    // Own rules win on overlap; otherwise the longer span.
    found.sort((a, b) => Number(b.own) - Number(a.own) || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Found[] = [];
    for (const f of found) {
      if (f.end <= f.start) continue;
      if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
      kept.push(f);
    }
    kept.sort((a, b) => a.start - b.start);
    for (const [at, f] of kept.entries()) {
      // A bare weekday abbreviation right after a capitalised word is part of a name
      // ("Nang Mon", "Aung Sat"), not a date; "Mon." or "on Mon" still are.
      const word = text.slice(f.start, f.end);
      if (/^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)$/.test(word) && text[f.end] !== '.' && !/\bon\s+$/i.test(text.slice(Math.max(0, f.start - 4), f.start)))
        continue;
      // "42 homicides in 42 days", "the third attack in two weeks": a span of time, not a date.
      const spanWords = word.replace(/^in\s+/i, '');
      const afterIn = spanWords !== word || /\bin\s+$/i.test(text.slice(Math.max(0, f.start - 4), f.start));
      if (afterIn && /^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|thirty|forty|fifty|several|few)\s+(?:days?|weeks?|months?|years?|hours?)$/i.test(spanWords)) continue;
      // Lead-ins: "early on Sunday", "in the early hours of Saturday".
      const lead = p.leadIn.exec(text.slice(Math.max(0, f.start - 40), f.start));
      if (lead && !kept.some((k) => k !== f && k.end > f.start - lead[0].length && k.end <= f.start)) f.start -= lead[0].length;
      const before = text.slice(Math.max(0, f.start - 30), f.start);
      const background =
        f.background === true ||
        // "since Tuesday" is the event's own start; "since May 2019" is background.
        (p.backgroundBefore.test(before) && f.t < ref - 7 * DAY_MS) ||
        // "rallied on Sunday to mark the anniversary of …": the recent date is the event's own.
        (p.backgroundSentence.test(text) && !(f.relative && f.t >= ref - 7 * DAY_MS)) ||
        f.t < ref - 62 * DAY_MS;
      const m: DateMention = {
        sentence: s.index,
        start: s.start + f.start,
        end: s.start + f.end,
        text: text.slice(f.start, f.end),
        date: iso(f.t),
        time_precision: f.precision,
        relative: f.relative,
      };
      if (background) m.background = true;
      if (f.t > ref) m.future = true;
      // (the anchor of "on Wednesday, two days after an attack" dates the telling, not the act)
      const next = kept[at + 1];
      if (next?.countsBack && /^\s*,?\s+(?:just\s+|only\s+)?$/.test(text.slice(f.end, next.start))) m.reporting = true;
      if (isPublication(s, f.start, f.end, p)) m.publication = true;
      // ("claimed Saturday's attack": a possessive day is the attack's, not the claim's)
      else if (
        f.relative &&
        f.precision === 1 &&
        !/^['’]s\b/.test(text.slice(f.end, f.end + 3)) &&
        // "said on Monday", and "on Monday claimed responsibility for …"
        (p.reportingBefore.test(text.slice(Math.max(0, f.start - 80), f.start)) ||
          /^,?\s+(?:said|says|claimed|announced|confirmed|told|reported)\b/i.test(text.slice(f.end, f.end + 14)) ||
          // "Speaking on Monday, the spokesman said …", "…, speaking on Tuesday, said"
          (/(?:^|,\s*)speaking\s+(?:on\s+|late\s+|early\s+)*$/i.test(text.slice(Math.max(0, f.start - 30), f.start)) && /^\s*,/.test(text.slice(f.end, f.end + 3))))
      )
        m.reporting = true;
      // Sentence text is a slice of doc.text; guard anyway so offsets never lie.
      if (doc.text.slice(m.start, m.end) !== m.text) continue;
      out.push(m);
    }
  }
  return out;
}
