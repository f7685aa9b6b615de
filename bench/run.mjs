#!/usr/bin/env node
/**
 * `npm run bench`: runs the benches and prints ONE table to compare from run to run — one row per
 * measure (value, unit, the target where an issue gives one, pass/fail, the previous run's value),
 * with the machine (node, CPU model, cores, load) and the git commit. Writes the same as JSON to
 * bench/out/latest.json and bench/out/runs/<time>.json (bench/out/ is git-ignored).
 *
 * Usage: npm run bench [-- options]
 *   (default)       bench/pipeline.mjs and bench/gazetteer.mjs (about a minute and a half)
 *   --store         also bench/store.mjs (SQLite and PostgreSQL; minutes: it seeds up to 1M incidents)
 *   --api           also bench/api.mjs (builds a 100k-event store the first time: minutes)
 *   --all           both of the above
 *   --only LIST     only these benches, e.g. --only store,api (pipeline, gazetteer, store, api)
 *   --quick         pipeline without the 1 MB report
 *   --build         run `npm run build:ts` first
 *   --store-args "…" / --api-args "…"   extra arguments for those benches (e.g. "--sizes 10000,100000")
 *   --strict        exit 1 when a measure misses its target (default: only when a bench fails to run)
 *
 * The sub-benches run one after the other in child processes, so they never share a CPU with each
 * other. Figures depend on the machine and on what else runs on it: the load average is recorded.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const opt = (f, def) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : def);
const ALL = flag('--all');
// --only pipeline,gazetteer,store,api: just those benches (e.g. to redo one that failed).
const ONLY = opt('--only', null)?.split(',').map((x) => x.trim());
const WITH_PIPELINE = !ONLY || ONLY.includes('pipeline');
const WITH_GAZETTEER = !ONLY || ONLY.includes('gazetteer');
const WITH_STORE = ONLY ? ONLY.includes('store') : ALL || flag('--store');
const WITH_API = ONLY ? ONLY.includes('api') : ALL || flag('--api');
const outDir = path.join(root, 'bench/out');

// ---- helpers -------------------------------------------------------------------------------

/** Run `node args…` in the repo; resolves { code, stdout, ms }. Progress (stderr) goes to ours. */
function runNode(args, label) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    process.stderr.write(`\n── ${label}: node ${args.map((a) => path.relative(root, a) || a).join(' ')}\n`);
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.on('error', (err) => resolve({ code: -1, stdout, ms: performance.now() - t0, error: err.message }));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), stdout, ms: performance.now() - t0 }));
  });
}

const rows = [];
const failures = [];
/** Add a measure row; `group` is the bench it comes from. */
function add(group, m) {
  rows.push({ group, key: m.key, name: m.name, value: m.value ?? null, unit: m.unit ?? '', target: m.target ?? null, note: m.note ?? '' });
}
const num = (s) => (s == null ? null : Number(String(s).replace(/,/g, '')));
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** Pass, fail, or '' when the measure has no target (or no value). */
function status(r) {
  if (!r.target) return '';
  if (r.value == null || typeof r.value !== 'number') return 'fail';
  return (r.target.op === '>=' ? r.value >= r.target.value : r.value <= r.target.value) ? 'pass' : 'fail';
}

function git(args) {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

// ---- machine -------------------------------------------------------------------------------

const cpus = os.cpus();
const machine = {
  node: process.version,
  cpu: cpus[0]?.model?.trim() ?? 'unknown',
  cores: cpus.length,
  memory_gb: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.release()}`,
  load_avg_1m_at_start: Math.round(os.loadavg()[0] * 100) / 100,
};
const commit = git(['rev-parse', '--short', 'HEAD']);
const dirty = git(['status', '--porcelain', '--untracked-files=no']);
const started = new Date();

if (flag('--build')) {
  const r = spawnSync('npm', ['run', 'build:ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('bench: `npm run build:ts` failed');
    process.exit(1);
  }
}
if (!existsSync(path.join(root, 'dist/pipeline/extract.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` (or `npm run bench -- --build`) first');
  process.exit(2);
}

// ---- pipeline ------------------------------------------------------------------------------

