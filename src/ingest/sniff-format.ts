// Decides which reader a file needs, from its extension and its first bytes (content wins on strong signals).
import type { InputFormat } from './ingest-options.js';

export type ReaderFormat = Exclude<InputFormat, 'auto'>;

function extensionFormat(name: string): ReaderFormat | null {
  const n = name.toLowerCase().replace(/\.gz$/, '');
  if (/\.warc$|\.arc$/.test(n)) return 'warc';
  if (/\.(?:jsonl|ndjson)$/.test(n)) return 'jsonl';
  if (/\.json$/.test(n) && !/(?:^|[/.])feed\.json$/.test(n)) return null;
  if (/\.(?:html?|xhtml|shtml|php|aspx?)$/.test(n)) return 'html';
  if (/\.(?:rss|atom|xml|rdf)$/.test(n) || /(?:^|[/.])feed\.json$/.test(n)) return 'feed';
  if (/\.(?:txt|text|md)$/.test(n)) return 'text';
  return null;
}

/** `head` is the first few KB of the (decompressed) content, decoded leniently. */
export function sniffFormat(name: string, head: string): ReaderFormat {
  const h = head.replace(/^\uFEFF/, '').trimStart();
  if (h.startsWith('WARC/')) return 'warc';
  const byExt = extensionFormat(name);
  const lower = h.slice(0, 2048).toLowerCase();
  if (/^(?:<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*)?<(?:rss|feed|rdf:rdf)\b/.test(lower)) return 'feed';
  if (h.startsWith('{') && /"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(h.slice(0, 4096))) return 'feed';
  if (byExt) return byExt;
  if (/^(?:<!doctype html|<html\b|<head\b|<body\b)/.test(lower)) return 'html';
  if (h.startsWith('{') && /^\{.*\}\s*$/m.test(h.split('\n')[0] ?? '')) return 'jsonl';
  if (/^\[\s*(?:\{|\])/.test(h)) return 'jsonl';
  if (/<(?:p|div|article|body|br)\b[^>]*>/i.test(h.slice(0, 4096))) return 'html';
  return 'text';
}
