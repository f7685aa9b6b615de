#!/usr/bin/env node
/**
 * Pipeline bench (plain node ESM over the compiled dist/; run `npm run build:ts` first).
 *
 * Measures, on the bundled real reports (samples/reports/*.json and the UCDP headlines in
 * samples/ucdp/reports.jsonl), with one process on one core:
 *   - reports per second through extractReport on "typical" ~600-word reports (aim >= 100/s),
 *     p50/p99 ms per report, the process's peak RSS, the cold first report;
 *   - the cost of each stage (clean, sentences, places, actors, dates, claims, events), each stage
 *     function timed on the same inputs, called in the order extractReport calls them;
 *   - CLI start-up (`node bin/sitrep.js --help`, median of 10 runs after one warm-up run);
 *   - growth with report length: 1 kB, 10 kB, 100 kB and 1 MB texts (bundled text repeated), run in
 *     a child process with a time limit so a super-linear stage cannot hang the bench.
 *
 * Usage: node bench/pipeline.mjs [--json] [--quick] [--seconds S] [--profile]
 *   --json     print only a JSON array of measures (what bench/run.mjs reads)
 *   --quick    skip the 1 MB text (the slowest row)
 *   --seconds  time spent on the throughput loop (default 8)
 *   --profile  also CPU-profile the throughput loop (node:inspector), print the functions and
 *              stages with most self time, and write bench/out/pipeline.cpuprofile (open it in
 *              Chrome DevTools or speedscope)
 *
 * A measure is { key, name, value, unit, target?: { op: '>=' | '<=', value }, note? }.
 * Typical reports are built deterministically (no randomness): report k alternates the seed
 * report's paragraphs (starting at paragraph k) with paragraphs of three consecutive UCDP
 * headlines (taking up where report k-1 stopped) until it holds at least 600 words.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const opt = (f, def) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : def);
const JSON_OUT = flag('--json');
const QUICK = flag('--quick');
const SECONDS = Number(opt('--seconds', '8'));
const PROFILE = flag('--profile');
const log = (...a) => (JSON_OUT ? console.error('bench/pipeline:', ...a) : console.error(...a));

const distFile = (p) => path.join(root, 'dist', p);
if (!existsSync(distFile('pipeline/extract.js'))) {
  console.error('bench/pipeline: dist/ is missing; run `npm run build:ts` (and `npm run build:gazetteer`) first');
  process.exit(2);
}
const imp = (p) => import(pathToFileURL(distFile(p)).href);

// ---- the bundled texts ---------------------------------------------------------------------

/** Bundled reports: { id, text, published } from samples/reports/*.json. */
function seedReports() {
  const dir = path.join(root, 'samples/reports');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
}

