import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlId } from '../../src/pipeline/ingest/index.js';
import { openStore } from '../../src/store/index.js';

const ROOT = resolve(__dirname, '../..');

/** Run the built CLI without blocking this process (the test's HTTP server must keep answering). */
function sitrep(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/sitrep.js'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const STORY_1 = 'Hundreds of nurses marched to the health ministry in the capital on Monday demanding overdue salaries, union officials said.';
const STORY_2 = 'Gunmen on motorbikes shot dead a village chief near the northern market town on Sunday evening, police said.';

let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli/index.js'))) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/good.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"g1"' });
      return res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
        <item><title>Nurses march</title><link>${base}/s/1</link><pubDate>Mon, 10 Feb 2025 12:00:00 +0300</pubDate><description>${STORY_1}</description></item>
        <item><title>Chief killed</title><link>${base}/s/2</link><pubDate>Sun, 09 Feb 2025 20:00:00 +0300</pubDate><description>${STORY_2}</description></item>
      </channel></rss>`);
    }
    if (path === '/html.xml') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!DOCTYPE html><html><body>Log in to continue</body></html>');
    }
    res.writeHead(500);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('sitrep watch', () => {
  it('stores new items once, reports failing feeds without stopping, and remembers what it saw', async () => {
    const store = `sqlite:${join(dir, 'w.sqlite')}`;
    const state = join(dir, 'state.json');
    const feeds = [`${base}/good.xml`, `${base}/html.xml`, `${base}/down.xml`];
    const first = await sitrep(['watch', ...feeds, '--once', '--allow-private', '--no-fetch', '--store', store, '--state', state]);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain(`feed failed: ${base}/html.xml: got an HTML page, not a feed`);
    expect(first.stderr).toContain(`feed failed: ${base}/down.xml: HTTP 500`);
    expect(first.stderr).toMatch(/round 1: 1\/3 feeds read, 2 new items, 2 stored/);
    expect(JSON.parse(readFileSync(state, 'utf8')).feeds[`${base}/good.xml`].etag).toBe('"g1"');

    const s = await openStore(store);
    try {
      const r1 = await s.getReport(urlId(`${base}/s/1`));
      expect(r1?.text).toContain('nurses marched');
      expect(r1?.published).toBe('2025-02-10');
      expect(await s.getReport(urlId(`${base}/s/2`))).not.toBeNull();
    } finally {
      await s.close();
    }

    const second = await sitrep(['watch', `${base}/good.xml`, '--once', '--allow-private', '--no-fetch', '--store', store, '--state', state]);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/round 1: 1\/1 feeds read, 0 new items/);
  });

  it('refuses an internal feed address without --allow-private', async () => {
    const r = await sitrep(['watch', `${base}/good.xml`, '--once', '--store', `sqlite:${join(dir, 'x.sqlite')}`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/feed failed: .*refused to connect to 127\.0\.0\.1: loopback address/);
  });
});
