/**
 * The Store written once over the Db handle: the same SQL and logic on SQLite and
 * PostgreSQL. Incident assignment calls the pure rules in pipeline/incidents.
 */
import { createHash } from 'node:crypto';
import {
  civilianTargetingOf,
  disorderTypeOf,
  eventTypeOf,
  interactionOf,
  isSubEventType,
  type CleanText,
  type SitrepEvent,
} from '../model/index.js';
import {
  actorKey,
  chooseIncident,
  eventLookup,
  incidentIndexKeys,
  noDecisions,
  normName,
  reconcile,
  type CandidateIncident,
  type Decisions,
  type IncidentFields,
} from '../pipeline/incidents/index.js';
import { notesFor } from '../pipeline/events/index.js';
import type { Db, Row } from './db.js';
import { migrate } from './migrate.js';
import type {
  AuditEntry,
  EventFilter,
  Incident,
  IngestResult,
  Page,
  QuarantineEntry,
  Review,
  ReviewStatus,
  Stats,
  Store,
  StoredEvent,
  StoredReport,
} from './types.js';

/**
 * The normalised text a report is identified by: Unicode NFKC, whitespace runs collapsed
 * to one space, trimmed. sha256 hex of it is the report's `text_hash`.
 */
export function textHash(text: string): string {
  const norm = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(norm, 'utf8').digest('hex');
}

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Largest page a caller may ask for. */
export const MAX_PAGE = 10_000;
/** Rows per batch when streaming. */
const STREAM_BATCH = 1000;

interface EventRow {
  seq: number;
  event_id: string;
  doc_id: string;
  incident_id: string;
  status: string;
  event_date: string;
  actors: string;
  prior_incident_id?: string;
  data: string;
}

interface IncidentRow extends Row, IncidentFields {
  seq: number;
  incident_id: string;
}

/** Opaque keyset cursor: the (event_date, seq) of the last row of a page. */
function encodeCursor(date: string, seq: number): string {
  return Buffer.from(JSON.stringify([date, Number(seq)])).toString('base64url');
}

/** Decode a cursor; throws Error('invalid cursor') on anything else. */
function decodeCursor(cursor: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isInteger(v[1])) return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw new Error('invalid cursor');
}

/** `%term%` for LIKE with `\` as the escape character. */
function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Actor names of an event, lower-cased, `|`-separated: for the actor filter and matching. */
function actorsText(e: SitrepEvent): string {
  return [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2]
    .flatMap((a) => (a ? a.split(';') : []))
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean)
    .join(' | ');
}

