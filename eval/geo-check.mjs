#!/usr/bin/env node
/**
 * Geocoder check: runs findPlaces (compiled, dist/) over the shared evaluation material and
 * prints how well one place per text matches the coded location.
 *
 * Needs `npm run build:ts && npm run build:gazetteer`. Reads ../shared/eval (or $SITREP_EVAL):
 *   ucdp/ged-sample.jsonl  headline → UCDP's point and country
 *   mm/mm-sample.jsonl     notes → MM's country (ACLED name) and point (rows with coordinates)
 *   gold/*.json            report text → the gold events' points and admin1
 * The place used per text is a stand-in for the event stage's choice: the first mention with
 * role 'location' and the finest geo_precision (else the first dateline mention).
 *
 * Usage: node eval/geo-check.mjs [--misses N] [--country] [--only ucdp|mm|gold] [--json]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.SITREP_EVAL ?? join(root, '..', 'shared', 'eval');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const misses = Number(arg('--misses', 0));
const only = arg('--only', null);
const asJson = process.argv.includes('--json');
// --country: list only the texts whose country is wrong (or missing)
const countryOnly = process.argv.includes('--country');

const dist = join(root, 'dist', 'pipeline');
if (!existsSync(join(dist, 'mentions', 'places', 'index.js'))) {
  console.error('geo-check: dist/ not built; run `npm run build:ts && npm run build:gazetteer` first');
  process.exit(2);
}
const { cleanReport } = await import(join(dist, 'clean', 'index.js'));
const { splitSentences } = await import(join(dist, 'sentences', 'index.js'));
const { findPlaces, loadGazetteer } = await import(join(dist, 'mentions', 'places', 'index.js'));
const gaz = loadGazetteer();

const norm = (s) =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(province|state|region|governorate|division|department|territory|oblast|prefecture)\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/([a-z])\1+/g, '$1')
    .trim();
// Country names that datasets write differently for one country (first entry: the key).
const ALIASES = [
  ['democratic republic of congo', 'dr congo zaire', 'dr congo', 'drc', 'congo kinshasa', 'democratic republic of the congo'],
  ['republic of congo', 'congo brazzaville', 'congo'],
  ['myanmar', 'myanmar burma', 'burma'],
  ['ivory coast', 'cote d ivoire', 'cote divoire'],
  ['palestine', 'israel'],
  ['yemen', 'yemen north yemen'],
  ['russia', 'russia soviet union'],
  ['eswatini', 'swaziland'],
  ['north macedonia', 'macedonia'],
  ['czech republic', 'czechia'],
  ['turkey', 'turkiye'],
  ['united states', 'usa'],
  ['united kingdom', 'uk'],
  ['east timor', 'timor leste'],
  ['cape verde', 'cabo verde'],
];
const aliasMap = new Map();
for (const names of ALIASES) for (const n of names) aliasMap.set(norm(n), norm(names[0]));
const countryKey = (s) => aliasMap.get(norm(s)) ?? norm(s);

function km(a, b) {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The place the event stage would most likely use: finest-precision location mention. */
function choose(text, id, published) {
  const doc = cleanReport({ id: String(id), text, published: published ?? null });
  const sentences = splitSentences(doc);
  const ms = findPlaces(doc, sentences, gaz).filter((m) => m.place);
  const locs = ms.filter((m) => m.role === 'location');
  const pool = locs.length ? locs : ms.filter((m) => m.role === 'dateline');
  let best = null;
  for (const m of pool) if (!best || m.geo_precision < best.geo_precision) best = m;
  return { best, all: ms };
}

const results = {};
const t0 = Date.now();
let texts = 0;

function readJsonl(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}
const show = (m) => (m ? `${m.text} → ${m.place.name}, ${m.place.admin1 ?? '-'}, ${m.place.country} p${m.geo_precision}` : 'nothing');

if (!only || only === 'ucdp') {
  const rows = readJsonl(join(evalDir, 'ucdp', 'ged-sample.jsonl'));
  let country = 0, w25 = 0, w50 = 0;
  const dists = [];
  const missed = [];
  for (const r of rows) {
    texts++;
    const { best } = choose(r.headline, r.id, String(r.source_date).split(';')[0]);
    const okC = best && countryKey(best.place.country) === countryKey(r.country);
    if (okC) country++;
    const d = best ? km({ lat: best.place.latitude, lon: best.place.longitude }, { lat: r.latitude, lon: r.longitude }) : Infinity;
    if (best) dists.push(d);
    if (d <= 25) w25++;
    if (d <= 50) w50++;
    if (countryOnly ? !okC : d > 50) missed.push(`${r.id} [${r.country} / ${r.where_description} p${r.where_prec}] ${Number.isFinite(d) ? Math.round(d) + ' km' : ''} ${show(best)} | ${r.headline.slice(0, 140)}`);
  }
  results.ucdp = { rows: rows.length, country: country / rows.length, within25: w25 / rows.length, within50: w50 / rows.length, medianKm: median(dists), missed };
}

