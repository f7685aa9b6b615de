/**
 * Versioned schema migrations: `migrations/<engine>/NNN_name.sql`, applied in order, each
 * once, recorded in `schema_migrations`. Read at run time from the source tree, so the
 * compiled store (dist/store/) finds them at ../../src/store/migrations/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

/** The folder holding `sqlite/` and `postgres/` migration files. Throws when not found. */
export function migrationsDir(): string {
  const candidates = [new URL('./migrations/', import.meta.url), new URL('../../src/store/migrations/', import.meta.url)];
  for (const c of candidates) {
    const p = fileURLToPath(c);
    if (existsSync(p)) return p;
  }
  throw new Error('store migrations not found (expected src/store/migrations/)');
}

/** Migration files for an engine, in version order: { version, name, sql }. */
export function listMigrations(dialect: Db['dialect']): { version: number; name: string; sql: string }[] {
  const dir = `${migrationsDir()}${dialect}/`;
  return readdirSync(dir)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .map((f) => ({ version: Number(f.split('_')[0]), name: f, sql: readFileSync(dir + f, 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Apply the migrations not yet recorded, in one transaction (several processes starting at
 * once: the first applies them, the others wait on the lock and find nothing to do).
 * Returns the versions applied.
 */
export async function migrate(db: Db): Promise<number[]> {
  const pending = listMigrations(db.dialect);
  return db.tx(async (tx) => {
    await tx.lock(['migrate']);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const done = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of pending) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
