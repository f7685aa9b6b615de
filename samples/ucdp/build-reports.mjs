#!/usr/bin/env node
// Turns the UCDP GED rows (ged-sample.jsonl) into reports sitrep can ingest (reports.jsonl):
// each headline of a row is one outlet's report, published on its own source_date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const rows = readFileSync(path.join(here, 'ged-sample.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const out = [];
for (const r of rows) {
  const heads = String(r.headline).split(';').map((h) => h.trim());
  const dates = String(r.source_date).split(';').map((d) => d.trim());
  const outlets = String(r.source_office ?? '').split(';').map((o) => o.trim());
  heads.forEach((h, i) => {
    if (!h) return;
    out.push({ id: `ucdp-${r.id}-${i + 1}`, text: h, published: dates[i] || dates[0] || null, source: outlets[i] || outlets[0] || 'UCDP GED' });
  });
}
writeFileSync(path.join(here, 'reports.jsonl'), out.map((o) => JSON.stringify(o)).join('\n') + '\n');
console.log(`${out.length} reports from ${rows.length} UCDP rows`);
