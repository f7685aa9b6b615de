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

/** Most jobs one worker process takes at once. */
export const MAX_CONCURRENCY = 32;
/** How long a stopping worker waits for the jobs in hand (ms). */
const STOP_GRACE_MS = 30_000;

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
      // Each job in hand holds a PostgreSQL connection; a server allows ~100 in all.
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
        throw new Error(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY} (run more worker processes for more), got ${opts.concurrency}`);
      // One pooled connection per concurrent job, plus room for the reads around them.
      if (!process.env.SITREP_PG_POOL) process.env.SITREP_PG_POOL = String(Math.max(5, concurrency + 2));
      const store = await openStore(opts.store);
      const boss = await openQueue({ url: qUrl });
      const worker = await runWorker(boss, store, {
        concurrency,
        allowPrivate: opts.allowPrivate ?? false,
        onDone: (job, r) => console.log(`ok ${job.input} ${r.doc_id} ${r.inserted ? 'new' : 'already-stored'} ${r.events} events`),
        // (fetch errors already start with the URL)
        onError: (job, err) => console.error(`sitrep worker: ${job?.input && !err.message.startsWith(job.input) ? `${job.input}: ` : ''}${err.message}`),
      });
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await worker.stop();
        await store.close();
      };
      await new Promise<void>((resolve) => {
        // The first signal lets the jobs in hand finish (at most STOP_GRACE_MS); a second one, or
        // the grace running out, ends the process at once (unfinished jobs go back to the queue).
        const onSignal = () => {
          if (stopping) {
            console.error('sitrep worker: stopping now');
            process.exit(130);
          }
          setTimeout(() => {
            console.error(`sitrep worker: jobs still running after ${STOP_GRACE_MS / 1000} s; stopping now`);
            process.exit(1);
          }, STOP_GRACE_MS).unref();
          void stop().then(resolve);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
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
