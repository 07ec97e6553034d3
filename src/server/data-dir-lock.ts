import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StartProblem } from './start-problem.js';
import { bootId, commandLine, isRunning, processInfo } from './process-info.js';

interface Holder {
  pid: number;
  startTime: string;
  bootId: string;
}

function readHolder(file: string): Holder | null {
  try {
    const [pid = '', startTime = '', boot = ''] = readFileSync(file, 'utf8').trim().split(/\s+/);
    return { pid: Number(pid), startTime, bootId: boot };
  } catch {
    return null;
  }
}

/**
 * Whether the process that wrote the lock still runs: the same pid, started at the same moment of the same
 * boot, and not merely an unreaped corpse. A lock without a start time (an older Bansho's, or one written by
 * hand) counts only while its pid runs Bansho.
 */
function holds(holder: Holder): boolean {
  if (!isRunning(holder.pid) || holder.pid === process.pid) return false;
  if (!holder.startTime) return /bansho|main\.(js|ts)/.test(commandLine(holder.pid));
  return holder.startTime === processInfo(holder.pid)?.startTime && holder.bootId === bootId();
}

/**
 * One Bansho per data directory: a second one refuses to start with a clear message. The lock names the
 * holder's pid with its start time, so that a lock left by a process that no longer runs (kill -9, power loss,
 * a reused pid) is taken over at once. Behind it, the embedded server's owner connection refuses a second
 * Bansho even when this file was deleted (embedded-postgres/orphan.ts).
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'bansho.pid');
  const me = `${process.pid} ${processInfo(process.pid)?.startTime ?? ''} ${bootId()}\n`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(file, me, { flag: 'wx', mode: 0o644 });
      return () => {
        // Only our own lock is removed: another Bansho may hold the directory by now if this file was deleted.
        if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holds(holder)) {
        throw new StartProblem(
          'data-dir-in-use',
          `Another Bansho (pid ${holder.pid}) is already using ${dataDir}. Stop it first, or choose another BANSHO_DATA_DIR.`,
          `別の Bansho（pid ${holder.pid}）が ${dataDir} を使用中です。先に停止するか、別の BANSHO_DATA_DIR を指定してください。`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir} / ${dataDir} をロックできませんでした`);
}
