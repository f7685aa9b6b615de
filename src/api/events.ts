/**
 * Events and incidents: filtered lists with cursor pagination, one event with its report text,
 * claims and the incident's other sources, review (PATCH), merge and split.
 */
import type { FastifyInstance } from 'fastify';
import { disorderTypeOf, eventTypeOf, isSubEventType, type SitrepEvent } from '../model/index.js';
import { countryFromQuery, placeByName } from '../pipeline/mentions/places/index.js';
import { mergeDoubt } from '../pipeline/incidents/index.js';
import type { Review, StoredEvent } from '../store/types.js';
import type { ApiContext } from './context.js';
import { HttpError, badRequest, notFound } from './errors.js';
import { toFilter, isCalendarDate, type FilterQuery } from './filters.js';
import {
  errorSchema,
  eventSchema,
  idParams,
  incidentSchema,
  listQuery,
  mergeBody,
  reportMetaSchema,
  reviewBody,
  splitBody,
} from './schemas.js';

type ListQuery = FilterQuery & { limit: number; cursor?: string };

/** Most sources listed for one incident in GET /events/{id}. */
const MAX_SOURCES = 50;

const errors = { '4xx': errorSchema, '5xx': errorSchema } as const;

/** Store errors about a cursor become 400 (the store rejects cursors it did not issue). */
async function withCursor<T>(cursor: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (cursor && err instanceof Error && /cursor/i.test(err.message))
      throw badRequest('query parameter cursor must be the next_cursor value of a previous page with the same filters');
    throw err;
  }
}

/**
 * Check and complete a correction: a new sub_event_type brings its event_type and disorder_type;
 * a country is written as ACLED writes it and brings its ISO code (an unknown one is refused);
 * an event_type that contradicts the sub-event type, or low > best > high, is refused (400).
 */
export function completeChanges(current: StoredEvent, changes: Partial<SitrepEvent>): Partial<SitrepEvent> {
  const out: Partial<SitrepEvent> = { ...changes };
  if (out.event_date !== undefined && !isCalendarDate(out.event_date))
    throw badRequest(`body field changes.event_date must be a real calendar date YYYY-MM-DD (got "${out.event_date}")`);
  // A country is one the gazetteer knows, written as ACLED writes it, with its ISO code.
  if (out.country !== undefined) {
    const c = typeof out.country === 'string' ? countryFromQuery(out.country) : null;
    if (!c) throw badRequest(`body field changes.country: no country is named or coded "${String(out.country)}" (a name, or an ISO 3166-1 code)`);
    out.country = c.name;
    if (out.iso === undefined) out.iso = c.iso;
  }
  const sub = out.sub_event_type ?? current.sub_event_type;
  if (out.sub_event_type !== undefined || out.event_type !== undefined) {
    if (!isSubEventType(sub)) throw badRequest(`body field changes.sub_event_type is not an ACLED sub-event type`);
    const type = eventTypeOf(sub);
    if (out.event_type !== undefined && out.event_type !== type)
      throw badRequest(
        `body field changes.event_type "${out.event_type}" does not match sub_event_type "${sub}" (which belongs to "${type}"); change sub_event_type too`,
      );
    out.event_type = type;
    out.disorder_type = disorderTypeOf(sub);
  }
  // A new place name without coordinates takes the gazetteer's point and units for it, so the
  // map and the exports do not keep the old place's coordinates under the new name; a name the
  // gazetteer lacks in that country ("Gao town", a respelling) keeps the coordinates it had.
  const place =
    out.location !== undefined && out.location !== null && out.latitude === undefined && out.longitude === undefined
      ? placeByName(out.location, out.country ?? current.country)
      : null;
  if (place) {
    out.latitude = Math.round(place.latitude * 10_000) / 10_000;
    out.longitude = Math.round(place.longitude * 10_000) / 10_000;
    if (out.admin1 === undefined) out.admin1 = place.admin1;
    if (out.admin2 === undefined) out.admin2 = place.admin2;
    if (out.geo_precision === undefined) out.geo_precision = place.kind === 'place' ? 1 : place.kind === 'admin2' ? 2 : 3;
  }
  const low = out.fatalities_low ?? current.fatalities_low;
  const best = out.fatalities ?? current.fatalities;
  const high = out.fatalities_high ?? current.fatalities_high;
  if (out.fatalities !== undefined || out.fatalities_low !== undefined || out.fatalities_high !== undefined) {
    // A corrected best figure outside the old range moves the range with it, unless the analyst set the bounds too.
    if (out.fatalities !== undefined && out.fatalities_low === undefined && low > best) out.fatalities_low = best;
    if (out.fatalities !== undefined && out.fatalities_high === undefined && high < best) out.fatalities_high = best;
    const l = out.fatalities_low ?? low;
    const h = out.fatalities_high ?? high;
    if (!(l <= best && best <= h))
      throw badRequest(`body field changes: fatalities must satisfy fatalities_low <= fatalities <= fatalities_high (got ${l} <= ${best} <= ${h})`);
  }
  return out;
}

