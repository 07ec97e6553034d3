import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canEnter, type ServerUser } from './server-user.js';

/** Where the cluster (and, if needed, a copy of the server's programs) live, and why. */
export interface Placement {
  /** The directory that holds `cluster/` (and `postgresql-<version>/` when the programs had to be copied). */
  baseDir: string;
  /** True when the configured directory could not be reached by the server's user and a system directory is used instead. */
  relocated: boolean;
}

const POINTER = 'cluster-location';

/**
 * Decides where the embedded cluster lives. Normally in `dir` itself. When Bansho runs as root and the server's
 * unprivileged user cannot enter `dir` (a checkout under root's home, below a 0700 directory), the cluster goes
 * to `systemDir/<name>-<hash of dir>`, which that user can reach; `dir` keeps a pointer to it so that a restart,
 * or a checkout moved elsewhere, finds the same cluster. The configured directory's modes are never loosened.
 */
export function placeCluster(dir: string, user: ServerUser, systemDir: string): Placement {
  const pointer = path.join(dir, POINTER);
  if (existsSync(pointer)) return { baseDir: readFileSync(pointer, 'utf8').trim(), relocated: true };
  if (!user.delegated || existsSync(path.join(dir, 'cluster', 'PG_VERSION'))) return { baseDir: dir, relocated: false };
  // Bansho's own files (the password, the lock) stay private to root; the server's user only passes through.
  chmodSync(dir, 0o711);
  if (canEnter(user, dir)) return { baseDir: dir, relocated: false };
  const real = realpathSync(dir);
  const label = path.basename(path.dirname(path.dirname(real))).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 40) || 'bansho';
  const baseDir = path.join(systemDir, `${label}-${createHash('sha256').update(real).digest('hex').slice(0, 12)}`);
  mkdirSync(systemDir, { recursive: true, mode: 0o755 });
  mkdirSync(baseDir, { recursive: true, mode: 0o711 });
  chmodSync(baseDir, 0o711);
  if (!canEnter(user, baseDir)) {
    throw new Error(`The PostgreSQL user ${user.name} cannot enter ${baseDir} either / PostgreSQL のユーザー ${user.name} は ${baseDir} にも入れません`);
  }
  writeFileSync(pointer, `${baseDir}\n`, { mode: 0o600 });
  return { baseDir, relocated: true };
}
