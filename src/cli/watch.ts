/**
 * `sitrep watch FEED_URL... [--interval S] [--once] [--allow-private] [--store URL]`:
 * poll RSS/Atom feeds, store each new item once (by URL and content hash; the store also
 * skips a report it already has), and keep going when a feed is down, malformed or HTML.
 * Failures are reported on stderr one line each (feed failures by feed URL; item failures
 * are also quarantined); a progress line per round goes to stderr. With --once the exit
 * code is 1 when anything failed.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { pollFeed, SeenItems, type FeedState, type PollResult } from '../pipeline/ingest/index.js';
import { processReport } from '../queue/process.js';
import { openStore } from '../store/index.js';
import { reasonOf, STORE_HELP } from './ingest.js';

interface WatchFlags {
  interval: string;
  once?: boolean;
  allowPrivate?: boolean;
  store?: string;
  fetch: boolean;
  state?: string;
  timeout: string;
}

/** What --state keeps between runs. */
interface SavedState {
  feeds: Record<string, FeedState>;
  seen: string[];
}

/** Keys of seen items kept in the state file (most recent). */
const MAX_SAVED_KEYS = 100_000;

function loadState(path: string | undefined): SavedState {
  if (!path) return { feeds: {}, seen: [] };
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as Partial<SavedState>;
    return { feeds: s.feeds ?? {}, seen: Array.isArray(s.seen) ? s.seen : [] };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') console.error(`sitrep watch: ignoring unreadable state file ${path}: ${(e as Error).message}`);
    return { feeds: {}, seen: [] };
  }
}

function saveState(path: string, state: SavedState): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify({ feeds: state.feeds, seen: state.seen.slice(-MAX_SAVED_KEYS) }));
  renameSync(tmp, path);
}

const clock = () => new Date().toISOString().slice(11, 19);

export function register(program: Command): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds and store each new item once; failures are reported and the rest goes on')
    .argument('<feeds...>', 'feed URLs (RSS 2.0, RSS 1.0 or Atom)')
    .option('--interval <seconds>', 'seconds between polls', '300')
    .option('--once', 'poll every feed once, then exit (exit code 1 when anything failed)')
    .option('--allow-private', 'allow loopback/private/link-local addresses (off by default)')
    .option('--no-fetch', "use the feed's own item text instead of fetching each linked page")
    .option('--state <file>', 'keep ETags and seen items in this JSON file across runs')
    .option('--timeout <ms>', 'per-request timeout in milliseconds', '15000')
    .option('--store <url>', STORE_HELP)
    .action(async (feeds: string[], opts: WatchFlags) => {
      const interval = Number(opts.interval);
      const timeoutMs = Number(opts.timeout);
      if (!Number.isFinite(interval) || interval <= 0) {
        console.error(`sitrep watch: --interval "${opts.interval}" is not a positive number of seconds`);
        process.exit(2);
      }
      if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
        console.error(`sitrep watch: --timeout "${opts.timeout}" is not a positive whole number of milliseconds`);
        process.exit(2);
      }
      const saved = loadState(opts.state);
      const seen = new SeenItems(saved.seen);
      const states = new Map<string, FeedState>(feeds.map((f) => [f, saved.feeds[f] ?? {}]));
      const store = await openStore(opts.store);
      let stop = false;
      let wake: (() => void) | null = null;
      const onSignal = () => {
        stop = true;
        wake?.();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const totals = { rounds: 0, items: 0, stored: 0, events: 0, failed: 0 };
      let failedEver = false;
      try {
        while (!stop) {
          totals.rounds++;
          const round = { items: 0, stored: 0, events: 0, failed: 0, notModified: 0, feedErrors: 0 };
          const results: PollResult[] = await Promise.all(
            feeds.map((f) => pollFeed(f, states.get(f)!, seen, { allowPrivate: opts.allowPrivate, fetchArticles: opts.fetch, timeoutMs })),
          );
          for (const r of results) {
            if (r.error) {
              round.feedErrors++;
              console.error(`sitrep watch: feed failed: ${r.error}`);
              continue;
            }
            if (r.notModified) round.notModified++;
            for (const item of r.items) {
              round.items++;
              if (!item.ok) {
                round.failed++;
                console.error(`sitrep watch: ${item.error}`);
                await store.quarantine(item.input, reasonOf(item.input, item.error)).catch(() => undefined);
                continue;
              }
              if (item.warning) console.error(`sitrep watch: ${item.warning}`);
              try {
                const res = await processReport(store, item.report);
                if (res.inserted) round.stored++;
                round.events += res.events.length;
              } catch (e) {
                round.failed++;
                const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
                console.error(`sitrep watch: ${item.input}: ${reason}`);
                await store.quarantine(item.input, reason).catch(() => undefined);
              }
            }
          }
          totals.items += round.items;
          totals.stored += round.stored;
          totals.events += round.events;
          totals.failed += round.failed + round.feedErrors;
          if (round.failed || round.feedErrors) failedEver = true;
          console.error(
            `watch [${clock()}] round ${totals.rounds}: ${feeds.length - round.feedErrors}/${feeds.length} feeds read` +
              `${round.notModified ? ` (${round.notModified} unchanged)` : ''}, ${round.items} new items, ${round.stored} stored, ` +
              `${round.events} events, ${round.failed + round.feedErrors} failed | total ${totals.items} items, ${totals.events} events`,
          );
          if (opts.state) {
            saveState(opts.state, { feeds: Object.fromEntries(states), seen: seen.list() });
          }
          if (opts.once || stop) break;
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, interval * 1000);
            wake = () => {
              clearTimeout(t);
              resolve();
            };
          });
          wake = null;
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await store.close();
      }
      if (opts.once && failedEver) process.exitCode = 1;
    });
}
