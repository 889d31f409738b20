// Public surface of storage.
export { DEFAULT_DB, openStore } from './open-store.js';
export { MAX_PAGE } from './store.js';
export type { ArticleHeader, Page, PageRequest, PutResult, SearchHit, Store, StoredFailure, StoredStory, StorySummary } from './store.js';
