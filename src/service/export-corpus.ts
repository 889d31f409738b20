// Use-case: write a whole corpus (articles with their layers and stage versions, failures, reports, story rows, engine state) as NDJSON, one record a line.
import type { Article } from '../core/article.js';
import type { Report } from '../report/schema.js';
import type { StageVersions, Store, StoredFailure, StoredStory } from '../store/store.js';
import { LATEST } from './analyze.js';

/** The first line of every export; `import` refuses files without it. */
export const CORPUS_FORMAT = 'parallax.corpus/2';
/** Formats `import` reads: version 1 had no stage versions and no engine state. */
export const CORPUS_FORMATS: readonly string[] = ['parallax.corpus/1', CORPUS_FORMAT];

export type CorpusRecord =
  | { readonly kind: 'header'; readonly format: typeof CORPUS_FORMAT; readonly backend: string }
  /** `stages`: the per-article stage versions that produced the layers (absent when the engine never analyzed it). */
  | { readonly kind: 'article'; readonly article: Article; readonly stages?: StageVersions }
  | { readonly kind: 'failure'; readonly failure: StoredFailure }
  | { readonly kind: 'report'; readonly key: string; readonly report: Report }
  | { readonly kind: 'story'; readonly story: StoredStory }
  /** One row of engine state (the online story index), so an imported corpus's next articles join its stories. */
  | { readonly kind: 'engine'; readonly key: string; readonly value: string };

export interface ExportSummary {
  readonly articles: number;
  readonly failures: number;
  readonly reports: number;
  readonly stories: number;
  readonly engineRows: number;
}

/** Report keys the services write (the Store lists no keys, so the export names the ones that exist). */
/** Articles and stories are read a page at a time, so memory is bounded by a page, not the corpus. */
const PAGE = 256;

export const REPORT_KEYS: readonly string[] = [LATEST];

/**
 * Writes every record in a fixed order (header, articles by id, failures as recorded, reports by key, stories by id,
 * engine state by key), so two
 * stores holding the same corpus export byte-identical files whatever their backend.
 */
export async function exportCorpus(store: Store, write: (line: string) => Promise<void> | void): Promise<ExportSummary> {
  const emit = async (record: CorpusRecord): Promise<void> => write(`${JSON.stringify(record)}\n`);
  await emit({ kind: 'header', format: CORPUS_FORMAT, backend: store.backend });
  let articles = 0;
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = await store.listArticleHeaders({ cursor, limit: PAGE });
    const ids = page.items.map((h) => h.id);
    const versions = await store.getStageVersions(ids);
    for (const article of await store.listArticles(ids)) {
      const stages = versions.get(article.id);
      await emit(stages ? { kind: 'article', article, stages } : { kind: 'article', article });
    }
    articles += page.items.length;
    cursor = page.next;
  }
  const failures = await store.listFailures();
  for (const failure of failures) await emit({ kind: 'failure', failure });
  let reports = 0;
  for (const key of [...REPORT_KEYS].sort(byCodeUnit)) {
    const report = await store.loadReport(key);
    if (!report) continue;
    await emit({ kind: 'report', key, report });
    reports++;
  }
  let stories = 0;
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = await store.listStories({ cursor, limit: PAGE });
    for (const summary of page.items) {
      const story = await store.getStory(summary.id);
      if (!story) continue;
      await emit({ kind: 'story', story });
      stories++;
    }
    cursor = page.next;
  }
  // Engine state rows are small (stories' centroids and document-frequency shards) and come back in key order.
  const engine = await store.listEngineState('');
  for (const row of engine) await emit({ kind: 'engine', key: row.key, value: row.value });
  return { stories, articles, failures: failures.length, reports, engineRows: engine.length };
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
