/**
 * `sitrep export --format csv|geojson|jsonl [--out FILE] [--store URL] [filters]`: stream the
 * stored events (stdout by default).
 */
import { createWriteStream, existsSync, realpathSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Command } from 'commander';
import { EXPORT_FORMATS, EXPORT_LEVELS, exportable, incidentsAsEvents, writeExport } from '../export/index.js';
import { EVENT_TYPES, SUB_EVENT_TYPES } from '../model/index.js';
import { countryFromQuery } from '../pipeline/mentions/places/index.js';
import { openStore, resolveStoreUrl, sqliteFileOf, type EventFilter } from '../store/index.js';
import { STORE_HELP } from './ingest.js';

/** Filter flags shared by commands that read events. */
export interface FilterFlags {
  dateFrom?: string;
  dateTo?: string;
  country?: string;
  admin1?: string;
  eventType?: string;
  subEventType?: string;
  actor?: string;
  q?: string;
  bbox?: string;
  status?: string;
}

/** True when `s` (YYYY-MM-DD) names a day of the UTC calendar. */
function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Flags → EventFilter. Throws on a malformed date or bbox. */
export function filterFromFlags(f: FilterFlags): EventFilter {
  const out: EventFilter = {};
  for (const [k, v] of [
    ['date-from', f.dateFrom],
    ['date-to', f.dateTo],
  ] as const) {
    // A real calendar date: 2025-99-01 would otherwise be compared as a string and filter silently wrong.
    if (v != null && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isRealDate(v))) throw new Error(`--${k} must be a real date YYYY-MM-DD, got ${v}`);
  }
  if (f.dateFrom && f.dateTo && f.dateFrom > f.dateTo) throw new Error(`--date-from ${f.dateFrom} is after --date-to ${f.dateTo}`);
  if (f.dateFrom) out.date_from = f.dateFrom;
  if (f.dateTo) out.date_to = f.dateTo;
  if (f.country) {
    const c = countryFromQuery(f.country);
    if (!c) throw new Error(`--country: no country is named or coded "${f.country}" (a name, or an ISO 3166-1 alpha-2, alpha-3 or numeric code)`);
    out.country = c.name;
  }
  if (f.admin1) out.admin1 = f.admin1;
  // (typed in any case, as --country is: "battles" is Battles)
  const canonical = (names: readonly string[], typed: string) => names.find((n) => n.toLowerCase() === typed.trim().toLowerCase());
  if (f.eventType) {
    const t = canonical(EVENT_TYPES, f.eventType);
    if (!t) throw new Error(`--event-type must be one of: ${EVENT_TYPES.join(', ')}; got ${f.eventType}`);
    out.event_type = t;
  }
  if (f.subEventType) {
    const subs: string[] = Object.values(SUB_EVENT_TYPES).flat();
    const t = canonical(subs, f.subEventType);
    if (!t) throw new Error(`--sub-event-type must be one of: ${subs.join(', ')}; got ${f.subEventType}`);
    out.sub_event_type = t;
  }
  if (f.actor) out.actor = f.actor;
  if (f.status) {
    const statuses = ['unreviewed', 'accepted', 'corrected', 'rejected'] as const;
    if (!(statuses as readonly string[]).includes(f.status)) throw new Error(`--status must be one of: ${statuses.join(', ')}; got ${f.status}`);
    out.status = f.status as (typeof statuses)[number];
  }
  if (f.q) out.q = f.q;
  if (f.bbox) {
    const parts = f.bbox.split(',').map((x) => Number(x.trim()));
    if (parts.length !== 4 || parts.some((x) => !Number.isFinite(x))) throw new Error(`--bbox must be west,south,east,north in degrees, got ${f.bbox}`);
    const [w, so, e, n] = parts as [number, number, number, number];
    if (Math.abs(w) > 180 || Math.abs(e) > 180) throw new Error(`--bbox: west and east must be between -180 and 180, got ${f.bbox}`);
    if (Math.abs(so) > 90 || Math.abs(n) > 90 || so > n) throw new Error(`--bbox: south and north must be between -90 and 90, south first, got ${f.bbox}`);
    out.bbox = parts as [number, number, number, number];
  }
  return out;
}

