/**
 * Word tokens with offsets, shared by the dictionary compiler (aliases) and the matcher (text),
 * so that "al-Shabaab", "al Shabaab" and "Al‑Shabaab" all become the same token keys.
 */

/** One word of the text: [start, end) offsets, the raw form and a lower-case, accent-free key. */
export interface Token {
  start: number;
  end: number;
  raw: string;
  key: string;
  /** True when the characters between the previous token and this one let a name run on (space, hyphen, apostrophe, …). */
  joins: boolean;
  /** True when the gap before this token is only spaces or a hyphen ("BLA militants", not "BLA) militants"). */
  plain: boolean;
  /** True when the gap before this token holds an apostrophe (possessive "Kenya's"). */
  apos: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/** Lower-case, accent-free form of a word (keys of the tries). */
export function keyOf(word: string): string {
  // Fast path: plain ASCII words need no accent stripping.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}
const ASCII = /^[\x00-\x7f]*$/;

/**
 * A gap lets a multi-word name continue when it is at most 3 characters of spaces, hyphens,
 * apostrophes, slashes, parentheses or '&', or a '.' right after a one-letter word ("U.S.").
 * Commas, sentence ends and line breaks end a name.
 */
function joins(gap: string, prev: string | undefined): boolean {
  if (gap.length === 0 || gap === ' ') return true;
  if (gap.length > 3 || gap.includes('\n')) return false;
  // A closing parenthesis ends a name: "BNP) supporters" is not one name.
  if (/^[ \t\u00a0\-‐‑–'’(/&]+$/.test(gap)) return true;
  if (prev !== undefined && prev.length === 1 && /^\.[ \u00a0]?$/.test(gap)) return true;
  return false;
}

/** Split `text` (or text.slice(from, to)) into tokens with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  let prevEnd = from;
  while ((m = WORD.exec(text)) && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    const raw = text.slice(m.index, end);
    const prev = out[out.length - 1];
    const gap = text.slice(prevEnd, m.index);
    out.push({
      start: m.index,
      end,
      raw,
      key: keyOf(raw),
      joins: prev ? joins(gap, prev.raw) : false,
      apos: /['’]/.test(gap),
      plain: prev !== undefined && /^[ \u00a0\-‐‑–]{1,3}$/.test(gap),
    });
    prevEnd = end;
  }
  return out;
}