/** UCDP headlines as sentences, in file order: { text, published }. */
function headlines() {
  return readFileSync(path.join(root, 'samples/ucdp/reports.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .map((r) => ({ text: /[.!?]["”’]?$/.test(r.text.trim()) ? r.text.trim() : `${r.text.trim()}.`, published: r.published ?? null }));
}

const words = (t) => t.split(/\s+/).filter(Boolean).length;

/** `n` typical ~600-word reports, deterministic (see the file's comment). */
function typicalReports(n, seeds, heads) {
  const paras = seeds.flatMap((s) => s.text.split(/\n+/).map((p) => p.trim()).filter(Boolean));
  const out = [];
  let h = 0;
  for (let k = 0; k < n; k++) {
    const parts = [];
    let w = 0;
    let published = null;
    for (let j = 0; w < 600; j++) {
      const p = paras[(k + j) % paras.length];
      parts.push(p);
      w += words(p);
      if (w >= 600) break;
      const group = [];
      for (let g = 0; g < 3; g++, h++) {
        const hd = heads[h % heads.length];
        published ??= hd.published;
        group.push(hd.text);
      }
      const hp = group.join(' ');
      parts.push(hp);
      w += words(hp);
    }
    const text = parts.join('\n');
    out.push({ id: `bench-typical-${k}`, text, published, source: 'bench' });
  }
  return out;
}

/** All bundled text as one body: the seed reports, then every headline as its own paragraph. */
function bundledBody(seeds, heads) {
  return [...seeds.map((s) => s.text), ...heads.map((h) => h.text)].join('\n');
}

/** A text of about `bytes` UTF-8 bytes made by repeating `body`, cut at a line end when possible. */
function textOfSize(body, bytes) {
  let t = body;
  while (Buffer.byteLength(t) < bytes) t += `\n${body}`;
  // Cut by bytes (the text is mostly ASCII, a few multi-byte quotes and dashes).
  let cut = Buffer.from(t).subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
  const nl = cut.lastIndexOf('\n');
  if (nl > cut.length * 0.9) cut = cut.slice(0, nl);
  return cut;
}

// ---- statistics ----------------------------------------------------------------------------

const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** Nearest-rank quantile, q in [0, 1]. */
const quantile = (xs, q) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const median = (xs) => quantile(xs, 0.5);
const round = (x, d = 1) => (x == null || !Number.isFinite(x) ? x : Math.round(x * 10 ** d) / 10 ** d);
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;

// ---- growth child: one process, one size at a time -------------------------------------------

if (flag('--growth-child')) {
  const { extractReport } = await imp('pipeline/extract.js');
  const { loadGazetteer } = await imp('pipeline/mentions/places/index.js');
  const gazetteer = loadGazetteer();
  const seeds = seedReports();
  const body = bundledBody(seeds, headlines());
  const sizes = opt('--sizes', '1024,10240,102400,1048576').split(',').map(Number);
  // Warm up on a different slice than the measured ones (JIT, lazy dictionaries).
  for (let i = 0; i < 5; i++) extractReport({ id: `w${i}`, text: body.slice(i * 3000, i * 3000 + 6000), published: '2026-01-31' }, { gazetteer });
  for (const size of sizes) {
    const text = textOfSize(body, size);
    const bytes = Buffer.byteLength(text);
    // Small texts: many runs for a stable median; 1 MB: one run (it costs the most).
    const reps = size <= 2048 ? 21 : size <= 20480 ? 7 : size <= 204800 ? 3 : 1;
    const ms = [];
    const cpuMs = [];
    let events = 0;
    for (let r = 0; r < reps; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      events = extractReport({ id: `g${size}-${r}`, text, published: '2026-01-31' }, { gazetteer, maxTextChars: 2 * size }).events.length; // the growth rows go past the 1M-character default limit on purpose
      ms.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpuMs.push((c.user + c.system) / 1000);
    }
    process.stdout.write(`${JSON.stringify({ size, bytes, reps, ms: median(ms), cpuMs: median(cpuMs), events, rssMB: maxRssMB() })}\n`);
  }
  process.exit(0);
}

// ---- main ----------------------------------------------------------------------------------

const measures = [];
/** Record one measure. */
const put = (key, name, value, unit, target, note) => measures.push({ key, name, value, unit, ...(target ? { target } : {}), ...(note ? { note } : {}) });

const rss0 = maxRssMB();
const tLoad = performance.now();
const extract = await imp('pipeline/extract.js');
const { extractReport, mainCountry, countryAsPlace, dateWrittenInText } = extract;
const { cleanReport } = await imp('pipeline/clean/index.js');
const { splitSentences } = await imp('pipeline/sentences/index.js');
const { findPlaces, loadGazetteer } = await imp('pipeline/mentions/places/index.js');
const { findActors, loadActorDictionary } = await imp('pipeline/mentions/actors/index.js');
const { findDates } = await imp('pipeline/mentions/dates/index.js');
const { findClaims } = await imp('pipeline/mentions/casualties/index.js');
const { buildEvents } = await imp('pipeline/events/index.js');
const gazetteer = loadGazetteer();
const actorDict = loadActorDictionary();
const loadMs = performance.now() - tLoad;

const seeds = seedReports();
const heads = headlines();
const corpus = typicalReports(40, seeds, heads);
const meanWords = corpus.reduce((s, r) => s + words(r.text), 0) / corpus.length;
const meanKB = corpus.reduce((s, r) => s + Buffer.byteLength(r.text), 0) / corpus.length / 1024;

// Start the growth child now? No: it would share the CPU with the throughput loop. It runs last.

log(`pipeline: ${corpus.length} typical reports, ${meanWords.toFixed(0)} words (${meanKB.toFixed(1)} kB) on average`);
const tFirst = performance.now();
extractReport(corpus[0], { gazetteer });
const firstMs = performance.now() - tFirst;

// Warm-up: one pass over the corpus.
for (const r of corpus) extractReport(r, { gazetteer });

// Throughput: cycle the corpus for SECONDS (at least two full passes), one report at a time.
let session = null;
if (PROFILE) {
  const inspector = await import('node:inspector');
  session = new inspector.Session();
  session.connect();
  const post = (m, p) => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  session.postP = post;
}
const per = [];
const cpu0 = process.cpuUsage();
const tStart = performance.now();
let events = 0;
for (let i = 0; performance.now() - tStart < SECONDS * 1000 || i < corpus.length * 2; i++) {
  const t0 = performance.now();
  events += extractReport(corpus[i % corpus.length], { gazetteer }).events.length;
  per.push(performance.now() - t0);
}
const elapsed = (performance.now() - tStart) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
let profile = null;
if (session) {
  profile = (await session.postP('Profiler.stop')).profile;
  session.disconnect();
}
const rate = per.length / elapsed;
const peakRss = maxRssMB();

put('pipeline.reports_per_s', `reports/s, one core (typical ${meanWords.toFixed(0)}-word reports)`, round(rate, 1), 'reports/s', { op: '>=', value: 100 }, `${per.length} reports in ${elapsed.toFixed(1)} s`);
// CPU time (all threads of this process, GC helpers included) hardly depends on what else runs on
// the machine, so it compares better from run to run on a shared box than wall-clock time.
put('pipeline.reports_per_cpu_s', 'reports per CPU-second (less sensitive to other load)', round(per.length / cpuSeconds, 1), 'reports/s', null, `wall ${elapsed.toFixed(1)} s, CPU ${cpuSeconds.toFixed(1)} s`);
put('pipeline.p50_ms', 'time per report, p50', round(median(per), 1), 'ms');
put('pipeline.p99_ms', 'time per report, p99', round(quantile(per, 0.99), 1), 'ms');
put('pipeline.events_per_report', 'events per typical report', round(events / per.length, 1), 'events');
put('pipeline.peak_rss_mb', 'peak RSS (gazetteer + dictionaries + typical reports)', round(peakRss, 0), 'MB', null, `before loading: ${rss0.toFixed(0)} MB`);
put('pipeline.cold_load_ms', 'load pipeline modules + gazetteer + actor dictionary', round(loadMs, 0), 'ms');
put('pipeline.first_report_ms', 'first report (cold: lazy tables, JIT)', round(firstMs, 0), 'ms');

// ---- stages --------------------------------------------------------------------------------

log('stages ...');
const STAGES = ['clean', 'sentences', 'places', 'actors', 'dates', 'claims', 'events', 'glue'];
const stageMs = Object.fromEntries(STAGES.map((s) => [s, 0]));
let stageReports = 0;
const tStages = performance.now();
// Same call order and arguments as extractReport; 'glue' is the small work between the stages
// (reference date, main country vote, the country as a place, a second actor pass with no place).
for (let pass = 0; pass < 2 || performance.now() - tStages < 4000; pass++) {
  for (const raw of corpus) {
    let t = performance.now();
    const lap = (s) => {
      const now = performance.now();
      stageMs[s] += now - t;
      t = now;
    };
    const doc = cleanReport(raw);
    lap('clean');
    const sentences = splitSentences(doc);
    lap('sentences');
    const referenceDate = doc.published ?? dateWrittenInText(doc.text) ?? '2026-01-31';
    lap('glue');
    const places = findPlaces(doc, sentences, gazetteer);
    lap('places');
    let country = mainCountry(places);
    lap('glue');
    let actors = findActors(doc, sentences, { country, date: referenceDate }, actorDict);
    if (!country) {
      const counts = new Map();
      for (const a of actors) if (a.country) counts.set(a.country, (counts.get(a.country) ?? 0) + 1);
      country = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
      if (country) actors = findActors(doc, sentences, { country, date: referenceDate }, actorDict);
    }
    lap('actors');
    const countryPlace = country ? countryAsPlace(country, gazetteer) : null;
    lap('glue');
    const dates = findDates(doc, sentences, referenceDate);
    lap('dates');
    const claims = findClaims(doc, sentences);
    lap('claims');
    buildEvents({ doc, sentences, places, actors, dates, claims, referenceDate, country, countryPlace });
    lap('events');
    stageReports++;
  }
}
const stageTotal = STAGES.reduce((s, k) => s + stageMs[k], 0);
for (const s of STAGES) {
  const ms = stageMs[s] / stageReports;
  put(`stage.${s}.ms`, `stage ${s}: ms per typical report`, round(ms, 2), 'ms', null, `${((100 * stageMs[s]) / stageTotal).toFixed(1)}% of the pipeline`);
}
const costliest = STAGES.filter((s) => s !== 'glue').sort((a, b) => stageMs[b] - stageMs[a])[0];
put('stage.costliest', 'stage that costs most', costliest, '', null, `${((100 * stageMs[costliest]) / stageTotal).toFixed(0)}% of the time per report`);

// ---- profile summary -------------------------------------------------------------------------

/** Self time per function and per stage (by the dist/ file the function lives in). */
function summariseProfile(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i];
    self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
  }
  const fn = new Map();
  const stage = new Map();
  let total = 0;
  const stageOf = (url) => {
    const m = /dist\/pipeline\/(?:mentions\/)?([^/]+)/.exec(url ?? '');
    if (m) return m[1].replace(/\.js$/, '');
    if (!url) return '(native / gc / idle)';
    if (url.includes('node_modules/')) return `lib:${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)[1]}`;
    return url.startsWith('node:') ? '(node core)' : '(other)';
  };
  for (const [id, ms] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    total += ms;
    const file = cf.url ? cf.url.replace(/^.*\/dist\//, 'dist/') : '';
    const k = `${cf.functionName || '(anonymous)'}  ${file}${file ? `:${cf.lineNumber + 1}` : ''}`;
    fn.set(k, (fn.get(k) ?? 0) + ms);
    const st = stageOf(cf.url);
    stage.set(st, (stage.get(st) ?? 0) + ms);
  }
  const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => ({ what: k, ms: round(ms, 0), pct: round((100 * ms) / total, 1) }));
  return { totalMs: round(total, 0), stages: top(stage, 12), functions: top(fn, 25) };
}
let profileSummary = null;
if (profile) {
  mkdirSync(path.join(root, 'bench/out'), { recursive: true });
  writeFileSync(path.join(root, 'bench/out/pipeline.cpuprofile'), JSON.stringify(profile));
  profileSummary = summariseProfile(profile);
}

