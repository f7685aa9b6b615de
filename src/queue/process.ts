/**
 * One report through the pipeline into the store: what `sitrep ingest` and the queue worker
 * both do for every report.
 */
import type { RawReport } from '../model/index.js';
import { extractReport, type ExtractOptions } from '../pipeline/extract.js';
import type { IngestResult, Store } from '../store/index.js';

/**
 * Extract a report's events and store them (idempotent: a report already stored, by URL or
 * text hash, changes nothing and gives `inserted: false`). Throws on a store error.
 */
export async function processReport(store: Store, report: RawReport, opts: ExtractOptions = {}): Promise<IngestResult> {
  const { doc, events } = extractReport(report, opts);
  return store.ingest(doc, events);
}
