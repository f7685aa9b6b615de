/**
 * POST /reports: a report as JSON {text | html | url, ...}, or a raw text/plain or text/html body;
 * extracts its events, stores them (idempotent by URL / text hash) and returns them.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { RawReport } from '../model/index.js';
import { extractReport } from '../pipeline/extract.js';
import { DecodeError, decodeBytes, headerCharset, htmlProblem, normalisePublished, textProblem } from '../pipeline/ingest/index.js';
import { HttpError, badRequest } from './errors.js';
import type { ApiContext, FetchReport } from './context.js';
import { errorSchema, eventSchema, reportJsonBody } from './schemas.js';

interface ReportJson {
  text?: string;
  html?: string;
  url?: string;
  id?: string;
  published?: string;
  source?: string;
  title?: string;
}

/** A document id for a posted body without one: "api-" + the first 16 hex of its sha256. */
export function docIdFor(body: string): string {
  return 'api-' + createHash('sha256').update(body).digest('hex').slice(0, 16);
}

/**
 * The ingest stage's URL fetcher, looked up at run time (`fetchReport(url, {allowPrivate})`
 * resolving to a RawReport or an IngestItem-like {ok, report, error}); null when this build has none.
 */
export async function ingestFetcher(): Promise<FetchReport | null> {
  const ingest = (await import('../pipeline/ingest/index.js')) as Record<string, unknown>;
  const fetchReport = ingest.fetchReport as ((url: string, opts?: object) => Promise<unknown>) | undefined;
  if (typeof fetchReport !== 'function') return null;
  return async (url, opts) => {
    const got = (await fetchReport(url, opts)) as RawReport | { ok: boolean; report?: RawReport; error?: string };
    if (got && typeof got === 'object' && 'ok' in got) {
      if (!got.ok || !got.report) throw new Error(got.error ?? `cannot fetch ${url}`);
      return got.report;
    }
    return got as RawReport;
  };
}

