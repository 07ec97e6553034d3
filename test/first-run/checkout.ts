import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import { commandLine } from '../../src/server/process-info.js';

/** Who runs the README's commands: root, or an ordinary account with its own home. */
export interface Person {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export function root(): Person {
  return { name: 'root', uid: 0, gid: 0, home: process.env.HOME ?? '/root' };
}

/** An ordinary account (created with a 0700 home when missing), as on any Linux server. */
export function ordinaryUser(name: string): Person {
  if (spawnSync('id', ['-u', name]).status !== 0) {
    const created = spawnSync('useradd', ['--create-home', '--shell', '/bin/bash', name], { encoding: 'utf8' });
    if (created.status !== 0) throw new Error(`useradd ${name}: ${created.stderr}`);
  }
  const id = (flag: string) => Number(spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());
  const home = spawnSync('getent', ['passwd', name], { encoding: 'utf8' }).stdout.split(':')[5] ?? `/home/${name}`;
  return { name, uid: id('-u'), gid: id('-g'), home };
}

/**
 * A fresh copy of this checkout at `dest` (the files git tracks or would track, without node_modules, dist or
 * data), owned by `owner`: what `git clone` gives, including changes not yet committed.
 */
export function copyCheckout(dest: string, owner: Person): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files: ${listed.stderr}`);
  mkdirSync(dest, { recursive: true });
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    try {
      cpSync(path.join(projectRoot, file), path.join(dest, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted but not yet committed
    }
  }
  const chownTree = (dir: string) => {
    chownSync(dir, owner.uid, owner.gid);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) chownTree(path.join(dir, entry.name));
      else chownSync(path.join(dir, entry.name), owner.uid, owner.gid);
    }
  };
  chownTree(dest);
}

/** A shell command run as `person` in `cwd`, with its output gathered; its own process group, like a terminal's job. */
export class Job {
  readonly child: ChildProcess;
  private text = '';
  /** The exit code; a job ended by Ctrl-C counts as 130, as a shell reports it. */
  readonly exited: Promise<number | null>;

  constructor(person: Person, cwd: string, command: string, env: Record<string, string> = {}) {
    const base: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: person.home, USER: person.name, LOGNAME: person.name, LANG: 'C.UTF-8', CI: 'true', NO_COLOR: '1' };
    this.child = spawn('bash', ['-c', command], { cwd, env: { ...base, ...env }, uid: person.uid, gid: person.gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.text += chunk.toString('utf8')));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.text += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve(signal === 'SIGINT' ? 130 : code)));
  }

  output(): string {
    return this.text;
  }

  /** Waits until the output matches `pattern`; fails with the output if the job ends first or time runs out. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    const started = Date.now();
    let ended = false;
    void this.exited.then(() => (ended = true));
    for (;;) {
      const match = pattern.exec(this.text);
      if (match) return match;
      if (ended) throw new Error(`ended before ${pattern}:\n${this.text.slice(-4000)}`);
      if (Date.now() - started > timeoutMs) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${this.text.slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Ctrl-C at the terminal: SIGINT to the whole job; resolves with its exit code. */
  async interrupt(): Promise<number | null> {
    if (this.child.pid) process.kill(-this.child.pid, 'SIGINT');
    return this.exited;
  }
}

/** Processes whose command line mentions `text` (a PostgreSQL left running would show its data directory). */
export function processesMentioning(text: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .map((entry) => `${entry}: ${commandLine(Number(entry))}`)
    .filter((line) => line.slice(line.indexOf(':') + 2).includes(text));
}
