import { readFileSync } from 'node:fs';

/** What Linux tells of a process in /proc/<pid>/stat: enough to tell a live process from a dead or reused pid. */
export interface ProcessInfo {
  pid: number;
  /** R, S, D, … ; Z for a process that has exited but was not reaped. */
  state: string;
  ppid: number;
  /** Clock ticks after boot at which the process started: a reused pid has another. */
  startTime: string;
}

/** The process `pid` as Linux sees it, or null when there is none. */
export function processInfo(pid: number): ProcessInfo | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pid, state: fields[0] ?? '', ppid: Number(fields[1]), startTime: fields[19] ?? '' };
}

/** A process that runs (an exited, unreaped one does not). */
export function isRunning(pid: number): boolean {
  const info = processInfo(pid);
  return info !== null && info.state !== 'Z' && info.state !== 'X';
}

/** The command line of a process, its arguments joined by spaces ('' when it is gone). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** This boot of the machine: a pid from before a reboot means nothing now. */
export function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}
