// Picks the backend for a database location: postgres:// URLs are PostgreSQL, a file path (or :memory:) is embedded SQLite.
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore, type SqliteOptions } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB = './parallax.db';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** `options` tune the embedded SQLite store (busy timeout); PostgreSQL waits on its own locks. */
export async function openStore(location: string, options: SqliteOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) return PostgresStore.open(location);
  return SqliteStore.open(location, options);
}
