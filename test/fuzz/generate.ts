/**
 * Seeded input generators for the fuzz tests: random bytes, mutated HTML/text/JSONL/feeds,
 * deep nesting, huge lines and odd Unicode. All sample text is written for these tests.
 */
import type { RawReport } from '../../src/model/index.js';

/** mulberry32: small seeded PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof rng>;

export const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Market fire after clashes | Lake Post</title>
<meta property="article:published_time" content="2024-10-02T09:00:00+02:00"><meta name="author" content="Staff"></head>
<body><nav><a href="/">Home</a> | <a href="/region">Region</a></nav><article><h1>Market fire after clashes</h1>
<p>LAKESIDE – Fighters from two rival groups clashed near the fish market on Tuesday, and at least 4 people were killed, a local official said.</p>
<p>“We heard gunfire for an hour,” said a trader, who asked not to be named. Police arrested 12 suspects on Wed. morning, the U.S. embassy said.</p>
<h2>Curfew declared</h2><p>ALSO READ: Talks on the lake border resume</p>
<blockquote class="twitter-tweet"><p>🚨 Smoke over the market now pic.twitter.com/q1w2e3</p>— Lake Watch (@lakewatch) October 1, 2024</blockquote>
<figure><img src="f.jpg"><figcaption>Stalls burned overnight. Photo: Staff</figcaption></figure>
<p>The governor, Dr. A. N. Other, declared a curfew from 6 p.m. to 6 a.m. in the district.</p></article>
<footer>Share this article · © 2024 Lake Post</footer></body></html>`;

export const TEXT = `Protesters burn tyres on ring road
MIDTOWN, May 5 (Wire) - Several hundred protesters blocked the ring road on Sunday and burned tyres, demanding the release of 3 detained activists, witnesses said.
Police fired tear gas and rubber bullets. Two people were injured, a hospital source said.
By Monday, 40 people had been arrested. Photo: Someone/Wire
— A Resident (@aresident) May 5, 2024`;

const ODD = [
  '\u0000', '\u0001', '\ufffd', '\ud800', '\udfff', '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\u00ad',
  '\u0301\u0301\u0301', 'ﷺ', '🇵🇰', '👩‍👩‍👧', '🚨', 'İ', 'ß', 'Ⅻ', '𝟘', '\r', '\t', '…', '“', '”', '«', '»', '&amp;', '&#0;', '&#xD800;',
  '&bogus;', '<', '>', '</', '<!--', '-->', '<![CDATA[', ']]>', '<script>', '</script>', '<p>', '</div>', '<br/>', '<html>', '<!DOCTYPE html>',
  'U.S.', 'a.m.', 'No.', '3.5', '"', "'", '. ', '? ', '! ', '\n', '\n\n', ' – ', 'QUETTA –', 'pic.twitter.com/x', '— X (@x) May 1, 2024',
];
const TAGS = ['div', 'p', 'span', 'b', 'i', 'a', 'table', 'tr', 'td', 'li', 'ul', 'blockquote', 'h2', 'section', 'article', 'figure', 'script', 'style', 'svg', 'template'];

/** A random mutation of a string. */
export function mutate(r: Rng, s: string): string {
  const n = 1 + r.int(6);
  for (let k = 0; k < n; k++) {
    const at = r.int(s.length + 1);
    switch (r.int(9)) {
      case 0: // truncate
        s = s.slice(0, at);
        break;
      case 1: // delete a range
        s = s.slice(0, at) + s.slice(at + r.int(200));
        break;
      case 2: // duplicate a range
        s = s.slice(0, at) + s.slice(at, at + r.int(300)).repeat(1 + r.int(5)) + s.slice(at);
        break;
      case 3: // odd Unicode / markup fragments
        s = s.slice(0, at) + Array.from({ length: 1 + r.int(8) }, () => r.pick(ODD)).join('') + s.slice(at);
        break;
      case 4: {
        // unbalanced tags
        const t = r.pick(TAGS);
        s = s.slice(0, at) + (r.next() < 0.5 ? `<${t} class="x"` : `</${t}>`) + s.slice(at);
        break;
      }
      case 5: // random code units
        s = s.slice(0, at) + String.fromCharCode(...Array.from({ length: 1 + r.int(20) }, () => r.int(0x10000))) + s.slice(at);
        break;
      case 6: // case flip of a range
        s = s.slice(0, at) + s.slice(at, at + 100).toUpperCase() + s.slice(at + 100);
        break;
      case 7: // swap two halves
        s = s.slice(at) + s.slice(0, at);
        break;
      default: // whitespace storm
        s = s.slice(0, at) + r.pick([' ', '\n', '\t', '\u00a0', '\r\n']).repeat(r.int(50)) + s.slice(at);
    }
  }
  return s;
}

/** One generated input: raw bytes (read through ingest as stdin) or a ready RawReport. */
export type Case = { name: string; bytes?: Buffer; raw?: RawReport };

export function makeCase(r: Rng, i: number): Case {
  switch (i % 10) {
    case 0:
      return { name: 'random bytes', bytes: Buffer.from(Array.from({ length: r.int(3000) }, () => r.int(256))) };
    case 1:
      return { name: 'random utf-8 text', bytes: Buffer.from(Array.from({ length: r.int(400) }, () => String.fromCodePoint(r.int(0x2ffff) & 0x10ffff === 0 ? 32 : 32 + r.int(0x2fff0))).join(''), 'utf8') };
    case 2:
    case 3:
      return { name: 'mutated HTML', raw: { id: `h${i}`, html: mutate(r, PAGE), published: r.next() < 0.5 ? '2024-10-02' : null } };
    case 4:
      return { name: 'truncated HTML bytes', bytes: Buffer.from(PAGE.slice(0, r.int(PAGE.length)), 'utf8') };
    case 5:
    case 6:
      return { name: 'mutated text', raw: { id: `t${i}`, text: mutate(r, TEXT), published: '2024-05-05' } };
    case 7: {
      const depth = [10, 150, 250, 900, 1500, 5000][r.int(6)]!;
      const tag = r.pick(TAGS.filter((t) => t !== 'script' && t !== 'style' && t !== 'template'));
      const close = r.next() < 0.7;
      const html = `<${tag}>`.repeat(depth) + 'Rebels shelled the port on Friday. ' + (close ? `</${tag}>`.repeat(depth) : '');
      return { name: `nested ${tag} x${depth}`, raw: { id: `n${i}`, html } };
    }
    case 8: {
      // Huge lines are costly in later stages: one case in a hundred.
      if (i % 100 !== 8) return { name: 'mutated text', raw: { id: `t${i}`, text: mutate(r, TEXT.repeat(1 + r.int(3))) } };
      const unit = r.pick(['word ', 'x', 'Killed. ', '🚨', 'a.b.c. ', '<b>', 'Mr. ', '— ']);
      const len = r.pick([10_000, 30_000, 60_000]);
      return { name: `huge line of ${JSON.stringify(unit)}`, raw: { id: `l${i}`, text: unit.repeat(Math.ceil(len / unit.length)) } };
    }
    default:
      return { name: 'mutated JSONL bytes', bytes: Buffer.from(mutate(r, JSON.stringify({ id: `j${i}`, text: TEXT, published: '2024-05-05T10:00:00+05:00' })) + '\n' + mutate(r, '{"id":"k","text":"Two killed."}'), 'utf8') };
  }
}

