// JSONL / NDJSON reader: one article per line with `text` or `html`, streamed so file size never matters.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { IngestItem, RawHints } from '../core/raw-article.js';
import { ChunkReader, gunzipSalvaging } from './byte-source.js';
import type { IngestOptions } from './ingest-options.js';
import { failure } from './reader-diagnostics.js';
import type { Json } from './provenanced.js';

const STAGE = 'ingest.jsonl';


function field(o: { [k: string]: Json }, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number' && k === 'published') return String(v);
  }
  return null;
}

/** One JSONL line to an ingest item (or null for blank lines). */
export function jsonlLine(file: string, lineNo: number, line: string): IngestItem | null {
  if (!line.trim()) return null;
  const name = path.basename(file);
  const record = `line ${lineNo}`;
  let value: Json;
  try {
    value = JSON.parse(line) as Json;
  } catch (err) {
    return failure({ path: file, record }, STAGE, 'bad-json', `${name}: ${record} is not valid JSON (${(err as Error).message}); fix or delete that line`);
  }
  return jsonRecord(file, record, value);
}

/** A JSON array of article objects (a common export shape): one item per element. */
export function jsonArray(file: string, text: string): IngestItem[] {
  const name = path.basename(file);
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (err) {
    return [failure({ path: file }, STAGE, 'bad-json', `${name}: not valid JSON (${(err as Error).message}); fix the file or export one object per line (JSONL)`)];
  }
  if (!Array.isArray(value)) return [failure({ path: file }, STAGE, 'not-an-array', `${name}: expected a JSON array of articles or one object per line`)];
  if (!value.length) return [failure({ path: file }, STAGE, 'empty-file', `${name}: the JSON array is empty; nothing to read`)];
  return value.map((v, i) => jsonRecord(file, `element ${i + 1}`, v));
}

function jsonRecord(file: string, record: string, value: Json): IngestItem {
  const name = path.basename(file);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure({ path: file, record }, STAGE, 'not-an-object', `${name}: ${record} is not a JSON object; each line must be {"text": ...} or {"html": ...}`);
  }
  const url = field(value, 'url', 'link');
  const source = url ? { path: file, url, record } : { path: file, record };
  const html = field(value, 'html', 'content_html');
  const text = field(value, 'text', 'body', 'content');
  if (!html && !text) return failure(source, STAGE, 'no-body', `${name}: ${record} has neither "text" nor "html"; add one of them`);
  const hints: Record<string, string> = {};
  const put = (k: keyof RawHints, v: string | null): void => void (v && (hints[k] = v.trim()));
  put('title', field(value, 'title', 'headline'));
  put('outlet', field(value, 'outlet', 'source', 'site', 'publisher'));
  put('published', field(value, 'published', 'date', 'published_at', 'datePublished'));
  put('byline', field(value, 'byline', 'author'));
  put('url', url);
  return {
    ok: true,
    raw: { source, format: html ? 'html' : 'text', body: html ?? text ?? '', hints, encoding: 'utf-8', diagnostics: [] },
  };
}

/** Streams a JSONL file line by line; lines over maxRecordBytes are reported and skipped. */
export async function* readJsonl(file: string, options: IngestOptions, source: AsyncIterable<Uint8Array> | null = null): AsyncGenerator<IngestItem> {
  const name = path.basename(file);
  let stream = source;
  if (!stream) {
    const raw = createReadStream(file, { highWaterMark: 64 * 1024 });
    stream = file.endsWith('.gz') ? gunzipSalvaging(raw) : raw;
  }
  const reader = new ChunkReader(stream);
  let lineNo = 0;
  let yielded = 0;
  try {
    for (;;) {
      const l = await reader.readLine(options.maxRecordBytes + 1);
      if (!l) break;
      lineNo++;
      if (l.cut) {
        yield failure({ path: file, record: `line ${lineNo}` }, STAGE, 'record-too-large', `${name}: line ${lineNo} is over the record size cap of ${options.maxRecordBytes} bytes; skipped. Raise it with --max-record-bytes to read it`);
        continue;
      }
      const item = jsonlLine(file, lineNo, lineNo === 1 ? l.line.replace(/^\uFEFF/, '') : l.line);
      if (item) {
        yielded++;
        yield item;
      }
    }
    if (reader.error) throw reader.error;
    if (yielded === 0) yield failure({ path: file }, STAGE, 'empty-file', `${name}: no JSON lines found (${reader.offset} bytes); remove the file or add one {"text": ...} object per line`);
  } catch (err) {
    yield failure({ path: file }, STAGE, 'read-error', `${name}: reading stopped at line ${lineNo} (${(err as Error).message}); check or re-compress the file`);
  }
}
