// Use-cases for the terminal: search, and the story list (analyzing first when the stored analysis is stale).
import type { SearchHit, Store, StorySummary } from '../store/store.js';
import type { AnalyzeDeps } from './analyze.js';
import { storedReport } from './analyze.js';
import { storyPage } from './read.js';

export async function searchArticles(store: Store, query: string, limit = 20): Promise<SearchHit[]> {
  return (await store.search(query, { limit })).items;
}

/** Every story with its counts, from the stored rows, once the stored analysis covers every article. */
export async function listStories(deps: AnalyzeDeps): Promise<StorySummary[]> {
  if (!(await storedReport(deps))) return [];
  const out: StorySummary[] = [];
  let cursor: string | null = null;
  do {
    const page = await storyPage(deps.store, { cursor, limit: 500 });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}
