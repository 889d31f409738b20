// Hostile inputs per reader, each beside good neighbours: ingest must never crash or hang, and must keep every good neighbour.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { createContext, ingestPaths, openStore } from '../src/service/index.js';

export type Reader = 'text' | 'html' | 'feed' | 'jsonl' | 'warc' | 'files';

interface HostileCase {
  readonly reader: Reader;
  readonly name: string;
  /** Writes the case into `dir`; returns how many good neighbours (marked GOOD-n) it wrote inside hostile files. */
  readonly write: (dir: string, good: (n: number) => string) => number;
}

/** A short article whose text carries a marker, so it can be found among what was stored. */
const goodText = (marker: string): string => `The Orrin harbour office said on Monday that the ${marker} berth would reopen after repairs, according to officials.`;
const goodHtml = (marker: string): string => `<html><body><article><p>${goodText(marker)}</p><p>Passengers were told to use the coastal road until then.</p></article></body></html>`;
const rssItem = (marker: string): string => `<item><title>Notice ${marker}</title><link>https://quay.example/${marker}</link><description>${goodHtml(marker).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</description></item>`;
const rss = (items: string, prolog = ''): string => `<?xml version="1.0"?>${prolog}<rss version="2.0"><channel><title>Orrin Quays</title>${items}</channel></rss>`;
const jsonl = (marker: string): string => JSON.stringify({ title: `Notice ${marker}`, outlet: 'Orrin Quays', text: goodText(marker) });
function warcRecord(uri: string, html: string, length?: number): string {
  const block = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`;
  return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${length ?? Buffer.byteLength(block)}\r\n\r\n${block}\r\n\r\n`;
}
const deepJson = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const BILLION_LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>`;

const w = (dir: string, file: string, content: string | Buffer): void => writeFileSync(path.join(dir, file), content);

export const HOSTILE_CASES: readonly HostileCase[] = [
  // plain text
  { reader: 'text', name: 'random binary bytes', write: (d) => (w(d, 'x.txt', Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919 + 13) % 256))), 0) },
  { reader: 'text', name: 'NUL-filled file', write: (d) => (w(d, 'x.txt', Buffer.alloc(100_000)), 0) },
  { reader: 'text', name: 'one 4 MB line without spaces', write: (d) => (w(d, 'x.txt', 'a'.repeat(4 * 1024 * 1024)), 0) },
  { reader: 'text', name: 'terminal escape sequences and lone CRs', write: (d) => (w(d, 'x.txt', `date 2026-03-02 Orrin\x1b[2J Post\rerror: forged\n\n${goodText('x')}\r\x1b]0;owned\x07`), 0) },
  { reader: 'text', name: 'only line separators and blank lines', write: (d) => (w(d, 'x.txt', '\u2028\r\n\r\r\u2029\n'.repeat(20000)), 0) },
  { reader: 'text', name: 'invalid UTF-8 throughout', write: (d) => (w(d, 'x.txt', Buffer.from(Array.from({ length: 20000 }, (_, i) => (i % 3 ? 0xc3 : 0x28)))), 0) },
  { reader: 'text', name: 'Shift-JIS without a charset', write: (d) => (w(d, 'x.txt', iconv.encode('東京湾の港湾局は月曜日、フェリーの運航を来週再開すると発表した。', 'shift_jis')), 0) },
  { reader: 'text', name: 'a file name with a newline and an escape', write: (d) => (w(d, 'bad\nerror: forged\x1b[31m.txt', goodText('x')), 0) },
  { reader: 'text', name: '200,000 nested brackets', write: (d) => (w(d, 'x.txt', `${'('.repeat(200_000)}${')'.repeat(200_000)}`), 0) },
  // HTML
  { reader: 'html', name: '100,000 nested divs', write: (d) => (w(d, 'x.html', `<html><body>${'<div>'.repeat(100_000)}<p>deep</p>${'</div>'.repeat(100_000)}</body></html>`), 0) },
  { reader: 'html', name: '100,000 unclosed tags', write: (d) => (w(d, 'x.html', `<html><body>${'<span><b><i>'.repeat(33_000)}text`), 0) },
  { reader: 'html', name: 'unclosed comment', write: (d) => (w(d, 'x.html', `<html><body><!--${'x'.repeat(500_000)}`), 0) },
  { reader: 'html', name: 'billion laughs', write: (d) => (w(d, 'x.html', `${BILLION_LAUGHS}<html><body><p>&lol5;</p></body></html>`), 0) },
  { reader: 'html', name: 'one 2 MB attribute', write: (d) => (w(d, 'x.html', `<html><body><p title="${'x'.repeat(2_000_000)}">${goodText('x')}</p></body></html>`), 0) },
  { reader: 'html', name: 'unknown declared charset', write: (d) => (w(d, 'x.html', `<html><head><meta charset="x-no-such-charset"></head><body><p>${goodText('x')}</p></body></html>`), 0) },
  { reader: 'html', name: 'gzip bomb past the size cap', write: (d) => (w(d, 'x.html.gz', gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20))), 0) },
  { reader: 'html', name: 'truncated gzip', write: (d) => (w(d, 'x.html.gz', gzipSync(Buffer.from(goodHtml('x').repeat(50))).subarray(0, 200)), 0) },
  // feeds
  { reader: 'feed', name: 'an RSS item nested 5,000 deep among good items', write: (d, g) => (w(d, 'x.rss', rss(`${rssItem(g(1))}<item><title>Deep</title><description>${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}</description></item>${rssItem(g(2))}`)), 2) },
  { reader: 'feed', name: 'billion laughs in a feed DTD', write: (d, g) => (w(d, 'x.rss', rss(`${rssItem(g(1))}<item><title>&lol5;</title><description>&lol5;</description></item>`, BILLION_LAUGHS)), 1) },
  { reader: 'feed', name: 'XXE external entity', write: (d, g) => (w(d, 'x.rss', rss(`${rssItem(g(1))}<item><title>&xxe;</title><description>&xxe; ${goodText('xxe')}</description></item>`, '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')), 1) },
  { reader: 'feed', name: 'unclosed XML', write: (d, g) => (w(d, 'x.rss', rss(rssItem(g(1))).slice(0, -30)), 1) },
  { reader: 'feed', name: 'JSON Feed nested 100,000 deep', write: (d) => (w(d, 'feed.json', `{"version":"https://jsonfeed.org/version/1.1","items":[${deepJson(100_000)}]}`), 0) },
  { reader: 'feed', name: 'JSON Feed items that are not objects', write: (d, g) => (w(d, 'feed.json', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Orrin', items: [1, null, 'x', [], { content_text: goodText(g(1)) }] })), 1) },
  { reader: 'feed', name: '20,000 empty items', write: (d, g) => (w(d, 'x.rss', rss(`${'<item></item>'.repeat(20_000)}${rssItem(g(1))}`)), 1) },
  // JSONL
  { reader: 'jsonl', name: 'a line nested 100,000 deep among good lines', write: (d, g) => (w(d, 'x.jsonl', [jsonl(g(1)), deepJson(100_000), jsonl(g(2))].join('\n')), 2) },
  { reader: 'jsonl', name: 'a line over the record cap among good lines', write: (d, g) => (w(d, 'x.jsonl', [jsonl(g(1)), JSON.stringify({ text: 'x'.repeat(9 * 1024 * 1024) }), jsonl(g(2))].join('\n')), 2) },
  { reader: 'jsonl', name: 'invalid JSON, NUL bytes and non-objects among good lines', write: (d, g) => (w(d, 'x.jsonl', [jsonl(g(1)), '{"text": "unterminated', '\0\0\0', '[1,2]', '"str"', 'null', jsonl(g(2))].join('\n')), 2) },
  { reader: 'jsonl', name: 'a JSON array with a deep element', write: (d) => (w(d, 'x.json', `[${deepJson(50_000)}]`), 0) },
  { reader: 'jsonl', name: 'CRLF and U+2028 inside fields', write: (d, g) => (w(d, 'x.jsonl', [JSON.stringify({ title: 'a\r\nb\u2028c', text: `${goodText(g(1))}\r\rmore\u2028lines` }), jsonl(g(2))].join('\r\n')), 2) },
  // WARC
  ...([['too long, past the end of the file', 10_000_000_000], ['too long, into the next record', 300], ['too short', 10], ['not a number', -1]] as const).map(
    ([label, length]): HostileCase => ({
      reader: 'warc',
      name: `a record whose Content-Length is ${label}`,
      write: (d, g) => {
        const bad = length === -1 ? warcRecord('https://q.example/bad', goodHtml('bad')).replace(/Content-Length: \d+/, 'Content-Length: banana') : warcRecord('https://q.example/bad', goodHtml('bad'), length);
        w(d, 'x.warc', [warcRecord('https://q.example/1', goodHtml(g(1))), bad, ...[2, 3, 4, 5, 6].map((n) => warcRecord(`https://q.example/${n}`, goodHtml(g(n))))].join(''));
        return 6;
      },
    }),
  ),
  { reader: 'warc', name: 'a record with 300 header lines', write: (d, g) => (w(d, 'x.warc', `WARC/1.0\r\n${'X-Junk: y\r\n'.repeat(300)}\r\n${warcRecord('https://q.example/1', goodHtml(g(1)))}`), 1) },
  { reader: 'warc', name: 'a damaged gzip member after a good one', write: (d, g) => (w(d, 'x.warc.gz', Buffer.concat([gzipSync(warcRecord('https://q.example/1', goodHtml(g(1)))), Buffer.from('\x1f\x8b\x08\x00garbage')])), 1) },
  { reader: 'warc', name: 'a page nested 100,000 deep between good records', write: (d, g) => (w(d, 'x.warc', [warcRecord('https://q.example/1', goodHtml(g(1))), warcRecord('https://q.example/deep', `<html><body>${'<div>'.repeat(100_000)}x</body></html>`), warcRecord('https://q.example/2', goodHtml(g(2)))].join('')), 2) },
  // the file system
  { reader: 'files', name: 'a symlink loop', write: (d) => (symlinkSync(d, path.join(d, 'loop')), 0) },
  { reader: 'files', name: 'a dangling symlink', write: (d) => (symlinkSync(path.join(d, 'nothing-here.txt'), path.join(d, 'dangling.txt')), 0) },
  { reader: 'files', name: 'a symlinked good file', write: (d, g) => (mkdirSync(path.join(d, '..', 'outside'), { recursive: true }), w(path.join(d, '..', 'outside'), `${g(1)}.txt`, goodText(g(1))), symlinkSync(path.join(d, '..', 'outside', `${g(1)}.txt`), path.join(d, 'link.txt')), 1) },
  { reader: 'files', name: 'a symlink to /dev/zero', write: (d) => (existsSync('/dev/zero') && symlinkSync('/dev/zero', path.join(d, 'zero.txt')), 0) },
  { reader: 'files', name: 'a FIFO', write: (d) => (spawnSync('mkfifo', [path.join(d, 'pipe.txt')]), 0) },
  { reader: 'files', name: 'an unreadable file', write: (d) => (w(d, 'locked.txt', goodText('locked')), chmodSync(path.join(d, 'locked.txt'), 0), 0) },
];

