/** True when PostgreSQL refused a row for breaking the named unique index or constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const pgError = error as { code?: unknown; constraint?: unknown };
  return pgError.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}
