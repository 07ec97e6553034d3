#!/usr/bin/env node
// `npm run demo`, `npm start` and `npm test` build only when the sources changed since the last build
// (`npm install` has just built them). The build's inputs are hashed; `npm run build` records the hash in
// dist/.build-inputs after a successful build (`--record`), and this script compares it (no arguments),
// running `npm run build` when they differ.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'dist', '.build-inputs');
const inputs = ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts'];

/**
 * @param {string} entry
 * @returns {Generator<string>}
 */
function* files(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const child of readdirSync(full).sort()) yield* files(path.join(entry, child));
  } else {
    yield entry;
  }
}

function inputHash() {
  const hash = createHash('sha256');
  for (const entry of inputs) {
    for (const file of files(entry)) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

if (process.argv[2] === '--record') {
  writeFileSync(stampFile, `${inputHash()}\n`);
} else {
  const recorded = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (recorded !== inputHash()) {
    console.log('Sources changed since the last build: building / ソースが変わったためビルドします');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    process.exit(build.status ?? 1);
  }
}
