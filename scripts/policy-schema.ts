/**
 * Writes docs/policy-package.schema.json: the JSON Schema of a policy package's data (all files merged), from
 * the one zod schema in src/policy/schema.ts. Editors use it to check package files as they are written.
 *
 *   npm run policy:schema
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { policyJsonSchema } from '../src/policy/json-schema.js';

const out = path.resolve(import.meta.dirname, '..', 'docs', 'policy-package.schema.json');
writeFileSync(out, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log(`${out} written`);
