/**
 * Exports: streaming writers from stored events to CSV (ACLED's columns, in ACLED's order),
 * GeoJSON (RFC 7946) and JSON Lines. Each reads an AsyncIterable (Store.streamEvents) and
 * writes with back-pressure, so memory stays flat however many events there are.
 */
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { civilianTargetingOf, disorderTypeOf, interactionOf } from '../model/index.js';
import type { EventFilter, Incident, Store, StoredEvent } from '../store/types.js';

/** Export formats. */
export const EXPORT_FORMATS = ['csv', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * ACLED's column names in ACLED's order (the public ACLED data export), so the CSV loads
 * wherever ACLED files load.
 */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];

/** One ACLED row: strings and numbers; null for an empty cell. */
export type AcledRow = Record<AcledColumn, string | number | null>;

/**
 * An event as an ACLED row. Columns sitrep does not code (region, admin3, source_scale,
 * tags) are empty; `timestamp` is the Unix time (seconds) the report was stored.
 */
export function toAcledRow(e: StoredEvent): AcledRow {
  const ts = e.ingested_at ? Math.floor(Date.parse(e.ingested_at) / 1000) : null;
  return {
    event_id_cnty: e.event_id,
    event_date: e.event_date,
    year: Number(e.event_date.slice(0, 4)),
    time_precision: e.time_precision,
    disorder_type: e.disorder_type,
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1,
    assoc_actor_1: e.assoc_actor_1,
    inter1: e.inter1,
    actor2: e.actor2,
    assoc_actor_2: e.assoc_actor_2,
    inter2: e.inter2,
    interaction: e.interaction,
    civilian_targeting: e.civilian_targeting || null,
    iso: e.iso,
    region: null,
    country: e.country,
    admin1: e.admin1,
    admin2: e.admin2,
    admin3: null,
    location: e.location,
    latitude: e.latitude,
    longitude: e.longitude,
    geo_precision: e.geo_precision,
    source: e.source ?? null,
    source_scale: null,
    notes: e.notes,
    fatalities: e.fatalities,
    tags: null,
    timestamp: ts != null && Number.isFinite(ts) ? ts : null,
  };
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Guard a text cell against formula injection in spreadsheets (OWASP "CSV injection"): a
 * cell starting with = + - @ (or a tab / carriage return) gets a leading apostrophe, except
 * a plain number such as a negative longitude "-12.5".
 */
export function guardCell(v: string): string {
  // (spreadsheets skip leading blanks and line breaks before reading a formula: " =1+1")
  if (/^\s*[=+\-@\t\r]/.test(v) && !PLAIN_NUMBER.test(v.trim())) return `'${v}`;
  return v;
}

/** Write a chunk, waiting for 'drain' when the destination's buffer is full. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Options shared by the writers. */
export interface WriteOptions {
  /** End `out` when done (default false: stdout stays open). */
  end?: boolean;
}

/** CSV with a header of ACLED_COLUMNS, RFC 4180 quoting (csv-stringify). Returns the row count. */
export async function writeCsv(events: AsyncIterable<StoredEvent>, out: Writable, opts: WriteOptions = {}): Promise<number> {
  let n = 0;
  async function* rows() {
    for await (const e of events) {
      const r = toAcledRow(e);
      n++;
      yield ACLED_COLUMNS.map((c) => {
        const v = r[c];
        return v == null ? '' : typeof v === 'string' ? guardCell(v) : String(v);
      });
    }
  }
  // (a bare carriage return ends a row for most CSV readers: a cell holding one is quoted too)
  const csv = stringify({ header: true, columns: [...ACLED_COLUMNS], record_delimiter: 'unix', quoted_match: /\r/ });
  await pipeline(Readable.from(rows()), csv, out, { end: opts.end ?? false });
  return n;
}

/** One event as an RFC 7946 Feature: Point [longitude, latitude], or null geometry when unplaced. */
export function toFeature(e: StoredEvent): Record<string, unknown> {
  const geometry =
    e.latitude != null && e.longitude != null ? { type: 'Point', coordinates: [e.longitude, e.latitude] } : null;
  return {
    type: 'Feature',
    id: e.event_id,
    geometry,
    properties: {
      ...toAcledRow(e),
      incident_id: e.incident_id,
      status: e.status,
      fatalities_low: e.fatalities_low,
      fatalities_high: e.fatalities_high,
      confidence: e.confidence,
      doc_id: e.doc_id,
    },
  };
}

/** A GeoJSON FeatureCollection (RFC 7946), one feature a line. Returns the feature count. */
export async function writeGeoJson(events: AsyncIterable<StoredEvent>, out: Writable, opts: WriteOptions = {}): Promise<number> {
  let n = 0;
  await write(out, '{"type":"FeatureCollection","features":[\n');
  for await (const e of events) {
    await write(out, (n === 0 ? '' : ',\n') + JSON.stringify(toFeature(e)));
    n++;
  }
  await write(out, '\n]}\n');
  if (opts.end) out.end();
  return n;
}

/** JSON Lines: each stored event whole (evidence, claims, incident_id, status). Returns the line count. */
export async function writeJsonl(events: AsyncIterable<StoredEvent>, out: Writable, opts: WriteOptions = {}): Promise<number> {
  let n = 0;
  for await (const e of events) {
    await write(out, JSON.stringify(e) + '\n');
    n++;
  }
  if (opts.end) out.end();
  return n;
}

/** Write events in `format`. Throws on an unknown format. Returns the number of events written. */
export function writeExport(
  format: string,
  events: AsyncIterable<StoredEvent>,
  out: Writable,
  opts: WriteOptions = {},
): Promise<number> {
  switch (format) {
    case 'csv':
      return writeCsv(events, out, opts);
    case 'geojson':
      return writeGeoJson(events, out, opts);
    case 'jsonl':
      return writeJsonl(events, out, opts);
    default:
      throw new Error(`unknown export format: ${format} (use ${EXPORT_FORMATS.join(', ')})`);
  }
}

/** What one row of an export stands for: a stored event (one per report), or an incident (deduplicated). */
export const EXPORT_LEVELS = ['events', 'incidents'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

/**
 * One row per incident, for a deduplicated dataset: the incident's reconciled fields (date,
 * type, actors, place, fatalities low/best/high) over the event that best stands for it (same
 * sub-event type and actor1; its inter codes and notes), with `event_id` the incident_id,
 * `source` every outlet behind it ("A; B", ACLED's way), and the claims of all its reports, each
 * with the `doc_id` its offsets point into.
 * Pages through Store.listIncidents, so memory stays flat; each incident reads its events.
 */
export async function* incidentsAsEvents(store: Store, filter: EventFilter): AsyncGenerator<StoredEvent> {
  let cursor: string | null = null;
  do {
    const page: { items: Incident[]; next_cursor: string | null } = await store.listIncidents(filter, 500, cursor);
    for (const inc of page.items) {
      const all = (await Promise.all(inc.event_ids.map((id) => store.getEvent(id)))).filter((e): e is StoredEvent => !!e);
      const events = filter.status ? all : all.filter((e) => e.status !== 'rejected');
      if (events.length === 0) continue;
      const lead =
        events.find((e) => e.sub_event_type === inc.sub_event_type && e.actor1 === inc.actor1) ??
        events.find((e) => e.sub_event_type === inc.sub_event_type) ??
        events[0]!;
      const interOf = (name: string | null, fallback: number | null) => events.find((e) => e.actor1 === name)?.inter1 ?? events.find((e) => e.actor2 === name)?.inter2 ?? fallback;
      const sources = [...new Set(events.map((e) => e.source).filter((x): x is string => !!x))];
      const seen = new Set<string>();
      // (each claim names its report: the offsets point into that report's text, not the lead's)
      const claims = events.flatMap((e) => e.claims.map((c) => ({ ...c, doc_id: e.doc_id }))).filter((c) => {
        const k = `${c.kind}|${c.low}|${c.high}|${c.source ?? ''}`;
        return !seen.has(k) && !!seen.add(k);
      });
      const sub = inc.sub_event_type as StoredEvent['sub_event_type'];
      const inter1 = interOf(inc.actor1, lead.inter1) as StoredEvent['inter1'];
      const inter2 = interOf(inc.actor2, lead.inter2) as StoredEvent['inter2'];
      yield {
        ...lead,
        event_id: inc.incident_id,
        disorder_type: disorderTypeOf(sub),
        interaction: interactionOf(inter1, inter2),
        civilian_targeting: civilianTargetingOf(sub, inter2),
        incident_id: inc.incident_id,
        event_date: inc.event_date,
        time_precision: inc.time_precision as StoredEvent['time_precision'],
        event_type: inc.event_type as StoredEvent['event_type'],
        sub_event_type: sub,
        actor1: inc.actor1,
        inter1,
        actor2: inc.actor2,
        inter2,
        country: inc.country,
        admin1: inc.admin1,
        admin2: inc.admin2,
        location: inc.location,
        latitude: inc.latitude,
        longitude: inc.longitude,
        geo_precision: inc.geo_precision as StoredEvent['geo_precision'],
        fatalities: inc.fatalities,
        fatalities_low: inc.fatalities_low,
        fatalities_high: inc.fatalities_high,
        source: sources.join('; ') || lead.source,
        claims,
        ingested_at: events.map((e) => e.ingested_at ?? '').sort().at(-1) || lead.ingested_at,
      };
    }
    cursor = page.next_cursor;
  } while (cursor);
}

/**
 * The events an export holds: rejected ones are left out unless the filter asks for a status
 * (an analyst's rejection means "this is not an event"; `status=rejected` exports them).
 */
export async function* exportable(events: AsyncIterable<StoredEvent>, statusAsked: string | undefined): AsyncGenerator<StoredEvent> {
  for await (const e of events) if (statusAsked || e.status !== 'rejected') yield e;
}

/** MIME type of a format, for HTTP responses. */
export function contentTypeOf(format: ExportFormat): string {
  return format === 'csv' ? 'text/csv; charset=utf-8' : format === 'geojson' ? 'application/geo+json' : 'application/x-ndjson';
}
