// Ingests bytes that arrived over the network (a request body, a fetched feed) through the CLI's readers, as `ingest -` reads stdin.
import type { Article } from '../core/article.js';
import type { Context } from '../core/context.js';
import { diagnostic } from '../core/diagnostics.js';
import type { InputFormat } from '../ingest/ingest-options.js';
import { hostOf } from '../ingest/outlet-name.js';
import { ingestPaths, type IngestSummary } from '../service/ingest-paths.js';
import type { Store } from '../store/store.js';

export interface BodyIngestOptions {
  readonly format: InputFormat;
  /** Largest document read whole. */
  readonly maxBytes: number;
  /** Largest JSONL record, when it must differ from the readers' default. */
  readonly maxRecordBytes?: number;
  /** Guess an outlet for articles that name none (see withPostedOutlet): set for a posted body. */
  readonly guessOutlet?: boolean;
}

/** The outlet guessed for a posted article that names none and has no URL: a body has no file whose stem could name it. */
export const POSTED_OUTLET = 'posted';

function oneChunk(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      yield bytes;
    },
  };
}

/**
 * A posted article with no outlet gets the guess ingest makes for a file: the host of its URL, else (where ingest
 * would take the file's stem) "posted"; it is marked guessed, with the same info diagnostic, so lists never show none.
 */
export function withPostedOutlet(article: Article): Article {
  if (article.meta.outlet !== null) return article;
  const host = hostOf(article.meta.url);
  const [outlet, from] = host ? [host, 'host'] : [POSTED_OUTLET, 'posted-body'];
  const note = diagnostic('info', 'ingest.clean', 'outlet-guessed', `request body: no outlet named in the input; using "${outlet}" (${from}) as a guess. Pass ?outlet= (or an "outlet" field per record) to replace it`);
  return {
    ...article,
    meta: { ...article.meta, outlet, outletGuessed: true, provenance: { ...article.meta.provenance, outlet: from } },
    diagnostics: [...article.diagnostics, note],
  };
}

/** The store as a posted body's ingest sees it: every article is stored with its outlet guessed when it names none. */
function guessingOutlets(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'putArticles') return (articles: readonly Article[]) => target.putArticles(articles.map(withPostedOutlet));
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export async function ingestBody(deps: { readonly store: Store; readonly ctx: Context }, bytes: Uint8Array, options: BodyIngestOptions): Promise<IngestSummary> {
  const ingestOptions = { stdin: oneChunk(bytes), format: options.format, maxFileBytes: options.maxBytes, ...(options.maxRecordBytes !== undefined ? { maxRecordBytes: options.maxRecordBytes } : {}) };
  if (!options.guessOutlet) return ingestPaths({ store: deps.store, ctx: deps.ctx, ingestOptions }, ['-']);
  const summary = await ingestPaths({ store: guessingOutlets(deps.store), ctx: deps.ctx, ingestOptions }, ['-']);
  return { ...summary, articles: summary.articles.map(withPostedOutlet) };
}

/** The readers name standard input "<stdin>" or "-" (also as "<stdin> line 3"); here it is `name` (the request body, a feed URL). */
export function readerMessage(message: string, name: string): string {
  return message.replace(/^(?:<stdin>|-):\s*/, `${name}: `).replace(/^(?:<stdin>|-)(?= line \d)/, name);
}