/** Register POST /reports. */
export function reportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  // Raw bodies: the text is the report.
  // Read as bytes and decoded by the declared charset ("text/plain; charset=utf-16"), strictly:
  // undeclared bytes must be UTF-8, binary is refused.
  app.addContentTypeParser(['text/html', 'text/plain'], { parseAs: 'buffer' }, (req, body, done) => {
    try {
      const ctype = String(req.headers['content-type'] ?? '');
      // an HTML body may declare its charset inside (<meta charset>), as pages do
      done(null, decodeBytes(body as Buffer, { headerCharset: headerCharset(ctype), sniffMarkup: /^\s*text\/html/i.test(ctype) }));
    } catch (err) {
      done(err instanceof DecodeError ? badRequest(`body: ${err.message}`) : (err as Error), undefined);
    }
  });

  const ingestResponse = {
    type: 'object',
    properties: {
      doc_id: { type: 'string' },
      inserted: { type: 'boolean' },
      events: { type: 'array', items: eventSchema },
    },
  } as const;

  app.post(
    '/reports',
    {
      schema: {
        summary: 'Add a report (text, HTML or a URL); returns the events extracted and stored',
        tags: ['reports'],
        // a raw text/HTML body carries its metadata here (a JSON body carries it in its fields)
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            id: reportJsonBody.properties.id,
            published: reportJsonBody.properties.published,
            source: reportJsonBody.properties.source,
            title: reportJsonBody.properties.title,
          },
        },
        body: {
          content: {
            'application/json': { schema: reportJsonBody },
            'text/plain': { schema: { type: 'string', description: 'the report as plain text' } },
            'text/html': { schema: { type: 'string', description: 'the report as HTML' } },
          },
        },
        response: { 200: ingestResponse, 201: ingestResponse, '4xx': errorSchema, '5xx': errorSchema },
      },
    },
    async (req, reply) => {
      const ctype = String(req.headers['content-type'] ?? '').toLowerCase();
      let raw: RawReport;
      if (typeof req.body === 'string') {
        const html = ctype.startsWith('text/html');
        const problem = html ? htmlProblem(req.body) : textProblem(req.body);
        if (problem) throw badRequest(`body: ${problem}`);
        const q = (req.query ?? {}) as { id?: string; published?: string; source?: string; title?: string };
        raw = { id: q.id ?? docIdFor(req.body), ...(html ? { html: req.body } : { text: req.body }), published: null, source: q.source ?? null };
        if (q.title !== undefined) raw.title = q.title;
        if (q.published !== undefined) {
          const day = normalisePublished(q.published);
          if (!day) throw badRequest(`query parameter published must be a real date, YYYY-MM-DD or an ISO 8601 timestamp with its offset (got "${q.published}")`);
          raw.published = day;
        }
      } else {
        const b = (req.body ?? {}) as ReportJson;
        if (Object.keys((req.query ?? {}) as object).length) throw badRequest('query parameters are for raw text/HTML bodies; a JSON body carries id, published, source and title in its fields');
        const given = (['text', 'html', 'url'] as const).filter((k) => b[k] !== undefined);
        if (given.length !== 1)
          throw badRequest(`body must have exactly one of text, html or url (got ${given.length ? given.join(', ') : 'none'})`);
        if (b.url !== undefined) {
          const fetcher = ctx.fetchReport ?? (await ingestFetcher());
          if (!fetcher) throw new HttpError(501, 'fetching URLs is not available in this build');
          try {
            raw = await fetcher(b.url, { allowPrivate: ctx.allowPrivateUrls });
          } catch (err) {
            const why = err instanceof Error ? err.message : String(err);
            await ctx.store.quarantine(b.url, why).catch(() => undefined);
            // The caller's URL is at fault (malformed, or an address refused by policy): 400.
            // The remote side failed (timeout, HTTP error, too large): 502.
            const kind = (err as { kind?: string }).kind;
            throw new HttpError(kind === 'bad-url' || kind === 'blocked-address' ? 400 : 502, `url: could not fetch a report: ${why}`);
          }
          if (b.id) raw = { ...raw, id: b.id };
        } else {
          const body = (b.text ?? b.html)!;
          const problem = b.text !== undefined ? textProblem(body) : htmlProblem(body);
          if (problem) throw badRequest(`body field ${b.text !== undefined ? 'text' : 'html'}: ${problem}`);
          raw = { id: b.id ?? docIdFor(body), ...(b.text !== undefined ? { text: body } : { html: body }), published: null };
        }
        // The schema checks only the shape; 2025-13-40 must be the caller's 400, not a quarantined report.
        if (b.published !== undefined) {
          const day = normalisePublished(b.published);
          if (!day) throw badRequest(`body field published must be a real date, YYYY-MM-DD or an ISO 8601 timestamp with its offset (got "${b.published}")`);
          raw.published = day;
        }
        if (b.source !== undefined) raw.source = b.source;
        if (b.title !== undefined) raw.title = b.title;
      }

      let extraction;
      try {
        extraction = extractReport(raw);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        req.log.error({ err }, 'extraction failed');
        await ctx.store.quarantine(raw.url ?? raw.id, `extraction failed: ${why}`).catch(() => undefined);
        throw new HttpError(422, `the report could not be processed: ${why}`);
      }
      if (extraction.doc.text.trim() === '') {
        const why = 'no readable text found in the report';
        await ctx.store.quarantine(raw.url ?? raw.id, why).catch(() => undefined);
        throw new HttpError(422, why);
      }
      const result = await ctx.store.ingest(extraction.doc, extraction.events);
      if (result.inserted)
        ctx.live.publish({ type: 'events', doc_id: result.doc_id, event_ids: result.events.map((e) => e.event_id) });
      return reply.code(result.inserted ? 201 : 200).send(result);
    },
  );
}
