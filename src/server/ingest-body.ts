// Ingests bytes that arrived over the network (a request body, a fetched feed) through the CLI's readers, as `ingest -` reads stdin.
import type { Context } from '../core/context.js';
import type { InputFormat } from '../ingest/ingest-options.js';
import { ingestPaths, type IngestSummary } from '../service/ingest-paths.js';
import type { Store } from '../store/store.js';

export interface BodyIngestOptions {
  readonly format: InputFormat;
  /** Largest document read whole. */
  readonly maxBytes: number;
  /** Largest JSONL record, when it must differ from the readers' default. */
  readonly maxRecordBytes?: number;
}

function oneChunk(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      yield bytes;
    },
  };
}

export function ingestBody(deps: { readonly store: Store; readonly ctx: Context }, bytes: Uint8Array, options: BodyIngestOptions): Promise<IngestSummary> {
  const ingestOptions = { stdin: oneChunk(bytes), format: options.format, maxFileBytes: options.maxBytes, ...(options.maxRecordBytes !== undefined ? { maxRecordBytes: options.maxRecordBytes } : {}) };
  return ingestPaths({ store: deps.store, ctx: deps.ctx, ingestOptions }, ['-']);
}

/** The readers name standard input "<stdin>" or "-"; here it is `name` (the request body, a feed URL). */
export function readerMessage(message: string, name: string): string {
  return message.replace(/^(?:<stdin>|-):\s*/, `${name}: `);
}
