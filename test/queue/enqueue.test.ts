/**
 * `sitrep enqueue` and `sitrep status` before any worker ran, on the real PostgreSQL: waiting
 * jobs are shown though no report is stored yet, and a report too long to extract is refused at
 * enqueue (quarantined with its reason), not retried by the workers.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, PG_BASE, uniqueSchema } from '../store/helpers.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const CLI = ['--import', 'tsx', path.join(root, 'src/cli/index.ts')];
const storeSchema = uniqueSchema('t_enq_store');
const bossSchema = uniqueSchema('t_enq_boss');
const storeUrl = `${PG_BASE}?schema=${storeSchema}`;
const env = { ...process.env, SITREP_QUEUE_SCHEMA: bossSchema };
const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-enqueue-'));

afterAll(async () => {
  await dropSchema(storeSchema).catch(() => undefined);
  await dropSchema(bossSchema).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('enqueue, then status before any worker', () => {
  it('shows the waiting job with the store not created yet', async () => {
    const file = path.join(dir, 'one.txt');
    writeFileSync(file, 'Gunmen killed three farmers near Kaduna on Tuesday, police said.');
    const enq = await run(process.execPath, [...CLI, 'enqueue', file, '--store', storeUrl, '--published', '2026-02-11'], { cwd: root, env });
    expect(enq.stdout).toMatch(/1 jobs added, 0 inputs quarantined/);
    const st = await run(process.execPath, [...CLI, 'status', '--store', storeUrl, '--json'], { cwd: root, env });
    const j = JSON.parse(st.stdout) as { store_created: boolean; reports: number; queue: { states: Record<string, number> } };
    expect(j.store_created).toBe(false);
    expect(j.reports).toBe(0);
    expect(Object.values(j.queue.states).reduce((a, b) => a + b, 0)).toBe(1);
    const text = await run(process.execPath, [...CLI, 'status', '--store', storeUrl], { cwd: root, env });
    expect(text.stdout).toMatch(/not created yet/);
  }, 60_000);

  it('refuses a report too long to extract at enqueue, with its reason in quarantine', async () => {
    const file = path.join(dir, 'long.txt');
    writeFileSync(file, 'Protesters marched in Lagos on Monday. '.repeat(30_000));
    const enq = await run(process.execPath, [...CLI, 'enqueue', file, '--store', storeUrl, '--published', '2026-02-11'], { cwd: root, env }).catch((e: { stdout: string; stderr: string; code: number }) => e);
    expect(enq.stdout).toMatch(/0 jobs added, 1 inputs quarantined/);
    expect(enq.stderr).toMatch(/over the 1,000,000 limit/);
    const st = await run(process.execPath, [...CLI, 'status', '--store', storeUrl, '--json'], { cwd: root, env });
    const j = JSON.parse(st.stdout) as { quarantine: { input: string; reason: string }[]; queue: { states: Record<string, number> } };
    expect(j.quarantine.map((q) => q.reason).join('\n')).toMatch(/over the 1,000,000 limit/);
    expect(Object.values(j.queue.states).reduce((a, b) => a + b, 0)).toBe(1); // only the first job
  }, 60_000);
});