// ---- CLI start-up --------------------------------------------------------------------------

log('CLI start-up ...');
const cli = path.join(root, 'bin/sitrep.js');
const startMs = [];
let cliOk = true;
for (let i = 0; i < 11; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) cliOk = false;
  if (i > 0) startMs.push(ms); // the first run fills the file cache
}
put('cli.startup_ms', 'CLI start-up, `sitrep --help` (median of 10)', cliOk ? round(median(startMs), 0) : null, 'ms', null, cliOk ? `min ${Math.min(...startMs).toFixed(0)} ms, max ${Math.max(...startMs).toFixed(0)} ms` : '`sitrep --help` failed');

// One command's start-up: the CLI loads only the command named (all of them for a bare --help).
const cmdMs = [];
let cmdOk = true;
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'extract', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) cmdOk = false;
  if (i > 0) cmdMs.push(performance.now() - t0);
}
put('cli.extract_startup_ms', 'CLI start-up, `sitrep extract --help` (median of 5)', cmdOk ? round(median(cmdMs), 0) : null, 'ms', null, cmdOk ? '' : '`sitrep extract --help` failed');

// Bare node start-up, for reference: what the CLI adds on top of it is ours.
const bare = [];
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  if (i > 0) bare.push(performance.now() - t0);
}
put('cli.node_bare_ms', 'bare `node -e ""` start-up, for reference (median of 5)', round(median(bare), 0), 'ms');

