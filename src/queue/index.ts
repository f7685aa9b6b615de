/**
 * The ingest job queue on PostgreSQL (pg-boss 10): `enqueue` adds reports or URLs as jobs,
 * `runWorker` processes them with N concurrent handlers per process, any number of processes
 * on any machines sharing one PostgreSQL.
 *
 * Delivery is at-least-once (a job whose worker dies expires and is retried); the effect is
 * exactly-once because Store.ingest is idempotent by URL / text hash under unique
 * constraints. A job that keeps failing ends in state `failed` with its error, and a copy
 * goes to the dead-letter queue; `queueStatus` lists both.
 */
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { RawReport } from '../model/index.js';
import { fetchReport } from '../pipeline/ingest/index.js';
import { checkSchemaName } from '../store/postgres.js';
import type { Store } from '../store/index.js';
import { processReport } from './process.js';

export { processReport } from './process.js';

/** The ingest queue and its dead-letter queue. */
export const QUEUE = 'sitrep_ingest';
export const DEAD_LETTER = 'sitrep_ingest_dead';

/** A job: a report read at enqueue time, or a URL the worker fetches. */
export type IngestJob =
  | { kind: 'report'; input: string; report: RawReport }
  | { kind: 'url'; input: string; url: string };

/** Where the queue lives. */
export interface QueueConfig {
  /** postgres://USER@HOST:PORT/DB[?schema=NAME] (the store's URL). */
  url: string;
  /** pg-boss's own schema (default env SITREP_QUEUE_SCHEMA, else `NAME_queue` for a store URL with `?schema=NAME`, else `pgboss`). */
  schema?: string;
  /**
   * Seconds a job may stay active before it is retried elsewhere (default env
   * SITREP_QUEUE_EXPIRE_SECONDS, else 120): the jobs of a worker killed mid-run wait this long.
   * (one report, up to the 1,000,000-character limit, is extracted in seconds)
   */
  expireInSeconds?: number;
  /** Attempts after the first (default 2). */
  retryLimit?: number;
  /** Seconds between expiry checks (default env SITREP_QUEUE_MAINTENANCE_SECONDS, else 30). */
  maintenanceIntervalSeconds?: number;
}

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  return v && Number.isFinite(Number(v)) ? Number(v) : undefined;
}

/**
 * The queue's schema for a store URL: env SITREP_QUEUE_SCHEMA, else `NAME_queue` when the store
 * lives in `?schema=NAME` (so each store has its own queue and a worker never takes another
 * store's jobs), else `pgboss`.
 */
export function queueSchemaFor(url: string): string {
  if (process.env.SITREP_QUEUE_SCHEMA) return process.env.SITREP_QUEUE_SCHEMA;
  let storeSchema: string | null = null;
  try {
    storeSchema = new URL(url).searchParams.get('schema');
  } catch {
    storeSchema = null;
  }
  return storeSchema ? `${storeSchema}_queue` : 'pgboss';
}

/** The URL without the store's `?schema=` parameter. */
function serverUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('schema');
  return u.toString();
}

/**
 * Start pg-boss (creating its schema and the two queues when missing). Throws when the
 * server cannot be reached or the URL is not a PostgreSQL URL.
 */