if (WITH_PIPELINE) {
  const r = await runNode([path.join(root, 'bench/pipeline.mjs'), '--json', ...(flag('--quick') ? ['--quick'] : [])], 'pipeline');
  let parsed = null;
  try {
    parsed = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    parsed = null;
  }
  if (r.code !== 0 || !parsed) failures.push(`pipeline bench: exit ${r.code}${parsed ? '' : ', no JSON output'}`);
  for (const m of parsed?.measures ?? []) add(m.key.split('.')[0], m);
}

// ---- gazetteer (parses its printed lines; it has no --json flag) ----------------------------

if (WITH_GAZETTEER) {
  // --expose-gc: the bench collects garbage before measuring RSS when it can.
  const r = await runNode(['--expose-gc', path.join(root, 'bench/gazetteer.mjs')], 'gazetteer');
  const out = r.stdout;
  const grab = (re) => {
    const m = re.exec(out);
    return m ? m.slice(1) : null;
  };
  const load = grab(/^\s*load\s+([\d.]+)\s*ms/m);
  const rssLoad = grab(/^\s*RSS growth on load\s+(-?[\d.]+)\s*MB/m);
  const rssUse = grab(/^\s*RSS growth, in use\s+(-?[\d.]+)\s*MB/m);
  const find = grab(/^\s*findPlaces\s+(\d+)\s+chars\s+([\d.]+)\s*ms\s*\((\d+) mentions\)/m);
  const ents = grab(/^\s*entities\s+(\d+)/m);
  if (r.code !== 0 || !load) failures.push(`gazetteer bench: exit ${r.code}${load ? '' : ', output not understood'}`);
  add('gazetteer', { key: 'gazetteer.load_ms', name: 'gazetteer load', value: num(load?.[0]), unit: 'ms', target: { op: '<=', value: 300 } });
  add('gazetteer', { key: 'gazetteer.rss_load_mb', name: 'RSS growth on gazetteer load', value: num(rssLoad?.[0]), unit: 'MB', target: { op: '<=', value: 150 } });
  add('gazetteer', { key: 'gazetteer.rss_in_use_mb', name: 'RSS growth, gazetteer in use', value: num(rssUse?.[0]), unit: 'MB' });
  add('gazetteer', {
    key: 'gazetteer.find_places_ms',
    name: `findPlaces on a synthetic ${find ? Math.round(num(find[0]) / 1000) : '?'}k-char text`,
    value: num(find?.[1]),
    unit: 'ms',
    note: find ? `${find[2]} mentions` : '',
  });
  add('gazetteer', { key: 'gazetteer.entities', name: 'gazetteer entities', value: num(ents?.[0]), unit: '' });
}

// ---- store (parses its printed table; it has no --json flag) --------------------------------