function eventSearch(e: SitrepEvent): string {
  return [e.notes, e.location, e.admin1, e.admin2, e.country, actorsText(e)].filter(Boolean).join(' | ').toLowerCase();
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** SQL conditions for a filter, on the events table or the incidents table. */
function whereOf(f: EventFilter, table: 'events' | 'incidents'): { sql: string; params: unknown[] } {
  const c: string[] = [];
  const p: unknown[] = [];
  if (f.date_from) c.push('event_date >= ?'), p.push(f.date_from);
  if (f.date_to) c.push('event_date <= ?'), p.push(f.date_to);
  if (f.country) c.push('lower(country) = ?'), p.push(f.country.toLowerCase());
  // (the gazetteer writes many admin1 names without accents, "Nuble" for Ñuble: either spelling finds it)
  if (f.admin1) c.push('lower(admin1) IN (?, ?)'), p.push(f.admin1.toLowerCase(), f.admin1.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
  if (f.event_type) c.push('event_type = ?'), p.push(f.event_type);
  if (f.sub_event_type) c.push('sub_event_type = ?'), p.push(f.sub_event_type);
  if (f.actor) {
    const col = table === 'events' ? 'actors' : "lower(coalesce(actor1, '') || ' | ' || coalesce(actor2, ''))";
    c.push(`${col} LIKE ? ESCAPE '\\'`), p.push(likePattern(f.actor));
  }
  if (f.q) c.push("search LIKE ? ESCAPE '\\'"), p.push(likePattern(f.q));
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    if (![w, s, e, n].every((x) => typeof x === 'number' && Number.isFinite(x))) throw new Error('bbox: four numbers west,south,east,north');
    c.push('latitude BETWEEN ? AND ?'), p.push(s, n);
    // West greater than east: the box crosses the antimeridian.
    if (w <= e) c.push('longitude BETWEEN ? AND ?'), p.push(w, e);
    else c.push('(longitude >= ? OR longitude <= ?)'), p.push(w, e);
  }
  if (f.status && table === 'events') c.push('status = ?'), p.push(f.status);
  // an incident counts under a review status when one of its events has it
  if (f.status && table === 'incidents') c.push('incident_id IN (SELECT incident_id FROM events WHERE status = ?)'), p.push(f.status);
  // An analyst's rejection means "not an event": left out of lists, counts and maps unless a
  // status is asked for (an incident only when every one of its events is rejected).
  if (!f.status && table === 'events') c.push("status <> 'rejected'");
  if (!f.status && table === 'incidents') c.push("EXISTS (SELECT 1 FROM events ev WHERE ev.incident_id = incidents.incident_id AND ev.status <> 'rejected')");
  return { sql: c.length ? c.join(' AND ') : '1 = 1', params: p };
}

function rowToEvent(r: EventRow): StoredEvent {
  const data = JSON.parse(r.data) as StoredEvent;
  return { ...data, incident_id: r.incident_id, status: r.status as ReviewStatus };
}

/** Fields a correction may not change: identity and provenance. */
const FROZEN_FIELDS = new Set(['event_id', 'doc_id', 'incident_id', 'status', 'ingested_at']);

/**
 * Apply an analyst's corrections to an event, re-deriving the fields ACLED derives
 * (event_type, disorder_type, interaction, civilian_targeting) and the notes summary. Throws on an unknown
 * sub_event_type or a malformed date.
 */
function applyCorrection(e: StoredEvent, changes: Partial<SitrepEvent>): StoredEvent {
  const out = { ...e } as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) if (!FROZEN_FIELDS.has(k)) out[k] = v;
  const n = out as unknown as StoredEvent;
  if (!isSubEventType(n.sub_event_type)) throw new Error(`unknown sub_event_type: ${String(n.sub_event_type)}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(n.event_date)) throw new Error(`event_date must be YYYY-MM-DD: ${String(n.event_date)}`);
  n.event_type = eventTypeOf(n.sub_event_type);
  n.disorder_type = disorderTypeOf(n.sub_event_type);
  n.interaction = interactionOf(n.inter1, n.inter2);
  n.civilian_targeting = civilianTargetingOf(n.sub_event_type, n.inter2);
  // the summary follows the corrected fields unless the analyst wrote one
  if (!('notes' in changes)) n.notes = notesFor(n);
  return n;
}

/** The Store on one Db handle (either engine). Call migrate() before use (openStore does). */
export class SqlStore implements Store {
  constructor(readonly db: Db) {}

  async migrate(): Promise<void> {
    await migrate(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // ---- reports and events ------------------------------------------------------------

  async ingest(doc: CleanText, events: SitrepEvent[]): Promise<IngestResult> {
    const hash = textHash(doc.text);
    const now = new Date().toISOString();
    return this.db.tx(async (db) => {
      let docId = doc.docId;
      for (let attempt = 0; ; attempt++) {
        const ins = await db.run(
          `INSERT INTO reports (doc_id, url, source, title, published, text, text_hash, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          [docId, doc.url ?? null, doc.source ?? null, doc.title ?? null, doc.published ?? null, doc.text, hash, now],
        );
        if (ins.changes === 1) break;
        const existing = await db.get<{ doc_id: string }>(
          'SELECT doc_id FROM reports WHERE text_hash = ? OR (url IS NOT NULL AND url = ?)',
          [hash, doc.url ?? null],
        );
        if (existing) return { doc_id: existing.doc_id, inserted: false, events: await this.eventsOfDoc(db, existing.doc_id) };
        // The id is taken by a different report (same file name, other text): keep both.
        if (attempt >= 3) throw new Error(`cannot store report ${doc.docId}: its id is taken`);
        docId = `${doc.docId}#${hash.slice(0, 8 + attempt * 8)}`;
      }
      // Shared: ingests run side by side, but never during a re-clustering (exclusive).
      await db.lock(['incidents'], true);
      await db.lock([...new Set(events.map((e) => `country:${normName(e.country)}`))]);
      const stored: StoredEvent[] = [];
      const seenIds = new Set<string>();
      for (const ev of events) {
        let eventId = docId === doc.docId ? ev.event_id : `${ev.event_id}#${hash.slice(0, 8)}`;
        while (seenIds.has(eventId) || (await db.get('SELECT 1 AS x FROM events WHERE event_id = ?', [eventId]))) {
          eventId = `${eventId}+`;
        }
        seenIds.add(eventId);
        const e: StoredEvent = {
          ...ev,
          event_id: eventId,
          doc_id: docId,
          source: ev.source ?? doc.source ?? doc.url ?? null,
          ingested_at: now,
          incident_id: '',
          status: 'unreviewed',
        };
        e.incident_id = await this.assign(db, e, noDecisions());
        await this.insertEvent(db, e);
        await this.refreshIncident(db, e.incident_id);
        stored.push(e);
      }
      return { doc_id: docId, inserted: true, events: stored };
    });
  }

  private async insertEvent(db: Db, e: StoredEvent): Promise<void> {
    await db.run(
      `INSERT INTO events (incident_id, status, event_date, event_type, sub_event_type, country,
         admin1, latitude, longitude, fatalities, actors, search, data, event_id, doc_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [...eventColumns(e), e.event_id, e.doc_id],
    );
  }

  private async updateEvent(db: Db, e: StoredEvent): Promise<void> {
    await db.run(
      `UPDATE events SET incident_id = ?, status = ?, event_date = ?, event_type = ?, sub_event_type = ?, country = ?,
         admin1 = ?, latitude = ?, longitude = ?, fatalities = ?, actors = ?, search = ?, data = ? WHERE event_id = ?`,
      [...eventColumns(e), e.event_id],
    );
  }

  private async eventsOfDoc(db: Db, docId: string): Promise<StoredEvent[]> {
    return (await db.all<EventRow>('SELECT * FROM events WHERE doc_id = ? ORDER BY seq', [docId])).map(rowToEvent);
  }

  /**
   * One keyset page of a table (events or incidents), newest first: up to `limit` rows after
   * `cursor`, plus whether more follow. Both tables page by (event_date, seq).
   */
  private async keysetPage<R extends { event_date: string; seq: number }>(
    table: 'events' | 'incidents',
    filter: EventFilter,
    limit: number,
    cursor?: string | null,
  ): Promise<{ page: R[]; next: string | null }> {
    const n = Math.max(1, Math.min(Math.floor(limit) || 1, MAX_PAGE));
    const w = whereOf(filter, table);
    const params = [...w.params];
    let keyset = '';
    if (cursor) {
      const [d, s] = decodeCursor(cursor);
      keyset = ' AND (event_date, seq) < (?, ?)';
      params.push(d, s);
    }
    const rows = await this.db.all<R & Row>(
      `SELECT * FROM ${table} WHERE ${w.sql}${keyset} ORDER BY event_date DESC, seq DESC LIMIT ?`,
      [...params, n + 1],
    );
    const page = rows.slice(0, n);
    const last = page[page.length - 1];
    return { page, next: rows.length > n && last ? encodeCursor(last.event_date, last.seq) : null };
  }

  async listEvents(filter: EventFilter, limit: number, cursor?: string | null): Promise<Page<StoredEvent>> {
    const { page, next } = await this.keysetPage<EventRow>('events', filter, limit, cursor);
    return { items: page.map(rowToEvent), next_cursor: next };
  }

  async *streamEvents(filter: EventFilter): AsyncIterable<StoredEvent> {
    let cursor: string | null = null;
    do {
      const page: Page<StoredEvent> = await this.listEvents(filter, STREAM_BATCH, cursor);
      yield* page.items;
      cursor = page.next_cursor;
    } while (cursor);
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const r = await this.db.get<EventRow>('SELECT * FROM events WHERE event_id = ?', [id]);
    return r ? rowToEvent(r) : null;
  }

  async reviewEvent(id: string, review: Review): Promise<StoredEvent | null> {
    if (!review.reviewer || !review.reviewer.trim()) throw new Error('a review needs a reviewer');
    const status: Record<Review['action'], ReviewStatus> = { accept: 'accepted', correct: 'corrected', reject: 'rejected' };
    if (!(review.action in status)) throw new Error(`unknown review action: ${String(review.action)}`);
    return this.db.tx(async (db) => {
      const r = await db.get<EventRow>('SELECT * FROM events WHERE event_id = ?', [id]);
      if (!r) return null;
      const before = rowToEvent(r);
      let after: StoredEvent = { ...before, status: status[review.action] };
      if (review.action === 'correct') {
        if (!review.changes || Object.keys(review.changes).length === 0) throw new Error('a correction needs changes');
        after = applyCorrection(after, review.changes);
      }
      await this.updateEvent(db, after);
      await this.refreshIncident(db, after.incident_id);
      await this.writeAudit(db, review.reviewer, review.action, `event:${id}`, before, after, review.comment ?? null);
      return after;
    });
  }

  async getReport(docId: string): Promise<StoredReport | null> {
    const r = await this.db.get<StoredReport>(
      'SELECT doc_id, url, source, title, published, text, text_hash, ingested_at FROM reports WHERE doc_id = ?',
      [docId],
    );
    return r ?? null;
  }

  // ---- incidents ------------------------------------------------------------------------

  /**
   * The incident an event joins (an existing one, or a new id): a merge decision first,
   * then the best candidate from the space-time index under the rules.
   */
  private async assign(db: Db, e: StoredEvent, decisions: Decisions, preferredId = ''): Promise<string> {
    const must = mustComponent(decisions, e.event_id);
    if (must.size) {
      const placed = await db.get<{ incident_id: string }>(
        `SELECT incident_id FROM events WHERE event_id IN (${placeholders(must.size)}) AND incident_id <> '' LIMIT 1`,
        [...must],
      );
      if (placed) return placed.incident_id;
    }
    const lk = eventLookup(e);
    const ids = await db.all<{ incident_id: string }>(
      `SELECT DISTINCT incident_id FROM incident_keys
       WHERE key IN (${placeholders(lk.keys.length)}) AND day BETWEEN ? AND ?
         AND (day BETWEEN ? AND ? OR day - ? BETWEEN -tol AND tol)`,
      [...lk.keys, lk.dayFrom, lk.dayTo, lk.day - lk.tol, lk.day + lk.tol, lk.day],
    );
    const candidates = await this.candidates(db, ids.map((r) => r.incident_id));
    const chosen = chooseIncident(e, candidates, decisions);
    return chosen ? chosen.incident_id : this.newIncidentId(db, e.event_id, preferredId);
  }

  private async candidates(db: Db, ids: string[]): Promise<CandidateIncident[]> {
    if (ids.length === 0) return [];
    const out: CandidateIncident[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const incs = await db.all<IncidentRow>(`SELECT * FROM incidents WHERE incident_id IN (${placeholders(chunk.length)})`, chunk);
      const evs = await db.all<{ incident_id: string; event_id: string; doc_id: string; actors: string }>(
        `SELECT incident_id, event_id, doc_id, actors FROM events WHERE incident_id IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const r of incs) {
        const mine = evs.filter((x) => x.incident_id === r.incident_id);
        const actors = new Set<string>();
        for (const x of mine) for (const a of x.actors.split(' | ')) if (a) actors.add(actorKey(a));
        out.push({
          ...incidentFromRow(r, [], []),
          event_ids: mine.map((x) => x.event_id),
          doc_ids: [...new Set(mine.map((x) => x.doc_id))],
          actors: [...actors],
        });
      }
    }
    return out;
  }

  /** A free incident id: `preferred` when given and free, else one derived from `seed`. */
  private async newIncidentId(db: Db, seed: string, preferred = ''): Promise<string> {
    for (let s = seed; ; s += '+') {
      const id = preferred && s === seed ? preferred : `inc_${sha(s).slice(0, 16)}`;
      const taken =
        (await db.get('SELECT 1 AS x FROM incidents WHERE incident_id = ?', [id])) ??
        (await db.get('SELECT 1 AS x FROM events WHERE incident_id = ? LIMIT 1', [id]));
      if (!taken) return id;
    }
  }

  /**
   * Recompute an incident from its events (rejected events left out unless all are) and
   * re-index it; delete it when no event is left.
   */
  private async refreshIncident(db: Db, incidentId: string): Promise<void> {
    // (in a canonical order, not arrival order: ties in the reconciliation fall the same way
    // whatever order the reports came in)
    const rows = await db.all<EventRow>('SELECT * FROM events WHERE incident_id = ? ORDER BY event_date, event_id', [incidentId]);
    await db.run('DELETE FROM incident_keys WHERE incident_id = ?', [incidentId]);
    if (rows.length === 0) {
      await db.run('DELETE FROM incidents WHERE incident_id = ?', [incidentId]);
      return;
    }
    const all = rows.map(rowToEvent);
    const live = all.filter((e) => e.status !== 'rejected');
    const f = reconcile(live.length ? live : all);
    const search = [f.location, f.admin1, f.admin2, f.country, f.actor1, f.actor2, ...all.map((e) => e.notes)]
      .filter(Boolean)
      .join(' | ')
      .toLowerCase();
    await db.run(
      `INSERT INTO incidents (incident_id, event_date, time_precision, event_type, sub_event_type, actor1, actor2, country,
         admin1, admin2, location, latitude, longitude, geo_precision, fatalities, fatalities_low, fatalities_high,
         source_count, search, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (incident_id) DO UPDATE SET event_date = excluded.event_date, time_precision = excluded.time_precision,
         event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, actor1 = excluded.actor1,
         actor2 = excluded.actor2, country = excluded.country, admin1 = excluded.admin1, admin2 = excluded.admin2,
         location = excluded.location, latitude = excluded.latitude, longitude = excluded.longitude,
         geo_precision = excluded.geo_precision, fatalities = excluded.fatalities,
         fatalities_low = excluded.fatalities_low, fatalities_high = excluded.fatalities_high,
         source_count = excluded.source_count, search = excluded.search, updated_at = excluded.updated_at`,
      [
        incidentId,
        f.event_date,
        f.time_precision,
        f.event_type,
        f.sub_event_type,
        f.actor1,
        f.actor2,
        f.country ?? '',
        f.admin1,
        f.admin2,
        f.location,
        f.latitude,
        f.longitude,
        f.geo_precision,
        f.fatalities,
        f.fatalities_low,
        f.fatalities_high,
        f.source_count,
        search,
        new Date().toISOString(),
      ],
    );
    for (const k of incidentIndexKeys(f)) {
      await db.run('INSERT INTO incident_keys (key, day, tol, incident_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [
        k.key,
        k.day,
        k.tol,
        incidentId,
      ]);
    }
  }

  private async incidentIn(db: Db, id: string): Promise<Incident | null> {
    const r = await db.get<IncidentRow>('SELECT * FROM incidents WHERE incident_id = ?', [id]);
    if (!r) return null;
    const evs = await db.all<{ event_id: string; doc_id: string }>(
      'SELECT event_id, doc_id FROM events WHERE incident_id = ? ORDER BY seq',
      [id],
    );
    return incidentFromRow(
      r,
      evs.map((e) => e.event_id),
      [...new Set(evs.map((e) => e.doc_id))],
    );
  }

  getIncident(id: string): Promise<Incident | null> {
    return this.incidentIn(this.db, id);
  }

  async listIncidents(filter: EventFilter, limit: number, cursor?: string | null): Promise<Page<Incident>> {
    const { page, next } = await this.keysetPage<IncidentRow>('incidents', filter, limit, cursor);
    const ids = page.map((r) => r.incident_id);
    const evs = ids.length
      ? await this.db.all<{ incident_id: string; event_id: string; doc_id: string }>(
          `SELECT incident_id, event_id, doc_id FROM events WHERE incident_id IN (${placeholders(ids.length)}) ORDER BY seq`,
          ids,
        )
      : [];
    const items = page.map((r) => {
      const mine = evs.filter((e) => e.incident_id === r.incident_id);
      return incidentFromRow(
        r,
        mine.map((e) => e.event_id),
        [...new Set(mine.map((e) => e.doc_id))],
      );
    });
    return { items, next_cursor: next };
  }

  async mergeIncidents(id: string, otherId: string, reviewer: string): Promise<Incident | null> {
    if (!reviewer || !reviewer.trim()) throw new Error('a merge needs a reviewer');
    if (id === otherId) throw new Error('cannot merge an incident with itself');
    return this.db.tx(async (db) => {
      await this.lockIncidents(db, [id, otherId]);
      const a = await this.incidentIn(db, id);
      const b = await this.incidentIn(db, otherId);
      if (!a || !b) return null;
      const members = [...a.event_ids, ...b.event_ids];
      const anchor = a.event_ids[0]!;
      const at = new Date().toISOString();
      // The latest decision wins: splits between these events are void now.
      await db.run(
        `DELETE FROM decisions WHERE kind = 'split' AND event_a IN (${placeholders(members.length)})
           AND event_b IN (${placeholders(members.length)})`,
        [...members, ...members],
      );
      for (const ev of members.slice(1)) {
        await db.run('INSERT INTO decisions (kind, event_a, event_b, reviewer, at) VALUES (?, ?, ?, ?, ?)', [
          'merge',
          anchor,
          ev,
          reviewer,
          at,
        ]);
      }
      await db.run('UPDATE events SET incident_id = ? WHERE incident_id = ?', [id, otherId]);
      await this.refreshIncident(db, otherId);
      await this.refreshIncident(db, id);
      const merged = await this.incidentIn(db, id);
      await this.writeAudit(db, reviewer, 'merge', `incident:${id}`, { incident: a, other: b }, merged, null);
      return merged;
    });
  }

  async splitEvent(id: string, eventId: string, reviewer: string): Promise<Incident | null> {
    if (!reviewer || !reviewer.trim()) throw new Error('a split needs a reviewer');
    return this.db.tx(async (db) => {
      await this.lockIncidents(db, [id]);
      const inc = await this.incidentIn(db, id);
      if (!inc || !inc.event_ids.includes(eventId)) return null;
      if (inc.event_ids.length === 1) return inc; // already alone
      const rest = inc.event_ids.filter((e) => e !== eventId);
      const at = new Date().toISOString();
      // The latest decision wins: the event leaves every merge group it was in.
      await db.run("DELETE FROM decisions WHERE kind = 'merge' AND event_b = ?", [eventId]);
      const anchored = await db.all<{ event_b: string }>("SELECT event_b FROM decisions WHERE kind = 'merge' AND event_a = ?", [eventId]);
      if (anchored.length) {
        const newAnchor = anchored[0]!.event_b;
        await db.run("DELETE FROM decisions WHERE kind = 'merge' AND event_a = ? AND event_b = ?", [eventId, newAnchor]);
        await db.run("UPDATE decisions SET event_a = ? WHERE kind = 'merge' AND event_a = ?", [newAnchor, eventId]);
      }
      for (const other of rest) {
        await db.run('INSERT INTO decisions (kind, event_a, event_b, reviewer, at) VALUES (?, ?, ?, ?, ?)', [
          'split',
          eventId,
          other,
          reviewer,
          at,
        ]);
      }
      const newId = await this.newIncidentId(db, `${eventId}:split`);
      await db.run('UPDATE events SET incident_id = ? WHERE event_id = ?', [newId, eventId]);
      await this.refreshIncident(db, id);
      await this.refreshIncident(db, newId);
      const created = await this.incidentIn(db, newId);
      const remaining = await this.incidentIn(db, id);
      await this.writeAudit(db, reviewer, 'split', `incident:${id}`, inc, { incident: remaining, split: created }, `event ${eventId}`);
      return created;
    });
  }

  /** Take the locks an ingest into these incidents' countries takes (see ingest). */
  private async lockIncidents(db: Db, ids: string[]): Promise<void> {
    const rows = await db.all<{ country: string }>(
      `SELECT DISTINCT country FROM incidents WHERE incident_id IN (${placeholders(ids.length)})`,
      ids,
    );
    await db.lock(['incidents'], true);
    await db.lock(rows.map((r) => `country:${normName(r.country)}`));
  }

  async recluster(): Promise<{ incidents: number }> {
    return this.db.tx(async (db) => {
      await db.lock(['incidents']);
      const decisions = await loadDecisions(db);
      await db.run('DELETE FROM incident_keys');
      await db.run('DELETE FROM incidents');
      await db.run("UPDATE events SET prior_incident_id = incident_id, incident_id = ''");
      // (in a canonical order, by day then event id: the result depends on the events only, not
      // on the order their reports arrived; an incident started anew takes the id its first
      // event had, so merged and split incidents keep their ids)
      let after = ['', ''];
      for (;;) {
        const batch = await db.all<EventRow>(
          'SELECT * FROM events WHERE (event_date, event_id) > (?, ?) ORDER BY event_date, event_id LIMIT 500',
          after,
        );
        if (batch.length === 0) break;
        for (const r of batch) {
          const e = rowToEvent(r);
          const incidentId = await this.assign(db, e, decisions, String(r.prior_incident_id ?? ''));
          await db.run('UPDATE events SET incident_id = ? WHERE event_id = ?', [incidentId, e.event_id]);
          await this.refreshIncident(db, incidentId);
          after = [String(r.event_date), e.event_id];
        }
      }
      const n = await db.get<{ n: number }>('SELECT count(*) AS n FROM incidents');
      return { incidents: Number(n?.n ?? 0) };
    });
  }

  // ---- stats, audit, quarantine -----------------------------------------------------

  // (days, countries and types count incidents: an event told by three outlets is one event,
  // and its dead are counted once)
  async stats(filter: EventFilter): Promise<Stats> {
    const w = whereOf(filter, 'events');
    const wi = whereOf(filter, 'incidents');
    const count = async (sql: string, params: unknown[]) => Number((await this.db.get<{ n: number }>(sql, params))?.n ?? 0);
    const events = await count(`SELECT count(*) AS n FROM events WHERE ${w.sql}`, w.params);
    const incidents = await count(`SELECT count(*) AS n FROM incidents WHERE ${wi.sql}`, wi.params);
    const reports = await count('SELECT count(*) AS n FROM reports', []);
    const by_day = (
      await this.db.all<{ date: string; event_type: string; count: number; fatalities: number }>(
        `SELECT event_date AS date, event_type, count(*) AS count, coalesce(sum(fatalities), 0) AS fatalities
         FROM incidents WHERE ${wi.sql} GROUP BY event_date, event_type ORDER BY event_date, event_type`,
        wi.params,
      )
    ).map((r) => ({ date: r.date, event_type: r.event_type, count: Number(r.count), fatalities: Number(r.fatalities) }));
    const by_country = (
      await this.db.all<{ country: string; count: number }>(
        `SELECT country, count(*) AS count FROM incidents WHERE ${wi.sql} GROUP BY country ORDER BY count(*) DESC, country`,
        wi.params,
      )
    ).map((r) => ({ country: r.country, count: Number(r.count) }));
    const by_event_type = (
      await this.db.all<{ event_type: string; count: number }>(
        `SELECT event_type, count(*) AS count FROM incidents WHERE ${wi.sql} GROUP BY event_type ORDER BY count(*) DESC, event_type`,
        wi.params,
      )
    ).map((r) => ({ event_type: r.event_type, count: Number(r.count) }));
    return { events, incidents, reports, by_day, by_country, by_event_type };
  }

  private async writeAudit(
    db: Db,
    reviewer: string,
    action: string,
    target: string,
    before: unknown,
    after: unknown,
    comment: string | null,
  ): Promise<void> {
    await db.run('INSERT INTO audit (at, reviewer, action, target, before, after, comment) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      new Date().toISOString(),
      reviewer,
      action,
      target,
      JSON.stringify(before ?? null),
      JSON.stringify(after ?? null),
      comment,
    ]);
  }

  async audit(limit: number): Promise<AuditEntry[]> {
    const rows = await this.db.all<{ id: number; at: string; reviewer: string; action: string; target: string; before: string; after: string; comment: string | null }>(
      'SELECT * FROM audit ORDER BY id DESC LIMIT ?',
      [Math.max(1, Math.min(Math.floor(limit) || 1, MAX_PAGE))],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      reviewer: r.reviewer,
      action: r.action,
      target: r.target,
      before: r.before == null ? null : JSON.parse(r.before),
      after: r.after == null ? null : JSON.parse(r.after),
      comment: r.comment,
    }));
  }

  async quarantine(input: string, reason: string): Promise<void> {
    await this.db.run('INSERT INTO quarantine (at, input, reason) VALUES (?, ?, ?)', [new Date().toISOString(), input, reason]);
  }

  async listQuarantine(limit: number): Promise<QuarantineEntry[]> {
    const rows = await this.db.all<QuarantineEntry>('SELECT id, at, input, reason FROM quarantine ORDER BY id DESC LIMIT ?', [
      Math.max(1, Math.min(Math.floor(limit) || 1, MAX_PAGE)),
    ]);
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }
}

