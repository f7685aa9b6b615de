/**
 * Errors of the HTTP API: one JSON shape {statusCode, error, message} for every failure,
 * messages that name the parameter and what is allowed, and no stack traces to clients.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';

/** An error with an HTTP status; thrown by handlers for 400/404/409/502 answers. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** 400 with `message`. */
export const badRequest = (message: string): HttpError => new HttpError(400, message);
/** 404 "<what> <id> not found". */
export const notFound = (what: string, id: string): HttpError => new HttpError(404, `${what} ${JSON.stringify(id)} not found`);

/** One Ajv error as Fastify passes it (Ajv runs with `verbose: true`, so schemas and data are present). */
interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  parentSchema?: { description?: string; properties?: Record<string, unknown> };
}

const WHERE: Record<string, string> = { querystring: 'query parameter', body: 'body field', params: 'path parameter', headers: 'header' };

function show(value: unknown): string {
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? s.slice(0, 57) + '...' : s;
}

/**
 * Turn Ajv errors into one readable message naming the parameter and what is allowed,
 * e.g. `query parameter date_from must be a UTC calendar date YYYY-MM-DD (got "2024-1-5")`.
 */
export function formatSchemaErrors(errors: AjvError[], dataVar: string): Error {
  const where = WHERE[dataVar] ?? dataVar;
  const messages = errors.slice(0, 3).map((e) => {
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const allowedHere = (s: AjvError['parentSchema']) => Object.keys(s?.properties ?? {}).join(', ');
    switch (e.keyword) {
      case 'additionalProperties': {
        const name = [path, String(e.params.additionalProperty)].filter(Boolean).join('.');
        return `unknown ${where} ${name}; allowed: ${allowedHere(e.parentSchema)}`;
      }
      case 'required': {
        const name = [path, String(e.params.missingProperty)].filter(Boolean).join('.');
        return `${where} ${name} is required`;
      }
      case 'enum':
        return `${where} ${path} must be one of: ${(e.params.allowedValues as unknown[]).map(String).join(', ')} (got ${show(e.data)})`;
      case 'minProperties':
        return `${where} ${path} must not be empty${e.parentSchema?.description ? `; ${e.parentSchema.description}` : ''}`;
      default: {
        const allowed = e.parentSchema?.description ?? e.message?.replace(/^must be /, '') ?? 'valid';
        const label = path ? `${where} ${path}` : dataVar;
        return `${label} must be ${allowed} (got ${show(e.data)})`;
      }
    }
  });
  const err = new Error(messages.join('; ')) as Error & { statusCode: number };
  err.statusCode = 400;
  return err;
}

/**
 * Install the error and not-found handlers: 4xx keep their message, 413 for bodies over the
 * limit, 5xx are logged and answered with a generic message (the server keeps running).
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setSchemaErrorFormatter((errors, dataVar) => formatSchemaErrors(errors as unknown as AjvError[], dataVar));
  app.setErrorHandler((err: FastifyError | HttpError | Error, req, reply) => {
    let status = (err as { statusCode?: number }).statusCode ?? 500;
    if (!Number.isInteger(status) || status < 400 || status > 599) status = 500;
    const code = (err as FastifyError).code;
    let message = err.message;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = `request body is larger than the limit of ${app.initialConfig.bodyLimit} bytes`;
    else if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      message = 'unsupported Content-Type; send application/json, text/plain or text/html';
    else if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') message = 'the JSON body is empty';
    else if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      status = 400;
      message = `the body is not valid JSON: ${err.message}`;
    }
    if (status >= 500 && !(err instanceof HttpError)) {
      req.log.error({ err }, 'request failed');
      message = 'internal error; the server logged the details';
    }
    void reply.code(status).type('application/json').send({ statusCode: status, error: httpReason(status), message });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
  });
}

function httpReason(status: number): string {
  // (Node's names for the status codes: "Forbidden", "Misdirected Request", …)
  return STATUS_CODES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

type JsonSchema = { type?: string | readonly string[]; properties?: Record<string, JsonSchema> };

/**
 * The first body field whose JSON type differs from its schema's (a number where a string is
 * declared, an array for an object…), as a message; null when all match. Checked before
 * validation because validation coerces types (`{"text": 123}` would become "123").
 */
export function strictBodyTypes(body: unknown, schema: JsonSchema | undefined, prefix = ''): string | null {
  if (!schema?.properties || body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const sub = schema.properties[k];
    if (!sub?.type) continue;
    const want = Array.isArray(sub.type) ? sub.type : [sub.type as string];
    const got = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v;
    const ok = want.includes(got) || (got === 'integer' && want.includes('number'));
    if (!ok) return `body field ${prefix}${k} must be ${want.join(' or ')} (got ${got === 'string' ? JSON.stringify(v) : got})`;
    if (got === 'object') {
      const inner = strictBodyTypes(v, sub, `${prefix}${k}.`);
      if (inner) return inner;
    }
  }
  return null;
}
