import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError, parseFeed, pollFeed, SeenItems, type FeedState } from '../../../src/pipeline/ingest/index.js';

const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valley Wire</title>${items}</channel></rss>`;
const rssItem = (path: string, title: string, body: string, date = 'Tue, 04 Mar 2025 21:30:00 -0500') =>
  `<item><title>${title}</title><link>${path}</link><guid isPermaLink="false">${path}</guid><pubDate>${date}</pubDate><description><![CDATA[<p>${body}</p>]]></description></item>`;

const BODY_A = 'Farmers blocked the main highway with tractors for six hours on Tuesday to protest against new fuel prices, organisers said.';
const BODY_B = 'Two soldiers were wounded when a roadside bomb hit their patrol near the river crossing on Tuesday, the army said.';

describe('parseFeed', () => {
  it('reads RSS 2.0 items with the publisher\'s date', () => {
    const f = parseFeed(rss(rssItem('https://news.example/a', 'Tractors block highway', BODY_A)));
    expect(f.kind).toBe('rss');
    expect(f.title).toBe('Valley Wire');
    expect(f.items).toHaveLength(1);
    expect(f.items[0]).toMatchObject({ key: 'https://news.example/a', url: 'https://news.example/a', title: 'Tractors block highway', published: '2025-03-04' });
    expect(f.items[0]!.content).toContain('<p>Farmers blocked');
  });

  it('reads Atom entries (alternate link, published, html content) and RSS 1.0', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Desk</title>
      <entry><id>tag:hill,2025:1</id><title type="text">Bomb hits patrol</title>
      <link rel="self" href="https://hill.example/api/1"/><link rel="alternate" href="https://hill.example/1"/>
      <published>2025-03-04T23:50:00+04:00</published><content type="html">&lt;p&gt;${BODY_B}&lt;/p&gt;</content></entry></feed>`;
    const f = parseFeed(atom);
    expect(f.kind).toBe('atom');
    expect(f.items[0]).toMatchObject({ key: 'tag:hill,2025:1', url: 'https://hill.example/1', published: '2025-03-04' });
    expect(f.items[0]!.content).toContain('<p>Two soldiers');
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>Old Style</title></channel><item><title>One</title><link>https://o.example/1</link><dc:date>2024-12-01</dc:date><description>Plain words here.</description></item></rdf:RDF>`;
    expect(parseFeed(rdf).items[0]).toMatchObject({ url: 'https://o.example/1', published: '2024-12-01', content: 'Plain words here.' });
  });

  it('refuses HTML pages, malformed XML and other XML with one clear line', () => {
    expect(() => parseFeed('<!DOCTYPE html><html><body>Not a feed</body></html>')).toThrow(new FeedError('got an HTML page, not a feed'));
    expect(() => parseFeed('<rss><channel><item><title>x</item></channel></rss>')).toThrow(/malformed XML \(line 1/);
    expect(() => parseFeed('<?xml version="1.0"?><svg></svg>')).toThrow(/not an RSS or Atom feed \(root element: svg\)/);
    expect(() => parseFeed('')).toThrow(FeedError);
  });

  it('does not blow up on an entity-expansion feed', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
      <rss><channel><item><title>&f;&f;&f;&f;&f;&f;&f;&f;</title><link>https://x.example/1</link></item></channel></rss>`;
    let items = 0;
    try {
      const f = parseFeed(bomb);
      items = f.items.length;
      expect((f.items[0]?.title ?? '').length).toBeLessThan(2_000_000);
    } catch (e) {
      expect(e).toBeInstanceOf(FeedError);
    }
    expect(items).toBeLessThanOrEqual(1);
  });
});

describe('pollFeed against a real server', () => {
  let server: Server;
  let base: string;
  let feedBody = '';
  const articleHits: string[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/feed.xml') {
        const etag = `"${feedBody.length}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          return res.end();
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': 'Tue, 04 Mar 2025 22:00:00 GMT' });
        return res.end(feedBody);
      }
      if (path === '/html-feed') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!DOCTYPE html><html><body><p>Welcome</p></body></html>');
      }
      if (path === '/broken-feed') {
        res.writeHead(200, { 'content-type': 'application/xml' });
        return res.end('<rss><channel><item><title>cut off');
      }
      if (path.startsWith('/story/')) {
        articleHits.push(path);
        if (path === '/story/gone') {
          res.writeHead(410);
          return res.end();
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(`<!DOCTYPE html><html><head><title>Full story ${path}</title></head><body><article><p>${BODY_A} The full article continues with more detail from the scene.</p></article></body></html>`);
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('yields each new item once, uses ETags, fetches linked pages and falls back to the feed text', async () => {
    feedBody = rss(rssItem(`${base}/story/a`, 'Tractors block highway', BODY_A) + rssItem(`${base}/story/gone`, 'Bomb hits patrol', BODY_B));
    const state: FeedState = {};
    const seen = new SeenItems();
    const first = await pollFeed(`${base}/feed.xml`, state, seen, { allowPrivate: true });
    expect(first.error).toBeNull();
    expect(first.items).toHaveLength(2);
    const [a, gone] = first.items;
    expect(a!.ok && a!.report.html).toContain('The full article continues');
    expect(a!.ok && a!.report.published).toBe('2025-03-04');
    // The page is gone (410): the feed's own text is used.
    expect(gone!.ok && gone!.report.html).toContain('Two soldiers were wounded');
    // ... and says so
    expect(gone!.ok && gone!.warning).toMatch(/story\/gone: page not read \(HTTP 410\)/);
    expect(a!.ok && a!.warning).toBeUndefined();
    expect(state.etag).toBeTruthy();

    const again = await pollFeed(`${base}/feed.xml`, state, seen, { allowPrivate: true });
    expect(again.notModified).toBe(true);
    expect(again.items).toEqual([]);

    // New feed body: a repeat of item a under a tracking URL, the same text under a new URL, one new item.
    feedBody = rss(
      rssItem(`${base}/story/a?utm_source=feed`, 'Tractors block highway', BODY_A + ' ') +
        rssItem(`${base}/story/a-copy`, 'Tractors block highway (copy)', BODY_A) +
        rssItem(`${base}/story/c`, 'Third item', 'Students marched peacefully to the education ministry on Wednesday.'),
    );
    const third = await pollFeed(`${base}/feed.xml`, state, seen, { allowPrivate: true, fetchArticles: false });
    expect(third.items.map((i) => i.input)).toEqual([`${base}/story/c`]);
    expect(third.items[0]!.ok && third.items[0]!.report.html).toContain('Students marched');
  });

  it('a feed that is down, returns HTML, is malformed, or is internal without opt-in: an error, no throw', async () => {
    const seen = new SeenItems();
    const down = await pollFeed('http://127.0.0.1:9/feed.xml', {}, seen, { allowPrivate: true, timeoutMs: 2000 });
    expect(down.error).toMatch(/127\.0\.0\.1:9\/feed\.xml: .*ECONNREFUSED/);
    const html = await pollFeed(`${base}/html-feed`, {}, seen, { allowPrivate: true });
    expect(html.error).toBe(`${base}/html-feed: got an HTML page, not a feed`);
    const broken = await pollFeed(`${base}/broken-feed`, {}, seen, { allowPrivate: true });
    expect(broken.error).toMatch(/broken-feed: malformed XML/);
    const blocked = await pollFeed(`${base}/feed.xml`, {}, seen);
    expect(blocked.error).toMatch(/refused to connect/);
  });
});
