// Entry point of ingestion: expands inputs, sniffs each file and streams raw articles or failures, one bad file never stopping the rest.
import { constants as fsConstants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { IngestItem } from '../core/raw-article.js';
import { gunzipBounded, isGzip } from './byte-source.js';
import { decodeBytes, decodeHtmlBytes, declaredCharset, type DecodeResult } from './decode-bytes.js';
import { expandInputs, fileKind } from './expand-inputs.js';
import { resolveIngestOptions, type IngestOptions } from './ingest-options.js';
import { readFeed } from './read-feed.js';
import { jsonArray, jsonlLine, readJsonl } from './read-jsonl.js';
import { readWarc } from './read-warc.js';
import { decodeDiagnostics, failure } from './reader-diagnostics.js';
import { sniffFormat, type ReaderFormat } from './sniff-format.js';
import { diagnostic } from '../core/diagnostics.js';

const SNIFF_BYTES = 8 * 1024;
const READ_CHUNK = 1024 * 1024;
const STDIN_NAME = '<stdin>';

function sniffHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  return Buffer.from(head).toString(head[0] === 0xff || head[0] === 0xfe ? 'utf16le' : 'latin1').replace(/\0/g, '');
}

/** A whole decoded document (text, HTML or feed) that fits in memory. */
function readDocument(file: string, bytes: Uint8Array, format: ReaderFormat, truncatedGzip: boolean): IngestItem[] {
  const name = path.basename(file);
  const stage = `ingest.${format}`;
  const declared = format === 'text' ? null : declaredCharset(Buffer.from(bytes.subarray(0, 2048)).toString('latin1'));
  const decoded = format === 'html' ? decodeHtmlBytes(bytes, declared) : decodeBytes(bytes, declared);
  if (!decoded.ok) {
    const fix =
      decoded.rule === 'empty' ? 'remove it or re-export the article' : decoded.rule === 'pdf-content' ? 'convert it to text or HTML first (e.g. pdftotext)' : 'pass text, HTML, feeds, JSONL or WARC files only';
    return [failure({ path: file }, stage, decoded.rule === 'empty' ? 'empty-file' : decoded.rule, `${name}: ${decoded.detail}; ${fix}`)];
  }
  const diagnostics = decodeDiagnostics(name, stage, decoded);
  if (truncatedGzip) diagnostics.push(diagnostic('warning', stage, 'truncated-gzip', `${name}: the gzip data ends early; only the recoverable start was read. Re-download the file`));
  // a page of nothing but scripts is blank once its noise is stripped; only a file blank before that is empty
  const hasText = (d: DecodeResult): boolean => d.ok && d.text.trim() !== '';
  if (!hasText(decoded) && !(format === 'html' && hasText(decodeBytes(bytes, declared)))) {
    return [failure({ path: file }, stage, 'empty-file', `${name}: file has no text (only white space); remove it or re-export the article`)];
  }
  if (format === 'feed') return readFeed(file, decoded.text, decoded.encoding, diagnostics);
  if (format === 'jsonl') {
    if (decoded.text.trimStart().startsWith('[')) return jsonArray(file, decoded.text.trim());
    return decoded.text.split('\n').flatMap((line, i) => {
      const item = jsonlLine(file, i + 1, line.replace(/\r$/, ''));
      return item ? [item] : [];
    });
  }
  const html = format === 'html';
  return [{ ok: true, raw: { source: { path: file }, format: html ? 'html' : 'text', body: decoded.text, ...(html ? { noiseStripped: true } : {}), hints: {}, encoding: decoded.encoding, diagnostics } }];
}

/** O_NONBLOCK: opening a FIFO must not wait for a writer before fstat can refuse it (0 where the platform lacks it). */
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/** Reads at most `max` bytes from the start of an open file; `more` says whether bytes remain past them. */
async function readAtMost(fh: FileHandle, max: number): Promise<{ bytes: Buffer; more: boolean }> {
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(READ_CHUNK, max + 1 - total);
    if (want <= 0) break;
    const buf = Buffer.allocUnsafe(want);
    const { bytesRead } = await fh.read(buf, 0, want, total);
    if (bytesRead === 0) break;
    parts.push(buf.subarray(0, bytesRead));
    total += bytesRead;
  }
  const all = Buffer.concat(parts, total);
  return total > max ? { bytes: all.subarray(0, max), more: true } : { bytes: all, more: false };
}

const tooLarge = (file: string, stage: string, detail: string, cap: number): IngestItem =>
  failure({ path: file }, stage, 'file-too-large', `${path.basename(file)}: ${detail}, over the size cap of ${cap} bytes; raise it with --max-file-bytes or split the file`);

