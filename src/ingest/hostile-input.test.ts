import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IngestItem } from '../core/raw-article.js';
import { readInputs } from './read-inputs.js';
import { MAX_FEED_DEPTH } from './read-feed.js';
import { extractHtml } from './extract-html.js';
import { gzipSync } from 'node:zlib';
import { cpuMsOf } from '../../test/helpers/cpu-time.js';

async function collect(paths: readonly string[], options = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(paths, options)) out.push(item);
  return out;
}

function withDir(fn: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parallax-hostile-'));
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const rules = (items: readonly IngestItem[]): string[] => items.flatMap((i) => (i.ok ? [] : i.failure.diagnostics.map((d) => d.rule)));
const okCount = (items: readonly IngestItem[]): number => items.filter((i) => i.ok).length;

const goodItem = (i: number): string =>
  `<item><title>Quay notice ${i}</title><link>https://quay.example/${i}</link><description>&lt;p&gt;The Orrin harbour office said on Monday that berth ${i} would reopen after repairs.&lt;/p&gt;</description></item>`;

test('an RSS item nested 5,000 deep is refused on its own; the ten good items of the feed are read', withDir(async (dir) => {
  const deep = `<item><title>Deep</title><description>${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}</description></item>`;
  const items = [0, 1, 2, 3, 4].map(goodItem).join('') + deep + [5, 6, 7, 8, 9].map(goodItem).join('');
  writeFileSync(path.join(dir, 'feed.rss'), `<?xml version="1.0"?><rss version="2.0"><channel><title>Orrin Quays</title>${items}</channel></rss>`);
  const out = await collect([dir]);
  assert.equal(okCount(out), 10);
  assert.deepEqual(rules(out), ['item-unreadable']);
  const bad = out.find((i) => !i.ok);
  assert.ok(bad && !bad.ok);
  assert.equal(bad.failure.source.record, 'item 6');
  assert.match(bad.failure.diagnostics[0]?.message ?? '', new RegExp(`more than ${MAX_FEED_DEPTH} deep`));
}));

test('an Atom entry nested deeper than the bound is refused; its neighbours are read', withDir(async (dir) => {
  const entry = (i: number, body: string): string => `<entry><title>Entry ${i}</title><link href="https://quay.example/e${i}"/><content type="xhtml">${body}</content></entry>`;
  const deep = `${'<div>'.repeat(MAX_FEED_DEPTH + 5)}x${'</div>'.repeat(MAX_FEED_DEPTH + 5)}`;
  const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Orrin</title>${entry(1, '<p>The ferry ran late on Friday, the operator said.</p>')}${entry(2, deep)}${entry(3, '<p>The harbour master resigned on Sunday, officials said.</p>')}</feed>`;
  writeFileSync(path.join(dir, 'x.atom'), xml);
  const out = await collect([dir]);
  assert.equal(okCount(out), 2);
  assert.deepEqual(rules(out), ['item-unreadable']);
}));

function warcRecord(uri: string, block: string, length = Buffer.byteLength(block)): string {
  return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${length}\r\n\r\n${block}\r\n\r\n`;
}
const httpPage = (n: number): string =>
  `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>Page ${n}: the Orrin ferry operator said on Tuesday that the evening crossing would resume next week after the inspection.</p><p>Passengers were told to check the timetable.</p></article></body></html>`;

for (const [label, length] of [
  ['too long (past the end of the file)', 10_000_000_000],
  ['too long (into the next record)', 400],
  ['too short', 20],
] as const) {
  test(`a WARC record whose Content-Length is ${label} is skipped and reading resumes at the next WARC/1. header`, withDir(async (dir) => {
    const records = [1, 2, 3, 4, 5, 6, 7].map((n) => warcRecord(`https://orrin.example/${n}`, httpPage(n), n === 2 ? length : undefined));
    writeFileSync(path.join(dir, 'a.warc'), records.join(''));
    const out = await collect([dir]);
    const urls = out.flatMap((i) => (i.ok ? [i.raw.source.url] : []));
    assert.deepEqual(urls, [1, 3, 4, 5, 6, 7].map((n) => `https://orrin.example/${n}`));
    assert.equal(rules(out).length, 1, JSON.stringify(rules(out)));
    assert.match(rules(out)[0] ?? '', /bad-length|corrupt-record/);
  }));
}

test('a WARC page that quotes a version line inside a correct record is not cut there', withDir(async (dir) => {
  const quoting = httpPage(1).replace('Passengers', 'The archive line read\nWARC/1.0\nand Passengers');
  writeFileSync(path.join(dir, 'a.warc'), warcRecord('https://orrin.example/1', quoting) + warcRecord('https://orrin.example/2', httpPage(2)));
  const out = await collect([dir]);
  assert.equal(okCount(out), 2);
  assert.deepEqual(rules(out), []);
}));

const ARTICLE = 'date 2026-02-03 Orrin Evening Post\nFerry timetable changes\n\nThe Orrin ferry operator said on Tuesday that the evening crossing would resume next week.';

test('a symlinked file inside a folder is read, and a symlink loop or a dangling link is reported, never skipped silently', withDir(async (dir) => {
  const inside = path.join(dir, 'in');
  mkdirSync(inside);
  mkdirSync(path.join(dir, 'elsewhere'));
  writeFileSync(path.join(dir, 'elsewhere', 'real.txt'), ARTICLE);
  writeFileSync(path.join(inside, 'a.txt'), ARTICLE.replace('Tuesday', 'Monday'));
  symlinkSync(path.join(dir, 'elsewhere', 'real.txt'), path.join(inside, 'b-link.txt'));
  symlinkSync(inside, path.join(inside, 'c-loop'));
  symlinkSync(path.join(dir, 'nowhere.txt'), path.join(inside, 'd-dangling.txt'));
  symlinkSync(path.join(inside, 'e-self'), path.join(inside, 'e-self'));
  const out = await collect([inside]);
  assert.equal(okCount(out), 2);
  assert.ok(out.some((i) => i.ok && i.raw.source.path?.endsWith('b-link.txt')));
  assert.deepEqual(rules(out).sort(), ['broken-symlink', 'symlink-loop', 'symlink-loop']);
}));

test('devices and FIFOs are refused with a message and never read; the good file beside them is', withDir(async (dir) => {
  const good = path.join(dir, 'good.txt');
  writeFileSync(good, ARTICLE);
  const fifo = path.join(dir, 'pipe');
  const made = spawnSync('mkfifo', [fifo]).status === 0;
  const zero = existsSync('/dev/zero');
  const inputs = zero ? ['/dev/zero', good] : [good];
  // the FIFO is named once on its own and met once more inside the folder
  if (made) inputs.push(fifo, dir);
  const out = await collect(inputs, { maxFileBytes: 1024 });
  const refused = out.filter((i) => !i.ok);
  assert.equal(refused.length, (zero ? 1 : 0) + (made ? 2 : 0));
  for (const r of refused) {
    assert.ok(!r.ok);
    assert.equal(r.failure.diagnostics[0]?.rule, 'not-a-regular-file');
    assert.match(r.failure.diagnostics[0]?.message ?? '', /(character device|named pipe).*refused/);
  }
  assert.equal(okCount(out), made ? 2 : 1);
}));

test('the size cap counts bytes read, and the message names the flag that raises it', withDir(async (dir) => {
  const big = path.join(dir, 'big.txt');
  writeFileSync(big, ARTICLE.repeat(50));
  const [item] = await collect([big], { maxFileBytes: 2000 });
  assert.ok(item && !item.ok);
  assert.match(item.failure.diagnostics[0]?.message ?? '', /more than 2000 bytes.*--max-file-bytes/);
  const [ok] = await collect([big], { maxFileBytes: 100_000 });
  assert.ok(ok?.ok);
}));

test('a damaged gzip member after a good one keeps the good WARC record', withDir(async (dir) => {
  const good = Buffer.from(warcRecord('https://orrin.example/1', httpPage(1)));
  // a damaged header (0x1f, then not gzip) and a header cut short: zlib fails differently on each
  for (const damage of ['\x1f\xc2\x8bgarbage', '\x1f\x8b\x08\x00garbage']) {
    writeFileSync(path.join(dir, 'a.warc.gz'), Buffer.concat([gzipSync(good), Buffer.from(damage, 'latin1')]));
    const out = await collect([dir]);
    assert.equal(okCount(out), 1, JSON.stringify(rules(out)));
    assert.deepEqual(rules(out), ['corrupt-gzip']);
  }
}));

test('a page of 20,000 unclosed nested divs is extracted in bounded time (Readability is skipped on it)', () => {
  const { ms } = cpuMsOf(() => extractHtml(`<html><body>${'<div>'.repeat(20_000)}<p>${'The harbour office said on Monday that repairs would finish soon. '.repeat(3)}</p></body></html>`));
  assert.ok(ms < 10_000, `took ${Math.round(ms)} ms of CPU`);
});
