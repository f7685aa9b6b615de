/**
 * Sentence stage: CleanText → Sentence[] with exact offsets into CleanText.text
 * (`doc.text.slice(s.start, s.end) === s.text` for every sentence).
 *
 * Rules: every line break ends a sentence (the clean stage puts one paragraph per line, so
 * headlines and lines without final punctuation stand alone). Inside a line a sentence ends
 * at . ! ? … (plus closing quotes/brackets) followed by space and an upper-case letter, a
 * digit or an opening quote, or followed directly by a capitalised word after a lower-case one — except after titles and other abbreviations ("Lt. Gen.",
 * "No. 5", "Jan. 31"), single initials ("J. Smith"), and dotted abbreviations ("U.S.",
 * "a.m.") unless the next word usually starts a sentence ("… in the U.S. The …").
 * Sentences never straddle a marked span (quote, boilerplate, heading) so each sentence's
 * flags are exact; a sentence longer than MAX_SENTENCE characters is cut at a space, which
 * bounds the work of later stages on text without punctuation.
 */
import type { CleanText, MarkedSpan, Sentence } from '../../model/index.js';

/** Longest sentence, in UTF-16 code units; longer runs are cut at the last space before it. */
export const MAX_SENTENCE = 1000;

/** Abbreviations that do not end a sentence (lower case, without the final dot). */
const NEVER_END = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'brig', 'adm', 'cmdr', 'cdr',
  'gov', 'sen', 'rep', 'pres', 'prof', 'rev', 'hon', 'supt', 'insp', 'det', 'st', 'mt', 'ft', 'jr', 'sr', 'no', 'nos', 'vs',
  'v', 'approx', 'est', 'dept', 'govt', 'rs', 'art', 'sec', 'vol', 'pp', 'fig', 'para', 'univ', 'ave', 'blvd', 'rd', 'sq',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'cf', 'al', 'ca', 'gov\'t',
  'mgr', 'sheikh', 'amb', 'atty', 'gens', 'lts', 'cols', 'adv', 'engr', 'eng',
  // Weekdays as datelines and schedules abbreviate them ("Wed. Jan. 5"); "Sun." is left out: it ends sentences.
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat',
]);
/** Abbreviations that may end a sentence: they do when the next word usually starts one. */
const MAY_END = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'bros', 'plc', 'llc']);
/** Words that usually start a sentence; after "U.S." or an initial they mean a new sentence began. */
const STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'our', 'this', 'that', 'these',
  'those', 'there', 'in', 'on', 'at', 'but', 'and', 'however', 'meanwhile', 'police', 'officials', 'authorities', 'according',
  'witnesses', 'residents', 'some', 'many', 'several', 'no', 'one', 'two', 'three', 'after', 'before', 'when', 'while', 'earlier',
  'later', 'last', 'on', 'since', 'as', 'if', 'what', 'who', 'it\'s', 'he\'s', 'she\'s', 'they\'re', 'for', 'from', 'by', 'with',
]);

