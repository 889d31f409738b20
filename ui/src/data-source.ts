// Where the UI's data comes from: the `parallax serve` JSON API, or a whole report inlined in the page (the one-file HTML report).
import { filterReportToStory } from '../../src/report/filter-report.js';
import type { Page, Report, SearchHit, StorySummary } from './report-types.js';
import { searchReport, storyMatches, summarizeStories } from './story-summary.js';

export interface DataSource {
  readonly kind: 'http' | 'inline';
  stories(query: string, cursor: string | null): Promise<Page<StorySummary>>;
  story(id: string): Promise<Report | null>;
  search(query: string): Promise<Page<SearchHit>>;
  /** The story an article belongs to, to open `#/articles/ID`. */
  storyOfArticle(articleId: string): Promise<string | null>;
}

export const PAGE_SIZE = 50;

export function inlineSource(report: Report): DataSource {
  const summaries = summarizeStories(report);
  return {
    kind: 'inline',
    async stories(query, cursor) {
      const matching = query.trim() ? summaries.filter((s) => storyMatches(s, query)) : summaries;
      const from = cursor ? Number.parseInt(cursor, 10) || 0 : 0;
      const to = from + PAGE_SIZE;
      return { items: matching.slice(from, to), next: to < matching.length ? String(to) : null };
    },
    async story(id) {
      return filterReportToStory(report, id);
    },
    async search(query) {
      return { items: searchReport(report, query), next: null };
    },
    async storyOfArticle(articleId) {
      return report.stories.find((s) => s.articles.includes(articleId))?.id ?? null;
    },
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { message?: unknown } } | null)?.error;
    const message = typeof error?.message === 'string' ? error.message : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

/** `base` is the API root, e.g. "/" when the UI is served by `parallax serve`. */
export function httpSource(base: string): DataSource {
  const url = (path: string, params: Record<string, string | null> = {}): string => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
    const qs = search.toString();
    return `${base.replace(/\/$/, '')}${path}${qs ? `?${qs}` : ''}`;
  };
  return {
    kind: 'http',
    async stories(query, cursor) {
      const page = (await getJson(url('/stories', { q: query.trim() || null, cursor, limit: String(PAGE_SIZE) }))) as Page<StorySummary> | null;
      return page ?? { items: [], next: null };
    },
    async story(id) {
      return (await getJson(url(`/stories/${encodeURIComponent(id)}`))) as Report | null;
    },
    async search(query) {
      if (!query.trim()) return { items: [], next: null };
      const page = (await getJson(url('/search', { q: query.trim() }))) as Page<SearchHit> | null;
      return page ?? { items: [], next: null };
    },
    async storyOfArticle(articleId) {
      const article = (await getJson(url(`/articles/${encodeURIComponent(articleId)}`))) as { story?: unknown; stories?: unknown } | null;
      if (typeof article?.story === 'string') return article.story;
      if (Array.isArray(article?.stories) && typeof article.stories[0] === 'string') return article.stories[0];
      return null;
    },
  };
}

export const INLINE_DATA_ID = 'parallax-data';

/** The inline report when the page carries one (see src/report/html.ts), else the HTTP API at the page's origin. */
export function pageSource(doc: Document): DataSource {
  const block = doc.getElementById(INLINE_DATA_ID);
  if (block?.textContent) return inlineSource(JSON.parse(block.textContent) as Report);
  return httpSource(new URL('.', doc.baseURI).pathname);
}
