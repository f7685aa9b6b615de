/**
 * `sitrep ingest PATH... [--store URL]`: read reports (files, folders, .jsonl, `-`), extract
 * their events and store them. Bad inputs go to the quarantine with their reason and one
 * line on stderr; the rest is still stored; the exit code is 1 when anything failed.
 */
import type { Command } from 'commander';
import type { SitrepEvent } from '../model/index.js';
import { readInputs, type ReadOptions } from '../pipeline/ingest/index.js';
import { processReport } from '../queue/process.js';
import { openStore, type Store } from '../store/index.js';

/** An ingest error line without the input name it starts with (the quarantine keeps both apart). */
export function reasonOf(input: string, error: string): string {
  return error.startsWith(`${input}: `) ? error.slice(input.length + 2) : error;
}

/** The `--store` option every store command takes. */
export const STORE_HELP = 'store URL: sqlite:PATH or postgres://USER@HOST:PORT/DB[?schema=NAME] (default $SITREP_STORE, else sqlite:data/sitrep.sqlite)';

/** What one ingest run did. */
export interface IngestTally {
  /** Reports read and extracted. */
  read: number;
  /** Reports stored for the first time (the rest were already stored: same URL or text). */
  inserted: number;
  /** Events of the newly stored reports. */
  events: number;
  /** Inputs that could not be read or stored (each quarantined with its reason). */
  failed: number;
  /** Of `failed`, those that were read but failed to extract or store. */
  storeFailed: number;
}

/**
 * Read `paths`, extract and store each report; bad inputs are quarantined with their reason
 * and named on stderr (prefixed `label`), and every other input is still stored.
 * `onStored` sees the events of each newly stored report.
 */
export async function ingestPaths(
  store: Store,
  paths: string[],
  opts: ReadOptions,
  label: string,
  onStored: (events: SitrepEvent[]) => void = () => {},
): Promise<IngestTally> {
  const t: IngestTally = { read: 0, inserted: 0, events: 0, failed: 0, storeFailed: 0 };
  for await (const item of readInputs(paths, opts)) {
    if (!item.ok && item.skipped) {
      console.error(`${label}: ${item.error}`);
      continue;
    }
    if (!item.ok) {
      t.failed++;
      console.error(`${label}: ${item.error}`);
      await store.quarantine(item.input, reasonOf(item.input, item.error));
      continue;
    }
    t.read++;
    try {
      const r = await processReport(store, item.report);
      if (!r.inserted) continue;
      t.inserted++;
      t.events += r.events.length;
      onStored(r.events);
    } catch (err) {
      t.failed++;
      t.storeFailed++;
      const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
      console.error(`${label}: ${item.input}: ${reason}`);
      await store.quarantine(item.input, reason);
    }
  }
  return t;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('extract and store reports (files, folders, .jsonl, - for stdin); bad inputs are quarantined')
    .argument('<paths...>', 'files, folders or -')
    .option('--store <url>', STORE_HELP)
    .option('--published <date>', 'publication date YYYY-MM-DD for text/HTML inputs that carry none')
    .option('--allow-private', 'let http(s):// inputs fetch loopback or private-network addresses')
    .action(async (paths: string[], opts: { store?: string; published?: string; allowPrivate?: boolean }) => {
      const t0 = Date.now();
      const store = await openStore(opts.store);
      let tally: IngestTally;
      try {
        tally = await ingestPaths(
          store,
          paths,
          { published: opts.published ?? null, fetch: { allowPrivate: opts.allowPrivate ?? false } },
          'sitrep ingest',
        );
      } finally {
        await store.close();
      }
      const { read, inserted, events, failed, storeFailed } = tally;
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(
        `ingest: ${read} reports read (${inserted} new, ${read - inserted - storeFailed} already stored${storeFailed ? `, ${storeFailed} could not be processed` : ''}), ${events} events, ${failed} quarantined, ${secs} s`,
      );
      if (failed) process.exitCode = 1;
    });
}
