/**
 * Exports read back with real parsers: CSV through csv-parse, GeoJSON and JSON Lines
 * through JSON.parse; and the `sitrep export` command end to end.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS, guardCell, incidentsAsEvents, writeCsv, writeExport, writeGeoJson, writeJsonl } from '../../src/export/index.js';
import type { Store } from '../../src/store/index.js';
import { freshStore, killed, mkDoc, mkEvent, type TestStore } from '../store/helpers.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Collect what a writer writes. */
async function capture(fn: (out: PassThrough) => Promise<number>): Promise<{ text: string; n: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const n = await fn(out);
  return { text: Buffer.concat(chunks).toString('utf8'), n };
}

describe('exports', () => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await freshStore('sqlite');
    store = t.store;
    await store.ingest(mkDoc('west', 'a report from the west', { source: 'Coast Radio' }), [
      mkEvent({
        event_id: 'w1',
        doc_id: 'west',
        country: 'Westland',
        latitude: 8.25,
        longitude: -12.5,
        actor1: '=HYPERLINK("http://bad.example")',
        notes: 'Fighters said, "we held the bridge"\nand left; -3 casualties were claimed.',
        fatalities: 3,
        fatalities_low: 3,
        fatalities_high: 5,
        claims: [killed(3, 'the police', 5)],
      }),
    ]);
    await store.ingest(mkDoc('east', 'a report from the east'), [
      mkEvent({ event_id: 'e1', doc_id: 'east', country: 'Chad', latitude: null, longitude: null, geo_precision: 3, location: null, actor2: '@mention', notes: '+1 more' }),
    ]);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('guards formula cells but not plain numbers', () => {
    expect(guardCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(guardCell('+1 more')).toBe("'+1 more");
    expect(guardCell('@x')).toBe("'@x");
    expect(guardCell('-3 dead')).toBe("'-3 dead");
    expect(guardCell('-12.5')).toBe('-12.5');
    expect(guardCell('Quetta')).toBe('Quetta');
    // blanks and line breaks before a formula do not hide it from a spreadsheet
    expect(guardCell(' =1+1')).toBe("' =1+1");
    expect(guardCell('\n=1+1')).toBe("'\n=1+1");
    expect(guardCell(' -12.5')).toBe(' -12.5');
  });

  it('writes CSV with ACLED’s columns in ACLED’s order, parsable, with guarded cells', async () => {
    const { text, n } = await capture((out) => writeCsv(store.streamEvents({}), out));
    expect(n).toBe(2);
    const rows = parse(text, { columns: false, skip_empty_lines: true }) as string[][];
    expect(rows[0]).toEqual([...ACLED_COLUMNS]);
    expect(rows).toHaveLength(3);
    const recs = parse(text, { columns: true }) as Record<string, string>[];
    const w = recs.find((r) => r.event_id_cnty === 'w1')!;
    expect(w.longitude).toBe('-12.5');
    expect(w.latitude).toBe('8.25');
    expect(w.actor1).toBe('\'=HYPERLINK("http://bad.example")');
    expect(w.notes).toBe('Fighters said, "we held the bridge"\nand left; -3 casualties were claimed.');
    expect(w.fatalities).toBe('3');
    expect(w.year).toBe('2026');
    expect(w.source).toBe('Coast Radio');
    expect(w.event_type).toBe('Battles');
    expect(w.interaction).toBe('12');
    expect(Number(w.timestamp)).toBeGreaterThan(1_600_000_000);
    const e = recs.find((r) => r.event_id_cnty === 'e1')!;
    expect(e.latitude).toBe('');
    expect(e.actor2).toBe("'@mention");
    expect(e.notes).toBe("'+1 more");
  });

  it('writes an RFC 7946 FeatureCollection with [longitude, latitude]', async () => {
    const { text, n } = await capture((out) => writeGeoJson(store.streamEvents({}), out));
    expect(n).toBe(2);
    const fc = JSON.parse(text) as { type: string; features: { id: string; geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(fc.type).toBe('FeatureCollection');
    const w = fc.features.find((f) => f.id === 'w1')!;
    expect(w.geometry).toEqual({ type: 'Point', coordinates: [-12.5, 8.25] });
    expect(w.properties.incident_id).toMatch(/^inc_/);
    expect(w.properties.fatalities_high).toBe(5);
    expect(fc.features.find((f) => f.id === 'e1')!.geometry).toBeNull();
  });

  it('writes JSON Lines with evidence, claims and incident_id', async () => {
    const { text } = await capture((out) => writeJsonl(store.streamEvents({ country: 'Westland' }), out));
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.event_id).toBe('w1');
    expect(lines[0]!.incident_id).toMatch(/^inc_/);
    expect((lines[0]!.claims as unknown[]).length).toBe(1);
    expect(lines[0]!.evidence).toHaveProperty('event_type');
    expect(() => writeExport('xlsx', store.streamEvents({}), new PassThrough())).toThrow(/unknown export format/);
  });

  it('quotes a cell holding a bare carriage return, so each row keeps its 31 columns', async () => {
    const t2 = await freshStore('sqlite');
    try {
      await t2.store.ingest(mkDoc('cr', 'a report with a carriage return', { source: 'Desk\rNorth' }), [
        mkEvent({ event_id: 'cr1', doc_id: 'cr', country: 'Chad', notes: 'Checked.\rSee note.' }),
      ]);
      const { text } = await capture((out) => writeCsv(t2.store.streamEvents({}), out));
      // a reader that ends rows at any line break, as spreadsheets and Python's csv do
      const rows = parse(text, { columns: false, skip_empty_lines: true, record_delimiter: ['\n', '\r'] }) as string[][];
      expect(rows.map((r) => r.length)).toEqual([31, 31]);
      expect(rows[1]![ACLED_COLUMNS.indexOf('notes')]).toBe('Checked.\rSee note.');
    } finally {
      await t2.cleanup();
    }
  });

  it('exports one row per incident: reconciled figures, every outlet, its id', async () => {
    const t2 = await freshStore('sqlite');
    try {
      const a = await t2.store.ingest(mkDoc('one', 'first outlet', { source: 'Outlet A' }), [
        mkEvent({ event_id: 'o1', doc_id: 'one', fatalities: 10, fatalities_low: 10, fatalities_high: 10, claims: [killed(10, 'the army')] }),
      ]);
      await t2.store.ingest(mkDoc('two', 'second outlet', { source: 'Outlet B' }), [
        mkEvent({ event_id: 't1', doc_id: 'two', fatalities: 14, fatalities_low: 14, fatalities_high: 14, claims: [killed(14, 'a hospital')] }),
      ]);
      await t2.store.ingest(mkDoc('three', 'elsewhere', { source: 'Outlet A' }), [mkEvent({ event_id: 'x1', doc_id: 'three', latitude: 14.5, longitude: 22.0, location: 'Yonder' })]);
      const { text, n } = await capture((out) => writeCsv(incidentsAsEvents(t2.store, {}), out));
      expect(n).toBe(2);
      const recs = parse(text, { columns: true }) as Record<string, string>[];
      const joined = recs.find((r) => r.event_id_cnty === a.events[0]!.incident_id)!;
      expect(joined.source).toBe('Outlet A; Outlet B');
      expect(joined.fatalities).toBe('10'); // lower median of the distinct figures 10 and 14
      expect(joined.inter1).toBe('1');
      const lines = (await capture((out) => writeJsonl(incidentsAsEvents(t2.store, {}), out))).text.trim().split('\n').map((l) => JSON.parse(l) as { event_id: string; fatalities_high: number; claims: { best: number; doc_id: string }[] });
      const j = lines.find((l) => l.event_id === a.events[0]!.incident_id)!;
      expect([j.fatalities_high, j.claims.length]).toEqual([14, 2]);
      // each claim names the report its offsets point into
      expect(j.claims.map((c) => `${c.best}:${c.doc_id}`).sort()).toEqual(['10:one', '14:two']);
    } finally {
      await t2.cleanup();
    }
  });

  it('`sitrep export --out` never writes over the store it reads, and a failed export keeps the old file', async () => {
    const cli = ['--import', 'tsx', path.join(root, 'src/cli/index.ts')];
    const file = t.url.replace(/^sqlite:/, '');
    const before = readFileSync(file).length;
    await expect(run(process.execPath, [...cli, 'export', '--format', 'csv', '--out', file, '--store', t.url], { cwd: root })).rejects.toMatchObject({
      stderr: expect.stringMatching(/is the store being exported/),
    });
    expect(readFileSync(file).length).toBe(before);
    await expect(run(process.execPath, [...cli, 'export', '--format', 'csv', '--out', path.join(path.dirname(file), 'no-such-dir', 'x.csv'), '--store', t.url], { cwd: root })).rejects.toMatchObject({
      stderr: expect.stringMatching(/cannot write --out .*x\.csv/),
    });
  });

  it('`sitrep export` writes a filtered file and refuses bad flags', async () => {
    const out = path.join(path.dirname(t.url.replace(/^sqlite:/, '')), 'out.csv');
    const cli = ['--import', 'tsx', path.join(root, 'src/cli/index.ts')];
    await run(process.execPath, [...cli, 'export', '--format', 'csv', '--out', out, '--store', t.url, '--country', ' TCD '], { cwd: root });
    const recs = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(recs.map((r) => r.event_id_cnty)).toEqual(['e1']);
    const bbox = await run(process.execPath, [...cli, 'export', '--format', 'jsonl', '--store', t.url, '--bbox', '-13,8,-12,9'], { cwd: root });
    expect(bbox.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { event_id: string }).event_id)).toEqual(['w1']);
    await expect(run(process.execPath, [...cli, 'export', '--format', 'csv', '--level', 'reports', '--store', t.url], { cwd: root })).rejects.toMatchObject({
      stderr: expect.stringMatching(/unknown --level reports \(use events or incidents\)/),
    });
    const byIncident = await run(process.execPath, [...cli, 'export', '--format', 'jsonl', '--level', 'incidents', '--store', t.url], { cwd: root });
    expect(byIncident.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { event_id: string }).event_id).every((id) => id.startsWith('inc_'))).toBe(true);
    await expect(run(process.execPath, [...cli, 'export', '--format', 'pdf', '--store', t.url], { cwd: root })).rejects.toMatchObject({
      stderr: expect.stringMatching(/unknown --format pdf/),
    });
    await expect(run(process.execPath, [...cli, 'export', '--format', 'csv', '--store', t.url, '--bbox', '1,2,3'], { cwd: root })).rejects.toMatchObject({
      stderr: expect.stringMatching(/--bbox/),
    });
  });
});
