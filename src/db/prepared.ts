import { CompiledQuery } from 'kysely';

/**
 * A query run as a named prepared statement: each pooled connection parses and plans it once, then only binds
 * and executes it. For the statements on every request's or every act's path (the session lookup, the journal
 * append). pg's `client.query(config, values)` accepts a query config in place of the SQL text, and Kysely's
 * PostgreSQL driver passes `sql` through unchanged; the cast lives here only. sessions.db.test.ts checks that
 * the statement really is prepared on the server, so a driver change that breaks this fails at once.
 */
export function preparedQuery<Row>(name: string, text: string, parameters: unknown[]): CompiledQuery<Row> {
  return CompiledQuery.raw({ name, text } as unknown as string, parameters);
}
