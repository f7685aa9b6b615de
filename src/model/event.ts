/**
 * The event record: one ACLED-style event extracted from one report, with the
 * evidence behind each field and the casualty claims behind its figures.
 */
import type { Claim, TextSpan } from './mentions.js';
import type { DisorderType, EventType, GeoPrecision, InterCode, SubEventType, TimePrecision } from './taxonomy.js';

/** Fields of SitrepEvent that carry evidence. */
export type EvidenceField =
  | 'event_type'
  | 'event_date'
  | 'actor1'
  | 'actor2'
  | 'location'
  | 'fatalities';

/** Evidence: for each field taken from the text, the sentence and [start, end) offsets into the cleaned text. */
export type Evidence = Partial<Record<EvidenceField, TextSpan>>;

/** One event, ACLED field names. Dates are UTC calendar dates YYYY-MM-DD. */
export interface SitrepEvent {
  /** Stable across runs: a hash of doc_id, date, place, sub-event type and actors. */
  event_id: string;
  doc_id: string;
  event_date: string;
  time_precision: TimePrecision;
  disorder_type: DisorderType;
  event_type: EventType;
  sub_event_type: SubEventType;
  actor1: string | null;
  assoc_actor_1: string | null;
  inter1: InterCode | null;
  actor2: string | null;
  assoc_actor_2: string | null;
  inter2: InterCode | null;
  interaction: number | null;
  civilian_targeting: string;
  country: string;
  /** ISO 3166-1 numeric. */
  iso: number | null;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: GeoPrecision;
  /** Best estimate of deaths (ACLED: most conservative credible figure). */
  fatalities: number;
  fatalities_low: number;
  fatalities_high: number;
  claims: Claim[];
  evidence: Evidence;
  /** One-sentence ACLED-style summary generated from the fields. */
  notes: string;
  /** 0..1 */
  confidence: number;
  /** Source outlet / URL of the report, when known. */
  source?: string | null;
}
