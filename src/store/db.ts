/**
 * A thin database handle both engines implement, so the store's SQL and logic are written
 * once. SQL uses `?` placeholders; the PostgreSQL handle rewrites them to `$1, $2, …`.
 */

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/** One connection (or a transaction on one). */
export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** Run a statement; `changes` is the number of rows written. */
  run(sql: string, params?: unknown[]): Promise<{ changes: number }>;
  /** Run several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Run `fn` in a write transaction: committed when it resolves, rolled back when it throws.
   * SQLite: BEGIN IMMEDIATE (one writer across processes; waits up to the busy timeout).
   * PostgreSQL: READ COMMITTED on one pooled connection.
   */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: serialise with other transactions that take the same names,
   * across processes, until commit (PostgreSQL advisory transaction locks; a no-op on
   * SQLite, whose write transactions are already exclusive). `shared` locks coexist with
   * each other and exclude the exclusive lock of the same name.
   */
  lock(names: string[], shared?: boolean): Promise<void>;
  close(): Promise<void>;
}

/** Rewrite `?` placeholders to `$n` (no `?` may appear inside SQL string literals). */
export function toDollarParams(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
