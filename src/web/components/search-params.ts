/**
 * The router parses `?departmentId=12` as a number; ids are strings to the API, so accept both and drop
 * blanks (an emptied filter field should disappear from the URL).
 */
export function searchText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A positive whole number from the URL (page numbers, journal cursors), or nothing. */
export function searchPositiveInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' || typeof value === 'number' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}
