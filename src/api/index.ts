/**
 * The sitrep HTTP API and the analyst's page, on Fastify 5.
 *
 * `buildServer({store})` returns a ready Fastify instance (call `.listen()`); `startServer`
 * also listens, on 127.0.0.1 by default. Every route has a JSON schema; GET /openapi.json
 * serves the OpenAPI 3 document built from them. The page (built by Vite into dist/web/)
 * is served at /.
 */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { extractReport } from '../pipeline/extract.js';
import type { Store } from '../store/types.js';
import type { ApiContext, FetchReport } from './context.js';
import { badRequest, HttpError, installErrorHandlers, strictBodyTypes } from './errors.js';
import { eventRoutes } from './events.js';
import { exportRoutes } from './exports.js';
import { LiveHub } from './live.js';
import { metaRoutes } from './meta.js';
import { reportRoutes } from './reports.js';

export type { ApiContext, FetchReport } from './context.js';
export { LiveHub, type LiveMessage } from './live.js';
export { formatSchemaErrors, HttpError } from './errors.js';
export { toFilter, parseBbox } from './filters.js';

/** Options of {@link buildServer}. */
export interface ServerOptions {
  store: Store;
  /** Folder holding the built page (index.html); default: dist/web next to the compiled API. */
  webRoot?: string | null;
  /** Largest request body in bytes (larger → 413). Default 2 MiB. */
  bodyLimit?: number;
  /** Fetcher for POST /reports {url}; default: the ingest stage's fetchReport (501 when the build has none). */
  fetchReport?: FetchReport;
  /** Let POST /reports fetch loopback/private addresses. Default false. */
  allowPrivateUrls?: boolean;
  /** Fastify logger: false (default) or true / pino options. */
  logger?: boolean | Record<string, unknown>;
  /** How often (ms) live clients are told about changes made by other processes; 0 turns it off. Default 5000. */
  watchMs?: number;
  /**
   * Host names (without port) the server answers to besides IP literals and "localhost"; a
   * request naming another host gets 421, so a web page cannot reach the API through a DNS name
   * it controls (DNS rebinding). Default: $SITREP_ALLOWED_HOSTS (comma-separated), else none.
   */
  allowedHosts?: string[];
}

/** Default request body limit: 2 MiB, far above a news report, far below a memory problem. */
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

/** The built page's folder: dist/web beside dist/api, or (running from src/ under tsx/vitest) the repo's dist/web. */
export function defaultWebRoot(): string | null {
  for (const rel of ['../web/', '../../dist/web/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    // src/web also has an index.html: the unbuilt page, which a browser cannot run.
    if (existsSync(dir + 'index.html') && !existsSync(dir + 'main.ts')) return dir;
  }
  return null;
}

/** Content-Security-Policy for everything served: only our own scripts, no inline scripts, no network beyond this server. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** A Fastify instance with every route registered (not yet listening). */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // verbose: the error formatter needs each failed schema's description and the rejected value;
    // removeAdditional false: an unknown parameter is an error, not silently dropped.
    ajv: { customOptions: { verbose: true, removeAdditional: false, allErrors: false, coerceTypes: 'array' } },
    return503OnClosing: true,
    // "__proto__" / "constructor" keys in JSON bodies are dropped (they would otherwise fail the
    // whole body as "not valid JSON", which it is)
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
  });
  installErrorHandlers(app);

  const live = new LiveHub(opts.store, opts.watchMs ?? 5000);
  const ctx: ApiContext = { store: opts.store, live, allowPrivateUrls: opts.allowPrivateUrls ?? false };
  if (opts.fetchReport) ctx.fetchReport = opts.fetchReport;
  app.addHook('preClose', async () => live.closeAll());
  const allowedHosts = new Set((opts.allowedHosts ?? (process.env.SITREP_ALLOWED_HOSTS ?? '').split(',')).map((h) => h.trim().toLowerCase()).filter(Boolean));
  app.addHook('onRequest', async (req) => {
    const host = hostnameOf(req.headers.host);
    if (host === null || !(host === 'localhost' || isIP(host.replace(/^\[|\]$/g, '')) !== 0 || allowedHosts.has(host))) {
      throw new HttpError(421, `host "${req.headers.host ?? ''}" is not served here (set SITREP_ALLOWED_HOSTS to allow a host name)`);
    }
    // A page on another site may send simple POSTs (text/plain bodies need no preflight):
    // changes are taken only from this server's own page or from clients that send no Origin.
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if ((origin && origin !== 'null' && hostOfOrigin(origin) !== req.headers.host?.toLowerCase()) || origin === 'null' || site === 'cross-site') {
        throw new HttpError(403, `cross-origin ${req.method} refused (origin ${origin ?? site})`);
      }
    }
  });
  // Validation coerces types; JSON bodies must carry the declared types as they are.
  app.addHook('preValidation', async (req) => {
    type Schema = Parameters<typeof strictBodyTypes>[1] & { content?: Record<string, { schema?: Parameters<typeof strictBodyTypes>[1] }> };
    const body = req.routeOptions.schema?.body as Schema | undefined;
    // a body schema per content type ({ content: { 'application/json': { schema } } }) or one schema
    const schema = body?.content ? body.content['application/json']?.schema : body;
    const problem = strictBodyTypes(req.body, schema);
    if (problem) throw badRequest(problem);
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'sitrep API',
        description: 'ACLED-style conflict events extracted from news reports: list, filter, review, export.',
        version: '0.1.0',
      },
    },
  });

  reportRoutes(app, ctx);
  eventRoutes(app, ctx);
  exportRoutes(app, ctx);
  metaRoutes(app, ctx);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: true });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('sitrep API is running; the web page is not built (run `npm run build:web`).\n'),
    );
  }
  await app.ready();
  return app;
}

/** The host name of a Host header, lower-case, without port; null when missing or malformed. */
function hostnameOf(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^(\[[0-9a-f:.]+\]|[^:\s\/]+)(?::\d{1,5})?$/i.exec(header.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** "host:port" of an Origin header ("http://127.0.0.1:8787" → "127.0.0.1:8787"), or null. */
function hostOfOrigin(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Build the server and listen on host:port (127.0.0.1:8787 by default); returns the instance and
 * its address. With `warm` (default true) the extractor's data (gazetteer, lexicons) is loaded
 * first, so the first POST /reports is as quick as the others.
 */
export async function startServer(
  opts: ServerOptions & { host?: string; port?: number; warm?: boolean },
): Promise<{ app: FastifyInstance; address: string }> {
  if (opts.warm ?? true) extractReport({ id: 'warm-up', text: 'Police dispersed a protest in Lahore, Pakistan on Monday.', published: '2025-01-06' });
  const app = await buildServer(opts);
  const address = await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 8787 });
  return { app, address };
}
