/**
 * Test helpers: hand-built events and reports, and fresh stores on both engines
 * (a SQLite file in a temp folder; a PostgreSQL schema of its own, dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  civilianTargetingOf,
  disorderTypeOf,
  eventTypeOf,
  interactionOf,
  type CleanText,
  type SitrepEvent,
  type SubEventType,
} from '../../src/model/index.js';
import { openStore, type Store } from '../../src/store/index.js';

/** The test PostgreSQL server (trust auth). */
export const PG_BASE = process.env.SITREP_TEST_PG ?? 'postgres://root@127.0.0.1:5432/test';

/** A schema name unique to this run. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Drop a schema (and everything in it) on the test server. */
export async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

/** A fresh store on one engine, and how to throw it away. */
export interface TestStore {
  store: Store;
  url: string;
  cleanup: () => Promise<void>;
}

/** Open a fresh, empty store on `engine`. */
export async function freshStore(engine: 'sqlite' | 'postgres', prefix = 't_store'): Promise<TestStore> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-store-'));
    const url = `sqlite:${path.join(dir, 'test.sqlite')}`;
    const store = await openStore(url);
    return {
      store,
      url,
      cleanup: async () => {
        await store.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = uniqueSchema(prefix);
  const url = `${PG_BASE}?schema=${schema}`;
  const store = await openStore(url);
  return {
    store,
    url,
    cleanup: async () => {
      await store.close().catch(() => undefined);
      await dropSchema(schema);
    },
  };
}

/** A cleaned report with the given id and text. */
export function mkDoc(docId: string, text: string, extra: Partial<CleanText> = {}): CleanText {
  return { docId, text, published: '2026-02-10', source: null, url: null, title: null, marked: [], ...extra };
}

/**
 * A hand-built event. Defaults: an armed clash between the army and a rebel group in a
 * made-up town at 12.0N 20.0E in "Testland", on 2026-02-10, precise date and place.
 */
export function mkEvent(over: Partial<SitrepEvent> & { event_id: string; doc_id: string }): SitrepEvent {
  const sub = (over.sub_event_type ?? 'Armed clash') as SubEventType;
  const inter1 = over.inter1 === undefined ? 1 : over.inter1;
  const inter2 = over.inter2 === undefined ? 2 : over.inter2;
  const base: SitrepEvent = {
    event_id: over.event_id,
    doc_id: over.doc_id,
    event_date: '2026-02-10',
    time_precision: 1,
    disorder_type: disorderTypeOf(sub),
    event_type: eventTypeOf(sub),
    sub_event_type: sub,
    actor1: 'Military Forces of Testland',
    assoc_actor_1: null,
    inter1,
    actor2: 'Northern Front',
    assoc_actor_2: null,
    inter2,
    interaction: interactionOf(inter1, inter2),
    civilian_targeting: civilianTargetingOf(sub, inter2),
    country: 'Testland',
    iso: 999,
    admin1: 'North',
    admin2: 'Hill District',
    location: 'Alpha Town',
    latitude: 12.0,
    longitude: 20.0,
    geo_precision: 1,
    fatalities: 0,
    fatalities_low: 0,
    fatalities_high: 0,
    claims: [],
    evidence: { event_type: { sentence: 0, start: 0, end: 5 }, event_date: { sentence: 0, start: 6, end: 10 } },
    notes: 'On 10 February 2026, the army clashed with the Northern Front near Alpha Town.',
    confidence: 0.8,
  };
  return { ...base, ...over };
}

/** A killed-claim for hand-built events. */
export function killed(n: number, source: string | null, high = n) {
  return { kind: 'killed' as const, low: n, high, best: n, victims: 'unknown' as const, source, text: `${n} killed`, sentence: 0, start: 0, end: 1 };
}
