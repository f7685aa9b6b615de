/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds → items, parsed by fast-xml-parser (its entity
 * limits guard against expansion attacks; nesting is capped), and the polling logic:
 * conditional requests (ETag / Last-Modified), each new item once (by normalised URL and by
 * a hash of its content), the linked article fetched when wanted.
 */
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RawReport } from '../../model/index.js';
import { DecodeError, decodeBytes, headerCharset } from './decode.js';
import { fetchBody, fetchReport, FetchError, urlId, type FetchOptions } from './fetch.js';
import { normalisePublished } from './published.js';
import { failure, htmlProblem, type IngestItem } from './report.js';

/** Thrown by parseFeed: not XML, not a feed, an HTML page. One line. */
export class FeedError extends Error {}

/** One feed entry. */
export interface FeedItem {
  /** guid / id when present, else the link, else a content hash. */
  key: string;
  url: string | null;
  title: string | null;
  /** YYYY-MM-DD, the publisher's date. */
  published: string | null;
  /** The entry's content (content:encoded / content / description / summary): HTML or text. */
  content: string | null;
}

/** A parsed feed. */
export interface Feed {
  kind: 'rss' | 'atom' | 'rdf';
  title: string | null;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  maxNestedTags: 200,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** The text of a parsed XML value: a string, a number, or an element's #text (xhtml content flattened). */
function textOf(v: unknown, depth = 0): string | null {
  if (v == null || depth > 50) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return textOf(v[0], depth + 1);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('#text' in o) return textOf(o['#text'], depth + 1);
    // Atom type="xhtml": a <div> of markup; keep its text.
    const parts: string[] = [];
    for (const [k, val] of Object.entries(o)) {
      if (k.startsWith('@_')) continue;
      const t = textOf(val, depth + 1);
      if (t) parts.push(t);
    }
    return parts.join(' ') || null;
  }
  return null;
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}

/** An item's key: its guid/id, else its link, else a hash of its title and content. */
function itemKey(id: string | null, url: string | null, title: string | null, content: string | null): string {
  return id ?? url ?? `hash:${hash(`${title ?? ''}\n${content ?? ''}`)}`;
}

/** The alternate (or first) href of Atom <link> elements; RSS <link> text. */
function linkOf(links: unknown): string | null {
  if (!Array.isArray(links)) return textOf(links);
  let first: string | null = null;
  for (const l of links) {
    if (typeof l === 'string') return l.trim() || null;
    const o = l as Record<string, unknown>;
    const href = typeof o['@_href'] === 'string' ? (o['@_href'] as string) : textOf(o);
    if (!href) continue;
    const rel = o['@_rel'];
    if (rel === undefined || rel === 'alternate') return href;
    first ??= href;
  }
  return first;
}

/**
 * Parse a feed document. Throws FeedError for malformed XML (with its line), for an HTML page
 * ("got an HTML page, not a feed"), and for XML that is neither RSS nor Atom.
 */
export function parseFeed(xml: string): Feed {
  const head = xml.slice(0, 2000).trimStart();
  if (/^(?:<!doctype\s+html|<html[\s>])/i.test(head)) throw new FeedError('got an HTML page, not a feed');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedError(`malformed XML (line ${valid.err.line}: ${valid.err.msg.replace(/\s+/g, ' ').slice(0, 120)})`);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    throw new FeedError(`unreadable XML (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 120)})`);
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  const rdf = doc['rdf:RDF'] as Record<string, unknown> | undefined;
  const atom = doc.feed as Record<string, unknown> | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) ?? {}) as Record<string, unknown>;
    const rawItems = ((rss ? (channel.item as unknown[]) : (rdf!.item as unknown[])) ?? []) as Record<string, unknown>[];
    const items = rawItems.map((it) => {
      const url = linkOf(it.link);
      const title = textOf(it.title);
      const content = textOf(it['content:encoded']) ?? textOf(it.description);
      const date = textOf(it.pubDate) ?? textOf(it['dc:date']);
      return { key: itemKey(textOf(it.guid), url, title, content), url, title, published: date ? normalisePublished(date) : null, content };
    });
    return { kind: rss ? 'rss' : 'rdf', title: textOf(channel.title), items };
  }
  if (atom) {
    const items = ((atom.entry ?? []) as Record<string, unknown>[]).map((e) => {
      const url = linkOf(e.link);
      const title = textOf(e.title);
      const content = textOf(e.content) ?? textOf(e.summary);
      const date = textOf(e.published) ?? textOf(e.updated);
      return { key: itemKey(textOf(e.id), url, title, content), url, title, published: date ? normalisePublished(date) : null, content };
    });
    return { kind: 'atom', title: textOf(atom.title), items };
  }
  if (doc.html) throw new FeedError('got an HTML page, not a feed');
  throw new FeedError(`not an RSS or Atom feed (root element: ${Object.keys(doc).filter((k) => !k.startsWith('?'))[0] ?? 'none'})`);
}

/** A URL without fragment and utm_* tracking parameters, for "seen" checks. */
export function normaliseItemUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$)/i.test(k)) u.searchParams.delete(k);
    return u.href;
  } catch {
    return url.trim();
  }
}

/** Conditional-request state of one feed plus the items seen (shared across feeds to catch cross-posts). */
export interface FeedState {
  etag?: string | null;
  lastModified?: string | null;
}

