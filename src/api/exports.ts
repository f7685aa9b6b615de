/**
 * GET /export.csv | /export.geojson | /export.jsonl with the list filters, streamed from the
 * store through the writers of src/export (memory stays flat for any number of events).
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { contentTypeOf, EXPORT_FORMATS, EXPORT_LEVELS, exportable, incidentsAsEvents, writeExport } from '../export/index.js';
import type { ApiContext } from './context.js';
import { toFilter, type FilterQuery } from './filters.js';
import { errorSchema, filterQuery } from './schemas.js';

/** Register the export routes. */
export function exportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  for (const format of EXPORT_FORMATS) {
    app.get<{ Querystring: FilterQuery & { level?: string } }>(
      `/export.${format}`,
      {
        schema: {
          summary:
            (format === 'csv'
              ? 'Events matching the filters as CSV with ACLED column names and order, streamed'
              : format === 'geojson'
                ? 'Events matching the filters as a GeoJSON FeatureCollection (RFC 7946), streamed'
                : 'Events matching the filters as JSON Lines with evidence, claims and incident_id, streamed') +
            '; events an analyst rejected are left out unless a status is asked for',
          tags: ['export'],
          querystring: {
            ...filterQuery,
            properties: {
              ...filterQuery.properties,
              level: { type: 'string', enum: [...EXPORT_LEVELS], default: 'events', description: 'a row per stored event (one per report) or per incident (deduplicated, sources joined)' },
            },
          },
          produces: [contentTypeOf(format).split(';')[0]!],
          response: { '4xx': errorSchema, '5xx': errorSchema },
        },
      },
      async (req, reply) => {
        const { level, ...query } = req.query;
        const filter = toFilter(query);
        const body = new PassThrough();
        const rows = level === 'incidents' ? incidentsAsEvents(ctx.store, filter) : exportable(ctx.store.streamEvents(filter), filter.status);
        // Written in the background; a store error mid-stream cuts the response (the status is already sent).
        writeExport(format, rows, body, { end: true }).catch((err: unknown) => {
          req.log.error({ err }, 'export failed');
          body.destroy(err instanceof Error ? err : new Error(String(err)));
        });
        return reply
          .type(contentTypeOf(format))
          .header('content-disposition', `attachment; filename="sitrep-${level === 'incidents' ? 'incidents' : 'events'}.${format}"`)
          .send(body);
      },
    );
  }
}
