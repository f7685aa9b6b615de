/**
 * Query string → store EventFilter, with the checks a JSON schema cannot express
 * (real calendar dates, date order, bbox ranges, sub-event type belonging to event type).
 */
import { eventTypeOf, isSubEventType } from '../model/index.js';
import { countryFromQuery } from '../pipeline/mentions/places/index.js';
import type { EventFilter, ReviewStatus } from '../store/types.js';
import { badRequest } from './errors.js';

/** The filter query parameters as they arrive after schema validation (all strings). */
export interface FilterQuery {
  date_from?: string;
  date_to?: string;
  country?: string;
  admin1?: string;
  event_type?: string;
  sub_event_type?: string;
  actor?: string;
  q?: string;
  bbox?: string;
  status?: string;
}

/** True when `s` (YYYY-MM-DD) is a real calendar date, e.g. not 2024-02-30. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/**
 * Parse "west,south,east,north" (decimal degrees). West greater than east is a box across the
 * antimeridian. Throws HttpError 400 naming `bbox` when a number is out of range or south > north.
 */
export function parseBbox(s: string): [number, number, number, number] {
  const parts = s.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)))
    throw badRequest('query parameter bbox must be four numbers west,south,east,north in decimal degrees');
  const [w, so, e, n] = parts as [number, number, number, number];
  if (w < -180 || e > 180 || w > 180 || e < -180) throw badRequest('query parameter bbox: west and east must be between -180 and 180');
  if (so < -90 || n > 90 || so > 90 || n < -90) throw badRequest('query parameter bbox: south and north must be between -90 and 90');
  if (so > n) throw badRequest('query parameter bbox: south must not be greater than north');
  return [w, so, e, n];
}

/** Validated EventFilter from a schema-checked query. Throws HttpError 400 on a semantic error. */
export function toFilter(q: FilterQuery): EventFilter {
  const f: EventFilter = {};
  for (const k of ['date_from', 'date_to'] as const) {
    const v = q[k];
    if (v === undefined) continue;
    if (!isCalendarDate(v)) throw badRequest(`query parameter ${k} must be a real calendar date YYYY-MM-DD (got "${v}")`);
    f[k] = v;
  }
  if (f.date_from && f.date_to && f.date_from > f.date_to)
    throw badRequest(`query parameter date_from (${f.date_from}) must not be after date_to (${f.date_to})`);
  for (const k of ['country', 'admin1', 'event_type', 'sub_event_type', 'actor', 'q'] as const) {
    const v = q[k]?.trim();
    if (v) f[k] = v;
  }
  if (f.country) {
    // "SD", "SDN", "729", "DRC" → the name events carry
    const c = countryFromQuery(f.country);
    if (!c) throw badRequest(`query parameter country: no country is named or coded "${f.country}" (a name, or an ISO 3166-1 alpha-2, alpha-3 or numeric code)`);
    f.country = c.name;
  }
  if (f.sub_event_type && f.event_type && isSubEventType(f.sub_event_type) && eventTypeOf(f.sub_event_type) !== f.event_type)
    throw badRequest(
      `query parameter sub_event_type "${f.sub_event_type}" belongs to event_type "${eventTypeOf(f.sub_event_type)}", not "${f.event_type}"`,
    );
  if (q.bbox !== undefined) f.bbox = parseBbox(q.bbox);
  if (q.status !== undefined) f.status = q.status as ReviewStatus;
  return f;
}
