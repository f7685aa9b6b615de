/** What every route module gets: the store, the live hub and the optional URL fetcher. */
import type { RawReport } from '../model/index.js';
import type { Store } from '../store/types.js';
import type { LiveHub } from './live.js';

/** Fetches a URL into a RawReport; throws with a one-line reason when it cannot. */
export type FetchReport = (url: string, opts: { allowPrivate?: boolean }) => Promise<RawReport>;

/** Shared state of one server. */
export interface ApiContext {
  store: Store;
  live: LiveHub;
  /** Absent: the ingest stage's fetcher is used when the build has one, else POST /reports {url} answers 501. */
  fetchReport?: FetchReport;
  /** Allow URLs that resolve to loopback/private addresses (off by default: the server must not be a proxy into the LAN). */
  allowPrivateUrls: boolean;
}
