/**
 * `sitrep incident show|merge|split|recluster`: the analyst's incident decisions from the
 * command line, the same as the API's /incidents/{id}/merge and /split. Decisions are kept in
 * the store and survive `recluster`, which rebuilds every incident with the current rules.
 */
import type { Command } from 'commander';
import { mergeDoubt } from '../pipeline/incidents/index.js';
import { openStore, type Store } from '../store/index.js';
import { STORE_HELP } from './ingest.js';

/** Open the store (it must exist), run `fn`, close it. */
async function withStore<T>(url: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(url, { existing: true });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A reviewer name: required, trimmed, non-empty. Throws otherwise. */
function reviewerOf(name: string | undefined): string {
  const r = (name ?? '').trim();
  if (!r) throw new Error('--reviewer NAME is required: decisions are audited');
  return r;
}

export function register(program: Command): void {
  const cmd = program.command('incident').description("show, merge and split incidents (analyst decisions kept across re-clustering), or re-cluster");

  cmd
    .command('show <id>')
    .description('print one incident as JSON')
    .option('--store <url>', STORE_HELP)
    .action(async (id: string, opts: { store?: string }) => {
      await withStore(opts.store, async (store) => {
        const inc = await store.getIncident(id);
        if (!inc) throw new Error(`no incident ${id}`);
        console.log(JSON.stringify(inc, null, 2));
      });
    });

  cmd
    .command('merge <id> <other>')
    .description('merge incident OTHER into ID')
    .requiredOption('--reviewer <name>', 'who decides (written to the audit log)')
    .option('--force', 'merge even when the incidents lie in different countries or more than 30 days apart')
    .option('--store <url>', STORE_HELP)
    .action(async (id: string, other: string, opts: { reviewer: string; force?: boolean; store?: string }) => {
      const reviewer = reviewerOf(opts.reviewer);
      if (id === other) throw new Error('merge needs two different incidents');
      await withStore(opts.store, async (store) => {
        const [a, b] = await Promise.all([store.getIncident(id), store.getIncident(other)]);
        if (!a) throw new Error(`no incident ${id}`);
        if (!b) throw new Error(`no incident ${other}`);
        const doubt = mergeDoubt(a, b);
        if (doubt && !opts.force) throw new Error(`incidents ${id} (${a.country}, ${a.event_date}) and ${other} (${b.country}, ${b.event_date}) are ${doubt}; add --force to merge them anyway`);
        const merged = await store.mergeIncidents(id, other, reviewer);
        console.error(`merged ${other} into ${id}: ${merged?.event_ids.length ?? 0} events from ${merged?.source_count ?? 0} sources`);
      });
    });

  cmd
    .command('split <id> <event_id>')
    .description('move EVENT_ID out of incident ID into a new incident')
    .requiredOption('--reviewer <name>', 'who decides (written to the audit log)')
    .option('--store <url>', STORE_HELP)
    .action(async (id: string, eventId: string, opts: { reviewer: string; store?: string }) => {
      const reviewer = reviewerOf(opts.reviewer);
      await withStore(opts.store, async (store) => {
        const inc = await store.getIncident(id);
        if (!inc) throw new Error(`no incident ${id}`);
        if (!inc.event_ids.includes(eventId)) throw new Error(`event ${eventId} is not in incident ${id} (its events: ${inc.event_ids.join(', ')})`);
        if (inc.event_ids.length < 2) throw new Error(`incident ${id} has only one event; nothing to split`);
        const created = await store.splitEvent(id, eventId, reviewer);
        console.log(created?.incident_id ?? '');
        console.error(`split ${eventId} out of ${id} into ${created?.incident_id}`);
      });
    });

  cmd
    .command('recluster')
    .description('rebuild every incident from its events with the current rules (the same result whatever order the reports came in), keeping merges, splits and incident ids')
    .option('--store <url>', STORE_HELP)
    .action(async (opts: { store?: string }) => {
      await withStore(opts.store, async (store) => {
        const { incidents } = await store.recluster();
        console.error(`recluster: ${incidents} incidents`);
      });
    });
}
