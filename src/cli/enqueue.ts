/**
 * `sitrep enqueue PATH|URL... [--queue URL] [--store URL]`: add reports to the ingest queue.
 * Files are read now (so workers on other machines need not see them); URLs are fetched by
 * the worker. Unreadable inputs are quarantined in the store with their reason.
 */
import type { Command } from 'commander';
import { checkReportLength } from '../pipeline/extract.js';
import { checkQueueableUrl, readInputs } from '../pipeline/ingest/index.js';
import { enqueueJobs, openQueue, type IngestJob } from '../queue/index.js';
import { openStore, type Store } from '../store/index.js';
import { reasonOf, STORE_HELP } from './ingest.js';
import { resolveQueueUrl } from './status.js';

export function register(program: Command): void {
  program
    .command('enqueue')
    .description('add reports (files, folders, .jsonl, URLs) to the PostgreSQL ingest queue')
    .argument('<inputs...>', 'files, folders, - or http(s) URLs')
    .option('--queue <url>', 'queue PostgreSQL URL (default $SITREP_QUEUE, else the store URL when it is PostgreSQL)')
    .option('--store <url>', `${STORE_HELP}; bad inputs are quarantined there`)
    .option('--published <date>', 'publication date YYYY-MM-DD for text/HTML inputs that carry none')
    .option('--allow-private', 'queue URLs on loopback or private addresses (the workers need --allow-private too)')
    .action(async (inputs: string[], opts: { queue?: string; store?: string; published?: string; allowPrivate?: boolean }) => {
      const qUrl = resolveQueueUrl(opts.queue, opts.store);
      if (!qUrl) throw new Error('enqueue needs a PostgreSQL queue: --queue postgres://… or SITREP_QUEUE, or a postgres --store');
      const urls = inputs.filter((i) => /^https?:\/\//i.test(i));
      const paths = inputs.filter((i) => !/^https?:\/\//i.test(i));
      const boss = await openQueue({ url: qUrl });
      let store: Store | null = null;
      let failed = 0;
      let sent = 0;
      try {
        const batch: IngestJob[] = [];
        // A URL the workers would refuse whatever happens is refused now, not retried there.
        for (const url of urls) {
          try {
            checkQueueableUrl(url, { allowPrivate: opts.allowPrivate ?? false });
            batch.push({ kind: 'url', input: url, url });
          } catch (err) {
            failed++;
            const why = (err as Error).message;
            console.error(`sitrep enqueue: ${why}`);
            store ??= await openStore(opts.store);
            await store.quarantine(url, why);
          }
        }
        const flush = async () => {
          sent += (await enqueueJobs(boss, batch.splice(0))).length;
        };
        for await (const item of readInputs(paths, { published: opts.published ?? null })) {
          if (!item.ok && item.skipped) {
            console.error(`sitrep enqueue: ${item.error}`);
            continue;
          }
          if (!item.ok) {
            failed++;
            console.error(`sitrep enqueue: ${item.error}`);
            store ??= await openStore(opts.store);
            await store.quarantine(item.input, reasonOf(item.input, item.error));
            continue;
          }
          // (a report the workers would refuse whatever happens is refused now, not retried there)
          try {
            checkReportLength(item.report);
          } catch (err) {
            failed++;
            console.error(`sitrep enqueue: ${item.input}: ${(err as Error).message}`);
            store ??= await openStore(opts.store);
            await store.quarantine(item.input, (err as Error).message);
            continue;
          }
          batch.push({ kind: 'report', input: item.input, report: item.report });
          if (batch.length >= 100) await flush();
        }
        await flush();
      } finally {
        await boss.stop({ graceful: false, wait: true });
        if (store) await store.close();
      }
      console.log(`enqueue: ${sent} jobs added, ${failed} inputs quarantined`);
      if (failed) process.exitCode = 1;
    });
}
