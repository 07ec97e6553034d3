import type { ActingContext } from '../domain/context.js';
import { recordAct } from '../journal/append.js';
import type { LoadedPolicy } from './loader.js';

/** Records a policy version the first time it is loaded, so that records can name the version they rest on. */
export async function recordPolicyVersion(ctx: ActingContext, loaded: LoadedPolicy): Promise<boolean> {
  const known = await ctx.db
    .selectFrom('policy_versions')
    .select('id')
    .where('package_id', '=', loaded.policy.packageId)
    .where('content_hash', '=', loaded.contentHash)
    .executeTakeFirst();
  if (known) return false;
  await recordAct(ctx, async (tx) => {
    const row = await tx
      .insertInto('policy_versions')
      .values({ package_id: loaded.policy.packageId, version: loaded.policy.version, content_hash: loaded.contentHash, content: JSON.stringify(loaded.policy), loaded_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      value: row.id,
      events: [{ type: 'policy.loaded', entityType: 'policy', entityId: row.id, data: { packageId: loaded.policy.packageId, version: loaded.policy.version, contentHash: loaded.contentHash } }],
    };
  });
  return true;
}
