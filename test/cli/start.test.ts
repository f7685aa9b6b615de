import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';

// Runs the real CLI (built by `npm run build`) on the bundled reports, as `npm start` does.
const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-start-'));
const bin = path.resolve('bin/sitrep.js');
const run = () =>
  execFileSync(process.execPath, [bin, 'start', '--no-serve', '--store', `sqlite:${path.join(dir, 's.sqlite')}`, '--out-dir', path.join(dir, 'exports')], {
    encoding: 'utf8',
  });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sitrep start', () => {
  const first = run();
  it('ingests the bundled reports and prints the summary and the export paths', () => {
    expect(first).toMatch(/reports read\s+5\d\d/);
    expect(first).toMatch(/events by type/);
    expect(first).toMatch(/events by country/);
    expect(first).toContain(path.join(dir, 'exports', 'events.csv'));
  });
  it('codes the seed report: Quetta, Nushki and Mastung on 2026-01-31, the BLA as actor1', () => {
    const events = readFileSync(path.join(dir, 'exports', 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const seed = events.filter((e) => e.doc_id === 'seed-quetta-2026-01-31');
    for (const town of ['Quetta', 'Nushki', 'Mastung']) {
      const e = seed.find((x) => x.location === town);
      expect(e, town).toBeDefined();
      expect(e.event_date).toBe('2026-01-31');
      expect(e.country).toBe('Pakistan');
      expect(e.admin1).toBe('Balochistan');
    }
    expect(seed.some((e) => e.actor1 === 'Baloch Liberation Army' && e.inter1 === 2)).toBe(true);
    expect(seed.every((e) => !e.event_date.startsWith('2024'))).toBe(true);
  });
  it('writes a CSV with ACLED columns that parses back', () => {
    const rows = parse(readFileSync(path.join(dir, 'exports', 'events.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(100);
    expect(Object.keys(rows[0]!).slice(0, 3)).toEqual(['event_id_cnty', 'event_date', 'year']);
  });
  it('changes nothing when run again', () => {
    const again = run();
    expect(again).toMatch(/reports new\s+0\b/);
  });
});
