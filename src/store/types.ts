/**
 * The Store contract: one interface, two engines (SQLite default, PostgreSQL).
 * The API, CLI, queue and exports talk to this interface only.
 * All dates are UTC calendar dates YYYY-MM-DD; coordinates decimal degrees.
 */
import type { CleanText, SitrepEvent } from '../model/index.js';
import type { IncidentFields } from '../pipeline/incidents/index.js';

/** Review state of an event set by an analyst. */
export type ReviewStatus = 'unreviewed' | 'accepted' | 'corrected' | 'rejected';

/** A stored event: the extracted record plus its incident and review state. */
export interface StoredEvent extends SitrepEvent {
  incident_id: string;
  status: ReviewStatus;
  /** When the report was stored (ISO 8601 UTC); ACLED's `timestamp` column comes from it. */
  ingested_at?: string;
}

/**
 * An incident: one real-world event, reconciled from the events of one or more reports
 * (fields as IncidentFields of the incidents stage), with the reports and events behind it.
 */
export interface Incident extends IncidentFields {
  incident_id: string;
  /** doc_ids of the reports behind it. */
  doc_ids: string[];
  event_ids: string[];
}

/** Filters shared by events, incidents, exports (all optional; AND-ed). */
export interface EventFilter {
  date_from?: string;
  date_to?: string;
  country?: string;
  admin1?: string;
  event_type?: string;
  sub_event_type?: string;
  /** Matches actor1, actor2 or assoc actors (case-insensitive substring). */
  actor?: string;
  /** Text search over notes, location, actors. */
  q?: string;
  /** [west, south, east, north] degrees. */
  bbox?: [number, number, number, number];
  /** Only events with this review status; without it, rejected events (and incidents whose events are all rejected) are left out. */
  status?: ReviewStatus;
}

/** A page of results with an opaque cursor for the next page (null at the end). */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** A stored report. */
export interface StoredReport {
  doc_id: string;
  url: string | null;
  source: string | null;
  title: string | null;
  published: string | null;
  text: string;
  /** sha256 hex of the normalised text; re-ingesting the same text is a no-op. */
  text_hash: string;
  ingested_at: string;
}

/** An analyst's review of one event. `reviewer` is required. */
export interface Review {
  action: 'accept' | 'correct' | 'reject';
  reviewer: string;
  comment?: string;
  /** For `correct`: the fields to change and their new values. */
  changes?: Partial<SitrepEvent>;
}

/** One audit log row: who changed what, when, before and after. */
export interface AuditEntry {
  id: number;
  at: string;
  reviewer: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  comment: string | null;
}

/** A report that could not be processed, kept with its reason. */
export interface QuarantineEntry {
  id: number;
  at: string;
  input: string;
  reason: string;
}

/** Result of storing one report. */
export interface IngestResult {
  doc_id: string;
  /** False when the same URL or text hash was already stored (nothing changed). */
  inserted: boolean;
  events: StoredEvent[];
}

/**
 * Counts over a filter. `events` counts stored events (one per report and event); `incidents`
 * and every breakdown count incidents, the deduplicated events, with their reconciled
 * fatalities, so that an event told by several outlets counts once.
 */
export interface Stats {
  events: number;
  incidents: number;
  reports: number;
  by_day: { date: string; event_type: string; count: number; fatalities: number }[];
  by_country: { country: string; count: number }[];
  by_event_type: { event_type: string; count: number }[];
}

/** The store. Every method may throw on a database error; ids not found give null. */
export interface Store {
  /** Apply pending migrations. Idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Store a report and its events, assigning each event to an incident. Idempotent by URL / text hash. */
  ingest(doc: CleanText, events: SitrepEvent[]): Promise<IngestResult>;
  listEvents(filter: EventFilter, limit: number, cursor?: string | null): Promise<Page<StoredEvent>>;
  getEvent(id: string): Promise<StoredEvent | null>;
  reviewEvent(id: string, review: Review): Promise<StoredEvent | null>;
  listIncidents(filter: EventFilter, limit: number, cursor?: string | null): Promise<Page<Incident>>;
  getIncident(id: string): Promise<Incident | null>;
  /** Merge incident `otherId` into `id`; kept as an analyst decision. */
  mergeIncidents(id: string, otherId: string, reviewer: string): Promise<Incident | null>;
  /** Move `eventId` out of incident `id` into a new incident; kept as an analyst decision. */
  splitEvent(id: string, eventId: string, reviewer: string): Promise<Incident | null>;
  getReport(docId: string): Promise<StoredReport | null>;
  /** Events in a stable order, for streaming exports (memory stays flat). */
  streamEvents(filter: EventFilter): AsyncIterable<StoredEvent>;
  stats(filter: EventFilter): Promise<Stats>;
  audit(limit: number): Promise<AuditEntry[]>;
  quarantine(input: string, reason: string): Promise<void>;
  listQuarantine(limit: number): Promise<QuarantineEntry[]>;
  /**
   * Rebuild every incident from its events with the current rules, keeping analyst merges
   * and splits (and reviews, which live on the events). Events are visited by day, then event
   * id, so the result depends on the events only, not on the order their reports arrived; an
   * incident keeps the id its first event had where it can. Returns the number of incidents.
   */
  recluster(): Promise<{ incidents: number }>;
}
