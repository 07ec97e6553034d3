import type { ReadOnlyDb } from '../db/read-only.js';
import type { Policy } from '../policy/schema.js';
import type { Config } from '../config.js';

/** What route plugins are given: the database (to read; use cases write through `recordAct`), the policy in force, the configuration. */
export interface AppServices {
  db: ReadOnlyDb;
  policy: () => Policy;
  /** The id of the policy version in force, for records that keep the version they were made under (null in tests that give a bare policy). */
  policyVersionId?: () => string | null;
  config: Config;
}
