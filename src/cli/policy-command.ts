import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../server/open-database.js';
import { diffClauses, formatClauseDiff } from '../policy/diff.js';
import { formatProblem, validatePolicyPackage } from '../policy/loader.js';
import type { Policy } from '../policy/schema.js';
import { readPolicyVersion } from '../features/policy/active-policy.js';
import { loadPolicyFromDirectory } from '../features/policy/load-policy-version.js';
import { listVersions } from '../features/policy/queries.js';

export const policyUsage = `  bansho policy validate DIR check a policy package; every problem with file, line and path; nothing is loaded
  bansho policy load DIR    load the package as a new version and put it in force (earlier versions stay readable)
  bansho policy versions    list the loaded versions; * marks the one in force
  bansho policy diff A B    clauses added, removed and changed from A to B (each a package directory or a version id)`;

const isDirectory = (arg: string) => existsSync(arg) && statSync(arg).isDirectory();

/** Validates a directory and prints its problems; returns the package, or null. */
function validate(dir: string, say: (line: string) => void): ReturnType<typeof validatePolicyPackage> {
  const result = validatePolicyPackage(dir);
  if (!result.ok) {
    say(`${path.resolve(dir)}: ${result.problems.length} problem(s) / 件の問題 — nothing was loaded / 何も読み込んでいません`);
    for (const problem of result.problems) say(`  ${formatProblem(problem)}`);
  }
  return result;
}

/** `bansho policy …`; returns the exit code. */
export async function runPolicyCommand(sub: string | undefined, args: string[], say: (line: string) => void): Promise<number> {
  if (sub === 'validate' && args.length === 1 && args[0]) {
    const result = validate(args[0], say);
    if (!result.ok) return 2;
    const p = result.loaded.policy;
    const normative = p.clauses.filter((c) => c.kind !== 'heading').length;
    say(`OK: ${p.municipality.ja} ${p.title} ${p.version} — ${p.clauses.length} clauses (${normative} normative, ${p.clauses.length - normative} headings), ${p.roles.length} roles, ${p.requestTypes.length} request types`);
    say(`正常: ポリシーパッケージに問題はありません（sha256 ${result.loaded.contentHash.slice(0, 16)}…）`);
    return 0;
  }
  if (sub === 'load' && args.length === 1 && args[0]) {
    if (!validate(args[0], say).ok) return 2;
    const database = await openDatabase(loadConfig(), say);
    try {
      const ctx = { db: database.db, actor: null, now: new Date(), timeZone: loadConfig().timeZone, request: { ip: null, userAgent: 'bansho-cli' } };
      const loaded = await loadPolicyFromDirectory(ctx, path.resolve(args[0]));
      if (!loaded.ok) {
        for (const problem of loaded.problems) say(`  ${formatProblem(problem)}`);
        return 2;
      }
      const { result: outcome, loaded: { policy } } = loaded;
      if (!outcome.activated) say(`Already in force / 既に有効です: ${policy.packageId} ${policy.version} (${outcome.versionId})`);
      else if (outcome.created) say(`Loaded and in force / 読み込み、有効にしました: ${policy.packageId} ${policy.version} (${outcome.versionId}), ${policy.clauses.length} clauses`);
      else say(`An earlier identical version is in force again / 以前の同じ版を再び有効にしました: ${outcome.versionId}`);
      if (outcome.activated) say('Running servers follow within 10 seconds / 起動中の番所は10秒以内に切り替わります。');
      return 0;
    } finally {
      await database.shutdown();
    }
  }
  if (sub === 'versions' && args.length === 0) {
    const database = await openDatabase(loadConfig());
    try {
      for (const v of await listVersions(database.db)) say(`${v.active ? '*' : ' '} ${v.id}  ${v.packageId} ${v.version}  ${v.clauseCount} clauses  loaded ${v.loadedAt}`);
      return 0;
    } finally {
      await database.shutdown();
    }
  }
  if (sub === 'diff' && args.length === 2) {
    const [a = '', b = ''] = args;
    const sides: { label: string; policy: Policy }[] = [];
    let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
    try {
      for (const arg of [a, b]) {
        if (isDirectory(arg)) {
          const result = validate(arg, say);
          if (!result.ok) return 2;
          sides.push({ label: arg, policy: result.loaded.policy });
        } else {
          database ??= await openDatabase(loadConfig());
          const stored = /^[0-9a-f-]{36}$/i.test(arg) ? await readPolicyVersion(database.db, arg) : null;
          if (!stored) {
            say(`${arg}: neither a package directory nor a stored version id / パッケージのディレクトリでも版のIDでもありません`);
            return 2;
          }
          sides.push({ label: `${stored.policy.packageId} ${stored.policy.version} (${arg.slice(0, 8)})`, policy: stored.policy });
        }
      }
    } finally {
      await database?.shutdown();
    }
    const [before, after] = sides;
    if (!before || !after) return 2;
    for (const line of formatClauseDiff(diffClauses(before.policy.clauses, after.policy.clauses), { before: before.label, after: after.label })) say(line);
    return 0;
  }
  say(`Usage / 使い方:\n${policyUsage}`);
  return 1;
}
