import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../config.js';
import { policyJsonSchema } from './json-schema.js';

describe('docs/policy-package.schema.json', () => {
  it('is the JSON Schema the zod schema generates today (run `npm run policy:schema` after changing it)', () => {
    const committed: unknown = JSON.parse(readFileSync(path.join(projectRoot, 'docs', 'policy-package.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(policyJsonSchema())));
  });
});
