/**
 * Name folding for the build. Must stay identical to foldName() in
 * src/pipeline/mentions/places/fold.ts (test/pipeline/places/build.test.ts checks they agree).
 */
const LETTER_MAP = { ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h', ŧ: 't' };

/** Fold a name to lower-case ASCII words separated by one space; '' when it is not Latin script. */
export function foldName(s) {
  let t = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  t = t.replace(/[øßłđðıæœþħŧ]/g, (c) => LETTER_MAP[c]);
  t = t.replace(/['’ʼʻʿʾ`´‘]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
  if (/[^a-z0-9 ]/.test(t)) return '';
  return t.replace(/[^a-z0-9]+/g, ' ').trim();
}
