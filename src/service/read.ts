// Read-only use-cases over stored rows (story list, one story, articles, search): they never run the pipeline or write.
import type { Article } from '../core/article.js';
import { filterReportToStory } from '../report/filter-report.js';
import type { Report } from '../report/schema.js';
import type { ArticleHeader, Page, PageRequest, SearchHit, Store, StoredStory, StorySummary } from '../store/store.js';

export async function storyPage(store: Store, req: PageRequest & { readonly q?: string }): Promise<Page<StorySummary>> {
  return store.listStories(req);
}

/** The report-v1 subset of one story as last analyzed, or null when there is no such story. */
export async function storyReport(store: Store, id: string): Promise<Report | null> {
  return (await store.getStory(id))?.report ?? null;
}

export async function articlePage(store: Store, req: PageRequest): Promise<Page<ArticleHeader>> {
  return store.listArticleHeaders(req);
}

/** One stored article with its layers, and the story it belongs to. */
export async function articleView(store: Store, id: string): Promise<{ readonly article: Article; readonly story: string | null } | null> {
  const article = await store.getArticle(id);
  if (!article) return null;
  return { article, story: (await store.storyOfArticles([id])).get(id) ?? null };
}

/** Every stored story id, read page by page. */
export async function allStoryIds(store: Store): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<StorySummary> = await store.listStories({ cursor, limit: 500 });
    ids.push(...page.items.map((s) => s.id));
    cursor = page.next;
  } while (cursor);
  return ids;
}

export async function searchPage(store: Store, query: string, req: PageRequest): Promise<Page<SearchHit>> {
  return store.search(query, req);
}

/** Story rows for every story of a report: its summary, members and report subset. */
export function storyRows(report: Report): StoredStory[] {
  return report.stories.flatMap((story) => {
    const subset = filterReportToStory(report, story.id);
    return subset ? [{ summary: summarizeStory(subset, story.id), articleIds: [...story.articles].sort(), absorbed: [], report: subset }] : [];
  });
}

/** The list entry of one story: dates, outlets, independent sources (near-copies count once) and claim counts. */
export function summarizeStory(subset: Report, id: string): StorySummary {
  const story = subset.stories.find((s) => s.id === id);
  const dates = subset.articles.map((a) => a.published).filter((d): d is string => d !== null).sort();
  const outletOf = (a: Report['articles'][number]): string => a.outlet ?? a.source.path ?? a.source.url ?? a.id;
  const independent = new Set(subset.articles.filter((a) => a.duplicateOf === null).map(outletOf));
  return {
    id,
    title: story?.title ?? id,
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
    articles: subset.articles.length,
    outlets: [...new Set(subset.articles.map(outletOf))].sort(),
    independentSources: independent.size,
    claims: subset.claims.length,
    disputed: subset.claims.filter((c) => c.status === 'disputed').length,
  };
}
