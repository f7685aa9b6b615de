/**
 * `sitrep ingest PATH... [--store URL]`: read reports (files, folders, .jsonl, `-`), extract
 * their events and store them. Bad inputs go to the quarantine with their reason and one
 * line on stderr; the rest is still stored; the exit code is 1 when anything failed.
 */
import type { Command } from 'commander';
import { readInputs } from '../pipeline/ingest/index.js';
import { processReport } from '../queue/process.js';
import { openStore } from '../store/index.js';

/** An ingest error line without the input name it starts with (the quarantine keeps both apart). */
export function reasonOf(input: string, error: string): string {
  return error.startsWith(`${input}: `) ? error.slice(input.length + 2) : error;
}

/** The `--store` option every store command takes. */
export const STORE_HELP = 'store URL: sqlite:PATH or postgres://USER@HOST:PORT/DB[?schema=NAME] (default $SITREP_STORE, else sqlite:data/sitrep.sqlite)';

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
      let read = 0;
      let inserted = 0;
      let events = 0;
      let failed = 0;
      let storeFailed = 0;
      try {
        for await (const item of readInputs(paths, { published: opts.published ?? null, fetch: { allowPrivate: opts.allowPrivate ?? false } })) {
          if (!item.ok) {
            failed++;
            console.error(`sitrep ingest: ${item.error}`);
            await store.quarantine(item.input, reasonOf(item.input, item.error));
            continue;
          }
          read++;
          try {
            const r = await processReport(store, item.report);
            if (r.inserted) inserted++;
            events += r.events.length;
          } catch (err) {
            failed++;
            storeFailed++;
            const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
            console.error(`sitrep ingest: ${item.input}: ${reason}`);
            await store.quarantine(item.input, reason);
          }
        }
      } finally {
        await store.close();
      }
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(
        `ingest: ${read} reports read (${inserted} new, ${read - inserted - storeFailed} already stored), ${events} events, ${failed} quarantined, ${secs} s`,
      );
      if (failed) process.exitCode = 1;
    });
}