export interface ReaderTally {
  readonly reader: Reader;
  tried: number;
  crashes: number;
  neighboursLost: number;
  neighbours: number;
}

export interface HostileResult {
  readonly readers: readonly ReaderTally[];
  readonly problems: readonly string[];
}

/** A case that takes longer than this is a hang (counted as a crash). */
const CASE_TIMEOUT_MS = 60_000;

/** Runs every case through the real ingest use-case (in-process, in-memory SQLite), each beside a good file. */
export async function hostileInputs(cases: readonly HostileCase[] = HOSTILE_CASES): Promise<HostileResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'parallax-hostile-'));
  const tallies = new Map<Reader, ReaderTally>();
  const problems: string[] = [];
  try {
    for (const [i, c] of cases.entries()) {
      const dir = path.join(root, `case-${i}`, 'in');
      mkdirSync(dir, { recursive: true });
      const markers: string[] = [];
      const good = (n: number): string => {
        const m = `GOOD${i}x${n}`;
        markers.push(m);
        return m;
      };
      const inside = c.write(dir, good);
      const beside = good(0);
      w(dir, 'zz-good.txt', `date 2026-03-01 Orrin Quays\nNotice ${beside}\n\n${goodText(beside)}`);
      const t = tallies.get(c.reader) ?? { reader: c.reader, tried: 0, crashes: 0, neighboursLost: 0, neighbours: 0 };
      tallies.set(c.reader, t);
      t.tried++;
      t.neighbours += inside + 1;
      const store = await openStore(':memory:');
      try {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`hung for ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS)));
        const summary = await Promise.race([ingestPaths({ store, ctx: createContext() }, [dir]), timeout]).finally(() => clearTimeout(timer));
        const texts = summary.articles.map((a) => `${a.meta.title ?? ''} ${a.text}`);
        const lost = markers.filter((m) => !texts.some((t) => t.includes(m)));
        t.neighboursLost += lost.length;
        if (lost.length) problems.push(`${c.reader}: ${c.name}: lost ${lost.join(', ')}`);
        if (texts.some((x) => x.includes('root:x:0'))) problems.push(`${c.reader}: ${c.name}: an external entity was read`);
      } catch (err) {
        t.crashes++;
        t.neighboursLost += inside + 1;
        problems.push(`${c.reader}: ${c.name}: ${(err as Error).message}`);
      } finally {
        await store.close();
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { readers: [...tallies.values()], problems };
}
