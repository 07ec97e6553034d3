import { readPolicyPackage, validatePolicyPackage } from '../../policy/loader.js';
import { PolicyStore, readActivePolicy, type ActivePolicy } from './active-policy.js';
import { loadPolicyVersion } from './load-policy-version.js';
import type { ReadOnlyDb } from '../../db/read-only.js';
import { defaultTimeZone } from '../../domain/calendar.js';

/**
 * The policy a starting server runs under: the version in force in the database. On the first start (no
 * version yet), or when the stored version no longer fits this build's schema, the configured package
 * directory is loaded and put in force. A configured package that differs from the version in force is only
 * reported: `bansho policy load` is how a new version comes in.
 */
export async function establishPolicy(db: ReadOnlyDb, policyDir: string, say: (line: string) => void): Promise<PolicyStore> {
  let active: ActivePolicy | null = null;
  try {
    active = await readActivePolicy(db);
  } catch (error) {
    say(`The policy version in force does not fit this build (${(error as Error).message.split('\n')[0] ?? ''}); loading ${policyDir}.`);
    say('有効な版がこの番所の形式に合わないため、設定されたポリシーパッケージを読み込みます。');
  }
  if (!active) {
    const loaded = readPolicyPackage(policyDir);
    await loadPolicyVersion({ db, actor: null, now: new Date(), timeZone: defaultTimeZone, policy: loaded.policy, request: { ip: null, userAgent: 'bansho-start' } }, loaded, { source: policyDir });
    active = await readActivePolicy(db);
    if (!active) throw new Error('the policy version just loaded cannot be read back');
    say(`Policy loaded / ポリシーを読み込みました: ${active.policy.title} ${active.policy.version}`);
  } else {
    const configured = validatePolicyPackage(policyDir);
    if (!configured.ok) {
      say(`Note: ${policyDir} has ${configured.problems.length} problem(s); \`bansho policy validate ${policyDir}\` lists them. The version in force is used.`);
      say(`注意: ${policyDir} に問題があります（bansho policy validate で確認）。有効な版で起動します。`);
    } else if (configured.loaded.contentHash !== active.contentHash) {
      say(`Note: ${policyDir} differs from the version in force (${active.policy.packageId} ${active.policy.version}); run \`bansho policy load ${policyDir}\` to put it in force.`);
      say(`注意: ${policyDir} は有効な版と異なります。有効にするには bansho policy load を実行してください。`);
    }
  }
  return new PolicyStore(db, active, (error) => say(`Policy refresh failed / ポリシーの再読込に失敗: ${(error as Error).message}`));
}
