#!/usr/bin/env node
/**
 * Gazetteer bench: load time and resident-memory growth of the built gazetteer, and the speed of
 * findPlaces on a synthetic report. Needs `npm run build:ts && npm run build:gazetteer`.
 * Prints one table line per measure; targets: load <= 300 ms, RSS growth <= 150 MB.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mod = join(root, 'dist', 'pipeline', 'mentions', 'places', 'index.js');
if (!existsSync(mod)) {
  console.error('bench/gazetteer: run `npm run build:ts && npm run build:gazetteer` first');
  process.exit(2);
}
const { findPlaces, loadGazetteer } = await import(mod);
const { cleanReport } = await import(join(root, 'dist', 'pipeline', 'clean', 'index.js'));
const { splitSentences } = await import(join(root, 'dist', 'pipeline', 'sentences', 'index.js'));

globalThis.gc?.();
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const gaz = loadGazetteer();
const loadMs = performance.now() - t0;
const rss1 = process.memoryUsage().rss;

// A synthetic report (project's own words), repeated to about 20,000 characters.
const para =
  'KABUL, March 3 (Agency) - Fighters attacked a checkpoint near Lashkar Gah in Helmand province on Monday, ' +
  'officials in Kabul said. Separately, gunmen killed two farmers in a village outside Maiduguri, Borno State, ' +
  'while protesters marched in Nairobi and in the capital of Kenya. Pakistani officials said the road to Quetta was closed.\n';
const text = para.repeat(Math.ceil(20000 / para.length));
const doc = cleanReport({ id: 'bench', text });
const sentences = splitSentences(doc);
findPlaces(doc, sentences, gaz); // warm up (lazy tables)
const runs = 5;
const t1 = performance.now();
let n = 0;
for (let i = 0; i < runs; i++) n = findPlaces(doc, sentences, gaz).length;
const findMs = (performance.now() - t1) / runs;
const rss2 = process.memoryUsage().rss;

const mb = (b) => (b / 1048576).toFixed(1);
console.log('gazetteer bench');
console.log(`  load                 ${loadMs.toFixed(0).padStart(6)} ms   (target <= 300)`);
console.log(`  RSS growth on load   ${mb(rss1 - rss0).padStart(6)} MB   (target <= 150)`);
console.log(`  RSS growth, in use   ${mb(rss2 - rss0).padStart(6)} MB`);
console.log(`  findPlaces ${text.length} chars ${findMs.toFixed(1).padStart(6)} ms   (${n} mentions)`);
console.log(`  entities ${gaz.size}`);
