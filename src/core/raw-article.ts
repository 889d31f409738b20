// What a reader yields: one undecoded-free item of input before cleaning, or a failure naming the file.
import type { Diagnostic } from './diagnostics.js';
import type { SourceRef } from './article.js';

export type RawFormat = 'text' | 'html';

/** Metadata a container already knows (feed item, JSONL fields, WARC headers). */
export interface RawHints {
  readonly title?: string;
  readonly outlet?: string;
  readonly published?: string;
  readonly byline?: string;
  readonly url?: string;
}

export interface RawArticle {
  readonly source: SourceRef;
  /** Whether `body` is markup to extract from or plain text. */
  readonly format: RawFormat;
  /** Decoded body (always a JS string; decoding happened in the reader). */
  readonly body: string;
  /** HTML whose page noise (scripts, styles, media, simple nav bars) the reader already dropped while decoding. */
  readonly noiseStripped?: boolean;
  readonly hints: RawHints;
  readonly encoding: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

export interface IngestFailure {
  readonly source: SourceRef;
  readonly diagnostics: readonly Diagnostic[];
}

export type IngestItem = { readonly ok: true; readonly raw: RawArticle } | { readonly ok: false; readonly failure: IngestFailure };
