import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import type { Actor } from './actor.js';
import type { Policy } from '../policy/schema.js';

/** Where an act came from, for the journal and the session record. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Everything a use case needs: the database, who acts, when, and under which policy. */
export interface ActingContext {
  db: Kysely<Database>;
  actor: Actor | null;
  now: Date;
  policy: Policy;
  request: RequestMeta;
}
