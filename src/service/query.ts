// Use-cases that only read: search and story listings.
import type { SearchHit, Store } from '../store/store.js';
import type { AnalyzeDeps } from './analyze.js';
import { storedReport } from './analyze.js';

export async function searchArticles(store: Store, query: string, limit = 20): Promise<SearchHit[]> {
  return store.search(query, limit);
}

export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly articles: number;
  readonly outlets: readonly string[];
  readonly claims: number;
  readonly disputed: number;
}

export async function listStories(deps: AnalyzeDeps): Promise<StorySummary[]> {
  const report = await storedReport(deps);
  if (!report) return [];
  const outletOf = new Map(report.articles.map((a) => [a.id, a.outlet ?? a.source.path ?? a.id]));
  return report.stories.map((s) => {
    const claims = report.claims.filter((c) => c.story === s.id);
    return {
      id: s.id,
      title: s.title,
      articles: s.articles.length,
      outlets: [...new Set(s.articles.map((a) => outletOf.get(a) ?? a))].sort(),
      claims: claims.length,
      disputed: claims.filter((c) => c.status === 'disputed').length,
    };
  });
}
