#!/usr/bin/env node
// `npm run eval`: runs the compiled extractor over ../shared/eval (gold reports, UCDP GED
// headlines, Mass Mobilization protest notes), writes predictions under eval/out/ (git-ignored)
// and prints each scorer's figures, one block each.
// Usage: node eval/run.mjs [--only gold|ucdp|mm|incidents] [--verbose]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.SITREP_EVAL_DIR ?? path.resolve(root, '../shared/eval');
const outDir = path.join(root, 'eval/out');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const verbose = args.includes('--verbose');

if (!existsSync(path.join(root, 'dist/pipeline/extract.js'))) {
  console.error('eval: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
if (!existsSync(shared)) {
  console.error(`eval: ${shared} not found (set SITREP_EVAL_DIR)`);
  process.exit(2);
}
const { extractReport } = await import(path.join(root, 'dist/pipeline/extract.js'));
const { loadGazetteer } = await import(path.join(root, 'dist/pipeline/mentions/places/index.js'));
mkdirSync(outDir, { recursive: true });
const t0 = Date.now();
const gazetteer = loadGazetteer();
const loadMs = Date.now() - t0;

/** Run the extractor over reports and write one JSON line per event. */
function predict(name, reports) {
  const lines = [];
  let failed = 0;
  const t = Date.now();
  for (const r of reports) {
    try {
      const { events } = extractReport(r, { gazetteer });
      for (const e of events) lines.push(JSON.stringify({ ...e, doc_id: r.id }));
    } catch (err) {
      failed++;
      console.error(`eval ${name}: ${r.id}: ${err instanceof Error ? err.message : err}`);
    }
  }
  const file = path.join(outDir, `${name}.jsonl`);
  writeFileSync(file, lines.join('\n') + (lines.length ? '\n' : ''));
  return { file, events: lines.length, ms: Date.now() - t, failed };
}

function score(script, argv) {
  try {
    return execFileSync(process.execPath, [script, ...argv], { encoding: 'utf8' });
  } catch (err) {
    return `scorer failed: ${err.stderr || err.message}`;
  }
}

function block(title, info, text) {
  console.log(`\n=== ${title} (${info.events} events from ${info.docs} reports, ${info.ms} ms${info.failed ? `, ${info.failed} failed` : ''})`);
  console.log(text.trimEnd());
}

console.log(`sitrep eval — gazetteer loaded in ${loadMs} ms; predictions under eval/out/`);

if (!only || only === 'gold') {
  const dir = path.join(shared, 'gold');
  const docs = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  const reports = docs.map((d) => ({ id: d.id, text: d.text, published: d.published ?? null, source: d.source ?? null }));
  const p = predict('gold', reports);
  block('gold', { ...p, docs: docs.length }, score(path.join(shared, 'score.mjs'), ['--gold', dir, '--pred', p.file, ...(verbose ? ['--verbose'] : [])]));
}

if (!only || only === 'ucdp') {
  const rows = readFileSync(path.join(shared, 'ucdp/ged-sample.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  // A row's several headlines are several reports' titles: one per line keeps them apart as sentences.
  const reports = rows.map((r) => ({
    id: String(r.id),
    text: String(r.headline).split(';').map((h) => h.trim()).filter(Boolean).join('\n'),
    published: String(r.source_date).split(';')[0].trim() || null,
  }));
  const p = predict('ucdp', reports);
  block('ucdp', { ...p, docs: rows.length }, score(path.join(shared, 'ucdp/score-ucdp.mjs'), ['--pred', p.file, ...(verbose ? ['--misses', '30'] : [])]));
}

if (!only || only === 'mm') {
  const sample = path.join(shared, 'mm/mm-sample.jsonl');
  const rows = readFileSync(sample, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const reports = rows.map((r) => ({ id: String(r.id), text: r.notes, published: r.startdate }));
  const p = predict('mm', reports);
  block('mm', { ...p, docs: rows.length }, score(path.join(shared, 'mm/score-mm.mjs'), ['--sample', sample, '--pred', p.file]));
}

if ((!only || only === 'incidents') && existsSync(path.join(root, 'eval/incidents.mjs'))) {
  console.log('\n=== incidents (pairwise clustering across reports)');
  try {
    console.log(execFileSync(process.execPath, [path.join(root, 'eval/incidents.mjs')], { encoding: 'utf8' }).trimEnd());
  } catch (err) {
    console.log(`incident eval failed: ${err.stderr || err.message}`);
  }
}
