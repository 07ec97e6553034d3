import type { ReadOnlyDb } from '../db/read-only.js';
import type { Actor } from './actor.js';
import type { Policy } from '../policy/schema.js';

/** Where an act came from, for the journal and the session record. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Everything a use case needs: the database (to read), who acts, when, and under which policy. */
export interface ActingContext {
  /** Reads only: writes go through `recordAct`'s transaction. */
  db: ReadOnlyDb;
  actor: Actor | null;
  now: Date;
  /** The municipality's time zone (IANA): calendar dates are reckoned in it (`today(ctx)`). */
  timeZone: string;
  policy: Policy;
  request: RequestMeta;
}
