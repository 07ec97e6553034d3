// Writes Bansho's OpenAPI document (what /api/docs/json serves) to the file given (`npm run lint:openapi`). The app
// is built as it is served, on a database handle that never connects: describing the API reads no data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildApp } from '../src/server/app.js';
import { connectDatabase } from '../src/db/connect.js';
import { loadConfig, projectRoot } from '../src/config.js';
import { readPolicyPackage } from '../src/policy/loader.js';
import path from 'node:path';

const database = connectDatabase('postgres://bansho@127.0.0.1:1/unused');
const policy = readPolicyPackage(path.join(projectRoot, 'policies', 'shinjuku')).policy;
const app = await buildApp({ db: database.db, policy: () => policy, config: loadConfig({}) }, { webDir: '/nonexistent' });
const out = path.resolve(process.argv[2] ?? '.tmp/openapi.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await database.close();
