#!/usr/bin/env node
// What any extractor reading only UCDP headlines could reach at best: figures computed from the
// rows and the built gazetteer with the answers in hand (an oracle), to read the UCDP figures
// of `npm run eval` against. Plain node over dist/.
//
// - country: some gazetteer name or demonym in the headline belongs to UCDP's country;
// - location: some gazetteer entity named in the headline lies within 25 / 50 km of UCDP's point
//   (every reading of every word run, the best one chosen with the answer known);
// - date: UCDP's window holds the publication day, the day before, any day of the week before,
//   or the headline holds any date word at all (counted right whatever it says).
//
// Usage: node eval/ucdp-ceilings.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.SITREP_EVAL_DIR ?? path.resolve(root, '../shared/eval');
const places = await import(path.join(root, 'dist/pipeline/mentions/places/index.js'));
const gaz = places.loadGazetteer();

const rows = readFileSync(path.join(shared, 'ucdp/ged-sample.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const dayOf = (s) => Date.parse(String(s).trim().slice(0, 10)) / 86_400_000;
const countryKey = (s) => places.foldName(String(s ?? '').replace(/\(.*\)/, '')).replace(/^democratic republic of (?:the )?congo$/, 'dr congo');
// UCDP codes Gaza and the West Bank under Israel; the gazetteer names them Palestine.
const sameCountry = (name, ucdp) => {
  const a = countryKey(name);
  const b = countryKey(ucdp);
  return a === b || (b === 'israel' && a === 'palestine');
};
const DATE_WORD = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|overnight|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|\b\d{1,2}\/\d{1,2}\b/i;

let n = 0;
const hits = { country: 0, km25: 0, km50: 0, pubDay: 0, dayBefore: 0, weekBefore: 0, dateWord: 0, dateAny: 0, dateReal: 0 };
for (const r of rows) {
  n++;
  const words = places.foldName(r.headline).split(' ');
  let best = Infinity;
  let country = false;
  for (let i = 0; i < words.length; i++) {
    for (let len = 1; len <= 5 && i + len <= words.length; len++) {
      const name = words.slice(i, i + len).join(' ');
      const iso2 = gaz.demonym(name);
      if (iso2 && sameCountry(places.countryByIso2(iso2, gaz)?.name, r.country)) country = true;
      const k = gaz.findName(name);
      if (k < 0) continue;
      for (const h of gaz.hits(k)) {
        const p = gaz.place(h.entity);
        if (sameCountry(p.country, r.country)) country = true;
        best = Math.min(best, places.kmBetween(p.latitude, p.longitude, r.latitude, r.longitude));
      }
    }
  }
  if (country) hits.country++;
  if (best <= 25) hits.km25++;
  if (best <= 50) hits.km50++;
  const start = dayOf(r.date_start);
  const end = dayOf(r.date_end ?? r.date_start);
  const pub = dayOf(String(r.source_date).split(';')[0]);
  const inWindow = (d) => d >= start && d <= end;
  const word = DATE_WORD.test(r.headline);
  let week = false;
  for (let k = 0; k <= 7; k++) if (inWindow(pub - k)) week = true;
  if (inWindow(pub)) hits.pubDay++;
  if (inWindow(pub - 1)) hits.dayBefore++;
  if (week) hits.weekBefore++;
  if (word) hits.dateWord++;
  if (week || word) hits.dateAny++;
  if (word || inWindow(pub)) hits.dateReal++;
}
const pct = (x) => `${((100 * x) / n).toFixed(1)}%`;
console.log(`=== UCDP headline ceilings (${n} rows; an oracle choosing with UCDP's answer in hand)`);
console.log(`country: a name or demonym of UCDP's country in the headline        ${pct(hits.country)}`);
console.log(`location: a gazetteer place named in the headline within 25 km      ${pct(hits.km25)}`);
console.log(`location: … within 50 km                                             ${pct(hits.km50)}`);
console.log(`date: window holds the publication day                               ${pct(hits.pubDay)}`);
console.log(`date: window holds the day before publication                        ${pct(hits.dayBefore)}`);
console.log(`date: window holds some day of the week before publication           ${pct(hits.weekBefore)}`);
console.log(`date: that, or the headline has a date word (counted right)          ${pct(hits.dateAny)}`);
console.log(`date: without an oracle, publication day unless a date word (all right) ${pct(hits.dateReal)}`);
