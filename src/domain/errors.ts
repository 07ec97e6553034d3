/** A message in both languages Bansho speaks. */
export interface Bilingual {
  ja: string;
  en: string;
}

export interface FieldProblem {
  path: string;
  message: Bilingual;
}

/**
 * What a use case throws when a rule refuses the act. The stable code reaches the client; one HTTP module
 * maps the kind to a status. Domain code never speaks HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: 'malformed' | 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'unauthenticated' | 'rate_limited' | 'precondition',
    readonly code: string,
    readonly bilingual: Bilingual,
    readonly fields: FieldProblem[] = [],
  ) {
    super(`${code}: ${bilingual.en}`);
    this.name = 'DomainError';
  }
}

/** The resource does not exist, or the actor may not know that it does: both answer the same. */
export function notFound(what: Bilingual = { ja: '対象', en: 'The record' }): DomainError {
  return new DomainError('not_found', 'E_NOT_FOUND', {
    ja: `${what.ja}が見つかりません。`,
    en: `${what.en} was not found.`,
  });
}

export function forbidden(): DomainError {
  return new DomainError('forbidden', 'E_FORBIDDEN', {
    ja: 'この操作を行う権限がありません。',
    en: 'You are not allowed to do this.',
  });
}
