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
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: 'bansho' });
  pool.on('error', options.onError ?? ((error) => console.error('PostgreSQL pool error:', error.message)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: () => db.destroy(),
  };
}
