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
