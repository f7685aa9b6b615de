/**
 * `sitrep ingest` and `sitrep status` end to end: good inputs stored once, bad inputs
 * quarantined with a one-line message, the store chosen by --store or SITREP_STORE.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, PG_BASE, uniqueSchema } from './helpers.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const CLI = ['--import', pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href, path.join(root, 'src/cli/index.ts')];
const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-cli-'));
const schema = uniqueSchema('t_cli');

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchema(schema);
});

/** Run the CLI; resolves with stdout, stderr and the exit code (never rejects on exit 1). */
async function sitrep(args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    const r = await run(process.execPath, [...CLI, ...args], { cwd: dir, env });
    return { ...r, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe.each(['sqlite', 'postgres'] as const)('sitrep ingest/status on %s', (engine) => {
  it('stores good inputs once and quarantines bad ones with their reason', async () => {
    const sub = mkdtempSync(path.join(dir, `${engine}-`));
    writeFileSync(path.join(sub, 'one.txt'), 'Armed men attacked a village near Gao on Monday and killed three herders, residents said.');
    writeFileSync(path.join(sub, 'two.txt'), 'Hundreds of students marched through Dhaka on Tuesday to demand lower fees.');
    writeFileSync(path.join(sub, 'noise.bin'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]));
    writeFileSync(path.join(sub, 'more.jsonl'), '{"id":"m1","text":"Police arrested twelve opposition activists in Harare on Friday.","published":"2026-02-06"}\n{broken\n');
    const withStore = engine === 'sqlite' ? ['--store', `sqlite:${path.join(sub, 'store.sqlite')}`] : [];
    const env = engine === 'postgres' ? { ...process.env, SITREP_STORE: `${PG_BASE}?schema=${schema}` } : process.env;

    // A folder is walked for report files; a file named on the command line is read whatever its name.
    const first = await sitrep(['ingest', sub, path.join(sub, 'noise.bin'), ...withStore], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/3 reports read \(3 new, 0 already stored\)/);
    expect(first.stdout).toMatch(/2 quarantined/);
    const lines = first.stderr.trim().split('\n');
    // the folder's other files are named as skipped, not counted as failures
    expect(lines.some((l) => /noise\.bin: skipped: not a report file/.test(l))).toBe(true);
    const errLines = lines.filter((l) => !/: skipped: /.test(l));
    expect(errLines).toHaveLength(2);
    expect(errLines.some((l) => l.includes('noise.bin'))).toBe(true);
    expect(errLines.some((l) => l.includes('more.jsonl:2'))).toBe(true);

    const again = await sitrep(['ingest', path.join(sub, 'one.txt'), path.join(sub, 'two.txt'), ...withStore], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/2 reports read \(0 new, 2 already stored\)/);

    const status = await sitrep(['status', '--json', ...withStore], env);
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as { reports: number; quarantine: { input: string; reason: string }[] };
    expect(s.reports).toBe(3);
    expect(s.quarantine.map((q) => q.input).sort()).toEqual([path.join(sub, 'more.jsonl:2'), path.join(sub, 'noise.bin')].sort());
    for (const q of s.quarantine) expect(q.reason.length).toBeGreaterThan(3);
    const text = await sitrep(['status', ...withStore], env);
    expect(text.stdout).toMatch(/reports\s+3/);
    expect(text.stdout).toMatch(/quarantine 2/);
  });
});

it('refuses an unknown store URL with a clear message', async () => {
  const r = await sitrep(['status', '--store', 'mysql://nowhere/db']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/unknown store URL/);
});
