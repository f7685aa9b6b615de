/**
 * Blocks: the unit between reading a body (text lines or HTML elements) and marking it.
 */

/** One paragraph-or-line of text, with what its markup said it is (null: ordinary text). */
export interface Block {
  /** Whitespace-collapsed, trimmed, non-empty. */
  text: string;
  kind: 'heading' | 'quote' | 'boilerplate' | null;
  /** True when a blank line (or a block element boundary) separates it from the previous block. */
  paraBreak: boolean;
}

/** Invisible or layout-only characters removed from text: zero-width spaces/joiners, BOM, soft hyphen, bidi controls. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** C0/C1 control characters other than tab and newline. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** An asterisk inside a word: outlets write "kil*led", "de*ad" to get past social platforms' filters. */
const MASKED_LETTER = /(?<=\p{L})\*(?=\p{Ll})/gu;

/**
 * Normalise one line: NFC, invisible and control characters out, masking asterisks inside
 * words out, whitespace runs to one space, trimmed.
 */
export function normaliseLine(line: string): string {
  return line
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(MASKED_LETTER, '')
    .replace(CONTROL, ' ')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/** Plain text → blocks: one per non-empty line, `paraBreak` where blank lines were. */
export function textToBlocks(text: string): Block[] {
  const out: Block[] = [];
  let blank = true;
  for (const raw of text.split(/\r\n?|\n|\u2028|\u2029/)) {
    const t = normaliseLine(raw);
    if (!t) {
      blank = true;
      continue;
    }
    out.push({ text: t, kind: null, paraBreak: blank });
    blank = false;
  }
  return out;
}
