// Use-case: read inputs, clean them into articles and store them; bad inputs are reported, never fatal.
import type { Article } from '../core/article.js';
import type { Context } from '../core/context.js';
import { diagnostic } from '../core/diagnostics.js';
import type { IngestFailure, RawArticle } from '../core/raw-article.js';
import { readInputs, toArticle, type IngestOptions } from '../ingest/index.js';
import type { Store } from '../store/store.js';

export { DEFAULT_INGEST_OPTIONS, parseByteSize } from '../ingest/index.js';
import { noProgress, type Progress } from './progress.js';

export interface IngestSummary {
  /** Every article read from the inputs (new or already stored), in input order. */
  readonly articles: readonly Article[];
  readonly inserted: number;
  readonly alreadyStored: number;
  /** Inputs that produced no article: unreadable, empty, binary, ... */
  readonly failures: readonly IngestFailure[];
}

export interface IngestDeps {
  readonly store: Store;
  readonly ctx: Context;
  readonly progress?: Progress;
  readonly ingestOptions?: Partial<IngestOptions>;
}

/** Articles are stored in small batches, so a crash later in the batch loses nothing already stored. */
const BATCH = 64;

/** Cleaning one hostile input must never cost the batch: a throw (a bug, or a stack exhausted) becomes its failure. */
function cleanOrFailure(raw: RawArticle): Article | { readonly failure: IngestFailure } {
  try {
    return toArticle(raw);
  } catch (err) {
    const where = raw.source.record ? `${raw.source.path ?? '-'} ${raw.source.record}` : raw.source.path ?? raw.source.url ?? '-';
    return { failure: { source: raw.source, diagnostics: [diagnostic('error', 'ingest.clean', 'clean-failed', `${where}: could not be cleaned (${(err as Error).message}); skipped, the rest of the batch goes on`)] } };
  }
}

export async function ingestPaths(deps: IngestDeps, paths: readonly string[]): Promise<IngestSummary> {
  const progress = deps.progress ?? noProgress;
  const articles: Article[] = [];
  const failures: IngestFailure[] = [];
  let inserted = 0;
  let alreadyStored = 0;
  let pending: Article[] = [];
  const flush = async (): Promise<void> => {
    if (!pending.length) return;
    const results = await deps.store.putArticles(pending);
    for (const r of results) r.inserted ? inserted++ : alreadyStored++;
    pending = [];
  };
  progress.start('reading', 0);
  for await (const item of readInputs(paths, deps.ingestOptions)) {
    if (!item.ok) {
      failures.push(item.failure);
      continue;
    }
    const article = cleanOrFailure(item.raw);
    if ('failure' in article) {
      failures.push(article.failure);
      continue;
    }
    if (article.status === 'failed') {
      failures.push({ source: article.source, diagnostics: article.diagnostics });
      continue;
    }
    articles.push(article);
    pending.push(article);
    if (pending.length >= BATCH) await flush();
    progress.update(articles.length + failures.length);
  }
  await flush();
  if (failures.length) await deps.store.recordFailures(failures, deps.ctx.now().toISOString());
  progress.stop();
  return { articles, inserted, alreadyStored, failures };
}
