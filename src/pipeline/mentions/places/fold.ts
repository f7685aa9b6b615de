/**
 * Name folding shared by the gazetteer build (data/gazetteer/build.mjs keeps an identical copy;
 * test/pipeline/places/build.test.ts checks they agree) and the matcher.
 */

const LETTER_MAP: Record<string, string> = { ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h', ŧ: 't' };

/**
 * Fold a name to lower-case ASCII words separated by one space: accents dropped, apostrophes
 * removed ("Côte d’Ivoire" → "cote divoire"), other punctuation a word break. Returns '' when
 * the text holds letters of a non-Latin script (those names are not indexed).
 */
export function foldName(s: string): string {
  let t = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  t = t.replace(/[øßłđðıæœþħŧ]/g, (c) => LETTER_MAP[c]!);
  t = t.replace(/['’ʼʻʿʾ`´‘]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
  if (/[^a-z0-9 ]/.test(t)) return '';
  return t.replace(/[^a-z0-9]+/g, ' ').trim();
}
