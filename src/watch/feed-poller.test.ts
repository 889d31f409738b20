// Feed polling against a local HTTP server: conditional GET (ETag, Last-Modified), errors and backoff, bounded bodies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { backoffMs, DEFAULT_POLL_SETTINGS, fetchFeed, newFeedState, schedule, type PollSettings } from './feed-poller.js';

interface Seen {
  readonly headers: IncomingHttpHeaders;
}

async function serve(handler: (seen: Seen[], req: IncomingHttpHeaders) => { status: number; headers?: Record<string, string>; body?: string }): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ headers: req.headers });
    const out = handler(seen, req.headers);
    res.writeHead(out.status, out.headers ?? {});
    res.end(out.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`, seen, server };
}

const settings: PollSettings = { ...DEFAULT_POLL_SETTINGS, intervalMs: 1000, maxBackoffMs: 10_000, fetchTimeoutMs: 5000 };
const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Kelm Wire</title></channel></rss>';

test('the ETag and Last-Modified of a fetch are sent back, and a 304 is "not modified"', async () => {
  const { url, seen, server } = await serve((_, h) =>
    h['if-none-match'] === '"v1"' ? { status: 304 } : { status: 200, headers: { ETag: '"v1"', 'Last-Modified': 'Sun, 01 Mar 2026 07:00:00 GMT' }, body: FEED },
  );
  try {
    const state = newFeedState(url, 0);
    const first = await fetchFeed(state, settings, 0);
    assert.equal(first.status, 'fetched');
    assert.equal(state.etag, '"v1"');
    const second = await fetchFeed(state, settings, 0);
    assert.equal(second.status, 'not-modified');
    assert.equal(seen[1]?.headers['if-none-match'], '"v1"');
    assert.equal(seen[1]?.headers['if-modified-since'], 'Sun, 01 Mar 2026 07:00:00 GMT');
  } finally {
    server.close();
  }
});

test('errors back off by doubling the interval up to the cap, honour Retry-After, and a success resets', async () => {
  let fail = 3;
  const { url, server } = await serve(() => (fail-- > 0 ? { status: 503, headers: fail === 0 ? { 'Retry-After': '7' } : {} } : { status: 200, body: FEED }));
  try {
    const state = newFeedState(url, 0);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await fetchFeed(state, settings, 0);
      waits.push(schedule(state, result, settings, 0));
    }
    assert.deepEqual(waits, [2000, 4000, 8000, 1000]);
    assert.equal(state.failures, 0);
    assert.equal(backoffMs(10, settings), 10_000, 'capped');
    assert.equal(backoffMs(1, settings, 60_000), 10_000, 'Retry-After within the cap');
  } finally {
    server.close();
  }
});

test('an unreachable feed and an oversized body are errors, never exceptions', async () => {
  const { url, server } = await serve(() => ({ status: 200, body: 'x'.repeat(5000) }));
  try {
    const big = await fetchFeed(newFeedState(url, 0), { ...settings, maxFeedBytes: 1000 }, 0);
    assert.equal(big.status, 'error');
    assert.match(big.status === 'error' ? big.message : '', /over 1000 bytes/);
  } finally {
    server.close();
  }
  const down = await fetchFeed(newFeedState(url, 0), settings, 0);
  assert.equal(down.status, 'error');
  assert.equal(down.status === 'error' ? down.httpStatus : 0, null);
});

test('a poll after the process was busy longer than the server keeps an idle connection is fetched, not a reset', async () => {
  // Regression (the flaky watch test under load): `watch` analyzes synchronously between polls. When that outlasts
  // the server's keep-alive (Node's default, 5 s), the next fetch goes out on a pooled connection before the event
  // loop has run the timers that close it; the server then closes it, and the poll failed with ECONNRESET.
  const { url, seen, server } = await serve((_, h) => (h['if-none-match'] === '"v1"' ? { status: 304 } : { status: 200, headers: { ETag: '"v1"' }, body: FEED }));
  try {
    const feeds = [newFeedState(url, 0), newFeedState(`${url}?second`, 0)];
    for (const state of feeds) assert.equal((await fetchFeed(state, settings, 0)).status, 'fetched');
    const busyUntil = Date.now() + server.keepAliveTimeout + 1000;
    while (Date.now() < busyUntil); // a synchronous analysis
    for (const state of feeds) {
      const next = await fetchFeed(state, settings, 0);
      assert.equal(next.status, 'not-modified', next.status === 'error' ? next.message : '');
    }
    assert.equal(seen.length, 4);
  } finally {
    server.close();
  }
});