/** Register /events, /events/{id}, /incidents, /incidents/{id}, merge and split. */
export function eventRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store } = ctx;

  app.get<{ Querystring: ListQuery }>(
    '/events',
    {
      schema: {
        summary: 'Events matching the filters, one page at a time',
        tags: ['events'],
        querystring: listQuery,
        response: {
          200: {
            type: 'object',
            properties: { events: { type: 'array', items: eventSchema }, next_cursor: { type: ['string', 'null'] } },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const filter = toFilter(req.query);
      const page = await withCursor(req.query.cursor, () => store.listEvents(filter, req.query.limit, req.query.cursor ?? null));
      return { events: page.items, next_cursor: page.next_cursor };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/events/:id',
    {
      schema: {
        summary: 'One event with its evidence, claims, report text and the incident\'s other sources',
        tags: ['events'],
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              event: eventSchema,
              report: { anyOf: [{ type: 'null' }, { ...reportMetaSchema, properties: { ...reportMetaSchema.properties, text: { type: 'string' } } }] },
              incident: { anyOf: [{ type: 'null' }, incidentSchema] },
              sources: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: true,
                  properties: { event: eventSchema, report: { anyOf: [{ type: 'null' }, reportMetaSchema] } },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const event = await store.getEvent(req.params.id);
      if (!event) throw notFound('event', req.params.id);
      const [report, incident] = await Promise.all([store.getReport(event.doc_id), store.getIncident(event.incident_id)]);
      const others = (incident?.event_ids ?? []).filter((id) => id !== event.event_id).slice(0, MAX_SOURCES);
      const sources = [];
      for (const id of others) {
        const e = await store.getEvent(id);
        if (!e) continue;
        const r = await store.getReport(e.doc_id);
        sources.push({ event: e, report: r ? { ...r, text: undefined } : null });
      }
      return { event, report, incident, sources };
    },
  );

  app.patch<{ Params: { id: string }; Body: Review }>(
    '/events/:id',
    {
      schema: {
        summary: 'Review an event: accept, correct fields or reject (recorded in the audit log)',
        tags: ['events'],
        params: idParams,
        body: reviewBody,
        response: { 200: eventSchema, ...errors },
      },
    },
    async (req) => {
      const body = req.body;
      const current = await store.getEvent(req.params.id);
      if (!current) throw notFound('event', req.params.id);
      const review: Review = { action: body.action, reviewer: body.reviewer.trim() };
      if (body.comment !== undefined) review.comment = body.comment;
      if (body.action === 'correct') {
        if (!body.changes) throw badRequest('body field changes is required when action is "correct"');
        review.changes = completeChanges(current, body.changes);
      } else if (body.changes) {
        throw badRequest(`body field changes is only allowed when action is "correct" (action is "${body.action}")`);
      }
      const updated = await store.reviewEvent(req.params.id, review);
      if (!updated) throw notFound('event', req.params.id);
      ctx.live.publish({ type: 'review', event_ids: [updated.event_id], incident_ids: [updated.incident_id] });
      return updated;
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/incidents',
    {
      schema: {
        summary: 'Incidents matching the filters, one page at a time',
        tags: ['incidents'],
        querystring: listQuery,
        response: {
          200: {
            type: 'object',
            properties: { incidents: { type: 'array', items: incidentSchema }, next_cursor: { type: ['string', 'null'] } },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const filter = toFilter(req.query);
      const page = await withCursor(req.query.cursor, () => store.listIncidents(filter, req.query.limit, req.query.cursor ?? null));
      return { incidents: page.items, next_cursor: page.next_cursor };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/incidents/:id',
    {
      schema: { summary: 'One incident', tags: ['incidents'], params: idParams, response: { 200: incidentSchema, ...errors } },
    },
    async (req) => {
      const incident = await store.getIncident(req.params.id);
      if (!incident) throw notFound('incident', req.params.id);
      return incident;
    },
  );

  app.post<{ Params: { id: string }; Body: { other: string; reviewer: string; force?: boolean } }>(
    '/incidents/:id/merge',
    {
      schema: {
        summary: 'Merge incident `other` into this one (an analyst decision kept across re-clustering)',
        tags: ['incidents'],
        params: idParams,
        body: mergeBody,
        response: { 200: incidentSchema, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { other, reviewer } = req.body;
      if (other === id) throw badRequest('body field other must be a different incident than the one in the path');
      const [a, b] = await Promise.all([store.getIncident(id), store.getIncident(other)]);
      if (!a) throw notFound('incident', id);
      if (!b) throw notFound('incident', other);
      // A slip of the hand (an IED in Sudan onto a shooting in Mexico) is refused unless insisted on.
      const doubt = mergeDoubt(a, b);
      if (!req.body.force && doubt) {
        throw new HttpError(409, `incidents ${id} (${a.country}, ${a.event_date}) and ${other} (${b.country}, ${b.event_date}) are ${doubt}; send "force": true to merge them anyway`);
      }
      const merged = await store.mergeIncidents(id, other, reviewer.trim());
      if (!merged) throw notFound('incident', id);
      ctx.live.publish({ type: 'incidents', incident_ids: [id, other] });
      return merged;
    },
  );

  app.post<{ Params: { id: string }; Body: { event_id: string; reviewer: string } }>(
    '/incidents/:id/split',
    {
      schema: {
        summary: 'Move one event out of this incident into a new incident (kept across re-clustering)',
        tags: ['incidents'],
        params: idParams,
        body: splitBody,
        response: { 200: incidentSchema, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { event_id, reviewer } = req.body;
      const incident = await store.getIncident(id);
      if (!incident) throw notFound('incident', id);
      if (!incident.event_ids.includes(event_id)) {
        const e = await store.getEvent(event_id);
        if (!e) throw notFound('event', event_id);
        throw badRequest(`body field event_id: event ${JSON.stringify(event_id)} is not in incident ${JSON.stringify(id)}`);
      }
      if (incident.event_ids.length < 2) throw new HttpError(409, `incident ${JSON.stringify(id)} has only one event; nothing to split`);
      const created = await store.splitEvent(id, event_id, reviewer.trim());
      if (!created) throw notFound('incident', id);
      ctx.live.publish({ type: 'incidents', incident_ids: [id, created.incident_id], event_ids: [event_id] });
      return created;
    },
  );
}
