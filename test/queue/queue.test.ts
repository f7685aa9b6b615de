/**
 * The ingest queue with real worker processes on the real PostgreSQL: two workers, one
 * killed with SIGKILL mid-batch and restarted; every report ends up stored exactly once,
 * the same events and incidents as a plain sequential ingest; a failing job ends in the
 * dead-letter state with its error, shown by `sitrep status`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { queueStatus } from '../../src/queue/index.js';
import { processReport } from '../../src/queue/process.js';
import { openStore, type Store } from '../../src/store/index.js';
import { dropSchema, freshStore, PG_BASE, uniqueSchema } from '../store/helpers.js';
import { smallReports } from './fixtures.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const CLI = ['--import', 'tsx', path.join(root, 'src/cli/index.ts')];
const N = 240;

const storeSchema = uniqueSchema('t_queue_store');
const bossSchema = uniqueSchema('t_queue_boss');
const storeUrl = `${PG_BASE}?schema=${storeSchema}`;
const env = {
  ...process.env,
  SITREP_QUEUE_SCHEMA: bossSchema,
  SITREP_QUEUE_EXPIRE_SECONDS: '4',
  SITREP_QUEUE_MAINTENANCE_SECONDS: '1',
};
const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-queue-'));
const children: ChildProcess[] = [];

/** Start a worker process; `lines` collects its stdout lines. */
function startWorker(): { child: ChildProcess; lines: string[]; errors: string[] } {
  const child = spawn(process.execPath, [...CLI, 'worker', '--concurrency', '3', '--store', storeUrl], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const lines: string[] = [];
  let buf = '';
  child.stdout!.on('data', (c: Buffer) => {
    buf += c.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    lines.push(...parts);
  });
  const errors: string[] = [];
  child.stderr!.on('data', (c: Buffer) => errors.push(c.toString()));
  return { child, lines, errors };
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string | (() => string)): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode != null || child.signalCode != null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

afterAll(async () => {
  for (const c of children) if (c.exitCode == null && c.signalCode == null) c.kill('SIGKILL');
  await Promise.all(children.map(exited));
  await dropSchema(storeSchema).catch(() => undefined);
  await dropSchema(bossSchema).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('queue: two workers, one killed mid-batch', () => {
  it('stores every report once and dead-letters a failing job', async () => {
    const reports = smallReports(N);
    const file = path.join(dir, 'reports.jsonl');
    writeFileSync(file, reports.map((r) => JSON.stringify(r)).join('\n') + '\n');
    // One loopback URL, queued on purpose (--allow-private): the workers refuse to fetch it, so it
    // fails every attempt.
    const badUrl = 'http://127.0.0.1:9/unreachable-report';
    const enq = await run(process.execPath, [...CLI, 'enqueue', file, badUrl, '--allow-private', '--store', storeUrl], { cwd: root, env });
    expect(enq.stdout).toMatch(new RegExp(`enqueue: ${N + 1} jobs added`));

    const a = startWorker();
    const b = startWorker();
    await until(
      () => a.lines.filter((l) => l.startsWith('ok ')).length >= 20,
      120_000,
      () => `worker A to process 20 jobs; its stderr: ${a.errors.join('').slice(-2000)}`,
    );
    a.child.kill('SIGKILL');
    await exited(a.child);
    const doneBeforeKill = a.lines.length;
    const a2 = startWorker();

    await until(
      async () => {
        const s = await queueStatus(storeUrl, bossSchema);
        if (!s) return false;
        const busy = (s.states.created ?? 0) + (s.states.retry ?? 0) + (s.states.active ?? 0);
        return busy === 0 && (s.states.completed ?? 0) >= N && (s.states.failed ?? 0) >= 1;
      },
      180_000,
      'the queue to drain',
    );
    b.child.kill('SIGTERM');
    a2.child.kill('SIGTERM');
    await Promise.all([exited(b.child), exited(a2.child)]);
    expect(doneBeforeKill).toBeGreaterThanOrEqual(20);
    expect(b.lines.length + a2.lines.length).toBeGreaterThan(0);

    // Compare with a plain sequential ingest of the same reports.
    const base = await freshStore('sqlite');
    const store: Store = await openStore(storeUrl);
    try {
      for (const r of reports) await processReport(base.store, { id: r.id, text: r.text, published: r.published });
      const got = await store.stats({});
      const want = await base.store.stats({});
      expect(got.reports).toBe(N);
      expect(got.events).toBe(want.events);
      expect(got.incidents).toBe(want.incidents);
      for (const r of reports) {
        const rep = await store.getReport(r.id);
        expect(rep, `report ${r.id}`).not.toBeNull();
      }
      // Each report's events exactly once, each in one incident, no incident twice.
      const seen = new Set<string>();
      const incidentsSeen = new Set<string>();
      for await (const e of store.streamEvents({})) {
        expect(seen.has(e.event_id)).toBe(false);
        seen.add(e.event_id);
        const inc = await store.getIncident(e.incident_id);
        expect(inc?.event_ids).toContain(e.event_id);
        incidentsSeen.add(e.incident_id);
      }
      expect(seen.size).toBe(want.events);
      expect(incidentsSeen.size).toBe(want.incidents);
    } finally {
      await store.close();
      await base.cleanup();
    }

    const status = await run(process.execPath, [...CLI, 'status', '--store', storeUrl, '--json'], { cwd: root, env });
    const st = JSON.parse(status.stdout) as { reports: number; queue: { dead_letter: number; failed: { input: string; error: string }[] } };
    expect(st.reports).toBe(N);
    expect(st.queue.dead_letter).toBeGreaterThanOrEqual(1);
    const failed = st.queue.failed.find((f) => f.input === badUrl);
    expect(failed?.error).toBeTruthy();
    const text = await run(process.execPath, [...CLI, 'status', '--store', storeUrl], { cwd: root, env });
    expect(text.stdout).toContain(`failed   ${badUrl}`);
  }, 400_000);
});
