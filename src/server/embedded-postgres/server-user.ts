import { spawnSync } from 'node:child_process';
import os from 'node:os';

/** The operating-system account the embedded PostgreSQL runs as. */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
  /** Bansho itself runs as root and hands the server to this unprivileged account. */
  delegated: boolean;
}

const SERVER_ACCOUNT = 'postgres';

function idOf(flag: '-u' | '-g', name: string): number | null {
  const result = spawnSync('id', [flag, name], { encoding: 'utf8' });
  const id = Number(result.stdout?.trim());
  return result.status === 0 && Number.isInteger(id) ? id : null;
}

/**
 * PostgreSQL refuses to run as root. As an ordinary user Bansho runs the server as that user; as root, as the
 * unprivileged `postgres` system account, created (no home, no login shell) when the machine lacks it.
 */
export function serverUser(): ServerUser {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) return { name: os.userInfo().username, uid, gid: process.getgid?.() ?? uid, delegated: false };
  if (idOf('-u', SERVER_ACCOUNT) === null) {
    const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', SERVER_ACCOUNT], { encoding: 'utf8' });
    if (created.status !== 0) {
      throw new Error(`Could not create the system user ${SERVER_ACCOUNT} for PostgreSQL: ${created.stderr || created.error?.message} / PostgreSQL 用のシステムユーザー ${SERVER_ACCOUNT} を作成できませんでした`);
    }
  }
  const serverUid = idOf('-u', SERVER_ACCOUNT);
  const serverGid = idOf('-g', SERVER_ACCOUNT);
  if (serverUid === null || serverGid === null) throw new Error(`The system user ${SERVER_ACCOUNT} has no uid / システムユーザー ${SERVER_ACCOUNT} が見つかりません`);
  return { name: SERVER_ACCOUNT, uid: serverUid, gid: serverGid, delegated: true };
}

/** The uid and gid a child process gets so that it runs as the server's user (nothing to change for an ordinary user). */
export function runAs(user: ServerUser): { uid?: number; gid?: number } {
  return user.delegated ? { uid: user.uid, gid: user.gid } : {};
}

/**
 * Whether the server's user can enter `dir` (every directory above it included). Asked of the system itself,
 * as that user, so that modes, ACLs and mount options all count.
 */
export function canEnter(user: ServerUser, dir: string): boolean {
  const result = spawnSync('test', ['-d', dir, '-a', '-x', dir], runAs(user));
  return result.status === 0;
}
