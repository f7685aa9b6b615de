/**
 * `sitrep incident merge|split|recluster` on a real SQLite file: decisions made from the command
 * line are kept, refused when doubtful, and survive a re-cluster.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { freshStore, mkDoc, mkEvent, type TestStore } from '../store/helpers.js';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/sitrep.js');
const sitrep = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('sitrep incident', () => {
  let t: TestStore;
  let near: string; // two reports of one clash
  let far: string; // another clash 200 km away
  let abroad: string; // a clash in another country
  beforeAll(async () => {
    t = await freshStore('sqlite');
    const a = await t.store.ingest(mkDoc('a', 'report a'), [mkEvent({ event_id: 'a1', doc_id: 'a' })]);
    await t.store.ingest(mkDoc('b', 'report b'), [mkEvent({ event_id: 'b1', doc_id: 'b' })]);
    const c = await t.store.ingest(mkDoc('c', 'report c'), [mkEvent({ event_id: 'c1', doc_id: 'c', latitude: 13.8, longitude: 20.0, location: 'Farther' })]);
    const d = await t.store.ingest(mkDoc('d', 'report d'), [mkEvent({ event_id: 'd1', doc_id: 'd', country: 'Chad', latitude: 13.0, longitude: 19.0 })]);
    near = a.events[0]!.incident_id;
    far = c.events[0]!.incident_id;
    abroad = d.events[0]!.incident_id;
    await t.store.close();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('splits an event out, merges two incidents, refuses a doubtful merge without --force, and keeps it all through recluster', async () => {
    expect(near).not.toBe(far);
    const split = sitrep(['incident', 'split', near, 'b1', '--reviewer', 'ana', '--store', t.url]);
    expect(split.status, split.stderr).toBe(0);
    const splitId = split.stdout.trim();
    expect(splitId).toMatch(/^inc_/);
    const merge = sitrep(['incident', 'merge', near, far, '--reviewer', 'ana', '--store', t.url]);
    expect(merge.status, merge.stderr).toBe(0);
    const doubtful = sitrep(['incident', 'merge', near, abroad, '--reviewer', 'ana', '--store', t.url]);
    expect(doubtful.status).not.toBe(0);
    expect(doubtful.stderr).toMatch(/in different countries; add --force/);
    expect(sitrep(['incident', 'merge', near, far, '--store', t.url]).stderr).toMatch(/--reviewer/);
    const re = sitrep(['incident', 'recluster', '--store', t.url]);
    expect(re.status, re.stderr).toBe(0);
    const store = await openStore(t.url);
    try {
      const incOf = async (id: string) => (await store.getEvent(id))!.incident_id;
      expect(await incOf('a1')).toBe(await incOf('c1')); // the merge holds
      expect(await incOf('b1')).not.toBe(await incOf('a1')); // the split holds
      expect(await incOf('d1')).not.toBe(await incOf('a1'));
      expect((await store.audit(10)).map((x) => x.action)).toEqual(expect.arrayContaining(['merge', 'split']));
    } finally {
      await store.close();
    }
    const show = sitrep(['incident', 'show', 'inc_nope', '--store', t.url]);
    expect(show.stderr).toMatch(/no incident inc_nope/);
  });
});
