import pg from 'pg';

/** Creates the named database on a server if it is missing; returns the URL that points at it. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const create = `CREATE DATABASE "${name.replaceAll('"', '""')}" ENCODING 'UTF8' TEMPLATE template0`;
      // pg_trgm finds trigrams only in characters the database's LC_CTYPE calls letters: with C, Japanese text
      // gives none and the search indexes cannot narrow a Japanese query. C.UTF-8 classifies all of Unicode while
      // sorting stays bytewise; where the platform lacks that locale, the server's default is used.
      try {
        await client.query(`${create} LC_CTYPE 'C.UTF-8'`);
      } catch {
        await client.query(create);
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