if (WITH_STORE) {
  const extra = (opt('--store-args', '') ?? '').split(/\s+/).filter(Boolean);
  const r = await runNode([path.join(root, 'bench/store.mjs'), ...extra], 'store');
  const lines = r.stdout.split('\n');
  const head = lines.findIndex((l) => /^engine\s+what\s+result/.test(l));
  if (r.code !== 0 || head < 0) failures.push(`store bench: exit ${r.code}${head < 0 ? ', table not found' : ''}`);
  const adds = new Map(); // engine → [[size, median]]
  for (const line of head >= 0 ? lines.slice(head + 1) : []) {
    const [engine, what, result] = line.split(/\s{2,}/);
    if (!engine || !what || !result) continue;
    let m;
    if (/^store\.ingest/.test(what) && (m = /([\d.]+) events\/s/.exec(result))) {
      add('store', { key: `store.${engine}.ingest_events_per_s`, name: `${engine}: store.ingest of ready-made events, 1 process`, value: num(m[1]), unit: 'events/s' });
    } else if ((m = /^queue.*?(\d+) worker/.exec(what))) {
      const w = m[1];
      const ev = /([\d.]+) events\/s/.exec(result);
      const rep = /\(([\d.]+) reports\/s(?:; (\d+) stored)?/.exec(result);
      add('store', {
        key: `store.${engine}.queue_${w}w_events_per_s`,
        name: `${engine}: queue, extract + store, ${w} worker process${w === '1' ? '' : 'es'}`,
        value: num(ev?.[1]),
        unit: 'events/s',
        note: rep ? `${rep[1]} reports/s${rep[2] ? `, ${rep[2]} reports stored` : ''}` : result,
      });
    } else if ((m = /store of ([\d,]+) incidents/.exec(what))) {
      const size = num(m[1]);
      const med = /median ([\d.]+) ms/.exec(result);
      const p95 = /p95 ([\d.]+) ms/.exec(result);
      add('store', { key: `store.${engine}.add_ms.${size}`, name: `${engine}: add one event, store of ${m[1]} incidents (median)`, value: num(med?.[1]), unit: 'ms', note: p95 ? `p95 ${p95[1]} ms` : '' });
      if (med) (adds.get(engine) ?? adds.set(engine, []).get(engine)).push([size, num(med[1])]);
    } else if ((m = /CSV export of ([\d,]+) events/.exec(what))) {
      const s = /^([\d.]+) s/.exec(result);
      const rate = /\(([\d.]+) events\/s\)/.exec(result);
      const rss = /peak RSS ([\d.]+) MB/.exec(result);
      add('store', { key: `store.${engine}.export_s`, name: `${engine}: CSV export of ${m[1]} events`, value: num(s?.[1]), unit: 's', note: rate ? `${rate[1]} events/s` : '' });
      add('store', { key: `store.${engine}.export_peak_rss_mb`, name: `${engine}: peak RSS of that export`, value: num(rss?.[1]), unit: 'MB' });
    } else {
      add('store', { key: `store.${engine}.${slug(what)}`, name: `${engine}: ${what}`, value: null, unit: '', note: result });
    }
  }
  // "The cost per new event stays flat as the store grows" (issue 5): the largest store's median
  // add time over the smallest's. 2× is our reading of "flat" (noise and a log-depth index allowed).
  for (const [engine, pts] of adds) {
    if (pts.length < 2) continue;
    pts.sort((a, b) => a[0] - b[0]);
    const [s0, m0] = pts[0];
    const [s1, m1] = pts[pts.length - 1];
    const k = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
    add('store', { key: `store.${engine}.add_growth`, name: `${engine}: add-one-event time, ${k(s1)} ÷ ${k(s0)} incidents (flat = 1)`, value: m0 > 0 ? Math.round((m1 / m0) * 100) / 100 : null, unit: '×', target: { op: '<=', value: 2 } });
    // shown right after that engine's add-one rows
    const row = rows.pop();
    let at = -1;
    rows.forEach((r, i) => (r.key.startsWith(`store.${engine}.add_ms.`) ? (at = i) : null));
    rows.splice(at + 1, 0, row);
  }
}

// ---- API (parses its printed markdown table; it has no --json flag) ------------------------

if (WITH_API) {
  const extra = (opt('--api-args', '') ?? '').split(/\s+/).filter(Boolean);
  const r = await runNode([path.join(root, 'bench/api.mjs'), ...extra], 'api');
  const head = /API bench: (\d+) events in SQLite, (\d+) connections, (\d+) s per route/.exec(r.stdout);
  let errors = 0;
  let seen = 0;
  for (const line of r.stdout.split('\n')) {
    const m = /^\|\s*(.+?)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.-]+)\s*\|\s*(\d+)\s*\|$/.exec(line);
    if (!m) continue;
    seen++;
    const [, name, p50, p99, rps, errs] = m;
    errors += Number(errs);
    const post = name.startsWith('POST /reports');
    const key = post ? 'api.post_reports' : `api.get.${slug(name)}`;
    const label = post ? 'POST /reports, typical report' : `GET ${name}`;
    const note = post ? name.replace(/^POST \/reports\s*/, '').replace(/^\(|\)$/g, '') : `${rps} req/s`;
    add('api', { key: `${key}.p50_ms`, name: `${label}: p50`, value: num(p50), unit: 'ms', note });
    // "returns the events, within a second for a typical report" (issue 6)
    add('api', { key: `${key}.p99_ms`, name: `${label}: p99`, value: num(p99), unit: 'ms', target: post ? { op: '<=', value: 1000 } : null });
  }
  if (r.code !== 0 || !seen) failures.push(`api bench: exit ${r.code}${seen ? '' : ', table not found'}`);
  add('api', { key: 'api.errors', name: 'API errors and non-2xx answers, all routes', value: seen ? errors : null, unit: '', target: { op: '<=', value: 0 }, note: head ? `${head[1]} events, ${head[2]} connections, ${head[3]} s per route` : '' });
}

