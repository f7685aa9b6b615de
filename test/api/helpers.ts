/**
 * Test helpers: a real SQLite store in a temp folder behind a real server on loopback, and
 * hand-made events (so API tests do not depend on how well the extractor does today).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/api/index.js';
import { disorderTypeOf, eventTypeOf, interactionOf, type CleanText, type SitrepEvent, type SubEventType } from '../../src/model/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';

/** A running server and its store; `close()` stops both and removes the folder. */
export interface TestServer {
  app: FastifyInstance;
  store: Store;
  base: string;
  dir: string;
  close(): Promise<void>;
}

/** Start a server on 127.0.0.1 (random port) over a fresh SQLite store. */
export async function startTestServer(opts: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-api-'));
  const store = await openStore(`sqlite:${path.join(dir, 'store.sqlite')}`);
  const app = await buildServer({ store, watchMs: 300, ...opts });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    store,
    base,
    dir,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a seeded document says, with the phrases used as evidence. */
export interface SeedDoc {
  id: string;
  text: string;
  published: string;
  sub: SubEventType;
  date: string;
  country: string;
  admin1: string;
  location: string;
  lat: number;
  lon: number;
  actor1: string;
  actor2: string | null;
  fatalities: number;
  /** Phrases of `text` used as evidence for location, event_type and fatalities. */
  where: string;
  trigger: string;
  claim: { phrase: string; low: number; high: number; source: string | null };
}

function span(text: string, phrase: string, sentence = 0) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`seed: "${phrase}" not in text`);
  return { sentence, start, end: start + phrase.length };
}

/** The CleanText and the one event of a seed document. */
export function seedEvent(d: SeedDoc): { doc: CleanText; event: SitrepEvent } {
  const doc: CleanText = { docId: d.id, text: d.text, published: d.published, source: 'Seed Wire', url: null, title: `Seed ${d.id}`, marked: [] };
  const claimSpan = span(d.text, d.claim.phrase);
  const event: SitrepEvent = {
    event_id: `ev-${d.id}`,
    doc_id: d.id,
    event_date: d.date,
    time_precision: 1,
    disorder_type: disorderTypeOf(d.sub),
    event_type: eventTypeOf(d.sub),
    sub_event_type: d.sub,
    actor1: d.actor1,
    assoc_actor_1: null,
    inter1: 2,
    actor2: d.actor2,
    assoc_actor_2: null,
    inter2: d.actor2 ? 1 : null,
    interaction: interactionOf(2, d.actor2 ? 1 : null),
    civilian_targeting: '',
    country: d.country,
    iso: null,
    admin1: d.admin1,
    admin2: null,
    location: d.location,
    latitude: d.lat,
    longitude: d.lon,
    geo_precision: 1,
    fatalities: d.fatalities,
    fatalities_low: d.claim.low,
    fatalities_high: d.claim.high,
    claims: [{ ...claimSpan, kind: 'killed', low: d.claim.low, high: d.claim.high, best: d.claim.low, victims: 'unknown', source: d.claim.source, text: d.claim.phrase }],
    evidence: { location: span(d.text, d.where), event_type: span(d.text, d.trigger), fatalities: claimSpan },
    notes: `On ${d.date}, ${d.actor1} ${d.sub.toLowerCase()} in ${d.location}, ${d.country}.`,
    confidence: 0.9,
  };
  return { doc, event };
}

/** Seed documents in four countries over ten days (texts written for these tests). */
export const SEED_DOCS: SeedDoc[] = [
  {
    id: 'seed-gao', text: 'Armed men ambushed an army patrol near Gao on Monday; the army said six soldiers died.', published: '2025-04-01',
    sub: 'Armed clash', date: '2025-03-31', country: 'Mali', admin1: 'Gao', location: 'Gao', lat: 16.27, lon: -0.04,
    actor1: 'JNIM: Group for Support of Islam and Muslims', actor2: 'Military Forces of Mali', fatalities: 6,
    where: 'near Gao', trigger: 'ambushed', claim: { phrase: 'six soldiers died', low: 6, high: 6, source: 'the army' },
  },
  {
    id: 'seed-mopti', text: 'A drone strike hit a market outside Mopti on Wednesday, killing between 8 and 11 people, local officials said.', published: '2025-04-03',
    sub: 'Air/drone strike', date: '2025-04-02', country: 'Mali', admin1: 'Mopti', location: 'Mopti', lat: 14.49, lon: -4.2,
    actor1: 'Military Forces of Mali', actor2: null, fatalities: 8,
    where: 'outside Mopti', trigger: 'drone strike', claim: { phrase: 'killing between 8 and 11 people', low: 8, high: 11, source: 'local officials' },
  },
  {
    id: 'seed-kano', text: 'Traders protested in Kano on Thursday over market fees; police said the march ended peacefully with nobody killed.', published: '2025-04-04',
    sub: 'Peaceful protest', date: '2025-04-03', country: 'Nigeria', admin1: 'Kano', location: 'Kano', lat: 12.0, lon: 8.52,
    actor1: 'Protesters (Nigeria)', actor2: null, fatalities: 0,
    where: 'in Kano', trigger: 'protested', claim: { phrase: 'nobody killed', low: 0, high: 0, source: 'police' },
  },
  {
    id: 'seed-goma', text: 'Rebels shelled districts of Goma on Saturday and at least 15 civilians were killed, hospital staff reported.', published: '2025-04-06',
    sub: 'Shelling/artillery/missile attack', date: '2025-04-05', country: 'Democratic Republic of Congo', admin1: 'North Kivu', location: 'Goma', lat: -1.68, lon: 29.22,
    actor1: 'M23: March 23 Movement', actor2: null, fatalities: 15,
    where: 'of Goma', trigger: 'shelled', claim: { phrase: 'at least 15 civilians were killed', low: 15, high: 15, source: 'hospital staff' },
  },
  {
    id: 'seed-bunia', text: 'Militiamen raided a displacement camp near Bunia on Sunday and killed nine residents, a camp manager said.', published: '2025-04-07',
    sub: 'Attack', date: '2025-04-06', country: 'Democratic Republic of Congo', admin1: 'Ituri', location: 'Bunia', lat: 1.56, lon: 30.25,
    actor1: 'CODECO: Cooperative for the Development of Congo', actor2: null, fatalities: 9,
    where: 'near Bunia', trigger: 'raided', claim: { phrase: 'killed nine residents', low: 9, high: 9, source: 'a camp manager' },
  },
  {
    id: 'seed-lahore', text: 'Students rallied in Lahore on Tuesday to demand lower fees; organisers said no one was hurt.', published: '2025-04-09',
    sub: 'Peaceful protest', date: '2025-04-08', country: 'Pakistan', admin1: 'Punjab', location: 'Lahore', lat: 31.55, lon: 74.34,
    actor1: 'Protesters (Pakistan)', actor2: null, fatalities: 0,
    where: 'in Lahore', trigger: 'rallied', claim: { phrase: 'no one was hurt', low: 0, high: 0, source: 'organisers' },
  },
];

/** Store every seed document; returns the stored event ids by doc id. */
export async function seedStore(store: Store, docs: SeedDoc[] = SEED_DOCS): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const d of docs) {
    const { doc, event } = seedEvent(d);
    const res = await store.ingest(doc, [event]);
    ids.set(d.id, res.events[0]!.event_id);
  }
  return ids;
}

/** fetch JSON from the server: status and parsed body. */
export async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    if (typeof body !== 'string') (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
}
