// `watch` against a local HTTP server whose feeds change: ETag honoured (304), a 500 backs off then recovers, an update is reported once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContext } from '../core/context.js';
import { openStore } from '../store/open-store.js';
import { watchFeeds, type WatchEvent } from './watch.js';

interface Item {
  readonly title: string;
  readonly link: string;
  readonly date: string;
  readonly paragraphs: readonly string[];
}

function rss(outlet: string, items: readonly Item[]): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = items
    .map((i) => `<item><title>${esc(i.title)}</title><link>${i.link}</link><pubDate>${i.date}</pubDate><content:encoded><![CDATA[${i.paragraphs.map((p) => `<p>${p}</p>`).join('')}]]></content:encoded></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(outlet)}</title>${body}</channel></rss>`;
}

const NORDWIRE = rss('Nordwire', [
  {
    title: 'One killed in Osterby warehouse fire',
    link: 'https://nordwire.example/osterby-fire',
    date: 'Tue, 10 Mar 2026 07:40:00 +0000',
    paragraphs: [
      'OSTERBY — One person was killed when a fire tore through a grain warehouse in the Osterby docks on Monday night, the regional fire service said.',
      'Firefighters fought the blaze for six hours before bringing it under control early on Tuesday, fire chief Alma Kessler told reporters.',
      '"The building was fully alight when the first crews arrived," Kessler said.',
    ],
  },
]);

const EASTLINE = rss('Eastline News', [
  {
    title: 'Osterby warehouse fire toll rises',
    link: 'https://eastline.example/osterby-toll',
    date: 'Tue, 10 Mar 2026 15:00:00 +0000',
    paragraphs: [
      'OSTERBY — Three people were killed when a fire tore through a grain warehouse in the Osterby docks on Monday night, the regional fire service said on Tuesday.',
      'Two of the victims were night workers whose bodies were found in the ruins on Tuesday afternoon, fire chief Alma Kessler said.',
      '"The building was fully alight when the first crews arrived," Kessler said.',
    ],
  },
]);

test('watch: conditional GET, backoff after a 500, and one line for the raised toll', async () => {
  let now = 0;
  const requests: { path: string; at: number; ifNoneMatch: string | null; status: number }[] = [];
  let eastlineFailures = 1;
  const server = createServer((req, res) => {
    const ifNoneMatch = req.headers['if-none-match'] ?? null;
    const reply = (status: number, headers: Record<string, string> = {}, body = ''): void => {
      requests.push({ path: req.url ?? '', at: now, ifNoneMatch, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    if (req.url === '/nordwire.xml') return ifNoneMatch === '"n1"' ? reply(304) : reply(200, { ETag: '"n1"', 'Content-Type': 'application/rss+xml' }, NORDWIRE);
    if (req.url === '/eastline.xml') {
      if (eastlineFailures-- > 0) return reply(500, {}, 'upstream broke');
      return ifNoneMatch === '"e1"' ? reply(304) : reply(200, { ETag: '"e1"', 'Content-Type': 'application/rss+xml' }, EASTLINE);
    }
    reply(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = await openStore(':memory:');
  try {
    const events: WatchEvent[] = [];
    const options = {
      store,
      ctx: createContext(),
      feeds: [`${base}/nordwire.xml`, `${base}/eastline.xml`],
      settings: { intervalMs: 1000, maxBackoffMs: 8000 },
      clock: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
      onEvent: (e: WatchEvent) => events.push(e),
    };
    await watchFeeds({ ...options, rounds: 4 });

    const eastline = requests.filter((r) => r.path === '/eastline.xml');
    assert.deepEqual(eastline.map((r) => [r.at, r.status]), [[0, 500], [2000, 200], [3000, 304]], 'after the 500 the feed waits two intervals, then recovers');
    const nordwire = requests.filter((r) => r.path === '/nordwire.xml');
    assert.deepEqual(nordwire.map((r) => [r.at, r.status, r.ifNoneMatch]), [[0, 200, null], [1000, 304, '"n1"'], [2000, 304, '"n1"'], [3000, 304, '"n1"']]);

    const feedErrors = events.filter((e) => e.type === 'feed' && e.status === 'error');
    assert.equal(feedErrors.length, 1);
    assert.equal(feedErrors[0]?.type === 'feed' ? feedErrors[0].retryInMs : 0, 2000);
    const lines = events.flatMap((e) => (e.type === 'feed' ? [] : [e.line]));
    assert.deepEqual(lines, ['s1: Eastline News now says 3 killed where Nordwire said 1 (update)']);
    for (const e of events) assert.deepEqual(JSON.parse(JSON.stringify(e)), e, 'every event is plain JSON for NDJSON');

    // a fresh watch over the same database fetches the feeds whole again, but nothing new is reported
    const again: WatchEvent[] = [];
    await watchFeeds({ ...options, rounds: 1, onEvent: (e) => again.push(e) });
    assert.deepEqual(again.map((e) => [e.type, e.type === 'feed' ? e.newArticles : -1]), [['feed', 0], ['feed', 0]]);
  } finally {
    await store.close();
    server.close();
  }
});
