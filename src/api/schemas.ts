/**
 * JSON schemas for the HTTP API: request validation (Fastify/Ajv) and the OpenAPI document.
 *
 * Every property carries a `description` phrased as what is allowed ("a UTC date YYYY-MM-DD");
 * the error formatter in errors.ts turns a failed check into "<name> must be <description>".
 * Response objects allow extra properties so that a field added to the model is passed through.
 */
import { ALL_SUB_EVENT_TYPES, EVENT_TYPES } from '../model/index.js';

/** Review statuses, as in store/types.ts ReviewStatus. */
export const REVIEW_STATUSES = ['unreviewed', 'accepted', 'corrected', 'rejected'] as const;

/** Largest page a client may ask for. */
export const MAX_LIMIT = 1000;
/** Page size when `limit` is not given. */
export const DEFAULT_LIMIT = 100;

const nullableString = { type: ['string', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;
const nullableNumber = { type: ['number', 'null'] } as const;

const date = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'a UTC calendar date YYYY-MM-DD',
} as const;

/** Filter query parameters shared by /events, /incidents, /stats and the exports. */
export const filterProperties = {
  date_from: { ...date, description: 'a UTC calendar date YYYY-MM-DD (first day included)' },
  date_to: { ...date, description: 'a UTC calendar date YYYY-MM-DD (last day included)' },
  country: { type: 'string', minLength: 1, maxLength: 200, description: 'a country name as ACLED writes it (1-200 characters)' },
  admin1: { type: 'string', minLength: 1, maxLength: 200, description: 'an admin1 (province/state) name (1-200 characters)' },
  event_type: { type: 'string', enum: [...EVENT_TYPES], description: 'one of the six ACLED event types' },
  sub_event_type: { type: 'string', enum: [...ALL_SUB_EVENT_TYPES], description: 'one of the 25 ACLED sub-event types' },
  actor: { type: 'string', minLength: 1, maxLength: 200, description: 'part of an actor name (1-200 characters, case-insensitive)' },
  q: { type: 'string', minLength: 1, maxLength: 200, description: 'words to search in notes, location and actors (1-200 characters)' },
  bbox: {
    type: 'string',
    pattern: '^\\s*-?\\d+(\\.\\d+)?\\s*,\\s*-?\\d+(\\.\\d+)?\\s*,\\s*-?\\d+(\\.\\d+)?\\s*,\\s*-?\\d+(\\.\\d+)?\\s*$',
    description: 'four numbers west,south,east,north in decimal degrees (e.g. 60.8,23.6,77.9,37.1)',
  },
  status: { type: 'string', enum: [...REVIEW_STATUSES], description: 'a review status' },
} as const;

/** Query string of /events and /incidents: filters plus cursor pagination. */
export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...filterProperties,
    limit: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_LIMIT,
      default: DEFAULT_LIMIT,
      description: `a whole number from 1 to ${MAX_LIMIT}`,
    },
    cursor: {
      type: 'string',
      minLength: 1,
      maxLength: 1000,
      pattern: '^[A-Za-z0-9_=.:+/-]+$',
      description: 'the next_cursor value of the previous page',
    },
  },
} as const;

/** Query string of /stats and the exports: filters only. */
export const filterQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...filterProperties },
} as const;

const span = {
  type: 'object',
  additionalProperties: true,
  properties: { sentence: { type: 'integer' }, start: { type: 'integer' }, end: { type: 'integer' } },
} as const;

/** A casualty claim (model/mentions.ts Claim). */
export const claimSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    ...span.properties,
    kind: { type: 'string' },
    low: { type: 'number' },
    high: { type: 'number' },
    best: { type: 'number' },
    victims: { type: 'string' },
    source: nullableString,
    text: { type: 'string' },
  },
} as const;

/** A stored event (store/types.ts StoredEvent), ACLED field names. */
export const eventSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    event_id: { type: 'string' },
    doc_id: { type: 'string' },
    incident_id: { type: 'string' },
    status: { type: 'string', enum: [...REVIEW_STATUSES] },
    event_date: { type: 'string' },
    time_precision: { type: 'integer' },
    disorder_type: { type: 'string' },
    event_type: { type: 'string' },
    sub_event_type: { type: 'string' },
    actor1: nullableString,
    assoc_actor_1: nullableString,
    inter1: nullableInteger,
    actor2: nullableString,
    assoc_actor_2: nullableString,
    inter2: nullableInteger,
    interaction: nullableInteger,
    civilian_targeting: { type: 'string' },
    country: { type: 'string' },
    iso: nullableInteger,
    admin1: nullableString,
    admin2: nullableString,
    location: nullableString,
    latitude: nullableNumber,
    longitude: nullableNumber,
    geo_precision: { type: 'integer' },
    fatalities: { type: 'number' },
    fatalities_low: { type: 'number' },
    fatalities_high: { type: 'number' },
    claims: { type: 'array', items: claimSchema },
    evidence: { type: 'object', additionalProperties: span },
    notes: { type: 'string' },
    confidence: { type: 'number' },
    source: nullableString,
  },
} as const;

/** An incident (store/types.ts Incident). */
export const incidentSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    incident_id: { type: 'string' },
    event_date: { type: 'string' },
    time_precision: { type: 'integer' },
    event_type: { type: 'string' },
    sub_event_type: { type: 'string' },
    actor1: nullableString,
    actor2: nullableString,
    country: { type: 'string' },
    admin1: nullableString,
    admin2: nullableString,
    location: nullableString,
    latitude: nullableNumber,
    longitude: nullableNumber,
    geo_precision: { type: 'integer' },
    fatalities: { type: 'number' },
    fatalities_low: { type: 'number' },
    fatalities_high: { type: 'number' },
    source_count: { type: 'integer' },
    doc_ids: { type: 'array', items: { type: 'string' } },
    event_ids: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** Report metadata without its text. */
