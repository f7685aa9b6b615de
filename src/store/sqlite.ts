/**
 * SQLite handle over better-sqlite3 (synchronous driver): WAL mode, a busy timeout so
 * several processes can share one file, and an in-process queue so an awaited transaction
 * is never interleaved with another statement on the same connection.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db, Row } from './db.js';

/** Values better-sqlite3 binds: booleans and undefined are mapped to integers / NULL. */
function bindable(params: unknown[]): unknown[] {
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

class SqliteHandle implements Db {
  readonly dialect = 'sqlite' as const;
  constructor(
    private readonly conn: Database.Database,
    private readonly queue: { tail: Promise<unknown> },
    private readonly inTx: boolean,
  ) {}

  /** Run `fn` after everything queued before it (outside a transaction). */
  private serial<T>(fn: () => Promise<T> | T): Promise<T> {
    if (this.inTx) return Promise.resolve().then(fn);
    const next = this.queue.tail.then(fn, fn);
    this.queue.tail = next.catch(() => undefined);
    return next;
  }

  all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.serial(() => this.conn.prepare(sql).all(...bindable(params)) as T[]);
  }
  get<T = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return this.serial(() => this.conn.prepare(sql).get(...bindable(params)) as T | undefined);
  }
  run(sql: string, params: unknown[] = []): Promise<{ changes: number }> {
    return this.serial(() => ({ changes: this.conn.prepare(sql).run(...bindable(params)).changes }));
  }
  exec(sql: string): Promise<void> {
    return this.serial(() => {
      this.conn.exec(sql);
    });
  }
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    return this.serial(async () => {
      this.conn.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(new SqliteHandle(this.conn, this.queue, true));
        this.conn.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.conn.inTransaction) this.conn.exec('ROLLBACK');
        throw err;
      }
    });
  }
  async lock(_names: string[], _shared?: boolean): Promise<void> {}
  async close(): Promise<void> {
    await this.queue.tail;
    this.conn.close();
  }
}

/**
 * Open (creating) a SQLite file. Throws when the file cannot be opened or is not a database.
 * The folder is created when missing.
 */
export function openSqlite(file: string): Db {
  let conn: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    conn = new Database(file);
    conn.pragma('journal_mode = WAL');
  } catch (err) {
    throw new Error(`cannot open the SQLite store ${file}: ${(err as Error).message}`);
  }
  conn.pragma('busy_timeout = 15000');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('foreign_keys = ON');
  return new SqliteHandle(conn, { tail: Promise.resolve() }, false);
}
