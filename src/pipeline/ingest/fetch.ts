/**
 * Fetching reports over HTTP(S) with undici: timeouts, size caps, manual redirects with each
 * hop re-checked, gzip/deflate/br decoded with a cap on the decoded size, the charset from
 * the Content-Type header or the page's <meta>, and no connections to loopback, private,
 * link-local, multicast, unspecified or metadata addresses unless `allowPrivate` (see
 * address.ts). The address check runs on the resolved address at connect time (DNS lookup
 * hook) and again on the connected socket's remote address, so DNS tricks and redirects
 * cannot reach an internal address.
 */
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { Agent, buildConnector, request } from 'undici';
import type { RawReport } from '../../model/index.js';
import { BlockedAddressError, checkAddress, guardedLookup, type AddressPolicy } from './address.js';
import { DecodeError, decodeBytes, headerCharset } from './decode.js';
import { htmlProblem, textProblem, DEFAULT_MAX_BYTES, formatBytes } from './report.js';

/** Options for {@link fetchBody} and {@link fetchReport}. */
export interface FetchOptions {
  /** Allow loopback/private/link-local/… addresses (tests, intranets). Default false. */
  allowPrivate?: boolean;
  /** Finer than allowPrivate: which non-public addresses to allow (see AddressPolicy). Beats allowPrivate. */
  addressPolicy?: AddressPolicy;
  /** Whole-request deadline in ms (connect, headers, body, every redirect). Default 15000. */
  timeoutMs?: number;
  /** Cap in bytes on the body as sent and, separately, as decompressed. Default 20 MB. */
  maxBytes?: number;
  /** Redirects followed (each re-checked). Default 5. */
  maxRedirects?: number;
  /** Extra request headers (If-None-Match, If-Modified-Since for feeds). */
  headers?: Record<string, string>;
}

/** What went wrong, as a one-line message and a machine-readable kind. */
export type FetchErrorKind =
  | 'bad-url'
  | 'blocked-address'
  | 'timeout'
  | 'too-large'
  | 'http-status'
  | 'redirects'
  | 'encoding'
  | 'content-type'
  | 'network'
  | 'not-text';

