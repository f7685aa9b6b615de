/**
 * `sitrep worker --concurrency N [--store URL] [--queue URL] [--drain]`: process ingest jobs
 * until stopped (SIGINT/SIGTERM finish the jobs in hand), or with --drain until the queue
 * is empty. One line per job on stdout.
 */
import type { Command } from 'commander';
import { openQueue, queueStatus, runWorker } from '../queue/index.js';
import { openStore } from '../store/index.js';
import { STORE_HELP } from './ingest.js';
import { resolveQueueUrl } from './status.js';

export function register(program: Command): void {
  program
    .command('worker')
    .description('process ingest jobs from the PostgreSQL queue (several workers may run on several machines)')
    .option('--concurrency <n>', 'jobs processed at once in this process', '2')
    .option('--store <url>', STORE_HELP)
    .option('--queue <url>', 'queue PostgreSQL URL (default $SITREP_QUEUE, else the store URL when it is PostgreSQL)')
    .option('--drain', 'exit when no job is waiting or running')
    .option('--allow-private', 'let URL jobs fetch loopback or private-network addresses')
    .action(async (opts: { concurrency: string; store?: string; queue?: string; drain?: boolean; allowPrivate?: boolean }) => {
      const qUrl = resolveQueueUrl(opts.queue, opts.store);
      if (!qUrl) throw new Error('worker needs a PostgreSQL queue: --queue postgres://… or SITREP_QUEUE, or a postgres --store');
      const concurrency = Number(opts.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency must be a positive integer, got ${opts.concurrency}`);
      // One pooled connection per concurrent job, plus room for the reads around them.
      if (!process.env.SITREP_PG_POOL) process.env.SITREP_PG_POOL = String(Math.max(5, concurrency + 2));
      const store = await openStore(opts.store);
      const boss = await openQueue({ url: qUrl });
      const worker = await runWorker(boss, store, {
        concurrency,
        allowPrivate: opts.allowPrivate ?? false,
        onDone: (job, r) => console.log(`ok ${job.input} ${r.doc_id} ${r.inserted ? 'new' : 'already-stored'} ${r.events} events`),
        onError: (job, err) => console.error(`sitrep worker: ${job?.input ?? '?'}: ${err.message}`),
      });
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await worker.stop();
        await store.close();
      };
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => void stop().then(resolve));
        process.once('SIGTERM', () => void stop().then(resolve));
        if (opts.drain) {
          const tick = setInterval(async () => {
            const s = await queueStatus(qUrl).catch(() => null);
            const busy = s ? (s.states.created ?? 0) + (s.states.retry ?? 0) + (s.states.active ?? 0) : 1;
            if (busy === 0 && !stopping) {
              clearInterval(tick);
              await stop();
              resolve();
            }
          }, 1000);
        }
      });
    });
}
