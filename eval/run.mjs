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

/** The scorer's --json answer, or null when it fails. */
function scoreJson(script, argv) {
  try {
    return JSON.parse(execFileSync(process.execPath, [script, ...argv, '--json'], { encoding: 'utf8' }));
  } catch {
    return null;
  }
}

/** Rows of the closing summary: [set, figure, measured 0..1, target 0..1 or null, issue]. */
const summary = [];
const pct = (x) => (x == null ? 'n/a' : `${(100 * x).toFixed(1)}%`);

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
  const g = scoreJson(path.join(shared, 'score.mjs'), ['--gold', dir, '--pred', p.file]);
  if (g) {
    const f = (k) => g.fields?.[k]?.acc ?? null;
    summary.push(
      ['gold', 'detection F1', g.f1, 0.75, '#2 0.55, #4 0.75'],
      ['gold', 'event_type', f('event_type'), 0.85, '#2 0.70, #4 0.85'],
      ['gold', 'sub_event_type', f('sub_event_type'), 0.65, '#4'],
      ['gold', 'actor types', f('actor_types'), 0.6, '#4'],
      ['gold', 'date exact', f('date_exact'), 0.85, '#4'],
      ['gold', 'fatalities in range', f('fatalities_in_range'), 0.6, '#4'],
      ['gold', 'doc fatality totals', g.doc_fatality_totals_in_range, 0.6, '#4'],
      ['gold', 'location within 10 km', f('location_10km'), 0.8, '#2 0.60, #3 0.80'],
      ['gold', 'admin1', f('admin1'), 0.85, '#3'],
      [`gold`, `median ${g.median_km ?? 'n/a'} km, 1 = <= 5`, g.median_km == null ? null : g.median_km <= 5 ? 1 : 0, 1, '#3'],
    );
  }
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
  const u = scoreJson(path.join(shared, 'ucdp/score-ucdp.mjs'), ['--pred', p.file]);
  if (u) {
    const f = (k) => (u[k] == null ? null : u[k] / 100);
    summary.push(
      ['ucdp', 'country', f('country_accuracy'), 0.97, '#2 0.90, #3 0.97'],
      ['ucdp', 'location within 25 km', f('location_within_25km'), 0.75, '#3'],
      ['ucdp', 'location within 50 km', f('location_within_50km'), 0.85, '#2 0.55, #3 0.85'],
      ['ucdp', 'date within window', f('date_within_window'), 0.9, '#4'],
      ['ucdp', 'deaths in [low, high]', f('deaths_within_low_high'), 0.6, '#4'],
    );
  }
}

if (!only || only === 'mm') {
  const sample = path.join(shared, 'mm/mm-sample.jsonl');
  const rows = readFileSync(sample, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const reports = rows.map((r) => ({ id: String(r.id), text: r.notes, published: r.startdate }));
  const p = predict('mm', reports);
  block('mm', { ...p, docs: rows.length }, score(path.join(shared, 'mm/score-mm.mjs'), ['--sample', sample, '--pred', p.file]));
  const m = scoreJson(path.join(shared, 'mm/score-mm.mjs'), ['--sample', sample, '--pred', p.file]);
  if (m) {
    summary.push(
      ['mm', 'country', m.country?.accuracy ?? null, 0.97, '#3'],
      ['mm', 'event_type', m.event_type?.accuracy ?? null, 0.85, '#2 0.70, #4 0.85'],
      ['mm', 'sub_event_type', m.sub_event_type?.accuracy ?? null, 0.65, '#4'],
      ['mm', 'location within 25 km', m.location_within_25km?.accuracy ?? null, 0.8, '#3'],
    );
  }
}

if ((!only || only === 'incidents') && existsSync(path.join(root, 'eval/incidents.mjs'))) {
  console.log('\n=== incidents (pairwise clustering across reports)');
  try {
    const out = execFileSync(process.execPath, [path.join(root, 'eval/incidents.mjs')], { encoding: 'utf8' }).trimEnd();
    console.log(out);
    const f1 = (label) => {
      const m = new RegExp(`^\\s*${label}\\s.*F1\\s+([\\d.]+)%`, 'm').exec(out);
      return m ? Number(m[1]) / 100 : null;
    };
    summary.push(
      ['inc', 'clustering F1, all', f1('all \\(extractor\\)'), 0.85, '#5'],
      ['inc', 'F1 UCDP multi-headline', f1('UCDP multi-headline rows'), 0.85, '#5'],
      ['inc', 'F1 gold + paraphrases', f1('gold \\+ paraphrases'), 0.85, '#5'],
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => ['inc', `F1 held-out set ${k}`, f1(`held-out set ${k}`), 0.85, '#5']),
    );
  } catch (err) {
    console.log(`incident eval failed: ${err.stderr || err.message}`);
  }
}

// What headlines allow at best, to read the UCDP figures against.
if ((!only || only === 'ucdp') && existsSync(path.join(root, 'eval/ucdp-ceilings.mjs'))) {
  try {
    console.log('\n' + execFileSync(process.execPath, [path.join(root, 'eval/ucdp-ceilings.mjs')], { encoding: 'utf8' }).trimEnd());
  } catch (err) {
    console.error(`eval: ucdp ceilings failed: ${err.message}`);
  }
}

if (summary.length) {
  console.log('\n=== summary (target: the strictest issue figure; "issues" lists each issue\'s own)');
  console.log(`${'set'.padEnd(5)} ${'figure'.padEnd(24)} ${'measured'.padStart(8)} ${'target'.padStart(7)}  ok  issues`);
  for (const [set, name, v, target, issues] of summary) {
    const ok = v != null && target != null && v >= target ? 'yes' : 'no ';
    console.log(`${set.padEnd(5)} ${name.padEnd(24)} ${pct(v).padStart(8)} ${pct(target).padStart(7)}  ${ok} ${issues}`);
  }
}
