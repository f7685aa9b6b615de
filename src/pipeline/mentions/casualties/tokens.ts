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
    const lower = t.toLowerCase();
    // (only the last alternative of TOKEN_RE, one code point, can hold no letter or digit)
    out.push({ text: t, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start: m.index, end: m.index + t.length, punct: t.length <= 2 && !/[\p{L}\p{N}]/u.test(t) });
  }
  return out;
}

/** True when the word pattern matches the token. */
function wordMatches(w: { text: string; prefix: boolean }, t: Token): boolean {
  return w.prefix ? t.lower.startsWith(w.text) : t.lower === w.text;
}

/**
 * Phrases of one list indexed by one end word (first or last), so that matching at a token
 * tries only the phrases whose end word can match it instead of the whole list (a few hundred
 * phrases, tried at every token). Candidates keep the list's order, so the first match found is
 * the one a scan of the whole list finds.
 */
interface PhraseIndex {
  /** Length of the list when indexed (lists are compiled once; a changed list is re-indexed). */
  size: number;
  /** End word written exactly → positions in the list. */
  exact: Map<string, number[]>;
  /** End words written as a prefix ("soldier*"), and phrases with no words (they match anywhere). */
  loose: { prefix: string; at: number }[];
  /** With loose patterns: token text → positions of the candidates for it, in list order (bounded, see MAX_WORDS). */
  byWord: Map<string, number[]>;
}

const MAX_WORDS = 20_000;
const firstIndex = new WeakMap<readonly Phrase<unknown>[], PhraseIndex>();
const lastIndex = new WeakMap<readonly Phrase<unknown>[], PhraseIndex>();

function indexOf(phrases: readonly Phrase<unknown>[], last: boolean): PhraseIndex {
  const store = last ? lastIndex : firstIndex;
  let ix = store.get(phrases);
  if (ix && ix.size === phrases.length) return ix;
  ix = { size: phrases.length, exact: new Map(), loose: [], byWord: new Map() };
  phrases.forEach((p, at) => {
    const w = p.words.length ? p.words[last ? p.words.length - 1 : 0]! : null;
    if (!w) ix!.loose.push({ prefix: '', at });
    else if (w.prefix) ix!.loose.push({ prefix: w.text, at });
    else {
      const xs = ix!.exact.get(w.text);
      if (xs) xs.push(at);
      else ix!.exact.set(w.text, [at]);
    }
  });
  store.set(phrases, ix);
  return ix;
}

const NONE: number[] = [];

/** Positions (in list order) of the phrases whose end word may match a token written `lower`. */
function candidates(ix: PhraseIndex, lower: string): number[] {
  // (no prefix patterns: the exact words answer; a cache of every word seen would only be a
  // larger table to search)
  if (ix.loose.length === 0) return ix.exact.get(lower) ?? NONE;
  let xs = ix.byWord.get(lower);
  if (xs) return xs;
  const exact = ix.exact.get(lower) ?? [];
  const loose = ix.loose.filter((l) => lower.startsWith(l.prefix)).map((l) => l.at);
  xs = loose.length ? [...exact, ...loose].sort((a, b) => a - b) : exact;
  if (ix.byWord.size >= MAX_WORDS) ix.byWord.clear();
  ix.byWord.set(lower, xs);
  return xs;
}

/** The phrase (longest first in `phrases`) that starts at token i, with its end index, or null. */
export function matchAt<T>(tokens: Token[], i: number, phrases: Phrase<T>[]): { phrase: Phrase<T>; end: number } | null {
  const ix = indexOf(phrases, false);
  // past the last token only a phrase of no words can match
  const cands = i < tokens.length ? candidates(ix, tokens[i]!.lower) : ix.loose.filter((l) => phrases[l.at]!.words.length === 0).map((l) => l.at);
  for (const at of cands) {
    const p = phrases[at]!;
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
  const ix = indexOf(phrases, true);
  // before the first token (or past the end) only a phrase of no words can match
  const cands = end >= 1 && end <= tokens.length ? candidates(ix, tokens[end - 1]!.lower) : ix.loose.filter((l) => phrases[l.at]!.words.length === 0).map((l) => l.at);
  for (const at of cands) {
    const p = phrases[at]!;
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