/** Thrown by the fetch functions; `message` is one line naming the URL. */
export class FetchError extends Error {
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A fetched body, decompressed (not decoded). `status` is 200..299 or 304. */
export interface FetchedBody {
  status: number;
  /** Final URL after redirects. */
  url: string;
  headers: Record<string, string>;
  contentType: string | null;
  bytes: Buffer;
}

export const USER_AGENT = 'sitrep/0.1 (conflict event extraction; +https://github.com/)';

/** One pooled agent per policy; each checks the address at lookup and on the connected socket. */
const agents = new Map<AddressPolicy, Agent>();
function agentFor(allowPrivate: AddressPolicy): Agent {
  let agent = agents.get(allowPrivate);
  if (!agent) {
    const base = buildConnector({ lookup: guardedLookup(allowPrivate) } as buildConnector.BuildOptions);
    agent = new Agent({
      connect: (opts, cb) =>
        base(opts, (err, socket) => {
          if (err || !socket) return cb(err ?? new Error('no socket'), null);
          try {
            // The address actually connected to, whatever resolved it.
            if (socket.remoteAddress) checkAddress(opts.hostname, socket.remoteAddress, allowPrivate);
          } catch (e) {
            socket.destroy();
            return cb(e as Error, null);
          }
          cb(null, socket);
        }),
    });
    // Function policies are one-off (tests): keep only the two standard agents pooled.
    if (typeof allowPrivate === 'boolean') agents.set(allowPrivate, agent);
  }
  return agent;
}

/** The BlockedAddressError somewhere in an error's cause chain, if any. */
function blockedIn(err: unknown): BlockedAddressError | null {
  for (let e = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    if (e instanceof BlockedAddressError) return e;
  }
  return null;
}

/** Parse and check a URL: http(s) only; an IP-literal host is checked before any connection. */
function checkUrl(raw: string, allowPrivate: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('bad-url', `${raw.slice(0, 200)}: not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('bad-url', `${url.href}: only http and https URLs are fetched`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  try {
    if (/^[\d.]+$/.test(host) || host.includes(':')) checkAddress(host, host, allowPrivate);
  } catch (e) {
    throw new FetchError('blocked-address', `${url.href}: ${(e as Error).message}`);
  }
  return url;
}

/**
 * Check a URL before queueing it, without any network use: http(s) only, and a host written as a
 * loopback/private IP or "localhost" refused unless `allowPrivate` (names are checked again, by
 * their resolved address, when fetched). Throws FetchError bad-url / blocked-address.
 */
export function checkQueueableUrl(raw: string, opts: { allowPrivate?: boolean } = {}): void {
  const url = checkUrl(raw, opts.allowPrivate ?? false);
  if (!opts.allowPrivate && /^(?:localhost|.+\.localhost)$/i.test(url.hostname)) throw new FetchError('blocked-address', `${url.href}: a loopback host name is refused (--allow-private to allow)`);
}

/** Undo Content-Encoding (gzip, deflate, br; a list is undone right to left) with an output cap. */
function decompress(bytes: Buffer, encoding: string | null, maxBytes: number, url: string): Buffer {
  if (!encoding) return bytes;
  const codings = encoding.toLowerCase().split(',').map((s) => s.trim()).filter((s) => s && s !== 'identity').reverse();
  let out = bytes;
  for (const c of codings) {
    const opts = { maxOutputLength: maxBytes };
    try {
      if (c === 'gzip' || c === 'x-gzip') out = gunzipSync(out, opts);
      else if (c === 'br') out = brotliDecompressSync(out, opts);
      else if (c === 'deflate') {
        try {
          out = inflateSync(out, opts);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw e;
          out = inflateRawSync(out, opts); // some servers send raw deflate
        }
      } else throw new FetchError('encoding', `${url}: unsupported Content-Encoding "${c}"`);
    } catch (e) {
      if (e instanceof FetchError) throw e;
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw new FetchError('too-large', `${url}: decompressed body is over the ${formatBytes(maxBytes)} limit (compression bomb?)`);
      }
      throw new FetchError('encoding', `${url}: corrupt ${c} body (${(e as Error).message})`);
    }
  }
  return out;
}

/**
 * GET a URL and return its decompressed body. Follows up to `maxRedirects` redirects, each
 * target re-checked (scheme and address). Returns status 304 as is (for conditional requests).
 * Throws FetchError: bad-url, blocked-address, timeout, too-large (sent or decompressed body
 * over `maxBytes`), http-status (any other non-2xx), redirects, encoding, network.
 */
export async function fetchBody(rawUrl: string, opts: FetchOptions = {}): Promise<FetchedBody> {
  const policy: AddressPolicy = opts.addressPolicy ?? opts.allowPrivate ?? false;
  const agent = agentFor(policy);
  try {
    return await fetchWith(agent, policy, rawUrl, opts);
  } finally {
    if (typeof policy === 'function') await agent.close().catch(() => undefined);
  }
}

async function fetchWith(agent: Agent, allowPrivate: AddressPolicy, rawUrl: string, opts: FetchOptions): Promise<FetchedBody> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? 5;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = checkUrl(rawUrl, allowPrivate);
  for (let hop = 0; ; hop++) {
    let res;
    try {
      res = await request(url, {
        method: 'GET',
        dispatcher: agent,
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          ...opts.headers,
        },
      });
    } catch (err) {
      const blocked = blockedIn(err);
      if (blocked) throw new FetchError('blocked-address', `${url.href}: ${blocked.message}`);
      if (signal.aborted || (err as Error).name === 'TimeoutError' || /timeout/i.test((err as Error).name ?? '')) {
        throw new FetchError('timeout', `${url.href}: no complete response within ${timeoutMs} ms`);
      }
      const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
      const code = e.code ?? e.cause?.code;
      throw new FetchError('network', `${url.href}: ${code ? `${code} ` : ''}${(e.cause?.message ?? e.message).replace(/\s+/g, ' ')}`);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const status = res.statusCode;
    if (status >= 300 && status < 400 && status !== 304 && headers.location) {
      await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      if (hop >= maxRedirects) throw new FetchError('redirects', `${rawUrl}: more than ${maxRedirects} redirects`);
      let next: string;
      try {
        next = new URL(headers.location, url).href;
      } catch {
        throw new FetchError('bad-url', `${url.href}: redirect to an invalid URL`);
      }
      url = checkUrl(next, allowPrivate);
      continue;
    }
    if (status === 304 || (status >= 200 && status < 300)) {
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.body.destroy();
        throw new FetchError('too-large', `${url.href}: body is ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} limit`);
      }
      const chunks: Buffer[] = [];
      let total = 0;
      try {
        for await (const chunk of res.body) {
          total += (chunk as Buffer).length;
          if (total > maxBytes) {
            res.body.destroy();
            throw new FetchError('too-large', `${url.href}: body is over the ${formatBytes(maxBytes)} limit`);
          }
          chunks.push(chunk as Buffer);
        }
      } catch (err) {
        if (err instanceof FetchError) throw err;
        if (signal.aborted) throw new FetchError('timeout', `${url.href}: no complete response within ${timeoutMs} ms`);
        throw new FetchError('network', `${url.href}: body read failed (${(err as Error).message})`);
      }
      const bytes = decompress(Buffer.concat(chunks), headers['content-encoding'] ?? null, maxBytes, url.href);
      return { status, url: url.href, headers, contentType: headers['content-type'] ?? null, bytes };
    }
    await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    throw new FetchError('http-status', `${url.href}: HTTP ${status}`, status);
  }
}

/** A stable report id for a URL: "url-" + 16 hex digits of SHA-256 of the URL without its #fragment. */
export function urlId(url: string): string {
  const u = url.replace(/#.*$/, '');
  return `url-${createHash('sha256').update(u).digest('hex').slice(0, 16)}`;
}

/**
 * Fetch one web page (or plain-text document) as a RawReport: `html` (or `text`), `url` the
 * final URL, `source` its host name, `id` from {@link urlId} of the requested URL. The page's
 * title and date are read later by the clean stage from its metadata.
 * Throws FetchError as fetchBody does, plus content-type (not HTML/text: PDF, image, …),
 * encoding (undeclared and not UTF-8 — see decode.ts), not-text (binary, empty, no words).
 */
export async function fetchReport(url: string, opts: FetchOptions = {}): Promise<RawReport> {
  const got = await fetchBody(url, opts);
  if (got.status === 304) throw new FetchError('http-status', `${got.url}: HTTP 304 without a cached copy`, 304);
  const type = (got.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const isHtml = type === 'text/html' || type === 'application/xhtml+xml' || (type === '' && /^\s*</.test(got.bytes.subarray(0, 512).toString('latin1')));
  const isText = type === 'text/plain' || (type === '' && !isHtml);
  if (!isHtml && !isText) throw new FetchError('content-type', `${got.url}: content type "${type}" is not a web page or text`);
  let body: string;
  try {
    body = decodeBytes(got.bytes, { headerCharset: headerCharset(got.contentType), sniffMarkup: isHtml });
  } catch (e) {
    throw new FetchError(e instanceof DecodeError && /binary/.test(e.message) ? 'not-text' : 'encoding', `${got.url}: ${(e as Error).message}`);
  }
  const problem = isHtml ? htmlProblem(body) : textProblem(body);
  if (problem) throw new FetchError('not-text', `${got.url}: ${problem}`);
  const source = new URL(got.url).hostname;
  return {
    id: urlId(url),
    ...(isHtml ? { html: body } : { text: body }),
    published: null,
    source,
    url: got.url,
    title: null,
  };
}
