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
  /**
   * True when what the last `stories(query, null)` or `story(id)` answered has changed on the server since (new
   * articles, a re-analysis, a merge). Absent when the data cannot change (a report inlined in the page).
   */
  readonly changed?: (what: Watched) => Promise<boolean>;
}

/** What a page shows and may watch for changes: the first page of the story list, or one story. */
export type Watched = { readonly kind: 'stories'; readonly query: string } | { readonly kind: 'story'; readonly id: string };

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

/** The ETag of the last answer to each URL, to ask the server whether it still holds. */
type Tags = Map<string, string>;

async function getJson(url: string, tags?: Tags): Promise<unknown> {
  // no-cache: the browser may keep the answer, but asks the server (If-None-Match) before using it again
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-cache' });
  if (response.status === 404) return null;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { message?: unknown } } | null)?.error;
    const message = typeof error?.message === 'string' ? error.message : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  const tag = response.headers.get('etag');
  if (tags && tag) tags.set(url, tag);
  return body;
}

/** Asks with the tag of the last answer: 304 means unchanged; a new answer (or a story gone) means changed. */
async function changedSince(url: string, tags: Tags): Promise<boolean> {
  const tag = tags.get(url);
  if (!tag) return false;
  // An author-set If-None-Match bypasses the browser cache, so the 304 itself comes back here.
  const response = await fetch(url, { headers: { accept: 'application/json', 'if-none-match': tag }, cache: 'no-store' });
  if (response.status === 304) return false;
  if (!response.ok && response.status !== 404) return false;
  return response.headers.get('etag') !== tag;
}

/** `base` is the API root, e.g. "/" when the UI is served by `parallax serve`. */
export function httpSource(base: string): DataSource {
  const url = (path: string, params: Record<string, string | null> = {}): string => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
    const qs = search.toString();
    return `${base.replace(/\/$/, '')}${path}${qs ? `?${qs}` : ''}`;
  };
  const tags: Tags = new Map();
  const storiesUrl = (query: string, cursor: string | null): string => url('/stories', { q: query.trim() || null, cursor, limit: String(PAGE_SIZE) });
  const storyUrl = (id: string): string => url(`/stories/${encodeURIComponent(id)}`);
  return {
    kind: 'http',
    async stories(query, cursor) {
      const page = (await getJson(storiesUrl(query, cursor), cursor ? undefined : tags)) as Page<StorySummary> | null;
      return page ?? { items: [], next: null };
    },
    async story(id) {
      return (await getJson(storyUrl(id), tags)) as Report | null;
    },
    changed: (what) => changedSince(what.kind === 'stories' ? storiesUrl(what.query, null) : storyUrl(what.id), tags),
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
