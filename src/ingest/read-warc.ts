// WARC / WARC.gz reader (Common Crawl News): streams records, yields HTML responses, survives corrupt records.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { IngestItem } from '../core/raw-article.js';
import { ChunkReader, gunzipBounded, gunzipSalvaging, isGzip } from './byte-source.js';
import { decodeHtmlBytes, declaredCharset } from './decode-bytes.js';
import type { IngestOptions } from './ingest-options.js';
import { decodeDiagnostics, failure } from './reader-diagnostics.js';

const STAGE = 'ingest.warc';
/** Longest header line read; longer lines are cut (a header this long is corruption, not data). */
const MAX_HEADER_LINE = 16 * 1024;
/** Header lines per record beyond which the record is treated as corrupt. */
const MAX_HEADER_LINES = 200;
/** Where a record starts: a version line at the start of a line. */
const RECORD_START = Buffer.from('\nWARC/1.');
/** Most bytes after a misplaced record start that are held to read again (past it, the reader resyncs forward instead). */
const MAX_RESYNC_TAIL = 64 * 1024 * 1024;

/**
 * Whether the bytes after a record block are what the format puts there: blank lines, then the next record's
 * version line or the end of the file. Anything else means the Content-Length was wrong.
 */
function endsCleanly(next: Buffer): boolean {
  const rest = next.toString('latin1').replace(/^[\r\n]+/, '');
  return rest === '' || rest.startsWith('WARC/') || 'WARC/'.startsWith(rest);
}

interface WarcHeaders {
  readonly fields: Map<string, string>;
  readonly firstLine: string;
}

async function readHeaders(reader: ChunkReader): Promise<WarcHeaders | 'eof' | { corrupt: string }> {
  let first: string | null = null;
  // skip the blank lines that separate records
  for (;;) {
    const l = await reader.readLine(MAX_HEADER_LINE);
    if (!l) return 'eof';
    if (l.line.trim()) {
      first = l.line;
      break;
    }
  }
  if (!first.startsWith('WARC/')) return { corrupt: `expected a "WARC/1.x" version line, found "${first.slice(0, 40)}"` };
  const fields = new Map<string, string>();
  for (let i = 0; i < MAX_HEADER_LINES; i++) {
    const l = await reader.readLine(MAX_HEADER_LINE);
    if (!l) return { corrupt: 'file ends inside a record header' };
    if (!l.line) return { fields, firstLine: first };
    const colon = l.line.indexOf(':');
    if (colon > 0) fields.set(l.line.slice(0, colon).trim().toLowerCase(), l.line.slice(colon + 1).trim());
  }
  return { corrupt: `record header has more than ${MAX_HEADER_LINES} lines` };
}

/** Skips to the next line that starts a record; returns its headers (or eof). */
async function resync(reader: ChunkReader): Promise<WarcHeaders | 'eof'> {
  for (;;) {
    const l = await reader.readLine(MAX_HEADER_LINE);
    if (!l) return 'eof';
    if (!/^WARC\/1\.\d\s*$/.test(l.line)) continue;
    const fields = new Map<string, string>();
    for (let i = 0; i < MAX_HEADER_LINES; i++) {
      const h = await reader.readLine(MAX_HEADER_LINE);
      if (!h) return 'eof';
      if (!h.line) return { fields, firstLine: l.line };
      const colon = h.line.indexOf(':');
      if (colon > 0) fields.set(h.line.slice(0, colon).trim().toLowerCase(), h.line.slice(colon + 1).trim());
    }
  }
}

interface HttpPayload {
  readonly status: number;
  readonly contentType: string;
  readonly contentEncoding: string;
  readonly body: Buffer;
}

function splitHttp(block: Buffer): HttpPayload | null {
  const end = block.indexOf('\r\n\r\n');
  const endLf = end < 0 ? block.indexOf('\n\n') : -1;
  const cut = end >= 0 ? end + 4 : endLf >= 0 ? endLf + 2 : -1;
  if (cut < 0) return null;
  const head = block.subarray(0, cut).toString('latin1').split(/\r?\n/);
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(head[0] ?? '')?.[1] ?? NaN);
  if (!Number.isFinite(status)) return null;
  let contentType = '';
  let contentEncoding = '';
  for (const h of head.slice(1)) {
    const m = /^([^:]+):\s*(.*)$/.exec(h);
    if (!m) continue;
    const k = (m[1] ?? '').toLowerCase();
    if (k === 'content-type') contentType = m[2] ?? '';
    if (k === 'content-encoding') contentEncoding = (m[2] ?? '').toLowerCase();
  }
  return { status, contentType, contentEncoding, body: block.subarray(cut) };
}

