// Checks and patterns for text that reaches SQL: an id that is not a uuid would make PostgreSQL fail the query
// instead of finding nothing, and a search for "50%" means the text "50%", not a wildcard.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Is this text a uuid (so it may be compared with a uuid column)? */
export const isUuid = (text: string): boolean => uuidPattern.test(text);

/** A LIKE pattern matching the text anywhere, its wildcards escaped. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