function incidentFromRow(r: IncidentRow, eventIds: string[], docIds: string[]): Incident {
  return {
    incident_id: r.incident_id,
    event_date: r.event_date,
    time_precision: Number(r.time_precision),
    event_type: r.event_type,
    sub_event_type: r.sub_event_type,
    actor1: r.actor1,
    actor2: r.actor2,
    country: r.country,
    admin1: r.admin1,
    admin2: r.admin2,
    location: r.location,
    latitude: r.latitude == null ? null : Number(r.latitude),
    longitude: r.longitude == null ? null : Number(r.longitude),
    geo_precision: Number(r.geo_precision),
    fatalities: Number(r.fatalities),
    fatalities_low: Number(r.fatalities_low),
    fatalities_high: Number(r.fatalities_high),
    source_count: Number(r.source_count),
    doc_ids: docIds,
    event_ids: eventIds,
  };
}

/** All analyst decisions as symmetric must/cannot-link maps. */
async function loadDecisions(db: Db): Promise<Decisions> {
  const d = noDecisions();
  const rows = await db.all<{ kind: string; event_a: string; event_b: string }>('SELECT kind, event_a, event_b FROM decisions');
  for (const r of rows) {
    const m = r.kind === 'merge' ? d.mustLink : d.cannotLink;
    if (!m.has(r.event_a)) m.set(r.event_a, new Set());
    if (!m.has(r.event_b)) m.set(r.event_b, new Set());
    m.get(r.event_a)!.add(r.event_b);
    m.get(r.event_b)!.add(r.event_a);
  }
  return d;
}

/** Every event linked to `id` through merge decisions (not including `id`). */
function mustComponent(d: Decisions, id: string): Set<string> {
  const out = new Set<string>();
  const todo = [id];
  while (todo.length) {
    const x = todo.pop()!;
    for (const y of d.mustLink.get(x) ?? []) if (y !== id && !out.has(y)) out.add(y), todo.push(y);
  }
  return out;
}

/** The stored columns of an event, in the order insertEvent and updateEvent write them (event_id and doc_id apart). */
function eventColumns(e: StoredEvent): unknown[] {
  const { incident_id, status, ...data } = e;
  return [
    incident_id,
    status,
    e.event_date,
    e.event_type,
    e.sub_event_type,
    e.country ?? '',
    e.admin1,
    e.latitude,
    e.longitude,
    e.fatalities ?? 0,
    actorsText(e),
    eventSearch(e),
    JSON.stringify(data),
  ];
}
