// Named settings of the readers: size caps and format override, with defaults in code.

export type InputFormat = 'auto' | 'text' | 'html' | 'feed' | 'jsonl' | 'warc';

export interface IngestOptions {
  /** Largest file read whole (text, HTML, feeds); larger files get a diagnostic instead of being loaded. */
  readonly maxFileBytes: number;
  /** Largest single record (JSONL line, WARC record body, decompressed page); larger ones are skipped. */
  readonly maxRecordBytes: number;
  /** Force one reader for every input instead of sniffing. */
  readonly format: InputFormat;
  /** Where `-` reads from (tests pass their own stream). */
  readonly stdin: AsyncIterable<Uint8Array> | null;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = {
  maxFileBytes: 32 * 1024 * 1024,
  maxRecordBytes: 8 * 1024 * 1024,
  format: 'auto',
  stdin: null,
};

export function resolveIngestOptions(options: Partial<IngestOptions> = {}): IngestOptions {
  return { ...DEFAULT_INGEST_OPTIONS, ...options };
}

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** "50000000", "64M", "1g", "512k" -> bytes (binary units); null for anything else. */
export function parseByteSize(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(value);
  if (!m) return null;
  const bytes = Math.floor(Number(m[1]) * (SIZE_UNITS[(m[2] ?? '').toLowerCase()] ?? 1));
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}
