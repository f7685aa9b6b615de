#!/usr/bin/env node
// Store bench (plain node over dist/): one table comparing SQLite and PostgreSQL.
//  1. events stored per second: store.ingest of ready-made events in one process, and the
//     whole pipeline (extract + store) through the queue with 1 and 2 worker processes;
//  2. time to add one event to a store of 10k, 100k and 1M incidents (should stay flat);
//  3. CSV export time and peak memory (max RSS of the exporting process) for the largest store.
// Usage: node bench/store.mjs [--sizes 10000,100000,1000000] [--engines sqlite,postgres]
//        [--reports 300] [--skip-queue]
// PostgreSQL: $SITREP_BENCH_PG (default postgres://root@127.0.0.1:5432/test); a schema of its own, dropped after.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
const { openStore } = await import(dist('store/index.js'));
const { reconcile, incidentIndexKeys } = await import(dist('pipeline/incidents/index.js'));
const model = await import(dist('model/index.js'));
const { default: Database } = await import('better-sqlite3');
const { default: pg } = await import('pg');

const argv = process.argv.slice(2);
const arg = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const SIZES = arg('--sizes', '10000,100000,1000000').split(',').map(Number);
const ENGINES = arg('--engines', 'sqlite,postgres').split(',');
const REPORTS = Number(arg('--reports', '300'));
const skipQueue = argv.includes('--skip-queue');
const PG = process.env.SITREP_BENCH_PG ?? 'postgres://root@127.0.0.1:5432/test';
const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'sitrep-bench-'));
const schemas = [];
const rows = [];
const log = (...a) => console.error('bench:', ...a);

/** A fresh store URL on an engine. */
function freshUrl(engine, name) {
  if (engine === 'sqlite') return `sqlite:${path.join(work, `${name}.sqlite`)}`;
  const schema = `bench_${name}_${process.pid}`;
  schemas.push(schema);
  return `${PG}?schema=${schema}`;
}

const SUBS = ['Armed clash', 'Attack', 'Air/drone strike', 'Peaceful protest', 'Mob violence', 'Arrests'];
const DAY0 = Date.UTC(2023, 0, 1);
/**
 * Synthetic event i: spread over 60° × 70° and three years, so that the store's density
 * grows with its size the way a real archive's does (more places, more days).
 */
function synthEvent(i, prefix) {
  const sub = SUBS[i % SUBS.length];
  const lat = -30 + ((i * 7919) % 6000) / 100;
  const lon = -10 + ((i * 104729) % 7000) / 100;
  const date = new Date(DAY0 + ((i * 31) % 1095) * 86_400_000).toISOString().slice(0, 10);
  const inter2 = sub === 'Attack' ? 7 : 2;
  return {
    event_id: `${prefix}${i}`,
    doc_id: `${prefix}doc${i}`,
    event_date: date,
    time_precision: 1,
    disorder_type: model.disorderTypeOf(sub),
    event_type: model.eventTypeOf(sub),
    sub_event_type: sub,
    actor1: `Group ${i % 97}`,
    assoc_actor_1: null,
    inter1: 2,
    actor2: inter2 === 7 ? 'Civilians' : `Military Forces of C${Math.floor((lon + 10) / 10)}`,
    assoc_actor_2: null,
    inter2,
    interaction: model.interactionOf(2, inter2),
    civilian_targeting: model.civilianTargetingOf(sub, inter2),
    country: `C${Math.floor((lon + 10) / 10)}`,
    iso: null,
    admin1: `A${Math.floor(lat / 2)}_${Math.floor(lon / 2)}`,
    admin2: null,
    location: `Place ${i}`,
    latitude: Math.round(lat * 1e4) / 1e4,
    longitude: Math.round(lon * 1e4) / 1e4,
    geo_precision: 1,
    fatalities: i % 7,
    fatalities_low: i % 7,
    fatalities_high: i % 7,
    claims: [],
    evidence: { event_type: { sentence: 0, start: 0, end: 6 }, event_date: { sentence: 0, start: 7, end: 12 } },
    notes: `On ${date}, Group ${i % 97} was involved in an event (${sub}) at Place ${i}.`,
    confidence: 0.7,
  };
}
const docOf = (e) => ({ docId: e.doc_id, text: `bench report ${e.doc_id}: ${e.notes}`, published: e.event_date, source: 'bench', url: null, title: null, marked: [] });

