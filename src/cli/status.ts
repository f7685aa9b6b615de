/**
 * `sitrep status [--store URL] [--queue URL] [--json]`: counts in the store, the queue's
 * state, dead-letter jobs with their errors, and quarantined inputs.
 */
import type { Command } from 'commander';
import { queueStatus } from '../queue/index.js';
import { isPostgresUrl, NoStoreError, openStore, resolveStoreUrl, type QuarantineEntry, type Stats } from '../store/index.js';
import { STORE_HELP } from './ingest.js';

/** The queue URL: the flag, else env SITREP_QUEUE, else the store URL when it is PostgreSQL. */
export function resolveQueueUrl(queue: string | undefined, store: string | undefined): string | null {
  if (queue) return queue;
  if (process.env.SITREP_QUEUE) return process.env.SITREP_QUEUE;
  const s = resolveStoreUrl(store);
  return isPostgresUrl(s) ? s : null;
}

export function register(program: Command): void {
  program
    .command('status')
    .description('store counts, queue state, dead-letter jobs and quarantined inputs')
    .option('--store <url>', STORE_HELP)
    .option('--queue <url>', 'queue PostgreSQL URL (default $SITREP_QUEUE, else the store URL when it is PostgreSQL)')
    .option('--limit <n>', 'how many failed jobs and quarantine entries to list', '20')
    .option('--json', 'print one JSON object')
    .action(async (opts: { store?: string; queue?: string; limit: string; json?: boolean }) => {
      const limit = Math.max(1, Number(opts.limit) || 20);
      const qUrl = resolveQueueUrl(opts.queue, opts.store);
      // (jobs may wait in the queue before any worker has stored a report: then the store is
      // reported as not created yet, and the queue is still shown)
      let store;
      let missing: NoStoreError | null = null;
      try {
        store = await openStore(opts.store, { existing: true });
      } catch (err) {
        if (!(err instanceof NoStoreError) || !qUrl) throw err;
        missing = err;
      }
      const queue = qUrl ? await queueStatus(qUrl, undefined, limit) : null;
      // (no store and no job either: most often a typo in --store, said as such)
      if (missing && (!queue || Object.values(queue.states).every((n) => !n))) throw missing;
      let stats: Pick<Stats, 'reports' | 'events' | 'incidents' | 'by_event_type'> = { reports: 0, events: 0, incidents: 0, by_event_type: [] };
      let quarantine: QuarantineEntry[] = [];
      if (store) {
        try {
          stats = await store.stats({});
          quarantine = await store.listQuarantine(limit);
        } finally {
          await store.close();
        }
      }
      if (opts.json) {
        console.log(
          JSON.stringify({
            store: resolveStoreUrl(opts.store),
            store_created: !!store,
            reports: stats.reports,
            events: stats.events,
            incidents: stats.incidents,
            by_event_type: stats.by_event_type,
            queue,
            quarantine,
          }),
        );
        return;
      }
      const lines: string[] = [];
      lines.push(`store      ${resolveStoreUrl(opts.store)}${store ? '' : ' (not created yet: no worker has stored a report)'}`);
      lines.push(`reports    ${stats.reports}`);
      lines.push(`events     ${stats.events}`);
      lines.push(`incidents  ${stats.incidents}`);
      for (const t of stats.by_event_type) lines.push(`  ${String(t.count).padStart(8)}  ${t.event_type}`);
      if (!qUrl) lines.push('queue      none (no PostgreSQL queue URL: --queue or SITREP_QUEUE)');
      else if (!queue) lines.push('queue      not created yet');
      else {
        const st = Object.entries(queue.states)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        lines.push(`queue      ${st || 'empty'}; dead-letter ${queue.dead_letter}`);
        for (const f of queue.failed) {
          const who = f.input || f.id;
          lines.push(`  failed   ${f.error.startsWith(who) ? f.error : `${who}: ${f.error}`} (${f.retries} retries${f.at ? `, ${f.at}` : ''})`);
        }
      }
      lines.push(`quarantine ${quarantine.length}${quarantine.length === limit ? '+' : ''}`);
      for (const q of quarantine) lines.push(`  ${q.at}  ${q.input}: ${q.reason}`);
      console.log(lines.join('\n'));
    });
}
