/**
 * HTML → blocks of text with what each block is (heading, quote, caption), plus the page's
 * metadata. Parsing is done by linkedom (a small standards-minded DOM) and the article is
 * found by Mozilla's Readability; the walk over the DOM is iterative, so a deeply nested page
 * cannot overflow the stack.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { normalisePublished } from '../ingest/published.js';
import { DOM_MAX_DEPTH, nestingDepth } from '../ingest/markup.js';

export { DOM_MAX_DEPTH, nestingDepth };
import type { Block } from './blocks.js';

/** Readability's cost grows with depth × size; past these it is skipped (the body is walked instead). */
const READABILITY_MAX_DEPTH = 120;
const READABILITY_MAX_CHARS = 1_500_000;
const READABILITY_MAX_ELEMS = 4_000;

/** Metadata read from a page's <head> and markup. */
export interface PageMeta {
  title: string | null;
  byline: string | null;
  /** YYYY-MM-DD, the publisher's calendar date. */
  published: string | null;
  siteName: string | null;
}

/** Tags whose content is never article text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'button', 'select', 'option', 'textarea', 'input', 'form', 'head', 'title', 'meta', 'link',
]);
/** Skipped too when walking a whole body (no Readability): site chrome. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'menu']);
/** Elements that start and end a block of text. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'figure', 'figcaption', 'caption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'pre',
  'address', 'header', 'footer', 'aside', 'nav', 'hr', 'details', 'summary', 'center', 'body', 'html', 'fieldset', 'legend',
]);
/** Number of start tags in `html`, counting stops past `limit`. */
function countTags(html: string, limit: number): number {
  const re = /<[A-Za-z]/g;
  let n = 0;
  while (re.exec(html) && n <= limit) n++;
  return n;
}

/** Minimal structural view of linkedom's nodes (it ships loose types). */
interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  tagName?: string;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

type Kind = Block['kind'];

/** Walk a subtree into blocks; iterative (explicit stack). */
function walkBlocks(root: DomNode, skipChrome: boolean): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let bufKind: Kind = null;
  const flush = () => {
    for (const line of buf.split('\n')) {
      const t = line.replace(/\s+/g, ' ').trim();
      if (t) blocks.push({ text: t, kind: bufKind, paraBreak: true });
    }
    buf = '';
  };
  const stack: { node: DomNode; kind: Kind; exit?: boolean }[] = [{ node: root, kind: null }];
  while (stack.length) {
    const item = stack.pop()!;
    if (item.exit) {
      flush();
      continue;
    }
    const node = item.node;
    if (node.nodeType === 3) {
      if (bufKind !== item.kind && buf.trim()) flush();
      bufKind = item.kind;
      buf += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = (node.tagName ?? '').toLowerCase();
    if (SKIP.has(tag) || (skipChrome && CHROME.has(tag))) continue;
    if (node.getAttribute?.('hidden') != null || node.getAttribute?.('aria-hidden') === 'true') continue;
    if (tag === 'br') {
      buf += '\n';
      continue;
    }
    let kind = item.kind;
    if (kind !== 'quote') {
      if (/^h[1-6]$/.test(tag)) kind = 'heading';
      else if (tag === 'blockquote') kind = 'quote';
      else if (tag === 'figcaption' || tag === 'caption') kind = 'boilerplate';
    }
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      stack.push({ node, kind, exit: true });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, kind });
  }
  flush();
  return blocks;
}

/** Entities most pages use, for the tag-stripping fallback. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…' };

/** Linear fallback for pathological markup: drop scripts/styles/tags, one block per block tag. */
function stripTags(html: string): Block[] {
  const text = html
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(p|div|br|li|h[1-6]|tr|blockquote|section|article|pre|table|ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? all;
    });
  return text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((t) => ({ text: t, kind: null, paraBreak: true }));
}

/** First non-empty `content` of the meta tags matching any selector. */
function metaContent(doc: Document, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v && v.trim()) return v.trim();
  }
  return null;
}

/** datePublished from JSON-LD blocks, if any (bounded: the first 20 blocks). */
function jsonLdPublished(doc: Document): string | null {
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 20);
  for (const s of scripts) {
    const m = /"datePublished"\s*:\s*"([^"]{8,40})"/.exec(s.textContent ?? '');
    if (m) return m[1]!;
  }
  return null;
}

/** A class or id that marks readers' comments, not the report. */
const COMMENTS = /(?:^|[\s_-])(?:comments?|commentlist|comment-list|disqus(?:_thread)?|replies|reader-comments|user-comments|respond)(?:$|[\s_-])/i;

