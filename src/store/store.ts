// The storage interface every backend implements (embedded SQLite now; PostgreSQL behind the same contract).
import type { Article, SourceRef } from '../core/article.js';
import type { IngestFailure } from '../core/raw-article.js';
import type { Report } from '../report/schema.js';

export interface PutResult {
  readonly id: string;
  /** False when an article with the same content hash was already stored. */
  readonly inserted: boolean;
}

export interface SearchHit {
  readonly article: string;
  readonly title: string | null;
  readonly outlet: string | null;
  /** Matching passage with the hit marked by [ and ]. */
  readonly snippet: string;
}

export interface StoredFailure {
  readonly failure: IngestFailure;
  readonly at: string;
}

/** Stage name -> version fingerprint of the per-article stages that produced an article's layers. */
export type StageVersions = Readonly<Record<string, string>>;

/** An analyzed article and the stage versions that produced its layers. */
export interface AnalyzedArticle {
  readonly article: Article;
  readonly stages: StageVersions;
}

/** One row of engine state (the online story index): an opaque JSON value under a key. */
export interface EngineStateRow {
  readonly key: string;
  readonly value: string;
}

/** One page of a list; `cursor` is what the previous page returned as `next`. */
export interface PageRequest {
  readonly cursor?: string | null;
  readonly limit: number;
}

export interface Page<T> {
  readonly items: T[];
  /** Opaque and stable: the position after the last item, or null on the last page. */
  readonly next: string | null;
}

/** The most a backend returns in one page, whatever the caller asks for. */
export const MAX_PAGE = 500;

export interface ArticleHeader {
  readonly id: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly title: string | null;
  readonly source: SourceRef;
}

export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly articles: number;
  readonly outlets: readonly string[];
  readonly independentSources: number;
  readonly claims: number;
  readonly disputed: number;
}

export interface StoredStory {
  readonly summary: StorySummary;
  readonly articleIds: readonly string[];
  /** Story ids this story absorbed when stories merged. */
  readonly absorbed: readonly string[];
  /** The report-v1 subset for this story. */
  readonly report: Report;
}

export interface Store {
  readonly backend: string;
  /** Inserts articles not yet stored (idempotent by content hash), all in one transaction. */
  putArticles(articles: readonly Article[]): Promise<PutResult[]>;
  /** Replaces stored articles' annotations (layers, diagnostics, status) after a pipeline run; forgets their stage versions. */
  updateArticles(articles: readonly Article[]): Promise<void>;
  /** Replaces stored articles' annotations and records the stage versions that produced them, in one transaction. */
  saveAnalyzedArticles(entries: readonly AnalyzedArticle[]): Promise<void>;
  /** The stage versions recorded for these articles; an article never analyzed by the engine is absent. */
  getStageVersions(ids: readonly string[]): Promise<Map<string, StageVersions>>;
  /** Engine state values by key; missing keys are absent. */
  getEngineState(keys: readonly string[]): Promise<Map<string, string>>;
  /** Every engine state row whose key starts with `prefix`, in key order. */
  listEngineState(prefix: string): Promise<EngineStateRow[]>;
  /** Upserts the rows and deletes the keys whose value is null, in one transaction. */
  putEngineState(rows: readonly { readonly key: string; readonly value: string | null }[]): Promise<void>;
  getArticle(id: string): Promise<Article | null>;
  /** All stored articles, or the given ids, in id order. */
  listArticles(ids?: readonly string[]): Promise<Article[]>;
  countArticles(): Promise<number>;
  recordFailures(failures: readonly IngestFailure[], at: string): Promise<void>;
  listFailures(): Promise<StoredFailure[]>;
  saveReport(key: string, report: Report): Promise<void>;
  loadReport(key: string): Promise<Report | null>;
  /** Full-text search over title and text, best match first; the query is plain words, not a query language. */
  search(query: string, page: PageRequest): Promise<Page<SearchHit>>;
  /** Article headers in id order. */
  listArticleHeaders(page: PageRequest): Promise<Page<ArticleHeader>>;
  /** Upserts these stories and deletes the `removed` ids, in one transaction. */
  replaceStories(stories: readonly StoredStory[], removed: readonly string[]): Promise<void>;
  getStory(id: string): Promise<StoredStory | null>;
  /** Story summaries in id order; `q` keeps stories whose title has every word of it. */
  listStories(page: PageRequest & { readonly q?: string }): Promise<Page<StorySummary>>;
  /** The story each of these articles belongs to (articles in no story are absent). */
  storyOfArticles(ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * Runs `fn` as the only analysis of this database (story index, story assignment, story rows): an analysis in
   * another process waits for it, as two online indexes updated at once would number and fill stories over each
   * other. `onWait` is told once who holds it when this one has to wait. `fn` calls `beat` now and then while it
   * runs (cheap), so a holder is told from one that died.
   */
  exclusiveAnalysis<T>(fn: (beat: () => void) => Promise<T>, onWait?: (holder: string) => void): Promise<T>;
  close(): Promise<void>;
}
