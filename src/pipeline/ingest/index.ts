/**
 * Ingest stage: files, folders, stdin, JSON/JSONL, URLs and feeds → RawReport items.
 * Bad input never throws out of here: it becomes `{ok: false, input, error}` with one clear line.
 */
export { readInputs, sniffFormat, type InputFormat, type ReadOptions } from './local.js';
export {
  DEFAULT_MAX_BYTES,
  fileStem,
  htmlProblem,
  parseJsonlLine,
  reportFromObject,
  textProblem,
  type IngestItem,
} from './report.js';
export { decodeBytes, DecodeError, declaredCharset, headerCharset, looksBinary } from './decode.js';
export { normalisePublished, isCalendarDate } from './published.js';
export { checkQueueableUrl, fetchBody, fetchReport, FetchError, urlId, USER_AGENT, type FetchOptions, type FetchedBody, type FetchErrorKind } from './fetch.js';
export { addressRange, BlockedAddressError, checkAddress, isPublicAddress, type AddressPolicy } from './address.js';
export { DOM_MAX_DEPTH, nestingDepth } from './markup.js';
export { FeedError, normaliseItemUrl, parseFeed, pollFeed, SeenItems, type Feed, type FeedItem, type FeedState, type PollOptions, type PollResult } from './feed.js';