export const reportMetaSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    doc_id: { type: 'string' },
    url: nullableString,
    source: nullableString,
    title: nullableString,
    published: nullableString,
    ingested_at: { type: 'string' },
  },
} as const;

/** The error body every 4xx/5xx answer carries. */
export const errorSchema = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string' },
  },
} as const;

/** Path parameter `{id}`. */
export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200, description: 'an id (1-200 characters)' } },
} as const;

/** Fields an analyst may correct with PATCH /events/{id} (action "correct"). */
export const correctableProperties = {
  event_date: date,
  time_precision: { type: 'integer', enum: [1, 2, 3], description: 'a time precision 1, 2 or 3' },
  event_type: { type: 'string', enum: [...EVENT_TYPES], description: 'one of the six ACLED event types' },
  sub_event_type: { type: 'string', enum: [...ALL_SUB_EVENT_TYPES], description: 'one of the 25 ACLED sub-event types' },
  actor1: { type: ['string', 'null'], maxLength: 300, description: 'an actor name or null' },
  assoc_actor_1: { type: ['string', 'null'], maxLength: 300, description: 'actor names or null' },
  inter1: { type: ['integer', 'null'], minimum: 1, maximum: 8, description: 'an inter code 1-8 or null' },
  actor2: { type: ['string', 'null'], maxLength: 300, description: 'an actor name or null' },
  assoc_actor_2: { type: ['string', 'null'], maxLength: 300, description: 'actor names or null' },
  inter2: { type: ['integer', 'null'], minimum: 1, maximum: 8, description: 'an inter code 1-8 or null' },
  civilian_targeting: { type: 'string', enum: ['', 'Civilian targeting'], description: '"" or "Civilian targeting"' },
  country: { type: 'string', minLength: 1, maxLength: 200, description: 'a country name (1-200 characters)' },
  admin1: { type: ['string', 'null'], maxLength: 200, description: 'an admin1 name or null' },
  admin2: { type: ['string', 'null'], maxLength: 200, description: 'an admin2 name or null' },
  location: { type: ['string', 'null'], maxLength: 200, description: 'a location name or null' },
  latitude: { type: ['number', 'null'], minimum: -90, maximum: 90, description: 'a latitude from -90 to 90 or null' },
  longitude: { type: ['number', 'null'], minimum: -180, maximum: 180, description: 'a longitude from -180 to 180 or null' },
  geo_precision: { type: 'integer', enum: [1, 2, 3], description: 'a geo precision 1, 2 or 3' },
  fatalities: { type: 'integer', minimum: 0, maximum: 1000000, description: 'a whole number of deaths from 0' },
  fatalities_low: { type: 'integer', minimum: 0, maximum: 1000000, description: 'a whole number of deaths from 0' },
  fatalities_high: { type: 'integer', minimum: 0, maximum: 1000000, description: 'a whole number of deaths from 0' },
  notes: { type: 'string', maxLength: 5000, description: 'text up to 5000 characters' },
} as const;

/** Body of PATCH /events/{id}. */
export const reviewBody = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'reviewer'],
  properties: {
    action: { type: 'string', enum: ['accept', 'correct', 'reject'], description: 'accept, correct or reject' },
    reviewer: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      pattern: '\\S',
      description: 'the reviewer\'s name (1-100 characters)',
    },
    comment: { type: 'string', maxLength: 2000, description: 'a comment up to 2000 characters' },
    changes: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: correctableProperties,
      description: `an object of fields to correct: ${Object.keys(correctableProperties).join(', ')}`,
    },
  },
} as const;

const reviewer = reviewBody.properties.reviewer;

/** Body of POST /incidents/{id}/merge. */
export const mergeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['other', 'reviewer'],
  properties: {
    other: { type: 'string', minLength: 1, maxLength: 200, description: 'the id of the incident to merge into this one' },
    reviewer,
    comment: { type: 'string', maxLength: 2000, description: 'a comment up to 2000 characters' },
    force: { type: 'boolean', description: 'merge even when the two incidents are in different countries or more than 30 days apart' },
  },
} as const;

/** Body of POST /incidents/{id}/split. */
export const splitBody = {
  type: 'object',
  additionalProperties: false,
  required: ['event_id', 'reviewer'],
  properties: {
    event_id: { type: 'string', minLength: 1, maxLength: 200, description: 'the id of the event to move into a new incident' },
    reviewer,
    comment: { type: 'string', maxLength: 2000, description: 'a comment up to 2000 characters' },
  },
} as const;

/** Body of POST /reports as JSON: exactly one of text, html or url. */
export const reportJsonBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, description: 'the report as plain text' },
    html: { type: 'string', minLength: 1, description: 'the report as HTML' },
    url: { type: 'string', minLength: 8, maxLength: 2000, pattern: '^https?://', description: 'an http(s) URL to fetch the report from' },
    id: { type: 'string', minLength: 1, maxLength: 200, description: 'a document id (1-200 characters)' },
    published: {
      type: 'string',
      maxLength: 40,
      pattern: '^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?$',
      description: 'the publication date: YYYY-MM-DD, or an ISO 8601 timestamp with its offset (its calendar date is kept as written)',
    },
    source: { type: 'string', maxLength: 300, description: 'the outlet name (up to 300 characters)' },
    title: { type: 'string', maxLength: 1000, description: 'the title (up to 1000 characters)' },
  },
} as const;
