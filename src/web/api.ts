/** The page's client for the sitrep HTTP API (same origin). Errors carry the server's message. */
import type { AuditEntry, Incident, Stats, StoredEvent, StoredReport } from '../store/types.js';

export type { AuditEntry, Incident, Stats, StoredEvent, StoredReport };

/** Filter values as the API's query parameters (empty values are left out). */
export type Filters = Partial<Record<'date_from' | 'date_to' | 'country' | 'admin1' | 'event_type' | 'sub_event_type' | 'actor' | 'q' | 'bbox' | 'status', string>>;

/** GET /events/{id}. */
export interface EventDetail {
  event: StoredEvent;
  report: (StoredReport & { text: string }) | null;
  incident: Incident | null;
  sources: { event: StoredEvent; report: Omit<StoredReport, 'text'> | null }[];
}

/** An API error: HTTP status and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Query string of `params`, skipping empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`.${path}`, { ...init, headers: { accept: 'application/json', ...(init?.headers ?? {}) } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, (body as { message?: string } | null)?.message ?? res.statusText);
  return body as T;
}

/** One page of events. */
export const listEvents = (f: Filters, limit: number, cursor?: string | null) =>
  call<{ events: StoredEvent[]; next_cursor: string | null }>(`/events${query({ ...f, limit, cursor })}`);

/** One event with its report text, incident and the incident's other sources. */
export const getEvent = (id: string) => call<EventDetail>(`/events/${encodeURIComponent(id)}`);

/** Review body of PATCH /events/{id}. */
export interface ReviewBody {
  action: 'accept' | 'correct' | 'reject';
  reviewer: string;
  comment?: string;
  changes?: Record<string, unknown>;
}

/** PATCH /events/{id}. */
export const reviewEvent = (id: string, body: ReviewBody) =>
  call<StoredEvent>(`/events/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** GET /stats. */
export const getStats = (f: Filters) => call<Stats>(`/stats${query(f)}`);

/** GET /audit. */
export const getAudit = (limit = 50) => call<{ entries: AuditEntry[] }>(`/audit${query({ limit })}`);

/** POST /reports as JSON. */
export const postReport = (body: { text?: string; url?: string; published?: string; source?: string }) =>
  call<{ doc_id: string; inserted: boolean; events: StoredEvent[] }>(`/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** POST /incidents/{id}/split. */
export const splitEvent = (incidentId: string, eventId: string, reviewer: string) =>
  call<Incident>(`/incidents/${encodeURIComponent(incidentId)}/split`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event_id: eventId, reviewer }),
  });

/** POST /incidents/{id}/merge: merge incident `other` into `id`. */
export const mergeIncidents = (id: string, other: string, reviewer: string) =>
  call<Incident>(`/incidents/${encodeURIComponent(id)}/merge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ other, reviewer }),
  });
