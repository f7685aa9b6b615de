/**
 * Word tokens with offsets, and matching lexicon phrases against them.
 */
import type { Phrase } from './lexicon.js';

/** A token of a sentence; offsets are local to the sentence text, half-open. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** True for a single punctuation character. */
  punct: boolean;
}

// Order matters: times and grouped numbers before words, so "2,000" and "7:30" stay whole;
// words keep inner hyphens/apostrophes/dots ("36-year-old", "al-Shabaab", "Workers'" → "Workers").
const TOKEN_RE = /\d{1,2}:\d{2}|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Split a sentence into tokens. Never throws. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    const t = m[0];
    out.push({ text: t, lower: t.toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + t.length, punct: !/[\p{L}\p{N}]/u.test(t) });
  }
  return out;
}

/** True when the word pattern matches the token. */
function wordMatches(w: { text: string; prefix: boolean }, t: Token): boolean {
  return w.prefix ? t.lower.startsWith(w.text) : t.lower === w.text;
}

/** The phrase (longest first in `phrases`) that starts at token i, with its end index, or null. */
export function matchAt<T>(tokens: Token[], i: number, phrases: Phrase<T>[]): { phrase: Phrase<T>; end: number } | null {
  for (const p of phrases) {
    if (i + p.words.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < p.words.length; k++) {
      if (!wordMatches(p.words[k]!, tokens[i + k]!)) {
        ok = false;
        break;
      }
    }
    if (ok) return { phrase: p, end: i + p.words.length };
  }
  return null;
}

/** The phrase that ends exactly at token index `end` (exclusive), or null. */
export function matchEndingAt<T>(tokens: Token[], end: number, phrases: Phrase<T>[]): { phrase: Phrase<T>; start: number } | null {
  for (const p of phrases) {
    const start = end - p.words.length;
    if (start < 0) continue;
    let ok = true;
    for (let k = 0; k < p.words.length; k++) {
      if (!wordMatches(p.words[k]!, tokens[start + k]!)) {
        ok = false;
        break;
      }
    }
    if (ok) return { phrase: p, start };
  }
  return null;
}

/** True when some phrase of `phrases` occurs in tokens [from, to). */
export function occursIn<T>(tokens: Token[], from: number, to: number, phrases: Phrase<T>[]): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) {
    const m = matchAt(tokens, i, phrases);
    if (m && m.end <= to) return true;
  }
  return false;
}
