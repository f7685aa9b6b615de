/**
 * What flows between the pipeline stages before events exist:
 * RawReport (ingest) → CleanText (clean) → Sentence[] (sentences) → mentions.
 * All character offsets are UTF-16 code-unit offsets into CleanText.text, half-open [start, end).
 */

/** A report as it arrived, before cleaning. Exactly one of `text` or `html` is set. */
export interface RawReport {
  /** Stable identifier chosen by the caller (file name, JSONL id, URL hash). */
  id: string;
  /** Plain text body. */
  text?: string;
  /** HTML body (cleaned into text by the clean stage). */
  html?: string;
  /** Publication date as YYYY-MM-DD (UTC calendar date of the publisher), or null when unknown. */
  published?: string | null;
  /** Outlet name or URL the report came from. */
  source?: string | null;
  /** Original URL when fetched. */
  url?: string | null;
  /** Title when known (HTML <title>, feed item title). */
  title?: string | null;
}

/** A span of the cleaned text with a reason it is special. */
export interface MarkedSpan {
  start: number;
  end: number;
  /** `quote`: an embedded social post or block quote; `boilerplate`: ALSO READ, photo credit, share line. */
  kind: 'quote' | 'boilerplate' | 'heading' | 'dateline';
}

/** The text the rest of the pipeline reads: one string, plus marked spans. */
export interface CleanText {
  docId: string;
  /** Cleaned text: normalised whitespace, one paragraph per line. Offsets point here. */
  text: string;
  published: string | null;
  source: string | null;
  url: string | null;
  title: string | null;
  /** Author(s) from the page's metadata (HTML `meta[name=author]` …), when known. Optional: added by the clean stage. */
  byline?: string | null;
  /** Embedded posts, boilerplate lines, headings, the dateline: kept in `text`, marked here. */
  marked: MarkedSpan[];
}

/** A sentence with its offsets into CleanText.text. */
export interface Sentence {
  /** 0-based index in the document. */
  index: number;
  start: number;
  end: number;
  text: string;
  /** True when the sentence lies inside a quoted span (embedded post). */
  quoted: boolean;
  /** True when the sentence lies inside boilerplate (ALSO READ …): no events come from it. */
  boilerplate: boolean;
  /** True for a heading line (short line without final punctuation). */
  heading: boolean;
}