/** Items already yielded, by normalised URL and by content hash. */
export class SeenItems {
  private readonly keys = new Set<string>();
  constructor(initial: Iterable<string> = []) {
    for (const k of initial) this.keys.add(k);
  }
  /** The keys an item is known by. */
  static keysOf(item: FeedItem): string[] {
    const keys = [`key:${item.key}`];
    if (item.url) keys.push(`url:${normaliseItemUrl(item.url)}`);
    const body = (item.content ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
    if (body.length >= 40) keys.push(`hash:${hash(body)}`);
    return keys;
  }
  has(item: FeedItem): boolean {
    return SeenItems.keysOf(item).some((k) => this.keys.has(k));
  }
  add(item: FeedItem): void {
    for (const k of SeenItems.keysOf(item)) this.keys.add(k);
  }
  /** All keys, oldest first (for saving). */
  list(): string[] {
    return [...this.keys];
  }
}

/** Options for {@link pollFeed}. */
export interface PollOptions extends FetchOptions {
  /** Fetch each new item's linked page for the full article (default true); the feed's own content is the fallback. */
  fetchArticles?: boolean;
}

/** Result of one poll: `notModified` on a 304; `error` (one line) when the feed failed. */
export interface PollResult {
  feedUrl: string;
  notModified: boolean;
  /** The feed's item count (0 on 304 or error). */
  total: number;
  /** New items: reports, or one-line failures naming the item. */
  items: IngestItem[];
  error: string | null;
}

/** A report from the feed's own content for an item (used with --no-fetch, or when the page fetch fails). */
function reportFromItem(item: FeedItem, feedUrl: string): IngestItem {
  let url: string | null = null;
  let source: string | null = null;
  try {
    if (item.url) {
      const u = new URL(item.url, feedUrl);
      [url, source] = [u.href, u.hostname];
    }
  } catch {
    // A broken link: the item is still read from the feed's text.
  }
  const input = url ?? `${feedUrl}#${item.key}`;
  const content = item.content ?? '';
  const isHtml = /<[a-z][^>]*>/i.test(content);
  const body = isHtml ? content : content.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[m]!);
  const joined = item.title ? (isHtml ? `<h1>${item.title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</h1>${body}` : `${item.title}\n\n${body}`) : body;
  const problem = htmlProblem(isHtml ? joined : joined.replace(/</g, ' '));
  if (problem || !joined.trim()) return failure(input, problem ?? 'feed item has no text');
  const report: RawReport = {
    id: urlId(input),
    ...(isHtml ? { html: joined } : { text: joined }),
    published: item.published,
    source,
    url,
    title: item.title,
  };
  return { ok: true, input, report };
}

/**
 * Poll one feed: a conditional GET (updating `state` from the response's ETag and
 * Last-Modified), parse, and for each item not in `seen` produce a report (its linked page
 * when `fetchArticles`, else/or on failure the feed's own content). Never throws: a feed that
 * is down, malformed or HTML gives `error`; an item that cannot be read gives a failed item.
 */
export async function pollFeed(feedUrl: string, state: FeedState, seen: SeenItems, opts: PollOptions = {}): Promise<PollResult> {
  const result: PollResult = { feedUrl, notModified: false, total: 0, items: [], error: null };
  const headers: Record<string, string> = {};
  if (state.etag) headers['if-none-match'] = state.etag;
  if (state.lastModified) headers['if-modified-since'] = state.lastModified;
  let feed: Feed;
  try {
    const got = await fetchBody(feedUrl, { ...opts, headers: { ...opts.headers, ...headers } });
    if (got.status === 304) {
      result.notModified = true;
      return result;
    }
    const xml = decodeBytes(got.bytes, { headerCharset: headerCharset(got.contentType), sniffMarkup: true });
    feed = parseFeed(xml);
    // Only remember validators once the body was good, so a broken response is re-fetched.
    state.etag = got.headers.etag ?? null;
    state.lastModified = got.headers['last-modified'] ?? null;
  } catch (e) {
    const msg = e instanceof FetchError || e instanceof FeedError || e instanceof DecodeError ? e.message : String(e);
    result.error = msg.startsWith(feedUrl) || msg.startsWith('http') ? msg : `${feedUrl}: ${msg}`;
    return result;
  }
  result.total = feed.items.length;
  for (const item of feed.items) {
    if (seen.has(item)) continue;
    seen.add(item);
    if (opts.fetchArticles !== false && item.url) {
      let link: string;
      try {
        link = new URL(item.url, feedUrl).href;
      } catch {
        result.items.push(reportFromItem(item, feedUrl));
        continue;
      }
      try {
        const report = await fetchReport(link, opts);
        result.items.push({
          ok: true,
          input: link,
          report: { ...report, published: report.published ?? item.published, title: report.title ?? item.title },
        });
        continue;
      } catch (e) {
        // The feed's own text is better than nothing; say why the page was not used.
        const fallback = reportFromItem(item, feedUrl);
        if (fallback.ok) {
          result.items.push({ ...fallback, warning: `${link}: page not read (${(e as Error).message.replace(`${link}: `, '')}); stored the feed's own text of the item` });
          continue;
        }
        result.items.push(failure(link, (e as Error).message.replace(`${link}: `, '')));
        continue;
      }
    }
    result.items.push(reportFromItem(item, feedUrl));
  }
  return result;
}