if (!only || only === 'mm') {
  const rows = readJsonl(join(evalDir, 'mm', 'mm-sample.jsonl'));
  let country = 0, w25 = 0, withCoords = 0;
  const dists = [];
  const missed = [];
  for (const r of rows) {
    texts++;
    const { best } = choose(r.notes, r.id, r.startdate);
    const okC = best && (countryKey(best.place.country) === countryKey(r.country_acled) || countryKey(best.place.country) === countryKey(r.country));
    if (okC) country++;
    let d = Infinity;
    if (r.latitude != null) {
      withCoords++;
      d = best ? km({ lat: best.place.latitude, lon: best.place.longitude }, { lat: r.latitude, lon: r.longitude }) : Infinity;
      if (best) dists.push(d);
      if (d <= 25) w25++;
    }
    if (!okC || (!countryOnly && r.latitude != null && d > 25))
      missed.push(`${r.id} [${r.country_acled} / ${r.location}] ${okC ? '' : 'COUNTRY '}${Number.isFinite(d) ? Math.round(d) + ' km ' : ''}${show(best)} | ${r.notes.slice(0, 140)}`);
  }
  results.mm = { rows: rows.length, country: country / rows.length, withCoords, within25: w25 / withCoords, medianKm: median(dists), missed };
}

if (!only || only === 'gold') {
  const dir = join(evalDir, 'gold');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  let w10 = 0, admin1 = 0, country = 0;
  const dists = [];
  const missed = [];
  for (const f of files) {
    texts++;
    const g = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const { best } = choose(g.text, g.id, g.published);
    const evs = g.events.filter((e) => e.latitude != null);
    let d = Infinity;
    if (best) for (const e of evs) d = Math.min(d, km({ lat: best.place.latitude, lon: best.place.longitude }, { lat: e.latitude, lon: e.longitude }));
    if (best) dists.push(d);
    if (d <= 10) w10++;
    const okA = best && g.events.some((e) => norm(e.admin1) === norm(best.place.admin1 ?? best.place.name));
    if (okA) admin1++;
    if (best && g.events.some((e) => countryKey(e.country) === countryKey(best.place.country))) country++;
    if (d > 10 || !okA)
      missed.push(`${g.id} [${[...new Set(g.events.map((e) => `${e.location}/${e.admin1}`))].join('; ')}] ${Number.isFinite(d) ? Math.round(d) + ' km ' : ''}${okA ? '' : 'ADMIN1 '}${show(best)}`);
  }
  results.gold = { docs: files.length, country: country / files.length, within10: w10 / files.length, medianKm: median(dists), admin1: admin1 / files.length, missed };
}

const ms = Date.now() - t0;
if (asJson) {
  console.log(JSON.stringify({ ...results, ms, texts }, (k, v) => (k === 'missed' ? undefined : v), 1));
} else {
  const pct = (x) => (x * 100).toFixed(1) + '%';
  if (results.ucdp) {
    const u = results.ucdp;
    console.log(`ucdp  (${u.rows} headlines)  country ${pct(u.country)}  within 25 km ${pct(u.within25)}  within 50 km ${pct(u.within50)}  median ${u.medianKm.toFixed(1)} km   [targets .97 / .75 / .85]`);
  }
  if (results.mm) {
    const m = results.mm;
    console.log(`mm    (${m.rows} notes, ${m.withCoords} with coordinates)  country ${pct(m.country)}  within 25 km ${pct(m.within25)}  median ${m.medianKm.toFixed(1)} km   [targets .97 / .80]`);
  }
  if (results.gold) {
    const g = results.gold;
    console.log(`gold  (${g.docs} reports)  country ${pct(g.country)}  within 10 km ${pct(g.within10)}  median ${g.medianKm.toFixed(1)} km  admin1 ${pct(g.admin1)}   [targets .80 / 5 km / .85]`);
  }
  console.log(`${texts} texts in ${ms} ms`);
  if (misses)
    for (const [k, r] of Object.entries(results)) {
      console.log(`\n-- ${k}: first ${misses} misses of ${r.missed.length}`);
      for (const m of r.missed.slice(0, misses)) console.log('  ' + m);
    }
}
