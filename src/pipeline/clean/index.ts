/**
 * Clean stage: RawReport → CleanText. Plain text only for now (HTML handled later).
 */
import type { CleanText, RawReport } from '../../model/index.js';

/** Normalise a raw report's text: unify newlines, collapse runs of spaces, trim lines. */
export function cleanReport(raw: RawReport): CleanText {
  const body = raw.text ?? '';
  const text = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\t \u00a0]+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
  return {
    docId: raw.id,
    text,
    published: raw.published ?? null,
    source: raw.source ?? null,
    url: raw.url ?? null,
    title: raw.title ?? null,
    marked: [],
  };
}
