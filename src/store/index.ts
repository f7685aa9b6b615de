/**
 * The store's public entry: `openStore(url)` gives a migrated Store on SQLite or PostgreSQL.
 *
 * URLs: `sqlite:PATH` (a file; created with its folder when missing), or
 * `postgres://USER@HOST:PORT/DB[?schema=NAME]` (`postgresql://` too; schema default `public`).
 * Neither given: env `SITREP_STORE`, else `sqlite:data/sitrep.sqlite` (relative to the
 * working directory).
 */
import { existsSync } from 'node:fs';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './types.js';

export * from './types.js';
export { textHash, SqlStore } from './sql-store.js';

/** The store used when neither `--store` nor `SITREP_STORE` is given. */
export const DEFAULT_STORE_URL = 'sqlite:data/sitrep.sqlite';

/** The URL a command uses: the flag, else env SITREP_STORE, else the default. */
export function resolveStoreUrl(url?: string | null): string {
  return url || process.env.SITREP_STORE || DEFAULT_STORE_URL;
}

/** True for postgres:// and postgresql:// URLs. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The file of a `sqlite:PATH` store URL, or null for another engine. */
export function sqliteFileOf(url: string): string | null {
  return /^sqlite:/i.test(url) ? url.replace(/^sqlite:(\/\/)?/i, '') : null;
}

/** Options of openStore. */
export interface OpenStoreOptions {
  /** Only open a store that exists (a SQLite file on disk): for commands that only read. */
  existing?: boolean;
}

/** Thrown by openStore({ existing: true }) when the SQLite file is not there, or the PostgreSQL schema holds no store. */
export class NoStoreError extends Error {
  constructor(readonly file: string) {
    super(`no store at ${file}: nothing has been ingested there yet (run \`sitrep ingest\` or \`npm start\` first, or give --store)`);
    this.name = 'NoStoreError';
  }
}

/**
 * Open a store and apply pending migrations. Throws on an unknown URL scheme, an
 * unreachable server or an unreadable file, and NoStoreError when `existing` is asked for
 * and the SQLite file is missing.
 */
export async function openStore(url?: string | null, opts: OpenStoreOptions = {}): Promise<Store> {
  const u = resolveStoreUrl(url);
  let store: SqlStore;
  if (isPostgresUrl(u)) {
    const db = await openPostgres(u, { create: !opts.existing });
    // A reading command on a schema nothing was ever stored in (often a typo in ?schema=) says
    // so, as for a missing SQLite file, rather than showing an empty dataset.
    if (opts.existing && !(await db.get<{ t: string | null }>('SELECT to_regclass(?) AS t', [`${db.schema}.schema_migrations`]))?.t) {
      await db.close();
      throw new NoStoreError(`${u.replace(/\/\/[^@/]*@/, '//…@')} (schema ${db.schema})`);
    }
    store = new SqlStore(db);
  }
  else if (sqliteFileOf(u) !== null) {
    const file = sqliteFileOf(u)!;
    if (!file) throw new Error(`store URL has no file: ${u}`);
    if (opts.existing && file !== ':memory:' && !existsSync(file)) throw new NoStoreError(file);
    store = new SqlStore(openSqlite(file));
  } else throw new Error(`unknown store URL (use sqlite:PATH or postgres://USER@HOST:PORT/DB): ${u}`);
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    // "file is not a database" says nothing of which file
    const where = u.replace(/\/\/[^@/]*@/, '//…@');
    const msg = (err as Error).message;
    throw msg.includes(where) ? err : new Error(`${where}: ${msg}`);
  }
  return store;
}
