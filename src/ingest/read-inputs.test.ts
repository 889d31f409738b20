import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import type { IngestItem } from '../core/raw-article.js';
import { readInputs } from './read-inputs.js';
import { toArticle } from './to-article.js';
import { tempDir } from '../../test/helpers/temp-dir.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

async function collect(paths: readonly string[], options = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(paths, options)) out.push(item);
  return out;
}

function tmp(): string {
  return tempDir('parallax-ingest-');
}

const errorOf = (item: IngestItem | undefined): { rule: string; message: string } => {
  assert.ok(item && !item.ok, 'expected a failure');
  const d = item.failure.diagnostics[0];
  assert.ok(d);
  assert.equal(d.severity, 'error');
  return d;
};

function warcRecord(type: string, uri: string, block: string): string {
  const len = Buffer.byteLength(block);
  return `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Record-ID: <urn:uuid:${uri.length}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${len}\r\n\r\n${block}\r\n\r\n`;
}

const page = (title: string): string =>
  `<html><head><title>${title}</title></head><body><article><p>${title}: the port authority in Valmore said on Saturday that ferry crossings would stay suspended while talks with the seafarers' union continued.</p><p>Union leaders said they expected an offer by Monday, and passengers were told to use the coastal road.</p></article></body></html>`;
const http = (html: string, status = '200 OK', type = 'text/html; charset=utf-8'): string =>
  `HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\n\r\n${html}`;

test('a folder is read recursively in sorted order, skipping dotfiles, one item per article or failure', async () => {
  const items = await collect([FIXTURES]);
  const sources = items.map((i) => (i.ok ? i.raw.source : i.failure.source));
  const files = [...new Set(sources.map((s) => path.basename(s.path ?? '')))];
  assert.deepEqual(files, ['articles.jsonl', 'crawler-glued.txt', 'error-feed.xml', 'feed.atom', 'feed.json', 'feed.rss', 'harbor-courier.txt', 'masthead.txt', 'next-line-outlet.txt', 'page.html', 'plain-body.txt', 'wire-dateline.txt']);
  assert.equal(items.filter((i) => i.ok).length, 13);
  const feed = items.find((i) => i.ok && i.raw.source.record === 'item 1' && i.raw.source.path?.endsWith('feed.rss'));
  assert.ok(feed?.ok);
  assert.equal(feed.raw.hints.published, 'Sun, 15 Mar 2026 08:05:00 +0000');
  assert.ok(feed.raw.body.includes('third day'), 'full content wins over the summary');
});

test('globs expand with * and **, and an unmatched pattern is reported', async () => {
  const items = await collect([path.join(FIXTURES, '*.txt')]);
  assert.equal(items.length, 6);
  const deep = await collect([path.join(FIXTURES, '**', 'feed.*')]);
  assert.equal(new Set(deep.map((i) => (i.ok ? i.raw.source.path : i.failure.source.path))).size, 3);
  assert.equal(errorOf((await collect([path.join(FIXTURES, '*.nothing')]))[0]).rule, 'not-found');
});

test('stdin is read with "-"', async () => {
  const items = await collect(['-'], { stdin: Readable.from([Buffer.from('date 2026-01-02 Orren Daily\n\nThe council met.')]) });
  assert.equal(items.length, 1);
  assert.ok(items[0]?.ok);
  assert.equal(items[0].raw.format, 'text');
});

test('empty, binary, PDF-as-HTML and missing files each fail with the file named; the batch goes on', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'a-empty.txt'), '');
  writeFileSync(path.join(dir, 'b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
  writeFileSync(path.join(dir, 'c-report.html'), '%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n');
  writeFileSync(path.join(dir, 'd-good.txt'), 'The bridge reopened on Tuesday.');
  const items = await collect([dir, path.join(dir, 'missing.txt')]);
  assert.equal(items.length, 5);
  const empty = errorOf(items[0]);
  assert.equal(empty.rule, 'empty-file');
  assert.match(empty.message, /^a-empty\.txt: file is empty \(0 bytes\); remove it or re-export the article$/);
  assert.equal(errorOf(items[1]).rule, 'binary-content');
  assert.match(errorOf(items[1]).message, /b-binary\.txt/);
  assert.equal(errorOf(items[2]).rule, 'pdf-content');
  assert.match(errorOf(items[2]).message, /c-report\.html.*pdftotext/);
  assert.ok(items[3]?.ok);
  assert.equal(errorOf(items[4]).rule, 'not-found');
});

