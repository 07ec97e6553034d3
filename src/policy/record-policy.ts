import type { ActingContext } from '../domain/context.js';
import { loadPolicyVersion } from '../features/policy/load-policy-version.js';
import type { LoadedPolicy } from './loader.js';

/**
 * Records a policy version and puts it in force, unless it is already the one in force (kept for callers of the
 * v0 API; new code calls `loadPolicyVersion`). True when something was recorded.
 */
export async function recordPolicyVersion(ctx: ActingContext, loaded: LoadedPolicy): Promise<boolean> {
  const result = await loadPolicyVersion(ctx, loaded);
  return result.activated;
}