/** Rows for one seeded incident (one report, one event), as the store writes them. */
function seedRows(i) {
  const e = synthEvent(i, 's');
  const inc = reconcile([e]);
  const incidentId = `inc_seed_${i}`;
  const now = new Date().toISOString();
  const actors = [e.actor1, e.actor2].filter(Boolean).map((a) => a.toLowerCase()).join(' | ');
  const data = JSON.stringify({ ...e, source: 'bench', ingested_at: now });
  return {
    report: [e.doc_id, 'bench', e.event_date, `seed ${i}`, createHash('sha256').update(`seed ${i}`).digest('hex'), now],
    event: [e.event_id, e.doc_id, incidentId, e.event_date, e.event_type, e.sub_event_type, e.country, e.admin1, e.latitude, e.longitude, e.fatalities, actors, e.notes.toLowerCase(), data],
    incident: [incidentId, inc.event_date, inc.time_precision, inc.event_type, inc.sub_event_type, inc.actor1, inc.actor2, inc.country, inc.admin1, inc.location, inc.latitude, inc.longitude, inc.geo_precision, inc.fatalities, inc.source_count, e.notes.toLowerCase(), now],
    keys: incidentIndexKeys(inc).map((k) => [k.key, k.day, k.tol, incidentId]),
  };
}