/** Candidate sentence ends: final punctuation, closers, space, then something that can start a sentence. */
// (also with the space lost in copy, between a lower-case word and a capitalised one:
// "said in a statement.The Turkish forces …")
const CANDIDATE = /([.!?…]+)(["”’')\]»]*)(\s+|(?<=\p{Ll}{2}[.!?…]+["”’')\]»]*)(?=\p{Lu}\p{Ll}))(?=["“‘'(\[«]?[\p{Lu}\p{Lt}\d])/gu;
/** The same for text written without capitals (older wire copy, coders' notes): any letter may start a sentence. */
const CANDIDATE_CASELESS = /([.!?…]+)(["”’')\]»]*)(\s+)(?=["“‘'(\[«]?[\p{L}\d])/gu;

/** True when the text has (almost) no capital letters, so capitals cannot mark sentence starts. */
function isCaseless(text: string): boolean {
  const sample = text.slice(0, 5000);
  const upper = (sample.match(/\p{Lu}/gu) ?? []).length;
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  return letters > 40 && upper / letters < 0.01;
}

/** The next word after `at` (letters, apostrophes), lower-cased. */
function nextWord(line: string, at: number): string {
  const m = /^["“‘'(\[«]?([\p{L}'’]+)/u.exec(line.slice(at, at + 40));
  return (m?.[1] ?? '').toLowerCase().replace(/’/g, "'");
}

/** Decide whether the punctuation ending at `punctEnd` (line-relative) ends a sentence. */
function endsSentence(line: string, punctStart: number, punct: string, closers: string, next: number): boolean {
  if (punct !== '.') return true;
  if (closers) return true;
  // The token before the dot: letters, dots and apostrophes back to a space or an opening mark.
  const before = line.slice(Math.max(0, punctStart - 30), punctStart);
  const tok = (/([\p{L}\d.'’]+)$/u.exec(before)?.[1] ?? '').replace(/^[.]+/, '');
  if (!tok) return true;
  const lower = tok.toLowerCase();
  const starter = STARTERS.has(nextWord(line, next));
  if (NEVER_END.has(lower)) {
    // "No. 5", "Jan. 31", "Gen. Smith": never; but "… said no. The …" ends.
    return lower === 'no' && tok === 'no' && starter;
  }
  if (MAY_END.has(lower)) return starter;
  // A single initial ("J. Smith") or a dotted abbreviation ("U.S", "a.m", "U.N").
  if (/^\p{L}$/u.test(tok) || /^(?:\p{L}\.)+\p{L}$/u.test(tok)) return starter && !/^(?:e\.g|i\.e)$/i.test(tok);
  return true;
}

/** Index of the first span in sorted `spans` that ends after `pos` (binary search). */
function firstEndingAfter(spans: MarkedSpan[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Split the cleaned text into sentences. Never throws; empty text gives [].
 * `quoted` / `boilerplate` / `heading` are true when the sentence lies inside a marked
 * span of that kind (clean stage).
 */
export function splitSentences(doc: CleanText): Sentence[] {
  const text = doc.text;
  const out: Sentence[] = [];
  // Spans per kind, sorted by start; spans of one kind do not overlap (clean merges them).
  const byKind = { quote: [] as MarkedSpan[], boilerplate: [] as MarkedSpan[], heading: [] as MarkedSpan[] };
  const cuts: number[] = [];
  for (const m of doc.marked) {
    if (m.kind === 'dateline') continue;
    byKind[m.kind].push(m);
    cuts.push(m.start, m.end);
  }
  for (const list of Object.values(byKind)) list.sort((a, b) => a.start - b.start);
  cuts.sort((a, b) => a - b);
  const inside = (list: MarkedSpan[], s: number, e: number) => {
    const i = firstEndingAfter(list, s);
    return i < list.length && list[i]!.start <= s && e <= list[i]!.end;
  };
  let cutIdx = 0;

  const emit = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e <= s) return;
    out.push({
      index: out.length,
      start: s,
      end: e,
      text: text.slice(s, e),
      quoted: inside(byKind.quote, s, e),
      boilerplate: inside(byKind.boilerplate, s, e),
      heading: inside(byKind.heading, s, e),
    });
  };
  /** Emit [s, e), first splitting at span boundaries and at MAX_SENTENCE. */
  const push = (s: number, e: number) => {
    while (cutIdx < cuts.length && cuts[cutIdx]! <= s) cutIdx++;
    while (cutIdx < cuts.length && cuts[cutIdx]! < e) {
      const c = cuts[cutIdx++]!;
      pushCapped(s, c);
      s = c;
    }
    pushCapped(s, e);
  };
  const pushCapped = (s: number, e: number) => {
    while (e - s > MAX_SENTENCE) {
      let cut = text.lastIndexOf(' ', s + MAX_SENTENCE);
      if (cut <= s + MAX_SENTENCE / 2) cut = s + MAX_SENTENCE;
      // Never split a surrogate pair.
      if (/[\udc00-\udfff]/.test(text[cut] ?? '')) cut--;
      emit(s, cut);
      s = cut;
    }
    emit(s, e);
  };

  const candidate = isCaseless(text) ? CANDIDATE_CASELESS : CANDIDATE;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    let s = lineStart;
    candidate.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = candidate.exec(line))) {
      const punctStart = m.index;
      const next = m.index + m[0].length;
      if (!endsSentence(line, punctStart, m[1]!, m[2]!, next)) continue;
      const cut = lineStart + m.index + m[1]!.length + m[2]!.length;
      push(s, cut);
      s = cut;
    }
    push(s, lineEnd);
    lineStart = lineEnd + 1;
  }
  return out;
}
