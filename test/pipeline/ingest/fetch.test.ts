import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { checkQueueableUrl, FetchError, fetchBody, fetchReport, isPublicAddress, urlId } from '../../../src/pipeline/ingest/index.js';

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Clinic attacked | Hill Times</title>
<meta property="og:title" content="Clinic attacked in hill town"><meta property="article:published_time" content="2025-06-07T08:00:00+01:00">
</head><body><nav><a href="/">Home</a></nav><article><h1>Clinic attacked in hill town</h1>
<p>Armed men set fire to a health clinic in a hill town on Friday, the regional health office said. Nobody was hurt, it said.</p>
<p>Staff had left the building an hour earlier after warnings from residents, a nurse told reporters.</p></article></body></html>`;

let server: Server;
let base: string;
let hits = 0;

function route(req: IncomingMessage, res: ServerResponse): void {
  hits++;
  const u = new URL(req.url ?? '/', 'http://x');
  const send = (status: number, headers: Record<string, string | number>, body?: Buffer | string) => {
    res.writeHead(status, headers);
    res.end(body);
  };
  switch (u.pathname) {
    case '/page':
      return send(200, { 'content-type': 'text/html; charset=utf-8' }, PAGE);
    case '/gzip':
      return send(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipSync(PAGE));
    case '/br':
      return send(200, { 'content-type': 'text/html', 'content-encoding': 'br' }, brotliCompressSync(PAGE));
    case '/deflate':
      return send(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }, deflateSync(PAGE));
    case '/bomb':
      // 64 MB of zeros, about 64 kB on the wire.
      return send(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 }));
    case '/big': {
      res.writeHead(200, { 'content-type': 'text/plain' }); // chunked, no length
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      return pump();
    }
    case '/latin1':
      return send(200, { 'content-type': 'text/html; charset=iso-8859-1' }, Buffer.concat([Buffer.from('<html><body><p>Protest in S'), Buffer.from([0xe3]), Buffer.from('o Tom\xe9 square today.</p></body></html>', 'latin1')]));
    case '/meta-charset':
      return send(200, { 'content-type': 'text/html' }, Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>Road blocked near the caf'), Buffer.from([0xe9, 0x2e]), Buffer.from('</p></body></html>')]));
    case '/bad-utf8':
      return send(200, { 'content-type': 'text/html' }, Buffer.concat([Buffer.from('<html><body><p>Bad '), Buffer.from([0xc3, 0x28]), Buffer.from(' bytes</p></body></html>')]));
    case '/pdf':
      return send(200, { 'content-type': 'application/pdf' }, '%PDF-1.4');
    case '/missing':
      return send(404, { 'content-type': 'text/plain' }, 'not here');
    case '/redirect':
      return send(302, { location: '/page' });
    case '/loop':
      return send(302, { location: '/loop' });
    case '/to-file':
      return send(302, { location: 'file:///etc/passwd' });
    case '/to-metadata':
      return send(302, { location: 'http://169.254.169.254/latest/meta-data/' });
    case '/to-other-loopback':
      return send(301, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/page` });
    case '/etag':
      if (req.headers['if-none-match'] === '"v1"') return send(304, { etag: '"v1"' });
      return send(200, { 'content-type': 'text/plain', etag: '"v1"' }, 'Fresh text about a march.');
    case '/hang':
      return; // never answers
    default:
      return send(404, {});
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** The FetchError a promise rejects with. */
async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FetchError) return e;
    throw e;
  }
  throw new Error('expected a FetchError');
}

