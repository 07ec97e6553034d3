import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.js';

// bigint (journal seq, counts) arrive as strings; timestamps as Date; calendar dates (retention, review,
// disposal) as 'YYYY-MM-DD' strings: a date has no time zone, and a Date at local midnight would shift it.
const pgTypeDate = 1082;
pg.types.setTypeParser(pgTypeDate, (value: string) => value);

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Opens a pooled connection to PostgreSQL; pool errors are logged, never crash the process. */
export function connectDatabase(url: string, options: { max?: number; onError?: (error: Error) => void } = {}): DatabaseHandle {
  // Bansho's queries are short and many run at once: parallel workers would only add contention, so its
  // sessions plan without them (long exports and verification read in batches either way).
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: 'bansho', options: '-c max_parallel_workers_per_gather=0' });
  pool.on('error', options.onError ?? ((error) => console.error('PostgreSQL pool error:', error.message)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: () => db.destroy(),
  };
}
