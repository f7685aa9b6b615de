/**
 * GET /stats (counts for the timeline and charts), GET /audit, GET /health, GET /stream (SSE),
 * GET /quarantine.
 */
import type { FastifyInstance } from 'fastify';
import type { Stats } from '../store/types.js';
import type { ApiContext } from './context.js';
import { toFilter, type FilterQuery } from './filters.js';
import { errorSchema, filterQuery } from './schemas.js';

const errors = { '4xx': errorSchema, '5xx': errorSchema } as const;

/** Stats answers kept per filter while the store's change mark stays the same (aggregates over a large store take a while). */
const STATS_CACHE_SIZE = 64;
/** A cached answer is recomputed after this long even when nothing seems changed (e.g. a re-clustering that writes no audit row). */
const STATS_TTL_MS = 60_000;

/** Register the routes above. */
export function metaRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store } = ctx;
  const statsCache = new Map<string, { mark: string; at: number; stats: Stats }>();

  app.get<{ Querystring: FilterQuery }>(
    '/stats',
    {
      schema: {
        summary: 'Counts of the events matching the filters: per day and type, per country, per type',
        tags: ['stats'],
        querystring: filterQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              events: { type: 'integer' },
              incidents: { type: 'integer' },
              reports: { type: 'integer' },
              by_day: {
                type: 'array',
                description: 'incidents (deduplicated events) and their reconciled fatalities per day and event type; by_country and by_event_type count incidents too',
                items: {
                  type: 'object',
                  properties: {
                    date: { type: 'string' },
                    event_type: { type: 'string' },
                    count: { type: 'integer' },
                    fatalities: { type: 'number' },
                  },
                },
              },
              by_country: {
                type: 'array',
                items: { type: 'object', properties: { country: { type: 'string' }, count: { type: 'integer' } } },
              },
              by_event_type: {
                type: 'array',
                items: { type: 'object', properties: { event_type: { type: 'string' }, count: { type: 'integer' } } },
              },
            },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const filter = toFilter(req.query);
      const key = JSON.stringify(filter);
      const mark = await ctx.live.changeMark();
      const hit = statsCache.get(key);
      if (hit && hit.mark === mark && Date.now() - hit.at < STATS_TTL_MS) return hit.stats;
      const stats = await store.stats(filter);
      if (statsCache.size >= STATS_CACHE_SIZE) statsCache.delete(statsCache.keys().next().value!);
      statsCache.set(key, { mark, at: Date.now(), stats });
      return stats;
    },
  );

  const limitQuery = {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'a whole number from 1 to 1000' },
    },
  } as const;

  app.get<{ Querystring: { limit: number } }>(
    '/audit',
    {
      schema: {
        summary: 'The latest review changes (who, when, what, before, after), newest first',
        tags: ['review'],
        querystring: limitQuery,
        response: {
          200: entriesOf({
            type: 'object',
            additionalProperties: true,
            properties: {
              id: { type: 'integer' },
              at: { type: 'string' },
              reviewer: { type: 'string' },
              action: { type: 'string' },
              target: { type: 'string' },
              before: {},
              after: {},
              comment: { type: ['string', 'null'] },
            },
          }),
          ...errors,
        },
      },
    },
    async (req) => ({ entries: await store.audit(req.query.limit) }),
  );

  app.get<{ Querystring: { limit: number } }>(
    '/quarantine',
    {
      schema: {
        summary: 'Reports that could not be processed, with the reason',
        tags: ['reports'],
        querystring: limitQuery,
        response: {
          200: entriesOf({
            type: 'object',
            properties: { id: { type: 'integer' }, at: { type: 'string' }, input: { type: 'string' }, reason: { type: 'string' } },
          }),
          ...errors,
        },
      },
    },
    async (req) => ({ entries: await store.listQuarantine(req.query.limit) }),
  );

  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness: the server answers and the store can be read',
        tags: ['meta'],
        response: {
          200: { type: 'object', properties: { status: { type: 'string' }, store: { type: 'string' } } },
          503: { type: 'object', properties: { status: { type: 'string' }, store: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
    async (_req, reply) => {
      try {
        await store.listEvents({}, 1, null);
        return { status: 'ok', store: 'ok' };
      } catch (err) {
        return reply.code(503).send({ status: 'degraded', store: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    },
  );

  app.get(
    '/stream',
    {
      schema: {
        summary: 'Server-sent events: `events` (new events stored), `review`, `incidents`, `changed` (by another process)',
        tags: ['meta'],
        produces: ['text/event-stream'],
      },
    },
    (req, reply) => {
      reply.hijack();
      ctx.live.attach(reply.raw);
    },
  );
}

/** Response schema of a list endpoint: `{ entries: [item, ...] }`. */
function entriesOf(item: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', properties: { entries: { type: 'array', items: item } } };
}