// ---- growth with length (child process, time-limited) ----------------------------------------

log(`growth with length (1 kB .. ${QUICK ? '100 kB' : '1 MB'}) ...`);
const sizes = [1024, 10240, 102400, ...(QUICK ? [] : [1048576])];
const LIMIT_S = 240;
const growth = await new Promise((resolve) => {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--growth-child', '--sizes', sizes.join(',')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const rows = [];
  let buf = '';
  child.stdout.on('data', (c) => {
    buf += c;
    const lines = buf.split('\n');
    buf = lines.pop();
    for (const l of lines) if (l.trim()) rows.push(JSON.parse(l));
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_S * 1000);
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    resolve({ rows, timedOut: signal === 'SIGKILL', code });
  });
});
const label = (n) => (n >= 1048576 ? `${n / 1048576} MB` : `${n / 1024} kB`);
for (const size of sizes) {
  const r = growth.rows.find((x) => x.size === size);
  const kb = r ? r.bytes / 1024 : size / 1024;
  const note = r ? `${r.reps} run${r.reps > 1 ? 's' : ''}, median; CPU ${r.cpuMs.toFixed(0)} ms; ${r.events} events` : growth.timedOut ? `not finished within ${LIMIT_S} s` : `child exited with ${growth.code}`;
  put(`growth.${size}.ms`, `report of ${label(size)}: time`, r ? round(r.ms, 1) : null, 'ms', null, note);
  put(`growth.${size}.cpu_ms_per_kb`, `report of ${label(size)}: CPU time per kB`, r ? round(r.cpuMs / kb, 2) : null, 'ms/kB');
}
// The growth ratio uses CPU time: wall-clock time on a shared machine moves with other load.
const g = (s) => {
  const r = growth.rows.find((x) => x.size === s);
  return r ? r.cpuMs / (r.bytes / 1024) : null;
};
const big = QUICK ? 102400 : 1048576;
const ratio = g(big) != null && g(10240) != null ? g(big) / g(10240) : null;
// Linear growth keeps ms/kB constant (ratio 1); 1.5 leaves room for noise and GC on big heaps.
put(`growth.ratio_${QUICK ? '100k' : '1m'}_10k`, `CPU ms/kB at ${label(big)} ÷ at 10 kB (1 = linear)`, round(ratio, 2), '×', { op: '<=', value: 1.5 }, ratio == null ? 'not measured' : ratio <= 1.5 ? 'grows at most linearly' : 'grows faster than linearly');
if (g(big) != null && g(102400) != null && big !== 102400) {
  put('growth.ratio_1m_100k', `CPU ms/kB at ${label(big)} ÷ at 100 kB`, round(g(big) / g(102400), 2), '×');
}
const rBig = growth.rows.find((x) => x.size === big);
if (rBig) put('growth.peak_rss_mb', `peak RSS of the process that read the ${label(big)} report`, round(rBig.rssMB, 0), 'MB');

// ---- output --------------------------------------------------------------------------------

if (JSON_OUT) {
  process.stdout.write(`${JSON.stringify({ measures, profile: profileSummary })}\n`);
} else {
  const fmt = (v) => (v == null ? '—' : String(v));
  const w = Math.max(...measures.map((m) => m.name.length));
  console.log('\npipeline bench');
  for (const m of measures) {
    const t = m.target ? `  (target ${m.target.op} ${m.target.value})` : '';
    console.log(`  ${m.name.padEnd(w)}  ${fmt(m.value).padStart(9)} ${m.unit}${t}${m.note ? `  — ${m.note}` : ''}`);
  }
  if (profileSummary) {
    console.log(`\nCPU profile of the throughput loop (${profileSummary.totalMs} ms sampled; bench/out/pipeline.cpuprofile)`);
    console.log('  self time by stage / library:');
    for (const s of profileSummary.stages) console.log(`    ${String(s.pct).padStart(5)}%  ${String(s.ms).padStart(6)} ms  ${s.what}`);
    console.log('  self time by function:');
    for (const f of profileSummary.functions) console.log(`    ${String(f.pct).padStart(5)}%  ${String(f.ms).padStart(6)} ms  ${f.what}`);
  }
}