/** Reads one WARC (optionally gzip-compressed, multi-member) file as a stream of HTML articles. */
export async function* readWarc(file: string, options: IngestOptions, source: AsyncIterable<Uint8Array> | null = null): AsyncGenerator<IngestItem> {
  const name = path.basename(file);
  const gz = file.endsWith('.gz');
  let stream: AsyncIterable<Uint8Array>;
  if (source) stream = source;
  else {
    const raw = createReadStream(file, { highWaterMark: 64 * 1024 });
    stream = gz ? gunzipSalvaging(raw) : raw;
  }
  const reader = new ChunkReader(stream);
  let n = 0;
  let yielded = 0;
  try {
    let pendingResync = false;
    for (;;) {
      let headers = pendingResync ? await resync(reader) : await readHeaders(reader);
      pendingResync = false;
      if (headers === 'eof') break;
      if ('corrupt' in headers) {
        yield failure({ path: file, record: `record ${n + 1}` }, STAGE, 'corrupt-record', `${name}: record ${n + 1} is corrupt (${headers.corrupt}); skipped to the next record. Re-download the WARC if many records are affected`);
        headers = await resync(reader);
        if (headers === 'eof') break;
      }
      n++;
      const id = headers.fields.get('warc-record-id') ?? '';
      const record = `record ${n}${id ? ` ${id}` : ''}`;
      const length = Number(headers.fields.get('content-length'));
      if (!Number.isFinite(length) || length < 0 || headers.fields.get('content-length') === undefined) {
        yield failure({ path: file, record }, STAGE, 'corrupt-record', `${name}: ${record} has no valid Content-Length; skipped to the next record`);
        pendingResync = true;
        continue;
      }
      const type = headers.fields.get('warc-type') ?? '';
      const isResponse = type === 'response' && /application\/http/i.test(headers.fields.get('content-type') ?? 'application/http');
      const tooBig = length > options.maxRecordBytes;
      const { bytes, got, tail } = await reader.readBlock(length, isResponse && !tooBig, RECORD_START, MAX_RESYNC_TAIL);
      if (got < length || !endsCleanly(await reader.peek(64))) {
        // a wrong Content-Length: a record start inside the block is where the next record really begins
        if (tail) {
          reader.unread(tail);
          yield failure({ path: file, record }, STAGE, 'bad-length', `${name}: ${record} declares Content-Length ${length} but the next record starts inside it; skipped, reading resumes at that record`);
          continue;
        }
        if (got < length && reader.error) break;
        if (got < length) {
          yield failure({ path: file, record }, STAGE, 'truncated-record', `${name}: ${record} is cut off (${got} of ${length} bytes); the file ends early. Re-download the WARC`);
          break;
        }
        yield failure({ path: file, record }, STAGE, 'bad-length', `${name}: ${record} declares Content-Length ${length} but no record boundary follows it; skipped to the next record`);
        pendingResync = true;
        continue;
      }
      if (!isResponse) continue;
      const url = headers.fields.get('warc-target-uri') ?? '';
      const src = url ? { path: file, url, record } : { path: file, record };
      if (tooBig) {
        yield failure(src, STAGE, 'record-too-large', `${name}: ${record} is ${length} bytes, over the record size cap of ${options.maxRecordBytes} bytes; skipped. Raise it with --max-record-bytes to read it`);
        continue;
      }
      const http = bytes ? splitHttp(bytes) : null;
      if (!http) {
        yield failure(src, STAGE, 'bad-http-payload', `${name}: ${record} has no readable HTTP response header; skipped`);
        continue;
      }
      if (http.status < 200 || http.status >= 300 || !/html/i.test(http.contentType)) continue;
      let body = http.body;
      if (http.contentEncoding === 'gzip' && isGzip(body)) {
        const un = gunzipBounded(body, options.maxRecordBytes);
        if (!un.ok) {
          yield failure(src, STAGE, 'bad-content-encoding', `${name}: ${record} payload ${un.detail}; skipped`);
          continue;
        }
        body = un.bytes;
      }
      const decoded = decodeHtmlBytes(body, declaredCharset(http.contentType) ?? declaredCharset(body.subarray(0, 2048).toString('latin1')));
      if (!decoded.ok) {
        yield failure(src, STAGE, decoded.rule, `${name}: ${record}: ${decoded.detail}; skipped`);
        continue;
      }
      yielded++;
      yield {
        ok: true,
        raw: {
          source: src,
          format: 'html',
          body: decoded.text,
          noiseStripped: true,
          hints: url ? { url } : {},
          encoding: decoded.encoding,
          diagnostics: decodeDiagnostics(`${name} ${record}`, STAGE, decoded),
        },
      };
    }
    if (reader.error) throw reader.error;
  } catch (err) {
    yield failure({ path: file }, STAGE, gz ? 'corrupt-gzip' : 'read-error', `${name}: reading stopped after record ${n} (${(err as Error).message}); ${yielded} articles were read. Re-download or re-compress the file`);
  }
  if (n === 0) yield failure({ path: file }, STAGE, 'no-records', `${name}: no WARC records found; check that this is a WARC file`);
}

