// Use-case: write a whole corpus (articles with their layers, failures, reports) as NDJSON, one record a line.
import type { Article } from '../core/article.js';
import type { Report } from '../report/schema.js';
import type { Store, StoredFailure } from '../store/store.js';
import { LATEST } from './analyze.js';

/** The first line of every export; `import` refuses files without it. */
export const CORPUS_FORMAT = 'parallax.corpus/1';

export type CorpusRecord =
  | { readonly kind: 'header'; readonly format: typeof CORPUS_FORMAT; readonly backend: string }
  | { readonly kind: 'article'; readonly article: Article }
  | { readonly kind: 'failure'; readonly failure: StoredFailure }
  | { readonly kind: 'report'; readonly key: string; readonly report: Report };

export interface ExportSummary {
  readonly articles: number;
  readonly failures: number;
  readonly reports: number;
}

/** Report keys the services write (the Store lists no keys, so the export names the ones that exist). */
export const REPORT_KEYS: readonly string[] = [LATEST];

/**
 * Writes every record in a fixed order (header, articles by id, failures as recorded, reports by key), so two
 * stores holding the same corpus export byte-identical files whatever their backend.
 */
export async function exportCorpus(store: Store, write: (line: string) => Promise<void> | void): Promise<ExportSummary> {
  const emit = async (record: CorpusRecord): Promise<void> => write(`${JSON.stringify(record)}\n`);
  await emit({ kind: 'header', format: CORPUS_FORMAT, backend: store.backend });
  const articles = await store.listArticles();
  for (const article of articles) await emit({ kind: 'article', article });
  const failures = await store.listFailures();
  for (const failure of failures) await emit({ kind: 'failure', failure });
  let reports = 0;
  for (const key of [...REPORT_KEYS].sort(byCodeUnit)) {
    const report = await store.loadReport(key);
    if (!report) continue;
    await emit({ kind: 'report', key, report });
    reports++;
  }
  return { articles: articles.length, failures: failures.length, reports };
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
