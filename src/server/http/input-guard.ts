import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.js';

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
 * Refuses input that no column can hold before any handler sees it, so that odd Unicode is a clear 400 and
 * never a database error halfway through an act.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = findUnstorable(request.body, '') ?? findUnstorable(request.query, '') ?? findUnstorable(request.params, '');
    if (found !== null) {
      const message = { ja: '使用できない文字（NUL や不正な Unicode）が含まれています。', en: 'The input contains characters that cannot be stored (NUL or malformed Unicode).' };
      throw new DomainError('invalid', 'E_UNSTORABLE_TEXT', message, [{ path: found, message }]);
    }
  });
}
