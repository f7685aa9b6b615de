/**
 * Clean stage: RawReport → CleanText.
 *
 * HTML is parsed (linkedom) and its article found (Mozilla Readability), with title, byline
 * and published date from the page's metadata; plain text is split into lines. Both are then
 * normalised line by line (NFC, invisible/control characters removed, whitespace collapsed,
 * one paragraph per line, blank lines dropped) and marked: boilerplate lines, embedded
 * social posts (quotes), headings and the leading dateline. Marked text stays in `text`, so
 * offsets into it stay valid and evidence can point at it; later stages skip boilerplate and
 * treat quotes as quoted.
 */
import type { CleanText, MarkedSpan, RawReport } from '../../model/index.js';
import { normaliseLine, textToBlocks, type Block } from './blocks.js';
import { htmlToBlocks } from './html.js';
import { markBlocks, trailingLinksStart } from './mark.js';

export { datelineLength, isBoilerplateLine, isHeadingLine, markBlocks, trailingLinksStart } from './mark.js';
export { htmlToBlocks, nestingDepth, type PageMeta } from './html.js';
export { normaliseLine, textToBlocks, type Block } from './blocks.js';

/** True when a "text" body is really an HTML document (it starts like one). */
function looksLikeHtmlDocument(text: string): boolean {
  const head = text.slice(0, 300);
  if (/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(head)) return true;
  // A fragment that opens with a block element and has closing tags: markup, not prose.
  return /^\s*<(?:p|div|article|section|h[1-6]|ul|ol|table|blockquote|figure|main|body)[\s>]/i.test(head) && /<\/(?:p|div|article|section|h[1-6]|li|td|blockquote)>/i.test(text.slice(0, 20000));
}

/**
 * Clean one report. Never throws: any string gives a CleanText (possibly with empty `text`).
 * `published`, `title`, `source` come from the RawReport when set, else from the page's
 * metadata (HTML: og/article meta tags, JSON-LD datePublished, <title>); `byline` from the
 * page's author metadata.
 */
export function cleanReport(raw: RawReport): CleanText {
  let blocks: Block[];
  let meta = { title: null as string | null, byline: null as string | null, published: null as string | null, siteName: null as string | null };
  const html = raw.html ?? (raw.text != null && looksLikeHtmlDocument(raw.text) ? raw.text : null);
  if (raw.text != null && html === null) {
    blocks = textToBlocks(raw.text);
  } else {
    const page = htmlToBlocks(html ?? '');
    meta = page.meta;
    blocks = [];
    for (const b of page.blocks) {
      const t = normaliseLine(b.text);
      if (t) blocks.push({ ...b, text: t });
    }
    // The headline is the densest line of a page: keep it as the first line (a heading).
    const title = raw.title ?? meta.title;
    const head = title ? normaliseLine(title) : '';
    if (head && !blocks.slice(0, 3).some((b) => b.text.toLowerCase() === head.toLowerCase())) {
      blocks.unshift({ text: head, kind: 'heading', paraBreak: true });
    }
  }
  const { kinds, dateline } = markBlocks(blocks);
  const marked: MarkedSpan[] = [];
  const links: MarkedSpan[] = [];
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i]!.text;
    const kind = kinds[i];
    if (kind) {
      const last = marked[marked.length - 1];
      // Consecutive lines of one kind form one span (a whole embedded post, say).
      if (last && last.kind === kind && last.end === at - 1) last.end = at + t.length;
      else marked.push({ start: at, end: at + t.length, kind });
    }
    if (kind !== 'boilerplate') {
      // Links closing a line (a copied post's picture link, say) are page furniture.
      const ls = trailingLinksStart(t);
      if (ls > 0) links.push({ start: at + ls, end: at + t.length, kind: 'boilerplate' });
    }
    if (dateline?.line === i) {
      let len = dateline.length;
      while (len > 0 && /\s/.test(t[len - 1]!)) len--;
      marked.push({ start: at, end: at + len, kind: 'dateline' });
    }
    parts.push(t);
    at += t.length + 1;
  }
  marked.push(...links);
  marked.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    docId: raw.id,
    text: parts.join('\n'),
    published: raw.published ?? meta.published ?? null,
    source: raw.source ?? meta.siteName ?? null,
    url: raw.url ?? null,
    title: raw.title ?? meta.title ?? null,
    byline: meta.byline,
    marked,
  };
}