/** Bulk-load seeded incidents [from, to) straight into the tables (fast path for the bench only). */
async function seed(engine, url, from, to) {
  if (engine === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const ins = {
      r: db.prepare('INSERT INTO reports (doc_id, url, source, published, text, text_hash, ingested_at) VALUES (?, NULL, ?, ?, ?, ?, ?)'),
      e: db.prepare(`INSERT INTO events (event_id, doc_id, incident_id, status, event_date, event_type, sub_event_type, country, admin1, latitude, longitude, fatalities, actors, search, data)
                     VALUES (?, ?, ?, 'unreviewed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      i: db.prepare(`INSERT INTO incidents (incident_id, event_date, time_precision, event_type, sub_event_type, actor1, actor2, country, admin1, admin2, location, latitude, longitude, geo_precision, fatalities, fatalities_low, fatalities_high, source_count, search, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)`),
      k: db.prepare('INSERT INTO incident_keys (key, day, tol, incident_id) VALUES (?, ?, ?, ?)'),
    };
    const batch = db.transaction((a, b) => {
      for (let i = a; i < b; i++) {
        const r = seedRows(i);
        ins.r.run(...r.report);
        ins.e.run(...r.event);
        ins.i.run(...r.incident);
        for (const k of r.keys) ins.k.run(...k);
      }
    });
    for (let a = from; a < to; a += 50_000) batch(a, Math.min(to, a + 50_000));
    db.close();
    return;
  }
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  const c = new pg.Client({ connectionString: u.toString(), options: `-c search_path=${schema}` });
  await c.connect();
  try {
    for (let a = from; a < to; a += 5000) {
      const b = Math.min(to, a + 5000);
      const R = [], E = [], I = [], K = [];
      for (let i = a; i < b; i++) {
        const r = seedRows(i);
        R.push(r.report);
        E.push(r.event);
        I.push(r.incident);
        K.push(...r.keys);
      }
      const cols = (arr, n) => Array.from({ length: n }, (_, j) => arr.map((row) => row[j]));
      await c.query('BEGIN');
      await c.query(
        `INSERT INTO reports (doc_id, source, published, text, text_hash, ingested_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
        cols(R, 6),
      );
      await c.query(
        `INSERT INTO events (event_id, doc_id, incident_id, event_date, event_type, sub_event_type, country, admin1, latitude, longitude, fatalities, actors, search, data)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[], $11::int[], $12::text[], $13::text[], $14::text[])`,
        cols(E, 14),
      );
      await c.query(
        `INSERT INTO incidents (incident_id, event_date, time_precision, event_type, sub_event_type, actor1, actor2, country, admin1, location, latitude, longitude, geo_precision, fatalities, fatalities_low, fatalities_high, source_count, search, updated_at)
         SELECT a, b, c, d, e, f, g, h, i, j, k, l, m, n, 0, 0, o, p, q FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::float8[], $12::float8[], $13::int[], $14::int[], $15::int[], $16::text[], $17::text[])
           AS t(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q)`,
        cols(I, 17),
      );
      await c.query(
        'INSERT INTO incident_keys (key, day, tol, incident_id) SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[])',
        cols(K, 4),
      );
      await c.query('COMMIT');
    }
    await c.query('ANALYZE');
  } finally {
    await c.end();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

/** Add `n` new events (each its own report) and time each store.ingest. */
async function timeAdds(url, n, tag) {
  const store = await openStore(url);
  const ms = [];
  try {
    for (let j = 0; j < n; j++) {
      const e = synthEvent(9_000_000 + j * 13, `${tag}-`);
      const t = process.hrtime.bigint();
      await store.ingest(docOf(e), [e]);
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  } finally {
    await store.close();
  }
  return { median: median(ms), p95: p95(ms) };
}

/** store.ingest of ready-made events, one process: events per second. */
async function storeThroughput(engine) {
  const url = freshUrl(engine, 'tput');
  const store = await openStore(url);
  const n = 2000;
  const t = Date.now();
  try {
    for (let i = 0; i < n; i++) {
      const e = synthEvent(i, 't');
      await store.ingest(docOf(e), [e]);
    }
  } finally {
    await store.close();
  }
  return (n / (Date.now() - t)) * 1000;
}

/** Small reports, one attack each, in different towns and days (our own sentences). */
function benchReports(n) {
  const towns = [['Kano', 'Nigeria'], ['Gao', 'Mali'], ['Djibo', 'Burkina Faso'], ['Beni', 'Democratic Republic of Congo'], ['Baidoa', 'Somalia'], ['Nyala', 'Sudan'], ['Quetta', 'Pakistan'], ['Kandahar', 'Afghanistan'], ['Kharkiv', 'Ukraine'], ['Idlib', 'Syria']];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return Array.from({ length: n }, (_, i) => {
    const [town, country] = towns[i % towns.length];
    const d = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000);
    return {
      id: `b${i}`,
      published: new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10),
      text: `${town.toUpperCase()}, ${country} — Gunmen attacked a market in ${town} on ${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, killing ${(i % 9) + 1} civilians, officials said. Bench report ${i}.`,
    };
  });
}

/** The whole pipeline through the queue with `workers` processes: reports and events per second. */
async function queueThroughput(engine, workers) {
  const url = freshUrl(engine, `q${workers}`);
  const bossSchema = `bench_boss_${workers}_${engine}_${process.pid}`;
  schemas.push(bossSchema);
  const env = { ...process.env, SITREP_QUEUE_SCHEMA: bossSchema, SITREP_QUEUE: PG };
  const file = path.join(work, `reports-${engine}-${workers}.jsonl`);
  writeFileSync(file, benchReports(REPORTS).map((r) => JSON.stringify(r)).join('\n') + '\n');
  const cli = path.join(root, 'bin/sitrep.js');
  await run(process.execPath, [cli, 'enqueue', file, '--store', url], { env });
  const times = [];
  const procs = Array.from({ length: workers }, () => {
    const child = spawn(process.execPath, [cli, 'worker', '--concurrency', '2', '--store', url, '--drain'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let buf = '';
    child.stdout.on('data', (c) => {
      buf += c;
      const parts = buf.split('\n');
      buf = parts.pop();
      for (const p of parts) if (p.startsWith('ok ')) times.push(Date.now());
    });
    return new Promise((r) => child.on('exit', r));
  });
  await Promise.all(procs);
  const store = await openStore(url);
  const s = await store.stats({});
  await store.close();
  times.sort((a, b) => a - b);
  const secs = (times[times.length - 1] - times[0]) / 1000;
  return { reports: (times.length - 1) / secs, events: (s.events * (times.length - 1)) / times.length / secs, done: times.length, stored: s.reports };
}

/** Export all events as CSV in a child process: time and peak RSS. */
async function exportRun(url) {
  const script = `
    const { openStore } = await import(${JSON.stringify(dist('store/index.js'))});
    const { writeCsv } = await import(${JSON.stringify(dist('export/index.js'))});
    const { createWriteStream } = await import('node:fs');
    const { once } = await import('node:events');
    const store = await openStore(${JSON.stringify(url)});
    const out = createWriteStream('/dev/null');
    const t = Date.now();
    const n = await writeCsv(store.streamEvents({}), out, { end: true });
    if (!out.writableFinished) await once(out, 'finish');
    await store.close();
    console.log(JSON.stringify({ n, ms: Date.now() - t, rssMB: process.resourceUsage().maxRSS / 1024 }));`;
  const r = await run(process.execPath, ['--input-type=module', '-e', script], { maxBuffer: 1 << 20 });
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const fmt = (x, d = 1) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(d));
try {
  for (const engine of ENGINES) {
    log(`${engine}: store.ingest throughput`);
    rows.push([engine, 'store.ingest, ready-made events, 1 process', `${fmt(await storeThroughput(engine), 0)} events/s`]);
    if (!skipQueue) {
      for (const w of [1, 2]) {
        log(`${engine}: queue, ${w} worker(s), ${REPORTS} reports`);
        const q = await queueThroughput(engine, w);
        rows.push([engine, `queue: extract + store, ${w} worker process${w > 1 ? 'es' : ''} × 2 jobs`, `${fmt(q.events, 1)} events/s (${fmt(q.reports, 1)} reports/s; ${q.stored} stored)`]);
      }
    }
    const url = freshUrl(engine, 'size');
    await (await openStore(url)).close();
    let have = 0;
    for (const size of SIZES) {
      log(`${engine}: seeding to ${size} incidents`);
      const t = Date.now();
      await seed(engine, url, have, size);
      log(`${engine}: seeded ${size - have} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      have = size;
      const a = await timeAdds(url, 200, `add${size}`);
      rows.push([engine, `add one event to a store of ${size.toLocaleString('en')} incidents`, `median ${fmt(a.median, 2)} ms, p95 ${fmt(a.p95, 2)} ms`]);
    }
    log(`${engine}: export of ${have} events`);
    const x = await exportRun(url);
    rows.push([engine, `CSV export of ${x.n.toLocaleString('en')} events`, `${fmt(x.ms / 1000, 1)} s (${fmt(x.n / (x.ms / 1000), 0)} events/s), peak RSS ${fmt(x.rssMB, 0)} MB`]);
  }
} finally {
  if (schemas.length) {
    const c = new pg.Client({ connectionString: PG });
    await c.connect().catch(() => undefined);
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined);
    await c.end().catch(() => undefined);
  }
  rmSync(work, { recursive: true, force: true });
}

const w1 = Math.max(...rows.map((r) => r[0].length), 6);
const w2 = Math.max(...rows.map((r) => r[1].length), 4);
console.log(`${'engine'.padEnd(w1)}  ${'what'.padEnd(w2)}  result`);
for (const r of rows) console.log(`${r[0].padEnd(w1)}  ${r[1].padEnd(w2)}  ${r[2]}`);