export async function openQueue(cfg: QueueConfig): Promise<PgBoss> {
  if (!/^postgres(ql)?:\/\//i.test(cfg.url)) throw new Error(`the queue needs a PostgreSQL URL (postgres://…), got: ${cfg.url}`);
  const schema = checkSchemaName(cfg.schema ?? queueSchemaFor(cfg.url));
  const boss = new PgBoss({
    connectionString: serverUrl(cfg.url),
    schema,
    max: 4,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: cfg.maintenanceIntervalSeconds ?? envNumber('SITREP_QUEUE_MAINTENANCE_SECONDS') ?? 30,
    monitorStateIntervalSeconds: 60,
  });
  boss.on('error', (err: Error) => console.error(`sitrep queue: ${err.message}`));
  await boss.start();
  const expireInSeconds = cfg.expireInSeconds ?? envNumber('SITREP_QUEUE_EXPIRE_SECONDS') ?? 120;
  if (!(await boss.getQueue(DEAD_LETTER))) await createQueueOnce(boss, DEAD_LETTER, {});
  if (!(await boss.getQueue(QUEUE))) {
    await createQueueOnce(boss, QUEUE, {
      retryLimit: cfg.retryLimit ?? 2,
      retryDelay: 1,
      expireInSeconds,
      deadLetter: DEAD_LETTER,
    });
  }
  return boss;
}

/** createQueue that tolerates another process creating it at the same moment. */
async function createQueueOnce(boss: PgBoss, name: string, opts: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  try {
    await boss.createQueue(name, { name, ...opts });
  } catch (err) {
    if (!(await boss.getQueue(name))) throw err;
  }
}

/** Add jobs; returns their ids. */
export async function enqueueJobs(boss: PgBoss, jobs: IngestJob[]): Promise<string[]> {
  const ids: string[] = [];
  for (const job of jobs) {
    const id = await boss.send(QUEUE, job as object);
    if (id) ids.push(id);
  }
  return ids;
}

/** Process one job: fetch when it is a URL, then extract and store (idempotent). */
export async function handleJob(
  store: Store,
  job: IngestJob,
  fetchOpts: { allowPrivate?: boolean } = {},
): Promise<{ doc_id: string; inserted: boolean; events: number }> {
  if (!job || typeof job !== 'object' || !('kind' in job)) throw new Error('malformed job');
  const report = job.kind === 'url' ? await fetchReport(job.url, { allowPrivate: fetchOpts.allowPrivate ?? false }) : job.report;
  if (!report || typeof report !== 'object' || typeof report.id !== 'string') throw new Error(`${job.input}: malformed report in job`);
  const res = await processReport(store, report);
  return { doc_id: res.doc_id, inserted: res.inserted, events: res.events.length };
}

/** A running worker. */
export interface Worker {
  /** Stop taking jobs, wait for the ones in hand, close the queue. */
  stop(): Promise<void>;
}

/**
 * Process jobs with `concurrency` handlers in this process until stopped. Each handler takes
 * one job at a time; a thrown error fails the job (retried, then dead-lettered).
 */
export async function runWorker(
  boss: PgBoss,
  store: Store,
  opts: {
    concurrency: number;
    /** Let URL jobs fetch loopback or private-network addresses (refused by default). */
    allowPrivate?: boolean;
    onDone?: (job: IngestJob, r: { doc_id: string; inserted: boolean; events: number }) => void;
    onError?: (job: IngestJob, err: Error) => void;
  },
): Promise<Worker> {
  const n = Math.max(1, Math.floor(opts.concurrency) || 1);
  for (let i = 0; i < n; i++) {
    let workerId: string | null = null;
    workerId = await boss.work<IngestJob>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const j of jobs) {
        try {
          const r = await handleJob(store, j.data, { allowPrivate: opts.allowPrivate });
          opts.onDone?.(j.data, r);
        } catch (err) {
          opts.onError?.(j.data, err as Error);
          throw err;
        }
      }
      // pg-boss waits out the polling interval after every fetch; a job was just done, so
      // more are likely waiting: ask for the next one now (the interval applies once idle).
      if (workerId) boss.notifyWorker(workerId);
    });
  }
  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}

/** Queue state for `sitrep status`. */
export interface QueueStatus {
  /** Jobs of the ingest queue by state (created, retry, active, completed, failed, …). */
  states: Record<string, number>;
  /** Jobs in the dead-letter queue. */
  dead_letter: number;
  /** Failed jobs, newest first, with their error. */
  failed: { id: string; input: string; error: string; retries: number; at: string | null }[];
}

/**
 * Read the queue's state straight from pg-boss's tables (live and archived jobs). Returns
 * null when the queue schema does not exist yet.
 */
export async function queueStatus(url: string, schemaName?: string, limit = 20): Promise<QueueStatus | null> {
  const schema = checkSchemaName(schemaName ?? queueSchemaFor(url));
  const client = new pg.Client({ connectionString: serverUrl(url) });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [schema, 'job']);
    if (exists.rowCount === 0) return null;
    const states: Record<string, number> = {};
    for (const t of ['job', 'archive']) {
      const r = await client.query(`SELECT state::text AS state, count(*)::int AS n FROM ${schema}.${t} WHERE name = $1 GROUP BY state`, [QUEUE]);
      for (const row of r.rows as { state: string; n: number }[]) states[row.state] = (states[row.state] ?? 0) + row.n;
    }
    let dead = 0;
    for (const t of ['job', 'archive']) {
      const r = await client.query(`SELECT count(*)::int AS n FROM ${schema}.${t} WHERE name = $1`, [DEAD_LETTER]);
      dead += (r.rows[0] as { n: number }).n;
    }
    const failed = await client.query(
      `SELECT id::text AS id, data->>'input' AS input, output, retry_count AS retries, completed_on AS at FROM (
         SELECT id, data, output, retry_count, completed_on FROM ${schema}.job WHERE name = $1 AND state = 'failed'
         UNION ALL
         SELECT id, data, output, retry_count, completed_on FROM ${schema}.archive WHERE name = $1 AND state = 'failed'
       ) f ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
      [QUEUE, limit],
    );
    return {
      states,
      dead_letter: dead,
      failed: (failed.rows as { id: string; input: string | null; output: unknown; retries: number; at: Date | null }[]).map((r) => ({
        id: r.id,
        input: r.input ?? '',
        error: errorText(r.output),
        retries: r.retries,
        at: r.at ? r.at.toISOString() : null,
      })),
    };
  } finally {
    await client.end();
  }
}

/** pg-boss keeps a thrown error as {message, stack} (or {value: {message}}). */
function errorText(output: unknown): string {
  if (output && typeof output === 'object') {
    const o = output as { message?: string; value?: { message?: string } | string };
    if (typeof o.message === 'string') return o.message;
    if (o.value && typeof o.value === 'object' && typeof o.value.message === 'string') return o.value.message;
    if (typeof o.value === 'string') return o.value;
  }
  return output == null ? '' : JSON.stringify(output);
}