// ---- previous runs, for the "prev" column ------------------------------------------------------

const runsDir = path.join(outDir, 'runs');
const prev = new Map(); // key → { value, commit, at } from the latest earlier run that had it
if (existsSync(runsDir)) {
  for (const f of readdirSync(runsDir).filter((x) => x.endsWith('.json')).sort()) {
    try {
      const run = JSON.parse(readFileSync(path.join(runsDir, f), 'utf8'));
      for (const r of run.measures ?? []) if (r.value != null) prev.set(r.key, { value: r.value, commit: run.commit, at: run.started });
    } catch {
      // a broken old run file is skipped, never fatal
    }
  }
}

// ---- table ---------------------------------------------------------------------------------

for (const r of rows) r.status = status(r);
const fmtV = (v) => (v == null ? '—' : typeof v === 'number' ? (Math.abs(v) >= 100 ? String(Math.round(v)) : String(v)) : String(v));
const fmtT = (t) => (t ? `${t.op} ${t.value}` : '');
const table = rows.map((r) => [r.group, r.name, fmtV(r.value), r.unit, fmtT(r.target), r.status, fmtV(prev.get(r.key)?.value ?? null), r.note]);
const header = ['bench', 'measure', 'value', 'unit', 'target', 'status', 'prev', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const right = new Set([2, 6]);
const line = (cells) =>
  cells
    .map((c, i) => (i === cells.length - 1 ? c : right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
    .join('  ')
    .trimEnd();

const finished = new Date();
const passN = rows.filter((r) => r.status === 'pass').length;
const failN = rows.filter((r) => r.status === 'fail').length;
console.log('');
console.log(`sitrep bench — commit ${commit ?? '?'}${dirty ? ' (+ uncommitted changes)' : ''}, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${((finished - started) / 1000).toFixed(0)} s`);
console.log(`machine: node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, load average ${machine.load_avg_1m_at_start} at start (${os.loadavg()[0].toFixed(2)} at end)`);
console.log('');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
let lastGroup = null;
for (let i = 0; i < table.length; i++) {
  if (lastGroup !== null && rows[i].group !== lastGroup) console.log('');
  lastGroup = rows[i].group;
  console.log(line(table[i]));
}
console.log('');
const notRun = [WITH_PIPELINE ? null : 'pipeline', WITH_GAZETTEER ? null : 'gazetteer', WITH_STORE ? null : 'store (--store)', WITH_API ? null : 'api (--api)'].filter(Boolean);
console.log(`targets: ${passN} pass, ${failN} fail${notRun.length ? `; not run: ${notRun.join(', ')}` : ''}`);
for (const f of failures) console.log(`FAILED TO RUN: ${f}`);

// ---- JSON ----------------------------------------------------------------------------------

const result = {
  started: started.toISOString(),
  seconds: Math.round((finished - started) / 1000),
  commit,
  dirty: !!dirty,
  machine: { ...machine, load_avg_1m_at_end: Math.round(os.loadavg()[0] * 100) / 100 },
  benches: { pipeline: WITH_PIPELINE, gazetteer: WITH_GAZETTEER, store: WITH_STORE, api: WITH_API },
  failures,
  measures: rows.map((r) => ({ group: r.group, key: r.key, name: r.name, value: r.value, unit: r.unit, target: r.target, status: r.status, note: r.note })),
};
mkdirSync(runsDir, { recursive: true });
writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(path.join(runsDir, `${started.toISOString().replace(/[:.]/g, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(`written: ${path.relative(root, path.join(outDir, 'latest.json'))}`);

process.exitCode = failures.length || (flag('--strict') && failN) ? 1 : 0;
