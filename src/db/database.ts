import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** A connection or transaction that runs parameterised SQL. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a multi-statement script without parameters; returns the rows of the last statement. */
  exec(sql: string): Promise<Record<string, unknown>[]>;
}

export interface Database {
  readonly engine: 'pglite' | 'postgres';
  /** Runs as the schema owner: migrations, CLI administration, bulk loads. Not for request handling. */
  owner: Queryable;
  ownerTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs fn in one transaction as the application role, scoped to one municipality.
   * Row-level security then hides and protects every other municipality's rows.
   */
  tenantTransaction<T>(municipalityId: string, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Bulk load rows (COPY on PostgreSQL, multi-row INSERT on PGlite) inside an owner transaction. */
  bulkInsert(tx: Queryable, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  close(): Promise<void>;
}

export const APP_ROLE = 'ligevej_app';

async function enterTenant(tx: Queryable, municipalityId: string): Promise<void> {
  await tx.query(`SET LOCAL ROLE ${APP_ROLE}`);
  await tx.query(`SELECT set_config('app.municipality_id', $1, true)`, [municipalityId]);
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const lite = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const r = await q.query<T>(sql, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
    },
    async exec(sql: string) {
      const results = await q.exec(sql);
      return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
    },
  });
  const owner = wrap(lite);
  return {
    engine: 'pglite',
    owner,
    ownerTransaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    tenantTransaction: (municipalityId, fn) =>
      lite.transaction(async (tx) => {
        const q = wrap(tx);
        await enterTenant(q, municipalityId);
        return fn(q);
      }),
    bulkInsert: (tx, table, columns, rows) => multiRowInsert(tx, table, columns, rows),
    close: () => lite.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // pg returns int8/numeric as strings by default; bigint counts we keep as numbers, numeric as numbers.
  pool.on('error', () => undefined);
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => {
    // A transaction is one connection: queries issued together (Promise.all) run one after another,
    // as on PGlite, instead of relying on pg's deprecated queueing on a busy client.
    let previous: Promise<unknown> = Promise.resolve();
    const serial = <R>(run: () => Promise<R>): Promise<R> => {
      const next = previous.then(run, run);
      previous = next.catch(() => undefined);
      return next;
    };
    const send = c instanceof pg.Pool ? <R>(run: () => Promise<R>) => run() : serial;
    return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const r = await send(() => c.query(sql, params as unknown[] | undefined));
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      const r = (await send(() => c.query(sql))) as unknown as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(r) ? r.at(-1) : r;
      return (last?.rows ?? []) as Record<string, unknown>[];
    },
    };
  };
  const clients = new WeakMap<Queryable, pg.PoolClient>();
  async function inTransaction<T>(setup: (q: Queryable) => Promise<void>, fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    const q = wrap(client);
    clients.set(q, client);
    try {
      await client.query('BEGIN');
      await setup(q);
      const result = await fn(q);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  return {
    engine: 'postgres',
    owner: wrap(pool),
    ownerTransaction: (fn) => inTransaction(async () => undefined, fn),
    tenantTransaction: (municipalityId, fn) => inTransaction((q) => enterTenant(q, municipalityId), fn),
    async bulkInsert(tx, table, columns, rows) {
      const client = clients.get(tx);
      if (!client) return multiRowInsert(tx, table, columns, rows);
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(',')}) FROM STDIN`));
      await pipeline(Readable.from(copyLines(rows)), stream);
    },
    close: () => pool.end(),
  };
}

function* copyLines(rows: readonly (readonly unknown[])[]): Generator<string> {
  const batch: string[] = [];
  for (const row of rows) {
    batch.push(row.map(copyValue).join('\t'));
    if (batch.length >= 1000) {
      yield batch.join('\n') + '\n';
      batch.length = 0;
    }
  }
  if (batch.length) yield batch.join('\n') + '\n';
}

const needsEscape = /[\\\t\n\r]/;
/** COPY text format: \N for NULL, backslash escapes for backslash, tab, newline and carriage return. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : Array.isArray(v) ? arrayLiteral(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return needsEscape.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** A one-dimensional PostgreSQL array literal: {"a","b\\"c",NULL}. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((x) => (x === null || x === undefined ? 'NULL' : `"${String(x).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

async function multiRowInsert(tx: Queryable, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const maxParams = 30000;
  const perBatch = Math.max(1, Math.floor(maxParams / columns.length));
  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows.slice(i, i + perBatch);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      const ph = row.map((v) => {
        params.push(v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) ? JSON.stringify(v) : v);
        return `$${params.length}`;
      });
      return `(${ph.join(',')})`;
    });
    await tx.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')}`, params);
  }
}
