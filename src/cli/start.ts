/**
 * `sitrep start` (what `npm start` runs): the main job on the embedded default.
 * Ingests the bundled real reports (samples/) into the store (SQLite at data/sitrep.sqlite
 * unless --store or SITREP_STORE says otherwise), prints a summary table, writes the exports
 * (ACLED CSV, GeoJSON, JSON Lines) under data/exports/, then serves the API and web page.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { startServer } from '../api/index.js';
import { EXPORT_FORMATS, exportable, writeExport } from '../export/index.js';
import { PACKAGE_ROOT } from '../pipeline/data.js';
import { openStore, resolveStoreUrl } from '../store/index.js';
import { ingestPaths, STORE_HELP } from './ingest.js';
import { parsePort } from './serve.js';

/** The bundled reports `start` ingests, relative to the package root. */
export const BUNDLED_INPUTS = ['samples/reports', 'samples/ucdp/reports.jsonl'];

function table(title: string, rows: [string, number][]): string {
  const width = Math.max(title.length, ...rows.map(([k]) => k.length));
  const lines = [`  ${title.padEnd(width)}  count`, `  ${'-'.repeat(width)}  -----`];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(width)}  ${String(v).padStart(5)}`);
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('start')
    .description('ingest the bundled reports, print a summary, write exports, then serve the web page')
    .option('--store <url>', STORE_HELP)
    .option('--port <n>', 'TCP port for the web page', '8787')
    .option('--out-dir <dir>', 'where the exports go', 'data/exports')
    .option('--no-serve', 'stop after the exports (do not start the server)')
    .action(async (opts: { store?: string; port: string; outDir: string; serve: boolean }) => {
      const t0 = Date.now();
      const storeUrl = resolveStoreUrl(opts.store);
      const store = await openStore(storeUrl);
      const byType = new Map<string, number>();
      const byCountry = new Map<string, number>();
      const inputs = BUNDLED_INPUTS.map((p) => path.join(PACKAGE_ROOT, p));
      const { read, inserted, events, failed: quarantined } = await ingestPaths(store, inputs, {}, 'sitrep start', (stored) => {
        for (const e of stored) {
          byType.set(e.event_type, (byType.get(e.event_type) ?? 0) + 1);
          byCountry.set(e.country, (byCountry.get(e.country) ?? 0) + 1);
        }
      });
      const ingestSecs = (Date.now() - t0) / 1000;

      const outDir = path.resolve(opts.outDir);
      mkdirSync(outDir, { recursive: true });
      const written: string[] = [];
      for (const format of EXPORT_FORMATS) {
        const file = path.join(outDir, `events.${format}`);
        const out = createWriteStream(file);
        const n = await writeExport(format, exportable(store.streamEvents({}), undefined), out, { end: true });
        await finished(out);
        written.push(`  ${file}  (${n} events)`);
      }
      const stats = await store.stats({});
      const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      console.log(`\nsitrep start — store ${storeUrl}`);
      console.log(
        table('summary', [
          ['reports read', read],
          ['reports new', inserted],
          ['reports already stored', read - inserted],
          ['inputs quarantined', quarantined],
          ['events from new reports', events],
          ['events in store', stats.events],
          ['incidents in store', stats.incidents],
        ]),
      );
      console.log(`  time: ${ingestSecs.toFixed(1)} s to ingest, ${((Date.now() - t0) / 1000).toFixed(1)} s with exports\n`);
      const typeRows = sorted(byType);
      if (typeRows.length) console.log(table('events by type (this run)', typeRows) + '\n');
      const countryRows = sorted(byCountry);
      if (countryRows.length) {
        const top = countryRows.slice(0, 15);
        const rest = countryRows.slice(15).reduce((s, [, n]) => s + n, 0);
        console.log(table('events by country (this run)', rest ? [...top, [`${countryRows.length - 15} other countries`, rest]] : top) + '\n');
      }
      console.log(`exports written:\n${written.join('\n')}`);
      if (!opts.serve) {
        await store.close();
        return;
      }
      const { app, address } = await startServer({ store, port: parsePort(opts.port) });
      console.log(`\nsitrep: serving ${address}/ — the map, timeline and review page (Ctrl-C to stop)`);
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
