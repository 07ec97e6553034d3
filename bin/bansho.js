#!/usr/bin/env node
// The `bansho` command runs the compiled CLI; `npm install` builds it (the "prepare" script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/server/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('Bansho is not built yet: run `npm run build` first. / Bansho がビルドされていません。先に `npm run build` を実行してください。');
  process.exit(1);
}
await import(entry);