describe('address policy', () => {
  it('allows only global unicast', () => {
    for (const a of ['8.8.8.8', '2606:4700:4700::1111', '151.101.1.69']) expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      '127.0.0.1', '127.9.9.9', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.100.100.200', '0.0.0.0',
      '224.0.0.251', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
      '64:ff9b::a00:1', '2002:7f00:1::1', '[::1]',
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
});

describe('fetchReport refuses internal addresses unless allowed', () => {
  it('refuses loopback by IP, by name and by IPv6 literal, without sending a request', async () => {
    const before = hits;
    const port = (server.address() as AddressInfo).port;
    for (const url of [`${base}/page`, `http://localhost:${port}/page`, `http://[::1]:${port}/page`, `http://0.0.0.0:${port}/page`]) {
      const e = await failure(fetchReport(url));
      expect(e.kind, url).toBe('blocked-address');
      expect(e.message).toMatch(/refused to connect/);
    }
    expect(hits).toBe(before);
  });

  it('fetches with allowPrivate, and the page cleans to its article', async () => {
    const raw = await fetchReport(`${base}/page`, { allowPrivate: true });
    expect(raw.id).toBe(urlId(`${base}/page`));
    expect(raw.url).toBe(`${base}/page`);
    expect(raw.source).toBe('127.0.0.1');
    const doc = cleanReport(raw);
    expect(doc.title).toBe('Clinic attacked in hill town');
    expect(doc.published).toBe('2025-06-07');
    expect(doc.text).toContain('Armed men set fire to a health clinic');
  });

  it('re-checks every redirect: to another internal address, to the metadata address, to a file: URL', async () => {
    const only127001 = (addr: string) => addr === '127.0.0.1';
    const ok = await fetchReport(`${base}/redirect`, { addressPolicy: only127001 });
    expect(ok.url).toBe(`${base}/page`);
    const other = await failure(fetchReport(`${base}/to-other-loopback`, { addressPolicy: only127001 }));
    expect(other.kind).toBe('blocked-address');
    expect(other.message).toMatch(/127\.0\.0\.2/);
    const meta = await failure(fetchReport(`${base}/to-metadata`, { addressPolicy: only127001 }));
    expect(meta.kind).toBe('blocked-address');
    expect(meta.message).toMatch(/169\.254\.169\.254.*linkLocal/);
    expect((await failure(fetchReport(`${base}/to-file`, { allowPrivate: true }))).kind).toBe('bad-url');
    expect((await failure(fetchReport(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 }))).kind).toBe('redirects');
  });
});

describe('fetchReport: bodies, encodings and limits', () => {
  const opts = { allowPrivate: true };

  it('decodes gzip, br and deflate', async () => {
    for (const p of ['/gzip', '/br', '/deflate']) {
      const raw = await fetchReport(base + p, opts);
      expect(raw.html, p).toContain('health clinic');
    }
  });

  it('stops a compression bomb at the decompressed-size cap', async () => {
    const e = await failure(fetchReport(`${base}/bomb`, { ...opts, maxBytes: 1024 * 1024 }));
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/decompressed body is over the 1\.0 MB limit/);
  });

  it('stops a body over the cap while streaming', async () => {
    const e = await failure(fetchReport(`${base}/big`, { ...opts, maxBytes: 512 * 1024 }));
    expect(e.kind).toBe('too-large');
  });

  it('takes the charset from the header or the meta tag; refuses undeclared invalid UTF-8', async () => {
    expect((await fetchReport(`${base}/latin1`, opts)).html).toContain('São Tomé');
    expect((await fetchReport(`${base}/meta-charset`, opts)).html).toContain('near the café.');
    const e = await failure(fetchReport(`${base}/bad-utf8`, opts));
    expect(e.kind).toBe('encoding');
    expect(e.message).toMatch(/invalid UTF-8 at byte 19/);
  });

  it('refuses non-pages and HTTP errors with the status', async () => {
    expect((await failure(fetchReport(`${base}/pdf`, opts))).kind).toBe('content-type');
    const nf = await failure(fetchReport(`${base}/missing`, opts));
    expect([nf.kind, nf.status]).toEqual(['http-status', 404]);
    expect((await failure(fetchReport('ftp://example.org/x'))).kind).toBe('bad-url');
    expect((await failure(fetchReport('not a url'))).kind).toBe('bad-url');
  });

  it('gives up on a server that never answers', async () => {
    const e = await failure(fetchReport(`${base}/hang`, { ...opts, timeoutMs: 300 }));
    expect(e.kind).toBe('timeout');
  });

  it('supports conditional requests (304)', async () => {
    const first = await fetchBody(`${base}/etag`, opts);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"v1"');
    const again = await fetchBody(`${base}/etag`, { ...opts, headers: { 'if-none-match': '"v1"' } });
    expect(again.status).toBe(304);
  });
});

describe('readInputs with URLs', () => {
  it('fetches http(s) inputs, refusing internal ones unless allowed, and goes on', async () => {
    const { readInputs } = await import('../../../src/pipeline/ingest/index.js');
    const items = [];
    for await (const it of readInputs([`${base}/page`, `${base}/missing`])) items.push(it);
    expect(items.map((i) => i.ok)).toEqual([false, false]);
    expect(!items[0]!.ok && items[0]!.error).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/page: refused to connect/);
    const allowed = [];
    for await (const it of readInputs([`${base}/page`, `${base}/missing`], { fetch: { allowPrivate: true } })) allowed.push(it);
    expect(allowed[0]).toMatchObject({ ok: true, input: `${base}/page`, report: { url: `${base}/page` } });
    expect(!allowed[1]!.ok && allowed[1]!.error).toBe(`${base}/missing: HTTP 404`);
  });
});

describe('checkQueueableUrl: refused before queueing, without network', () => {
  it.each(['http://127.0.0.1:9/x', 'http://10.0.0.5/report', 'http://[::1]/a', 'https://localhost/y', 'ftp://example.org/a', 'not a url'])('%s is refused', (url) => {
    expect(() => checkQueueableUrl(url)).toThrow(FetchError);
  });
  it('a public name passes, and a private address passes with allowPrivate', () => {
    expect(() => checkQueueableUrl('https://news.example.org/story')).not.toThrow();
    expect(() => checkQueueableUrl('http://127.0.0.1:9/x', { allowPrivate: true })).not.toThrow();
  });
});
