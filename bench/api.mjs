#!/usr/bin/env node
/**
 * API bench: p50/p99 latency and throughput of GET /events with filters on a SQLite store of
 * N synthetic events (default 100 000) under concurrent load (autocannon), and the time of
 * POST /reports for a typical report (extraction + store).
 *
 *   node bench/api.mjs [--events 100000] [--connections 10] [--duration 10] [--posts 30]
 *
 * Needs `npm run build` (uses dist/). The server runs as a separate process (`sitrep serve`),
 * so the load generator does not share its event loop. The synthetic store is kept in
 * bench/out/ and reused while its size matches; the server runs on a copy of it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const N = Number(args.events ?? 100_000);
const CONNECTIONS = Number(args.connections ?? 10);
const DURATION = Number(args.duration ?? 10);
const POSTS = Number(args.posts ?? 30);

const { openStore } = await import(path.join(root, 'dist/store/index.js'));
const taxonomy = await import(path.join(root, 'dist/model/index.js'));

// Places the synthetic events fall in: [country, admin1, location, lat, lon].
const PLACES = [
  ['Pakistan', 'Balochistan', 'Quetta', 30.18, 66.99], ['Pakistan', 'Khyber Pakhtunkhwa', 'Peshawar', 34.01, 71.58],
  ['Nigeria', 'Borno', 'Maiduguri', 11.85, 13.16], ['Nigeria', 'Kano', 'Kano', 12.0, 8.52],
  ['Mali', 'Mopti', 'Mopti', 14.49, -4.2], ['Mali', 'Gao', 'Gao', 16.27, -0.04],
  ['Somalia', 'Banadir', 'Mogadishu', 2.04, 45.34], ['Sudan', 'Khartoum', 'Omdurman', 15.64, 32.48],
  ['Democratic Republic of Congo', 'North Kivu', 'Goma', -1.68, 29.22], ['Ukraine', 'Donetsk', 'Pokrovsk', 48.28, 37.18],
  ['Myanmar', 'Sagaing', 'Monywa', 22.11, 95.13], ['Colombia', 'Cauca', 'Popayan', 2.44, -76.61],
  ['Mexico', 'Guerrero', 'Acapulco', 16.86, -99.88], ['Afghanistan', 'Kabul', 'Kabul', 34.53, 69.17],
  ['Iraq', 'Nineveh', 'Mosul', 36.34, 43.13], ['Syria', 'Idlib', 'Idlib', 35.93, 36.63],
  ['Yemen', "Ta'izz", 'Taiz', 13.58, 44.02], ['Ethiopia', 'Amhara', 'Gondar', 12.6, 37.47],
  ['Burkina Faso', 'Sahel', 'Djibo', 14.1, -1.63], ['Kenya', 'Nairobi', 'Nairobi', -1.28, 36.82],
];
const ACTORS = ['Military Forces', 'Police Forces', 'Unidentified Armed Group', 'Protesters', 'Rioters', 'Civilians'];

/** A deterministic pseudo-random generator (mulberry32) so every run builds the same store. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function buildStore(file) {
  const store = await openStore(`sqlite:${file}`);
  const rand = rng(42);
  const subs = taxonomy.ALL_SUB_EVENT_TYPES;
  const start = Date.UTC(2024, 0, 1);
  const perDoc = 10;
  const t0 = performance.now();
  for (let d = 0; d * perDoc < N; d++) {
    const text = `Synthetic report ${d} for the API bench.`;
    const doc = { docId: `bench-${d}`, text, published: null, source: 'bench', url: null, title: null, marked: [] };
    const events = [];
    for (let k = 0; k < perDoc && d * perDoc + k < N; k++) {
      const [country, admin1, location, lat, lon] = PLACES[Math.floor(rand() * PLACES.length)];
      const sub = subs[Math.floor(rand() * subs.length)];
      const date = new Date(start + Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10);
      const actor = `${ACTORS[Math.floor(rand() * ACTORS.length)]} of ${country}`;
      const fatalities = rand() < 0.6 ? 0 : Math.floor(rand() * 30);
      events.push({
        event_id: `b${d}-${k}`, doc_id: doc.docId, event_date: date, time_precision: 1,
        disorder_type: taxonomy.disorderTypeOf(sub), event_type: taxonomy.eventTypeOf(sub), sub_event_type: sub,
        actor1: actor, assoc_actor_1: null, inter1: 1, actor2: null, assoc_actor_2: null, inter2: null, interaction: 10,
        civilian_targeting: '', country, iso: null, admin1, admin2: null, location,
        // Spread points ~50 km around the town so incidents do not all collapse into one.
        latitude: +(lat + (rand() - 0.5)).toFixed(4), longitude: +(lon + (rand() - 0.5)).toFixed(4), geo_precision: 1,
        fatalities, fatalities_low: fatalities, fatalities_high: fatalities, claims: [], evidence: {},
        notes: `Synthetic ${sub.toLowerCase()} in ${location} (${d}-${k}).`, confidence: 0.5,
      });
    }
    await store.ingest(doc, events);
    if (d % 1000 === 0 && d > 0) process.stderr.write(`  built ${d * perDoc} events (${((d * perDoc) / ((performance.now() - t0) / 1000)).toFixed(0)}/s)\n`);
  }
  const stats = await store.stats({});
  await store.close();
  return stats.events;
}

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startServer(file, port) {
  const child = spawn(process.execPath, [path.join(root, 'bin/sitrep.js'), 'serve', '--port', String(port), '--store', `sqlite:${file}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (b) => (String(b).includes('serving') ? resolve() : undefined));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

function cannon(url) {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION });
}

// ---- run -------------------------------------------------------------------------------

const outDir = path.join(root, 'bench/out');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `api-${N}.sqlite`);
let count = 0;
if (existsSync(file)) {
  const s = await openStore(`sqlite:${file}`);
  count = (await s.stats({})).events;
  await s.close();
}
if (count !== N) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  process.stderr.write(`building a store of ${N} synthetic events in ${path.relative(root, file)} ...\n`);
  const t0 = performance.now();
  count = await buildStore(file);
  process.stderr.write(`  done: ${count} events in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

// Serve a copy, so the reports posted below do not change the kept store.
const runFile = path.join(outDir, `api-${N}-run.sqlite`);
for (const f of [runFile, `${runFile}-wal`, `${runFile}-shm`]) rmSync(f, { force: true });
copyFileSync(file, runFile);
const port = await freePort();
const server = await startServer(runFile, port);
const base = `http://127.0.0.1:${port}`;
const results = [];
try {
  const scenarios = [
    ['no filter, limit 100', '/events?limit=100'],
    ['country', '/events?country=Nigeria&limit=100'],
    ['country + event_type + month', '/events?country=Mali&event_type=Battles&date_from=2024-06-01&date_to=2024-06-30&limit=100'],
    ['bbox (eastern DRC)', '/events?bbox=28,-3,31,1&limit=100'],
    ['actor substring', '/events?actor=police&limit=100'],
    ['text search q', '/events?q=omdurman&limit=100'],
    ['page 2 (cursor)', null],
    ['one event by id', null],
    ['stats, one country', '/stats?country=Sudan'],
  ];
  const first = await (await fetch(`${base}/events?limit=100`)).json();
  scenarios[6][1] = `/events?limit=100&cursor=${encodeURIComponent(first.next_cursor)}`;
  scenarios[7][1] = `/events/${encodeURIComponent(first.events[0].event_id)}`;
  for (const [name, route] of scenarios) {
    const r = await cannon(base + route);
    results.push({ name, p50: r.latency.p50, p99: r.latency.p99, rps: Math.round(r.requests.average), errors: r.non2xx + r.errors });
  }

  // POST /reports: a typical report (about 1 kB), varied so each is new (not a dedup no-op).
  const body = (i) =>
    `KANO, Nigeria, May ${1 + (i % 28)}, 2025 - Gunmen on motorcycles attacked the village of Dan Gulbi in Zamfara State ` +
    `on Tuesday night and killed ${5 + i} people, a local councillor said on Wednesday. Police spokesman Yazid Abubakar said ` +
    `officers were deployed to the area and that ${2 + (i % 5)} suspects had been arrested. Residents said the attackers ` +
    `also stole cattle and burned several houses before fleeing into the forest. The state government condemned the attack ` +
    `and promised compensation for the families of the victims. Report ${i}.`;
  const times = [];
  for (let i = 0; i < POSTS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/reports`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: body(Date.now() + i) });
    if (res.status !== 201) throw new Error(`POST /reports answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  results.push({ name: `POST /reports (${POSTS} sequential, ~1 kB text)`, p50: +q(0.5).toFixed(1), p99: +q(0.99).toFixed(1), rps: null, errors: 0 });
} finally {
  server.kill('SIGTERM');
}

console.log(`\nAPI bench: ${count} events in SQLite, ${CONNECTIONS} connections, ${DURATION} s per route\n`);
console.log('| route | p50 ms | p99 ms | req/s | errors |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.name} | ${r.p50} | ${r.p99} | ${r.rps ?? '-'} | ${r.errors} |`);
