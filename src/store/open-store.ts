// Picks the backend for a database location: a file path (or :memory:) is embedded SQLite.
import { ParallaxError } from '../core/errors.js';
import { SqliteStore, type SqliteOptions } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB = './parallax.db';

export async function openStore(location: string, options: SqliteOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new ParallaxError('PX200', `PostgreSQL (${location.replace(/:[^:@/]*@/, ':***@')}) is not supported by this build yet; pass a file path with --db for the embedded SQLite store.`);
  }
  return SqliteStore.open(location, options);
}
