// Public surface of storage.
export { DEFAULT_DB, openStore } from './open-store.js';
export type { PutResult, SearchHit, Store, StoredFailure } from './store.js';
