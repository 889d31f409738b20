// The storage interface every backend implements (embedded SQLite now; PostgreSQL behind the same contract).
import type { Article } from '../core/article.js';
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

export interface Store {
  readonly backend: string;
  /** Inserts articles not yet stored (idempotent by content hash), all in one transaction. */
  putArticles(articles: readonly Article[]): Promise<PutResult[]>;
  /** Replaces stored articles' annotations (layers, diagnostics, status) after a pipeline run. */
  updateArticles(articles: readonly Article[]): Promise<void>;
  getArticle(id: string): Promise<Article | null>;
  /** All stored articles, or the given ids, in id order. */
  listArticles(ids?: readonly string[]): Promise<Article[]>;
  countArticles(): Promise<number>;
  recordFailures(failures: readonly IngestFailure[], at: string): Promise<void>;
  listFailures(): Promise<StoredFailure[]>;
  saveReport(key: string, report: Report): Promise<void>;
  loadReport(key: string): Promise<Report | null>;
  /** Full-text search over title and text; the query is plain words, not a query language. */
  search(query: string, limit: number): Promise<SearchHit[]>;
  close(): Promise<void>;
}
