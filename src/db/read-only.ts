import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

/**
 * The database as routes and use cases hold it: it reads, and it cannot write or open a transaction. The one
 * writable handle is the transaction `recordAct` opens (journal/append.ts), so that a change cannot be written
 * without its journal entry. (A Kysely instance or a transaction is assignable to it.)
 */
export type ReadOnlyDb = Omit<
  Kysely<Database>,
  'insertInto' | 'replaceInto' | 'updateTable' | 'deleteFrom' | 'mergeInto' | 'transaction' | 'startTransaction' | 'connection' | 'withPlugin' | 'withoutPlugins' | 'withSchema' | 'withTables'
>;
