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

const ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ad', 'an', 'at', 'az', 'ash', 'ath', 'ul', 'ud', 'e', 'i', 'de', 'la', 'le', 'du', 'des']);

/**
 * A spelling skeleton of a folded name for transliteration variants: articles dropped, digraphs
 * simplified (kh→k, gh→g, dh→d, th→t, sh→s, ph→f, q→k), vowels after the first letter dropped,
 * doubled letters collapsed ("Makhmour"/"Makhmur" → "mkmr", "Ma'arrat an-Nu'man"/"Maarat
 * al-Numan" → "mrtnmn"). '' when shorter than 4. Same as skeletonOf() in fold.ts.
 */
export function skeletonOf(folded) {
  const words = folded.split(' ').filter((w) => w && !ARTICLES.has(w));
  if (!words.length) return '';
  let t = words.join('');
  t = t.replace(/kh/g, 'k').replace(/gh/g, 'g').replace(/dh/g, 'd').replace(/th/g, 't').replace(/sh/g, 's').replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/q/g, 'k');
  t = t[0] + t.slice(1).replace(/[aeiouyhw]/g, '');
  t = t.replace(/(.)\1+/g, '$1');
  return t.length >= 4 ? t : '';
}