test('HTML pages arrive stripped of noise; a page of only scripts is read (it is not empty), a blank one is empty', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'a-page.html'), '<html><body><script>var ad = 1;</script><p>The ferry to Skerrin resumed on Monday.</p></body></html>');
  writeFileSync(path.join(dir, 'b-scripts.html'), '<script>var a = 1;</script>\n<style>p {}</style>');
  writeFileSync(path.join(dir, 'c-blank.html'), '  \n\t ');
  const items = await collect([dir]);
  assert.equal(items.length, 3);
  const page = items[0];
  assert.ok(page?.ok);
  assert.equal(page.raw.noiseStripped, true);
  assert.ok(!page.raw.body.includes('var ad'));
  assert.equal(toArticle(page.raw).text, 'The ferry to Skerrin resumed on Monday.');
  assert.ok(items[1]?.ok, 'a page of scripts goes on to extraction');
  assert.equal(errorOf(items[2]).rule, 'empty-file');
});

test('a Windows-1252 text file is decoded, with an info diagnostic naming the encoding', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'cp.txt'), iconv.encode('“We will not sail,” the union’s leader said — again.', 'windows-1252'));
  const [item] = await collect([dir]);
  assert.ok(item?.ok);
  assert.equal(item.raw.encoding, 'windows-1252');
  assert.equal(item.raw.body, '“We will not sail,” the union’s leader said — again.');
  assert.equal(item.raw.diagnostics[0]?.rule, 'encoding-detected');
  assert.equal(item.raw.diagnostics[0]?.severity, 'info');
});

test('html.gz is read; a truncated gzip keeps what is recoverable with a warning; garbage gzip fails', async () => {
  const dir = tmp();
  const gz = gzipSync(Buffer.from(page('Valmore') + '<!--' + 'x'.repeat(20000) + '-->'));
  writeFileSync(path.join(dir, 'a.html.gz'), gz);
  writeFileSync(path.join(dir, 'b.html.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
  writeFileSync(path.join(dir, 'c.html.gz'), Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from('not really gzip')]));
  const items = await collect([dir]);
  assert.ok(items[0]?.ok);
  assert.equal(items[0].raw.format, 'html');
  assert.ok(items[1]?.ok);
  assert.equal(items[1].raw.diagnostics.find((d) => d.rule === 'truncated-gzip')?.severity, 'warning');
  assert.equal(errorOf(items[2]).rule, 'corrupt-gzip');
});

test('a file over maxFileBytes is refused without being loaded', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'huge.html'), `<html><body>${'<p>filler text</p>'.repeat(2000)}</body></html>`);
  const [item] = await collect([dir], { maxFileBytes: 10_000 });
  const e = errorOf(item);
  assert.equal(e.rule, 'file-too-large');
  assert.match(e.message, /huge\.html.*size cap of 10000 bytes; raise it with --max-file-bytes/);
});

test('a feed that is really an HTML error page fails as not-a-feed', async () => {
  const e = errorOf((await collect([path.join(FIXTURES, 'error-feed.xml')]))[0]);
  assert.equal(e.rule, 'not-a-feed');
  assert.match(e.message, /root element <html>/);
});

test('JSONL: bad lines fail alone, good lines become articles with their hints', async () => {
  const items = await collect([path.join(FIXTURES, 'articles.jsonl')]);
  assert.deepEqual(items.map((i) => (i.ok ? `ok ${i.raw.source.record}` : `${i.failure.diagnostics[0]?.rule} ${i.failure.source.record}`)), ['ok line 1', 'bad-json line 2', 'ok line 3', 'no-body line 5']);
  const first = items[0];
  assert.ok(first?.ok);
  assert.deepEqual(first.raw.hints, { title: 'Tannery closes', outlet: 'Orren Daily', published: '2026-01-12', url: 'https://orren.example/t1' });
});

