/**
 * Name folding shared by the matcher and the gazetteer build (data/gazetteer/fold.mjs re-exports
 * these from dist/, so names are indexed exactly as reports are read).
 */

const PLAIN = /^[A-Za-z0-9]*$/;
const LETTER_MAP: Record<string, string> = { ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h', ŧ: 't' };

/**
 * Fold a name to lower-case ASCII words separated by one space: accents dropped, apostrophes
 * removed ("Côte d’Ivoire" → "cote divoire"), other punctuation a word break. Returns '' when
 * the text holds letters of a non-Latin script (those names are not indexed).
 */
export function foldName(s: string): string {
  // Most words are plain ASCII letters and digits: folding them is lower-casing (the steps
  // below change nothing else), and this runs for every word of every report.
  if (PLAIN.test(s)) return s.toLowerCase();
  let t = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  t = t.replace(/[øßłđðıæœþħŧ]/g, (c) => LETTER_MAP[c]!);
  t = t.replace(/['’ʼʻʿʾ`´‘]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
  if (/[^a-z0-9 ]/.test(t)) return '';
  return t.replace(/[^a-z0-9]+/g, ' ').trim();
}

const ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ad', 'an', 'at', 'az', 'ash', 'ath', 'ul', 'ud', 'e', 'i', 'de', 'la', 'le', 'du', 'des']);

/**
 * A spelling skeleton of a folded name for transliteration variants: articles dropped, digraphs
 * simplified (kh→k, gh→g, dh→d, th→t, sh→s, ph→f, q→k), vowels after the first letter dropped,
 * doubled letters collapsed ("Makhmour"/"Makhmur" → "mkmr"). '' when shorter than 4.
 */
export function skeletonOf(folded: string): string {
  const words = folded.split(' ').filter((w) => w && !ARTICLES.has(w));
  if (!words.length) return '';
  let t = words.join('');
  t = t.replace(/kh/g, 'k').replace(/gh/g, 'g').replace(/dh/g, 'd').replace(/th/g, 't').replace(/sh/g, 's').replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/q/g, 'k');
  t = t[0] + t.slice(1).replace(/[aeiouyhw]/g, '');
  t = t.replace(/(.)\1+/g, '$1');
  return t.length >= 4 ? t : '';
}

/**
 * A folded name respelled the English way when it is spelled the French way ("tarhouna" →
 * "tarhuna", "djenne" → "jenne"): ou → u, dj → j. '' when nothing changes. For names the
 * skeleton cannot match (too short once vowels are dropped).
 */
export function respellingOf(folded: string): string {
  const t = folded.replace(/ou/g, 'u').replace(/dj/g, 'j');
  return t === folded ? '' : t;
}
