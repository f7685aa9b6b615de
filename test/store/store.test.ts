/**
 * The Store contract, run against both engines: a SQLite file and a PostgreSQL schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { freshStore, killed, mkDoc, mkEvent, type TestStore } from './helpers.js';

describe.each(['sqlite', 'postgres'] as const)('store on %s', (engine) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await freshStore(engine);
    store = t.store;
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('applies migrations once: reopening the same store changes nothing', async () => {
    const again = await openStore(t.url);
    await again.migrate();
    const s = await again.stats({});
    expect(s.events).toBe(0);
    await again.close();
  });

  it('stores a report and its events, each in an incident', async () => {
    const doc = mkDoc('r1', 'Soldiers and fighters of the Northern Front clashed near Alpha Town on Tuesday.', {
      url: 'https://example.org/r1',
      source: 'Example Times',
    });
    const res = await store.ingest(doc, [mkEvent({ event_id: 'r1-e1', doc_id: 'r1', fatalities: 4, fatalities_low: 4, fatalities_high: 4, claims: [killed(4, 'the army')] })]);
    expect(res.inserted).toBe(true);
    expect(res.events).toHaveLength(1);
    const ev = await store.getEvent('r1-e1');
    expect(ev?.incident_id).toMatch(/^inc_/);
    expect(ev?.status).toBe('unreviewed');
    expect(ev?.source).toBe('Example Times');
    const inc = await store.getIncident(ev!.incident_id);
    expect(inc?.event_ids).toEqual(['r1-e1']);
    expect(inc?.doc_ids).toEqual(['r1']);
    expect(inc?.fatalities).toBe(4);
    const rep = await store.getReport('r1');
    expect(rep?.text_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rep?.url).toBe('https://example.org/r1');
  });

  it('re-ingesting the same text or the same URL changes nothing', async () => {
    const before = await store.stats({});
    const sameText = await store.ingest(
      mkDoc('r1-copy', '  Soldiers and fighters of the Northern Front   clashed near Alpha Town on Tuesday. '),
      [mkEvent({ event_id: 'r1copy-e1', doc_id: 'r1-copy' })],
    );
    expect(sameText.inserted).toBe(false);
    expect(sameText.doc_id).toBe('r1');
    expect(sameText.events.map((e) => e.event_id)).toEqual(['r1-e1']);
    const sameUrl = await store.ingest(mkDoc('r1-v2', 'An updated text of the same page.', { url: 'https://example.org/r1' }), [
      mkEvent({ event_id: 'r1v2-e1', doc_id: 'r1-v2' }),
    ]);
    expect(sameUrl.inserted).toBe(false);
    const after = await store.stats({});
    expect(after).toEqual(before);
    expect(await store.getEvent('r1copy-e1')).toBeNull();
  });

  it('keeps a different report that reuses a taken doc_id under a new id', async () => {
    const res = await store.ingest(mkDoc('r1', 'A different report that happens to have the same file name.'), []);
    expect(res.inserted).toBe(true);
    expect(res.doc_id).not.toBe('r1');
    expect(res.doc_id.startsWith('r1#')).toBe(true);
    expect((await store.getReport(res.doc_id))?.text).toContain('different report');
  });

  it('puts a second outlet’s report of the same clash in the same incident and reconciles it', async () => {
    const res = await store.ingest(mkDoc('r2', 'Fighting near Alpha town left four dead, the army said; residents said six.', { source: 'Other Post' }), [
      mkEvent({
        event_id: 'r2-e1',
        doc_id: 'r2',
        latitude: 12.03,
        longitude: 20.02,
        location: 'Alpha',
        geo_precision: 1,
        actor2: null,
        inter2: null,
        fatalities: 4,
        fatalities_low: 4,
        fatalities_high: 6,
        claims: [killed(4, 'the army'), killed(6, 'residents')],
      }),
    ]);
    const first = await store.getEvent('r1-e1');
    expect(res.events[0]!.incident_id).toBe(first!.incident_id);
    const inc = (await store.getIncident(first!.incident_id))!;
    expect(inc.event_ids.sort()).toEqual(['r1-e1', 'r2-e1']);
    expect(inc.doc_ids.sort()).toEqual(['r1', 'r2']);
    expect(inc.source_count).toBe(2);
    expect(inc.fatalities_low).toBe(4);
    expect(inc.fatalities_high).toBe(6);
    expect(inc.fatalities).toBe(4);
    expect(inc.actor2).toBe('Northern Front');
    expect(inc.location).toBe('Alpha Town');
  });

  it('starts new incidents for a far place, another type, a distant date, or contradicting actors', async () => {
    const far = await store.ingest(mkDoc('r3', 'report three'), [mkEvent({ event_id: 'r3-e1', doc_id: 'r3', latitude: 13.0, longitude: 21.0, location: 'Beta', admin1: 'East' })]);
    const type = await store.ingest(mkDoc('r4', 'report four'), [
      mkEvent({ event_id: 'r4-e1', doc_id: 'r4', sub_event_type: 'Air/drone strike', event_type: 'Explosions/Remote violence' }),
    ]);
    const late = await store.ingest(mkDoc('r5', 'report five'), [mkEvent({ event_id: 'r5-e1', doc_id: 'r5', event_date: '2026-02-14' })]);
    const other = await store.ingest(mkDoc('r6', 'report six'), [
      mkEvent({ event_id: 'r6-e1', doc_id: 'r6', actor1: 'Southern Liberation Movement', inter1: 2, actor2: 'Western Guard', inter2: 3 }),
    ]);
    const base = (await store.getEvent('r1-e1'))!.incident_id;
    const ids = [far, type, late, other].map((r) => r.events[0]!.incident_id);
    for (const id of ids) expect(id).not.toBe(base);
    expect(new Set(ids).size).toBe(4);
  });

  it('joins a coarse report (region only, week precision) to a precise incident of that region', async () => {
    const res = await store.ingest(mkDoc('r7', 'report seven'), [
      mkEvent({
        event_id: 'r7-e1',
        doc_id: 'r7',
        event_date: '2026-02-11',
        time_precision: 2,
        geo_precision: 3,
        location: 'North',
        latitude: 14.5,
        longitude: 22.0,
        admin2: null,
      }),
    ]);
    expect(res.events[0]!.incident_id).toBe((await store.getEvent('r1-e1'))!.incident_id);
  });

  it('pages with a cursor that stays stable while rows are inserted', async () => {
    const t2 = await freshStore(engine, 't_page');
    try {
      const s = t2.store;
      for (let i = 0; i < 12; i++) {
        const day = String(1 + (i % 6)).padStart(2, '0');
        await s.ingest(mkDoc(`p${i}`, `page report ${i}`), [
          mkEvent({ event_id: `p${i}`, doc_id: `p${i}`, event_date: `2026-03-${day}`, latitude: i, longitude: i, admin1: `A${i}` }),
        ]);
      }
      const seen: string[] = [];
      let page = await s.listEvents({}, 5);
      seen.push(...page.items.map((e) => e.event_id));
      // New rows, both newer and older than the cursor, arrive between pages.
      await s.ingest(mkDoc('new-late', 'a newer report'), [mkEvent({ event_id: 'new-late', doc_id: 'new-late', event_date: '2026-03-30', latitude: 40, longitude: 40 })]);
      await s.ingest(mkDoc('new-early', 'an older report'), [mkEvent({ event_id: 'new-early', doc_id: 'new-early', event_date: '2026-01-01', latitude: 41, longitude: 41 })]);
      while (page.next_cursor) {
        page = await s.listEvents({}, 5, page.next_cursor);
        seen.push(...page.items.map((e) => e.event_id));
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (let i = 0; i < 12; i++) expect(seen).toContain(`p${i}`);
      expect(seen).not.toContain('new-late');
      expect(seen).toContain('new-early');
      const dates = seen.filter((x) => x !== 'new-early').map((id) => id);
      expect(dates.length).toBe(12);
      await expect(s.listEvents({}, 5, 'not-a-cursor')).rejects.toThrow(/invalid cursor/);
    } finally {
      await t2.cleanup();
    }
  });

  it('filters by date, country, admin1, type, actor, text and bounding box', async () => {
    expect((await store.listEvents({ date_from: '2026-02-11' }, 100)).items.map((e) => e.event_id).sort()).toEqual(['r5-e1', 'r7-e1']);
    expect((await store.listEvents({ country: 'testland' }, 100)).items.length).toBeGreaterThanOrEqual(7);
    expect((await store.listEvents({ country: 'Elsewhere' }, 100)).items).toHaveLength(0);
    expect((await store.listEvents({ admin1: 'east' }, 100)).items.map((e) => e.event_id)).toEqual(['r3-e1']);
    // an accented spelling finds a name stored without accents
    expect((await store.listEvents({ admin1: 'Éast' }, 100)).items.map((e) => e.event_id)).toEqual(['r3-e1']);
    expect((await store.listEvents({ event_type: 'Explosions/Remote violence' }, 100)).items.map((e) => e.event_id)).toEqual(['r4-e1']);
    expect((await store.listEvents({ sub_event_type: 'Air/drone strike' }, 100)).items.map((e) => e.event_id)).toEqual(['r4-e1']);
    expect((await store.listEvents({ actor: 'western GUARD' }, 100)).items.map((e) => e.event_id)).toEqual(['r6-e1']);
    expect((await store.listEvents({ q: 'alpha town' }, 100)).items.length).toBeGreaterThan(0);
    expect((await store.listEvents({ q: '100%_' }, 100)).items).toHaveLength(0);
    expect((await store.listEvents({ bbox: [20.5, 12.5, 21.5, 13.5] }, 100)).items.map((e) => e.event_id)).toEqual(['r3-e1']);
    const incs = await store.listIncidents({ actor: 'southern liberation' }, 10);
    expect(incs.items).toHaveLength(1);
    expect(incs.items[0]!.event_ids).toEqual(['r6-e1']);
  });

  it('records reviews in the audit log with who, when, before and after', async () => {
    await expect(store.reviewEvent('r3-e1', { action: 'accept', reviewer: ' ' })).rejects.toThrow(/reviewer/);
    expect(await store.reviewEvent('missing', { action: 'accept', reviewer: 'ana' })).toBeNull();
    const acc = await store.reviewEvent('r3-e1', { action: 'accept', reviewer: 'ana', comment: 'checked the map' });
    expect(acc?.status).toBe('accepted');
    const cor = await store.reviewEvent('r4-e1', {
      action: 'correct',
      reviewer: 'ben',
      comment: 'it was shelling',
      changes: { sub_event_type: 'Shelling/artillery/missile attack', fatalities: 2, event_id: 'hijack' },
    });
    expect(cor?.status).toBe('corrected');
    expect(cor?.event_id).toBe('r4-e1');
    expect(cor?.sub_event_type).toBe('Shelling/artillery/missile attack');
    expect((await store.getEvent('r4-e1'))?.fatalities).toBe(2);
    // the summary follows the corrected fields
    expect(cor?.notes).toMatch(/shelled|shelling|artillery/i);
    expect(cor?.notes).toMatch(/2 fatalities/);
    await expect(
      store.reviewEvent('r4-e1', { action: 'correct', reviewer: 'ben', changes: { sub_event_type: 'Picnic' as never } }),
    ).rejects.toThrow(/sub_event_type/);
    const rej = await store.reviewEvent('r6-e1', { action: 'reject', reviewer: 'cy' });
    expect(rej?.status).toBe('rejected');
    expect((await store.listEvents({ status: 'rejected' }, 10)).items.map((e) => e.event_id)).toEqual(['r6-e1']);
    const log = await store.audit(10);
    expect(log.map((a) => a.action)).toEqual(['reject', 'correct', 'accept']);
    const c = log[1]!;
    expect(c.reviewer).toBe('ben');
    expect(c.comment).toBe('it was shelling');
    expect(c.target).toBe('event:r4-e1');
    expect((c.before as { sub_event_type: string }).sub_event_type).toBe('Air/drone strike');
    expect((c.after as { sub_event_type: string }).sub_event_type).toBe('Shelling/artillery/missile attack');
    expect(Date.parse(c.at)).not.toBeNaN();
  });

  it('keeps analyst merges and splits, and the audit log, through re-clustering', async () => {
    const farInc = (await store.getEvent('r3-e1'))!.incident_id;
    const baseInc = (await store.getEvent('r1-e1'))!.incident_id;
    const merged = await store.mergeIncidents(baseInc, farInc, 'dee');
    expect(merged?.event_ids.sort()).toEqual(['r1-e1', 'r2-e1', 'r3-e1', 'r7-e1']);
    expect(await store.getIncident(farInc)).toBeNull();
    const split = await store.splitEvent(baseInc, 'r2-e1', 'eve');
    expect(split?.event_ids).toEqual(['r2-e1']);
    expect(split?.incident_id).not.toBe(baseInc);
    expect(await store.splitEvent(baseInc, 'r2-e1', 'eve')).toBeNull();
    const auditBefore = await store.audit(100);
    expect(auditBefore[0]!.action).toBe('split');
    expect(auditBefore[1]!.action).toBe('merge');

    const { incidents } = await store.recluster();
    expect(incidents).toBeGreaterThan(0);
    const e1 = (await store.getEvent('r1-e1'))!;
    const e2 = (await store.getEvent('r2-e1'))!;
    const e3 = (await store.getEvent('r3-e1'))!;
    const e7 = (await store.getEvent('r7-e1'))!;
    expect(e3.incident_id).toBe(e1.incident_id); // the merge holds
    expect(e7.incident_id).toBe(e1.incident_id);
    expect(e2.incident_id).not.toBe(e1.incident_id); // the split holds
    // …and the incidents keep their ids: the merged one, and the one split out
    expect(e1.incident_id).toBe(baseInc);
    expect(e2.incident_id).toBe(split!.incident_id);
    // a second rebuild changes nothing
    await store.recluster();
    expect((await store.getEvent('r2-e1'))!.incident_id).toBe(split!.incident_id);
    expect((await store.getEvent('r3-e1'))!.incident_id).toBe(baseInc);
    expect(e3.status).toBe('accepted'); // reviews live on the events
    expect(await store.audit(100)).toEqual(auditBefore);
    // Every event is in exactly one existing incident.
    const all = (await store.listEvents({}, 1000)).items;
    for (const e of all) expect((await store.getIncident(e.incident_id))?.event_ids).toContain(e.event_id);
  });

  it('keeps quarantined inputs with their reason', async () => {
    await store.quarantine('bad.bin', 'binary bytes, not text');
    await store.quarantine('reports.jsonl:7', 'line 7 is not JSON');
    const q = await store.listQuarantine(10);
    expect(q.map((x) => x.input)).toEqual(['reports.jsonl:7', 'bad.bin']);
    expect(q[1]!.reason).toBe('binary bytes, not text');
  });

  it('counts events, and incidents by day, country and type', async () => {
    const s = await store.stats({});
    expect(s.reports).toBe(8);
    // 7 events stored, one rejected by an analyst above: not an event, so not counted
    expect(s.events).toBe(6);
    expect((await store.stats({ status: 'rejected' })).events).toBe(1);
    expect((await store.listEvents({}, 50)).items.map((e) => e.event_id)).not.toContain('r6-e1');
    // the breakdowns count incidents: events told by several reports count once
    expect(s.incidents).toBeLessThan(s.events);
    const battles = s.by_event_type.find((x) => x.event_type === 'Battles')?.count ?? 0;
    expect(battles).toBeGreaterThanOrEqual(1);
    expect(s.by_country).toEqual([{ country: 'Testland', count: s.incidents }]);
    expect(s.by_day.reduce((a, b) => a + b.count, 0)).toBe(s.incidents);
    const incidents = (await store.listIncidents({}, 50)).items;
    expect(s.by_day.reduce((a, b) => a + b.fatalities, 0)).toBe(incidents.reduce((a, i) => a + i.fatalities, 0));
    const f = await store.stats({ event_type: 'Battles', date_to: '2026-02-10' });
    expect(f.events).toBe(3); // four such events, one rejected
    // under a review status, incidents count when one of their events has it
    const accepted = await store.stats({ status: 'accepted' });
    const all = await store.stats({});
    expect(accepted.events).toBeGreaterThan(0);
    expect(accepted.incidents).toBeGreaterThan(0);
    expect(accepted.incidents).toBeLessThanOrEqual(accepted.events);
    expect(accepted.incidents).toBeLessThan(all.incidents);
  });

  it('re-clusters the same events into the same incidents whatever order their reports came in', async () => {
    // a chain of one clash told for four days in a row: which days join depends on the order they
    // are seen, so the rebuild must see them in an order of its own
    const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
    const partition = async (order: string[]) => {
      const ts = await freshStore(engine, 't_order');
      try {
        for (const d of order) await ts.store.ingest(mkDoc(`d${d}`, `report of ${d}`), [mkEvent({ event_id: `e${d}`, doc_id: `d${d}`, event_date: d })]);
        await ts.store.recluster();
        const groups = new Map<string, string[]>();
        for (const e of (await ts.store.listEvents({}, 100)).items) groups.set(e.incident_id, [...(groups.get(e.incident_id) ?? []), e.event_id].sort());
        return [...groups.values()].map((g) => g.join(',')).sort();
      } finally {
        await ts.cleanup();
      }
    };
    const forward = await partition(days);
    expect(await partition([...days].reverse())).toEqual(forward);
    expect(await partition([days[2]!, days[0]!, days[4]!, days[1]!, days[3]!])).toEqual(forward);
  });

  it('streams events in pages, past the batch size, in the listing order', async () => {
    const t3 = await freshStore(engine, 't_stream');
    try {
      const evs = Array.from({ length: 1205 }, (_, i) =>
        mkEvent({ event_id: `s${i}`, doc_id: 'big', event_date: `2026-0${1 + (i % 9)}-15`, latitude: (i % 80) - 40, longitude: Math.floor(i / 80) * 5 - 90, admin1: `R${i}` }),
      );
      await t3.store.ingest(mkDoc('big', 'a long digest of many events'), evs);
      const got: string[] = [];
      let last = '9999';
      for await (const e of t3.store.streamEvents({})) {
        expect(e.event_date <= last).toBe(true);
        last = e.event_date;
        got.push(e.event_id);
      }
      expect(got).toHaveLength(1205);
      expect(new Set(got).size).toBe(1205);
    } finally {
      await t3.cleanup();
    }
  });
});
