import type { FastifyInstance } from 'fastify';
import { kernelErrors } from '../../domain/kernel-errors.js';

/** The deepest nesting any request body, query or parameter may have; Bansho's own shapes need fewer than ten. */
export const MAX_INPUT_DEPTH = 32;

/** Whether arrays and objects nest deeper than `limit` (walked with a stack of its own, so any depth is safe to ask). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [current, depth] = item;
    if (!current || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const inner of Object.values(current)) if (inner && typeof inner === 'object') pending.push([inner, depth + 1]);
  }
  return false;
}

/** Strings PostgreSQL cannot store (NUL) or that are not well-formed Unicode (lone surrogates). */
function findUnstorable(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed() ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnstorable(value[i], `${path}.${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findUnstorable(key, path) ?? findUnstorable(inner, path ? `${path}.${key}` : key);
      // '' (the body itself) is a finding too: a bad key at the top level reports the root path.
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Text in Unicode normal form C: a voiced mark typed as a separate character (か + ゛, as some input methods
 * send it) becomes the one character a search and the kana rule expect.
 */
function toNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(toNfc);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toNfc(inner)]));
  return value;
}

/**
 * Refuses input that no column can hold before any handler sees it, so that odd Unicode is a clear 400 and
 * never a database error halfway through an act; then brings the rest to NFC.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // The walks below recurse: input nested deeper than any of Bansho's shapes is refused first.
    if ([request.body, request.query, request.params].some((value) => nestsDeeperThan(value, MAX_INPUT_DEPTH))) {
      throw kernelErrors.E_INPUT_TOO_DEEP.error({ max: MAX_INPUT_DEPTH });
    }
    const found = findUnstorable(request.body, '') ?? findUnstorable(request.query, '') ?? findUnstorable(request.params, '');
    if (found !== null) {
      throw kernelErrors.E_UNSTORABLE_TEXT.error({ field: found });
    }
    request.body = toNfc(request.body);
    request.query = toNfc(request.query);
  });
}
