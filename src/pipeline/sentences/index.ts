/**
 * Sentence stage: CleanText → Sentence[] with offsets into CleanText.text.
 * Splits at line breaks and at . ! ? followed by space and an upper-case letter,
 * a digit or a quote, except after common abbreviations and initials.
 */
import type { CleanText, Sentence } from '../../model/index.js';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'cpl', 'pvt', 'brig', 'adm', 'gov', 'sen', 'rep',
  'st', 'mt', 'ft', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.n', 'u.k', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'prof', 'rev', 'hon', 'supt', 'insp', 'cmdr',
]);

function inSpan(doc: CleanText, start: number, end: number, kind: string): boolean {
  return doc.marked.some((m) => m.kind === kind && m.start <= start && end <= m.end);
}

/** Split the cleaned text into sentences. Never throws; empty text gives []. */
export function splitSentences(doc: CleanText): Sentence[] {
  const text = doc.text;
  const out: Sentence[] = [];
  const push = (s: number, e: number, lineHeading: boolean) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e <= s) return;
    out.push({
      index: out.length,
      start: s,
      end: e,
      text: text.slice(s, e),
      quoted: inSpan(doc, s, e, 'quote'),
      boilerplate: inSpan(doc, s, e, 'boilerplate'),
      heading: lineHeading || inSpan(doc, s, e, 'heading'),
    });
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const isHeading = line.length < 120 && !/[.!?:"”'’)]\s*$/.test(line) && line.split(/\s+/).length <= 16;
    let s = lineStart;
    const re = /[.!?]["”’')\]]*\s+(?=["“‘(]?[A-Z0-9])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) {
      const cut = lineStart + m.index + m[0].length;
      const before = line.slice(0, m.index + 1);
      const word = /([A-Za-z.]+)\.$/.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word)) continue;
      push(s, cut, false);
      s = cut;
    }
    push(s, lineEnd, isHeading);
    lineStart = lineEnd + 1;
  }
  return out;
}