/** Remove readers' comment sections (they are not the report, and may claim anything). Never throws. */
function dropComments(doc: Document): void {
  try {
    for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
      if (COMMENTS.test(el.getAttribute('class') ?? '') || COMMENTS.test(el.getAttribute('id') ?? '')) el.remove();
    }
  } catch {
    // a page the selector engine cannot walk keeps its comments
  }
}

/** Page metadata (title, byline, published date, site name) from meta tags, JSON-LD and markup. */
function readMeta(doc: Document): PageMeta {
  const siteName = metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  let title = metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]']);
  if (!title) {
    const h1 = doc.querySelector('h1')?.textContent?.trim();
    const t = doc.querySelector('title')?.textContent?.trim();
    title = h1 || t || null;
    // "Headline - Site" / "Headline | Site": drop the site part.
    if (title && !h1 && siteName) title = title.replace(new RegExp(`\\s+[|\\-–—:]\\s+${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i'), '');
  }
  const byline = metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', 'meta[name="dc.creator"]']);
  const rawDate =
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[property="og:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="publish-date"]',
      'meta[name="date"]',
      'meta[name="dc.date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dcterms.created"]',
      'meta[name="parsely-pub-date"]',
      'meta[name="sailthru.date"]',
    ]) ??
    jsonLdPublished(doc) ??
    metaContent(doc, ['time[itemprop="datePublished"]', 'time[pubdate]', 'article time[datetime]']);
  const clean = (s: string | null) => (s ? s.replace(/\s+/g, ' ').trim().slice(0, 500) || null : null);
  return {
    title: clean(title),
    byline: clean(byline),
    published: rawDate ? normalisePublished(rawDate) : null,
    siteName: clean(siteName),
  };
}

/**
 * Parse an HTML page into text blocks and metadata. Never throws: markup the DOM cannot take
 * (nesting deeper than DOM_MAX_DEPTH) is read by stripping tags; Readability failures fall
 * back to walking the whole <body> without its navigation, header, footer and asides.
 */
export function htmlToBlocks(html: string): { blocks: Block[]; meta: PageMeta } {
  try {
    return parseBlocks(html);
  } catch {
    // The DOM library tripped on some markup: the linear fallback always works.
    return { blocks: stripTags(html), meta: { title: null, byline: null, published: null, siteName: null } };
  }
}

function parseBlocks(html: string): { blocks: Block[]; meta: PageMeta } {
  const empty: PageMeta = { title: null, byline: null, published: null, siteName: null };
  const depth = nestingDepth(html);
  if (depth > DOM_MAX_DEPTH) return { blocks: stripTags(html), meta: empty };
  // linkedom builds a document only around a whole page: wrap fragments in one.
  if (!/<(?:html|body)[\s>]/i.test(html.slice(0, 5000))) html = `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  let document: Document;
  try {
    document = parseHTML(html).document as unknown as Document;
  } catch {
    return { blocks: stripTags(html), meta: empty };
  }
  let meta = empty;
  try {
    meta = readMeta(document);
  } catch {
    // Metadata is optional.
  }
  dropComments(document);
  if (depth <= READABILITY_MAX_DEPTH && html.length <= READABILITY_MAX_CHARS && countTags(html, READABILITY_MAX_ELEMS) <= READABILITY_MAX_ELEMS) {
    try {
      const article = new Readability(document, { maxElemsToParse: READABILITY_MAX_ELEMS, charThreshold: 200 }).parse();
      if (article?.content && (article.textContent ?? '').trim().length > 0) {
        const inner = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`).document as unknown as DomNode;
        const blocks = walkBlocks(inner, false);
        if (blocks.length) {
          return {
            blocks,
            meta: {
              title: meta.title ?? (article.title?.trim() || null),
              byline: meta.byline ?? (article.byline?.trim() || null),
              published: meta.published ?? (article.publishedTime ? normalisePublished(article.publishedTime) : null),
              siteName: meta.siteName ?? (article.siteName?.trim() || null),
            },
          };
        }
      }
    } catch {
      // Falls through to the plain walk.
    }
    // Readability edits the document it is given: walk a fresh one.
    try {
      document = parseHTML(html).document as unknown as Document;
      dropComments(document);
    } catch {
      return { blocks: stripTags(html), meta };
    }
  }
  // linkedom's `body` getter throws when the document has no root element.
  const body = (document.documentElement ? (document.body ?? document.documentElement) : document) as unknown as DomNode;
  let blocks = walkBlocks(body, true);
  // A page that is all chrome (a bare <header> or <nav> holding the text) still gives its words.
  if (!blocks.length) blocks = walkBlocks(body, false);
  return { blocks, meta };
}
