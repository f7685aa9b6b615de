/**
 * GET /export.csv | /export.geojson | /export.jsonl with the list filters, streamed from the store.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './context.js';
import { HttpError } from './errors.js';
import { toFilter, type FilterQuery } from './filters.js';
import { errorSchema, filterQuery } from './schemas.js';

/** Register the export routes. */
export function exportRoutes(app: FastifyInstance, _ctx: ApiContext): void {
  for (const format of ['csv', 'geojson', 'jsonl'] as const) {
    app.get<{ Querystring: FilterQuery }>(
      `/export.${format}`,
      {
        schema: {
          summary: `Every event matching the filters as ${format.toUpperCase()}, streamed`,
          tags: ['export'],
          querystring: filterQuery,
          response: { '4xx': errorSchema, '5xx': errorSchema },
        },
      },
      async (req) => {
        toFilter(req.query);
        throw new HttpError(501, 'exports are not available yet');
      },
    );
  }
}