test('WARC and WARC.gz: HTML responses become articles, a corrupt record is reported and skipped', async () => {
  const dir = tmp();
  const good1 = warcRecord('response', 'https://harbor.example/2026/03/14/a', http(page('First')));
  const request = warcRecord('request', 'https://harbor.example/x', 'GET /x HTTP/1.1\r\n\r\n');
  const notFound = warcRecord('response', 'https://harbor.example/404', http(page('Missing'), '404 Not Found'));
  const corrupt = 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\ngarbage that is not a record\r\n\r\n';
  const good2 = warcRecord('response', 'https://harbor.example/2026/03/15/b', http(page('Second')));
  const body = good1 + request + notFound + corrupt + good2;
  writeFileSync(path.join(dir, 'a.warc'), body);
  // Common Crawl style: one gzip member per record
  writeFileSync(path.join(dir, 'b.warc.gz'), Buffer.concat([good1, request, good2].map((r) => gzipSync(Buffer.from(r)))));
  mkdirSync(path.join(dir, 'c'));
  const whole = gzipSync(Buffer.from(good1 + good2));
  writeFileSync(path.join(dir, 'c', 'cut.warc.gz'), whole.subarray(0, Math.floor(whole.length * 0.6)));
  const items = await collect([dir]);
  const summary = items.map((i) => (i.ok ? `ok ${i.raw.source.url}` : `${i.failure.diagnostics[0]?.rule}`));
  assert.deepEqual(summary.slice(0, 5), ['ok https://harbor.example/2026/03/14/a', 'corrupt-record', 'ok https://harbor.example/2026/03/15/b', 'ok https://harbor.example/2026/03/14/a', 'ok https://harbor.example/2026/03/15/b']);
  assert.ok(summary.slice(5).length >= 1 && summary.slice(5).every((s) => s !== 'ok https://harbor.example/2026/03/15/b'), 'the cut file yields no second article');
  assert.ok(summary.slice(5).some((s) => /truncated|corrupt/.test(s)));
});

const READER_EXTENSIONS = ['txt', 'html', 'html.gz', 'rss', 'json', 'jsonl', 'warc', 'warc.gz'] as const;

async function readAndClean(file: string): Promise<number> {
  let n = 0;
  for await (const item of readInputs([file], { maxFileBytes: 1_000_000, maxRecordBytes: 100_000 })) {
    if (item.ok) toArticle(item.raw);
    else assert.ok(item.failure.diagnostics.length > 0);
    n++;
  }
  return n;
}

test('property: random bytes under every reader extension never crash or hang', async () => {
  const dir = tmp();
  let k = 0;
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...READER_EXTENSIONS), async (bytes, ext) => {
      const file = path.join(dir, `r${k++}.${ext}`);
      writeFileSync(file, ext.endsWith('.gz') && bytes.length % 2 ? gzipSync(bytes) : bytes);
      assert.ok((await readAndClean(file)) >= 1, 'every input yields at least one item');
    }),
    { numRuns: 120, seed: 20260314 },
  );
});

test('property: truncations of valid inputs never crash or hang', async () => {
  const dir = tmp();
  const sources = ['feed.rss', 'feed.atom', 'feed.json', 'articles.jsonl', 'page.html', 'harbor-courier.txt'].map((f) => ({ f, bytes: readFileSync(path.join(FIXTURES, f)) }));
  const warc = Buffer.from(warcRecord('response', 'https://harbor.example/a', http(page('First'))) + warcRecord('response', 'https://harbor.example/b', http(page('Second'))));
  sources.push({ f: 'x.warc', bytes: warc }, { f: 'x.warc.gz', bytes: gzipSync(warc) }, { f: 'x.html.gz', bytes: gzipSync(Buffer.from(page('Third'))) });
  let k = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...sources), fc.double({ min: 0, max: 1, noNaN: true }), async ({ f, bytes }, share) => {
      const file = path.join(dir, `t${k++}-${f}`);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * share)));
      assert.ok((await readAndClean(file)) >= 1);
    }),
    { numRuns: 120, seed: 7 },
  );
});

test('a JSON array of articles is read one element at a time', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'export.json'), JSON.stringify([{ text: 'The bridge reopened on Tuesday.', outlet: 'Lantern Gazette' }, { title: 'no body' }]));
  const items = await collect([dir]);
  assert.deepEqual(items.map((i) => (i.ok ? `ok ${i.raw.source.record}` : `${i.failure.diagnostics[0]?.rule} ${i.failure.source.record}`)), ['ok element 1', 'no-body element 2']);
});
