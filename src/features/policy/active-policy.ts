import { parseStoredPolicy } from '../../policy/loader.js';
import type { Policy } from '../../policy/schema.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

/** The policy version in force. */
export interface ActivePolicy {
  versionId: string;
  contentHash: string;
  loadedAt: Date;
  policy: Policy;
}

/** The id of the version in force: what a record made now should store as "made under". */
export async function activePolicyVersionId(db: ReadOnlyDb): Promise<string | null> {
  const row = await db.selectFrom('policy_active').select('version_id').executeTakeFirst();
  return row?.version_id ?? null;
}

/** Reads a stored version and parses it with today's schema (throws if the content no longer fits). */
export async function readPolicyVersion(db: ReadOnlyDb, versionId: string): Promise<ActivePolicy | null> {
  const row = await db.selectFrom('policy_versions').select(['id', 'content_hash', 'content', 'loaded_at']).where('id', '=', versionId).executeTakeFirst();
  if (!row) return null;
  return { versionId: row.id, contentHash: row.content_hash, loadedAt: row.loaded_at, policy: parseStoredPolicy(row.content) };
}

/** The version in force, or null before the first load. */
export async function readActivePolicy(db: ReadOnlyDb): Promise<ActivePolicy | null> {
  const id = await activePolicyVersionId(db);
  return id ? readPolicyVersion(db, id) : null;
}

/**
 * Holds the policy in force for a running server. `services.policy()` reads it synchronously; a timer checks
 * the database (one indexed single-row read) and switches to a version that `bansho policy load` put in force,
 * so every instance sharing the database follows within one interval, without a restart.
 */
export class PolicyStore {
  private active: ActivePolicy;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: ReadOnlyDb,
    initial: ActivePolicy,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.active = initial;
  }

  current(): ActivePolicy {
    return this.active;
  }

  policy(): Policy {
    return this.active.policy;
  }

  /** Switches to the version in force if it changed; true when it did. */
  async refresh(): Promise<boolean> {
    const id = await activePolicyVersionId(this.db);
    if (!id || id === this.active.versionId) return false;
    const next = await readPolicyVersion(this.db, id);
    if (!next) return false;
    this.active = next;
    return true;
  }

  /** Checks every `intervalMs`; returns the function that stops checking. */
  watch(intervalMs: number): () => void {
    this.timer = setInterval(() => {
      this.refresh().catch(this.onError);
    }, intervalMs);
    this.timer.unref();
    return () => clearInterval(this.timer);
  }
}