/** Add the filter flags to a command. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--date-from <date>', 'events on or after YYYY-MM-DD')
    .option('--date-to <date>', 'events on or before YYYY-MM-DD')
    .option('--country <name>', 'country: a name (any case, "DRC", "Burma") or an ISO 3166-1 code (SD, SDN, 729)')
    .option('--admin1 <name>', 'first-level division name (case-insensitive)')
    .option('--event-type <type>', 'ACLED event type, e.g. Battles')
    .option('--sub-event-type <type>', 'ACLED sub-event type, e.g. "Armed clash"')
    .option('--actor <text>', 'actor name contains (case-insensitive)')
    .option('--q <text>', 'text search over notes, places and actors')
    .option('--bbox <w,s,e,n>', 'bounding box in degrees: west,south,east,north')
    .option('--status <status>', 'review status: unreviewed, accepted, corrected or rejected (rejected events are left out unless asked for)');
}

/** Throws when `out` would overwrite the SQLite store being read (or its WAL / shared-memory files). */
export function refuseStoreAsOut(out: string, storeUrl?: string): void {
  const file = sqliteFileOf(resolveStoreUrl(storeUrl));
  if (!file) return;
  const real = (f: string) => (existsSync(f) ? realpathSync(f) : path.resolve(f));
  const target = real(out);
  if ([file, `${file}-wal`, `${file}-shm`].some((f) => real(f) === target)) {
    throw new Error(`--out ${out} is the store being exported (${file}); choose another file`);
  }
}

export function register(program: Command): void {
  const cmd = program
    .command('export')
    .description('write stored events as CSV (ACLED columns), GeoJSON or JSON Lines; stdout by default')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .option('--out <file>', 'write to FILE instead of stdout')
    .option('--level <level>', "a row per stored event (events: one per report) or per incident (incidents: deduplicated, sources joined)", 'events')
    .option('--store <url>', STORE_HELP);
  addFilterOptions(cmd).action(async (opts: FilterFlags & { format: string; out?: string; store?: string; level: string }) => {
    if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
      throw new Error(`unknown --format ${opts.format} (use ${EXPORT_FORMATS.join(', ')})`);
    }
    if (!(EXPORT_LEVELS as readonly string[]).includes(opts.level)) throw new Error(`unknown --level ${opts.level} (use ${EXPORT_LEVELS.join(' or ')})`);
    const filter = filterFromFlags(opts);
    const store = await openStore(opts.store, { existing: true });
    const rowsOf = () => (opts.level === 'incidents' ? incidentsAsEvents(store, filter) : exportable(store.streamEvents(filter), filter.status));
    try {
      if (opts.out) {
        refuseStoreAsOut(opts.out, opts.store);
        // Written beside the target and renamed once complete: a failed export leaves the
        // previous file as it was.
        const part = `${opts.out}.part-${process.pid}`;
        const out = createWriteStream(part);
        try {
          await once(out, 'open');
        } catch (err) {
          throw new Error(`cannot write --out ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
        try {
          const n = await writeExport(opts.format, rowsOf(), out, { end: true });
          if (!out.writableFinished) await once(out, 'finish');
          renameSync(part, opts.out);
          console.error(`export: ${n} ${opts.level} written to ${opts.out}`);
        } catch (err) {
          out.destroy();
          rmSync(part, { force: true });
          throw err;
        }
      } else {
        // A reader that stops early (`| head`) is not an error.
        process.stdout.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'EPIPE') process.exit(0);
        });
        await writeExport(opts.format, rowsOf(), process.stdout);
      }
    } finally {
      await store.close();
    }
  });
}
