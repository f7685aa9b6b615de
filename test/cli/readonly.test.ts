import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/sitrep.js');
const sitrep = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

let dir: string;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/index.js'))) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'sitrep-readonly-'));
});

describe('commands that only read a store', () => {
  it.each([['status'], ['export', '--format', 'csv']])('%s on a missing SQLite store says so, fails, and creates nothing', (...args) => {
    const file = join(dir, 'missing', 'none.sqlite');
    const r = sitrep([...args, '--store', `sqlite:${file}`]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no store at .*none\.sqlite/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});

describe('commands that only read a PostgreSQL store', () => {
  it.each([['status'], ['export', '--format', 'csv']])('%s on a schema nothing was stored in says so, fails, and creates no schema', (...args) => {
    const schema = `never_stored_${process.pid}`;
    const r = sitrep([...args, '--store', `postgres://postgres@127.0.0.1:5432/test?schema=${schema}`]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`no store at .*schema ${schema}`));
    const q = spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'test', '-tAc', `SELECT count(*) FROM information_schema.schemata WHERE schema_name = '${schema}'`], { encoding: 'utf8' });
    expect(q.stdout.trim()).toBe('0');
  });
});

describe('sitrep worker', () => {
  it('refuses a concurrency beyond what one PostgreSQL server can serve, before connecting', () => {
    const r = sitrep(['worker', '--drain', '--concurrency', '500', '--store', 'postgres://postgres@127.0.0.1:5432/test?schema=never_made']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--concurrency must be a whole number from 1 to 32/);
  });
});

describe('sitrep export filters', () => {
  it.each([
    [['--bbox', '200,-100,300,100'], /--bbox: west and east must be between -180 and 180/],
    [['--event-type', 'Nonsense'], /--event-type must be one of: Battles/],
    [['--sub-event-type', 'Nonsense'], /--sub-event-type must be one of: .*Armed clash/],
    [['--country', 'Atlantis'], /--country: no country is named or coded "Atlantis"/],
  ])('%s is refused with the allowed values', (flags, message) => {
    const r = sitrep(['export', '--format', 'jsonl', ...flags, '--store', `sqlite:${join(dir, 'none.sqlite')}`]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
  });
});
