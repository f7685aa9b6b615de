/**
 * PostgreSQL handle over `pg`: a pool whose connections use the store's schema
 * (`?schema=NAME` on the URL, default `public`).
 */
import pg from 'pg';
import { toDollarParams, type Db, type Row } from './db.js';

// Counts and BIGINT ids as JS numbers (safe below 2^53, far above what a store holds).
pg.types.setTypeParser(20, (v: string) => Number(v));

/** A lock name → a signed 64-bit advisory lock key, namespaced by schema. */
function lockKey(schema: string, name: string): string {
  let h = 1469598103934665603n;
  for (const ch of Buffer.from(`${schema}\u0000${name}`)) {
    h ^= BigInt(ch);
    h = (h * 1099511628211n) & 0xffffffffffffffffn;
  }
  return BigInt.asIntN(64, h).toString();
}

type Queryable = pg.Pool | pg.PoolClient;

class PgHandle implements Db {
  readonly dialect = 'postgres' as const;
  constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
    private readonly client: pg.PoolClient | null,
  ) {}

  private get q(): Queryable {
    return this.client ?? this.pool;
  }
  async all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.q.query(toDollarParams(sql), params)).rows as T[];
  }
  async get<T = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.q.query(toDollarParams(sql), params)).rows[0] as T | undefined;
  }
  async run(sql: string, params: unknown[] = []): Promise<{ changes: number }> {
    return { changes: (await this.q.query(toDollarParams(sql), params)).rowCount ?? 0 };
  }
  async exec(sql: string): Promise<void> {
    await this.q.query(sql);
  }
  async tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    if (this.client) return fn(this);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(new PgHandle(this.pool, this.schema, client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  async lock(names: string[], shared = false): Promise<void> {
    if (!this.client) throw new Error('lock() needs a transaction');
    // Sorted so two transactions never wait on each other in opposite orders.
    const keys = [...new Set(names.map((n) => lockKey(this.schema, n)))].sort();
    const fn = shared ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
    for (const k of keys) await this.client.query(`SELECT ${fn}($1::bigint)`, [k]);
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A schema name must be a plain identifier (it is written into SQL). */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}

/**
 * Open a pool on `postgres://USER@HOST:PORT/DB[?schema=NAME]` and (unless `create` is false) create the schema when
 * missing. Throws when the server cannot be reached.
 */
export async function openPostgres(url: string, opts: { create?: boolean } = {}): Promise<Db & { schema: string }> {
  const u = new URL(url);
  const schema = checkSchemaName(u.searchParams.get('schema') ?? 'public');
  u.searchParams.delete('schema');
  const pool = new pg.Pool({
    connectionString: u.toString(),
    max: Number(process.env.SITREP_PG_POOL ?? 5),
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => undefined);
  if (opts.create === false) return new PgHandle(pool, schema, null);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch(async (err: { code?: string }) => {
    // Two processes creating the schema at once: the loser sees a unique violation.
    if (err.code !== '23505' && err.code !== '42P06') {
      await pool.end();
      throw err;
    }
  });
  return new PgHandle(pool, schema, null);
}