async function* readOneFile(file: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  const name = path.basename(file);
  let fh: FileHandle;
  try {
    fh = await open(file, OPEN_FLAGS);
  } catch (err) {
    yield failure({ path: file }, 'ingest', 'unreadable', `${name}: cannot read (${(err as Error).message}); check the path and permissions`);
    return;
  }
  let bytes: Uint8Array;
  let format: ReaderFormat;
  let gz: boolean;
  try {
    // the opened file itself, not the path: what was checked is what is read
    const st = await fh.stat();
    if (!st.isFile()) {
      yield failure({ path: file }, 'ingest', 'not-a-regular-file', `${file}: ${fileKind(st)}, not a regular file; refused (it could block or never end). Save its content to a file or pipe it to "-"`);
      return;
    }
    const head = (await readAtMost(fh, SNIFF_BYTES)).bytes;
    gz = isGzip(head);
    let sniffBytes: Uint8Array = head;
    if (gz) {
      const un = gunzipBounded(head, SNIFF_BYTES * 64);
      sniffBytes = un.ok ? un.bytes : head;
    }
    format = options.format === 'auto' ? sniffFormat(name, sniffHead(sniffBytes)) : options.format;
    if (format === 'warc' || (format === 'jsonl' && !gz && !sniffHead(sniffBytes).trimStart().startsWith('['))) bytes = new Uint8Array(0);
    else {
      // the cap counts bytes actually read: the size a file system reports can be 0 (/proc) or stale
      const whole = await readAtMost(fh, options.maxFileBytes);
      if (whole.more) {
        yield tooLarge(file, `ingest.${format}`, `more than ${options.maxFileBytes} bytes`, options.maxFileBytes);
        return;
      }
      bytes = whole.bytes;
    }
  } finally {
    await fh.close();
  }
  if (format === 'warc') return yield* readWarc(file, options);
  if (format === 'jsonl' && !bytes.length) return yield* readJsonl(file, options);
  let truncated = false;
  if (gz) {
    const un = gunzipBounded(bytes, options.maxFileBytes);
    if (!un.ok) {
      if (un.reason === 'too-large') yield tooLarge(file, `ingest.${format}`, un.detail, options.maxFileBytes);
      else yield failure({ path: file }, `ingest.${format}`, 'corrupt-gzip', `${name}: ${un.detail}; re-download or re-compress the file`);
      return;
    }
    bytes = un.bytes;
    truncated = un.truncated;
  }
  yield* readDocument(file, bytes, format, truncated);
}

async function* readStdin(options: IngestOptions): AsyncGenerator<IngestItem> {
  const chunks: Buffer[] = [];
  let total = 0;
  const input = options.stdin ?? process.stdin;
  for await (const chunk of input) {
    total += chunk.length;
    if (total > options.maxFileBytes) {
      yield failure({ path: '-' }, 'ingest', 'file-too-large', `${STDIN_NAME}: more than ${options.maxFileBytes} bytes, over the size cap; raise it with --max-file-bytes`);
      return;
    }
    chunks.push(Buffer.from(chunk));
  }
  let bytes: Buffer = Buffer.concat(chunks);
  let truncated = false;
  if (isGzip(bytes)) {
    const un = gunzipBounded(bytes, options.maxFileBytes);
    if (!un.ok) {
      if (un.reason === 'too-large') yield tooLarge('-', 'ingest', un.detail, options.maxFileBytes);
      else yield failure({ path: '-' }, 'ingest', 'corrupt-gzip', `${STDIN_NAME}: ${un.detail}`);
      return;
    }
    bytes = un.bytes;
    truncated = un.truncated;
  }
  const format = options.format === 'auto' ? sniffFormat('', sniffHead(bytes)) : options.format;
  if (format === 'warc') return yield* readWarc('-', options, (async function* () {
    yield bytes;
  })());
  for (const item of readDocument('-', bytes, format, truncated)) yield item;
}

/**
 * Reads files, folders (recursive, dotfiles skipped, sorted), simple globs and `-` (stdin), yielding one item
 * per article or per failure. Formats are sniffed per file unless `options.format` forces one.
 */
export async function* readInputs(paths: readonly string[], options: Partial<IngestOptions> = {}): AsyncGenerator<IngestItem> {
  const opts = resolveIngestOptions(options);
  for await (const input of expandInputs(paths)) {
    if (input.kind === 'missing') {
      yield failure({ path: input.path }, 'ingest', 'not-found', `${input.path}: ${input.reason}; check the path`);
      continue;
    }
    if (input.kind === 'refused') {
      yield failure({ path: input.path }, 'ingest', input.rule, `${input.path}: ${input.reason}`);
      continue;
    }
    try {
      yield* input.kind === 'stdin' ? readStdin(opts) : readOneFile(input.path, opts);
    } catch (err) {
      // an I/O fault on one file must not stop the batch
      const where = input.kind === 'stdin' ? STDIN_NAME : input.path;
      yield failure({ path: input.kind === 'stdin' ? '-' : input.path }, 'ingest', 'read-error', `${where}: read failed (${(err as Error).message}); check the file`);
    }
  }
}
