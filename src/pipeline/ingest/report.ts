/**
 * Turning parsed values into RawReports, with one-line reasons when they are not reports.
 */
import type { RawReport } from '../../model/index.js';
import { normalisePublished } from './published.js';
import { DOM_MAX_DEPTH, nestingDepth } from './markup.js';

/** One item read from an input: a report, or a one-line error naming the input. */
export type IngestItem =
  | { ok: true; input: string; report: RawReport; /** Read, but not as asked (a feed item's own text when its page failed). */ warning?: string }
  | {
      ok: false;
      input: string;
      error: string;
      /** Not read on purpose (a folder's file of another kind): to name, not to quarantine or count as failed. */
      skipped?: boolean;
    };

/** Default cap on one report's size: 20 MB (bytes as read, before decoding). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** A failed item whose error line starts with the input's name. */
export function failure(input: string, reason: string): IngestItem {
  return { ok: false, input, error: `${input}: ${reason.replace(/\s+/g, ' ').trim()}` };
}

/** Human size, e.g. "52.4 MB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}

/**
 * True when a decoded string is mostly not text: a NUL, or more than 10% C0 control
 * characters other than tab/newline/CR/FF, or more than 10% U+FFFD replacement characters.
 */
export function looksBinaryText(s: string): boolean {
  const n = Math.min(s.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) bad++;
  }
  return n > 0 && bad / n > 0.1;
}

/** Reason a plain text body cannot be a report, or null when it is fine. */
export function textProblem(text: string): string | null {
  if (text.trim().length === 0) return 'empty text';
  if (looksBinaryText(text)) return 'binary data, not text (NUL or control characters)';
  return null;
}

/**
 * Reason an HTML body cannot be a report, or null. A cheap check (scripts, styles, comments
 * and tags removed, entities ignored) so a page with no words is refused here; broken tags
 * are not a reason: the clean stage's parser recovers from them.
 */
export function htmlProblem(html: string): string | null {
  if (html.trim().length === 0) return 'empty HTML';
  if (looksBinaryText(html)) return 'binary data, not HTML (NUL or control characters)';
  const visible = html
    .slice(0, 2_000_000)
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
  if (!/\p{L}{2}/u.test(visible) && html.length <= 2_000_000) return 'HTML has no readable text';
  const depth = nestingDepth(html);
  if (depth > DOM_MAX_DEPTH) return `HTML nested ${depth} elements deep (limit ${DOM_MAX_DEPTH}): malformed or hostile markup`;
  return null;
}

/**
 * A report object from JSON: `{id?, text | html, published?, source?, url?, title?}`.
 * `defaultId` is used when `id` is missing; `id` may be a string or a number.
 * Returns a failed item (naming `input`) for a non-object, missing/empty text, a bad `published`.
 */
export function reportFromObject(value: unknown, defaultId: string, input: string): IngestItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return failure(input, `expected a JSON object {"id","text",…}, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  }
  const o = value as Record<string, unknown>;
  let id = defaultId;
  if (typeof o.id === 'string' && o.id.trim()) id = o.id.trim();
  else if (typeof o.id === 'number' && Number.isFinite(o.id)) id = String(o.id);
  else if (o.id !== undefined && o.id !== null) return failure(input, '"id" must be a string or a number');
  const str = (k: string): string | null => (typeof o[k] === 'string' ? (o[k] as string) : null);
  const text = str('text');
  const html = str('html');
  if (text === null && html === null) {
    return failure(input, o.text !== undefined ? '"text" must be a string' : 'no "text" (or "html") field');
  }
  const problem = text !== null ? textProblem(text) : htmlProblem(html!);
  if (problem) return failure(input, problem);
  let published: string | null = null;
  if (o.published !== undefined && o.published !== null && o.published !== '') {
    if (typeof o.published !== 'string') return failure(input, '"published" must be a string (YYYY-MM-DD or ISO 8601 with offset)');
    published = normalisePublished(o.published);
    if (!published) {
      return failure(input, `"published" ${JSON.stringify(o.published.slice(0, 40))} is not a date YYYY-MM-DD or an ISO 8601 timestamp with offset`);
    }
  }
  const report: RawReport = {
    id,
    ...(text !== null ? { text } : { html: html! }),
    published,
    source: str('source'),
    url: str('url'),
    title: str('title'),
  };
  return { ok: true, input, report };
}

/**
 * Parse one JSONL line (`lineNo` 1-based) from `file` into a report.
 * The input is named `file:lineNo`; the default id is `<file stem>-<lineNo>`. Never throws.
 */
export function parseJsonlLine(line: string, lineNo: number, file: string): IngestItem {
  const input = `${file}:${lineNo}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return failure(input, `not valid JSON (${why.slice(0, 120)})`);
  }
  return reportFromObject(value, `${fileStem(file)}-${lineNo}`, input);
}

/** File name without folders and without its last extension ("a/b/report.v2.html" → "report.v2"). */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
