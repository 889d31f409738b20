// The HTTP API in-process (app.request): auth, body cap, malformed input, paging with stable cursors, read-only queries, safe output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainTextArticle } from '../core/article.js';
import type { Report } from '../report/schema.js';
import { openStore } from '../store/open-store.js';
import type { Store, StoredStory } from '../store/store.js';
import { createApp } from './app.js';
import { openApiDocument } from './openapi.js';
import { ROUTE_LIST } from './routes.js';
import { StoryIndex, STORY_INDEX_DEFAULTS } from '../engine/story-index.js';

const TOKEN = 'test-token-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}` };

function storyReportOf(id: string, title: string, articleIds: readonly string[]): Report {
  return {
    schema: 'parallax.report/1',
    generatedBy: { name: 'parallax', version: 'test' },
    articles: [],
    entities: [
      { id: `${id}-e1`, name: 'Mara Velden', type: 'PERSON', aliases: ['Velden'], mentions: [], merges: [] },
      { id: `${id}-e2`, name: 'Port of Osterby', type: 'LOC', aliases: [], mentions: [], merges: [] },
    ],
    quotes: [
      { id: `${id}-q1`, article: articleIds[0] ?? 'a0', start: 0, end: 10, text: 'We will rebuild the pier', kind: 'direct', speaker: { entity: `${id}-e1`, text: 'Velden', how: 'named' }, cue: null },
      { id: `${id}-q2`, article: articleIds[0] ?? 'a0', start: 20, end: 30, text: 'Nobody was hurt', kind: 'direct', speaker: { entity: null, text: 'a spokesman', how: 'role' }, cue: null },
    ],
    quoteGroups: [],
    times: [],
    quantities: [],
    attributions: [],
    stories: [{ id, title, articles: [...articleIds], events: [] }],
    claims: [],
    timeline: [],
    brief: [],
    provenance: [],
    coverage: [],
    pipeline: [],
  };
}

function storedStory(n: number, title = `Harbour story ${n}`): StoredStory {
  const id = `s${String(n).padStart(3, '0')}`;
  const articleIds = [`a${n}x`, `a${n}y`];
  return {
    summary: { id, title, firstDate: '2026-03-01', lastDate: '2026-03-02', articles: 2, outlets: ['Osterby Post', 'Kelm Wire'], independentSources: 2, claims: 3, disputed: 1 },
    articleIds,
    absorbed: [],
    report: storyReportOf(id, title, articleIds),
  };
}

async function storeWith(stories: number): Promise<Store> {
  const store = await openStore(':memory:');
  await store.replaceStories(
    Array.from({ length: stories }, (_, i) => storedStory(i + 1)),
    [],
  );
  return store;
}

/** Counts calls to every method that writes, to prove reads never write. */
function countingWrites(store: Store): { store: Store; writes: string[] } {
  const writes: string[] = [];
  const writing = new Set(['putArticles', 'updateArticles', 'recordFailures', 'saveReport', 'replaceStories']);
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (typeof prop === 'string' && writing.has(prop)) writes.push(prop);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, writes };
}

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = await json(res);
  return body['error'] as { code: string; message: string };
}

const ARTICLE = 'Osterby Post\n2026-03-01\n\nHarbour crane collapses in Osterby\n\nA harbour crane collapsed in Osterby on Sunday, injuring two dock workers, the port authority said.\n';

test('writes without a token are 401; a wrong token is 401; the right token is accepted', async () => {
  const store = await openStore(':memory:');
  const app = createApp({ store, token: TOKEN });
  const missing = await app.request('/articles', { method: 'POST', body: ARTICLE, headers: { 'Content-Type': 'text/plain' } });
  assert.equal(missing.status, 401);
  assert.match(missing.headers.get('www-authenticate') ?? '', /Bearer/);
  assert.equal((await errorOf(missing)).code, 'unauthorized');
  const wrong = await app.request('/articles', { method: 'POST', body: ARTICLE, headers: { Authorization: 'Bearer not-the-token-at-all', 'Content-Type': 'text/plain' } });
  assert.equal(wrong.status, 401);
  assert.equal(await store.countArticles(), 0);
  const ok = await app.request('/articles', { method: 'POST', body: ARTICLE, headers: { ...auth, 'Content-Type': 'text/plain' } });
  assert.equal(ok.status, 201);
  const body = await json(ok);
  assert.equal(body['inserted'], 1);
  assert.equal(await store.countArticles(), 1);
  const again = await app.request('/articles', { method: 'POST', body: ARTICLE, headers: { ...auth, 'Content-Type': 'text/plain' } });
  assert.equal(again.status, 200, 'the same article again is stored once');
  await store.close();
});

test('one text article posted with outlet, title and date in the query keeps them; they are refused for a feed', async () => {
  const store = await openStore(':memory:');
  const app = createApp({ store, token: TOKEN });
  const text = 'A harbour crane collapsed in Osterby on Sunday, injuring two dock workers, the port authority said.';
  const res = await app.request('/articles?outlet=Kelm%20Wire&title=Crane%20collapses&published=2026-03-01T08:00&url=https://kelm.example/crane', { method: 'POST', body: text, headers: { ...auth, 'Content-Type': 'text/plain' } });
  assert.equal(res.status, 201);
  const [posted] = (await json(res))['articles'] as { id: string; outlet: string; title: string }[];
  assert.equal(posted?.outlet, 'Kelm Wire');
  assert.equal(posted?.title, 'Crane collapses');
  const stored = await store.getArticle(posted?.id ?? '');
  assert.equal(stored?.meta.published, '2026-03-01T08:00');
  assert.equal(stored?.text.includes('injuring two dock workers'), true);
  const feed = await app.request('/articles?format=feed&outlet=Kelm%20Wire', { method: 'POST', body: '<rss></rss>', headers: auth });
  assert.equal(feed.status, 400);
  assert.match((await errorOf(feed)).message, /not a feed body/);
  const badUrl = await app.request('/articles?url=javascript:alert(1)', { method: 'POST', body: text, headers: auth });
  assert.equal(badUrl.status, 400);
  assert.match((await errorOf(badUrl)).message, /^url/);
  await store.close();
});

test('without a token writes are refused (403), and open writes are refused off loopback', async () => {
  const store = await openStore(':memory:');
  const closed = createApp({ store });
  const res = await closed.request('/articles', { method: 'POST', body: ARTICLE });
  assert.equal(res.status, 403);
  assert.match((await errorOf(res)).message, /--token/);
  assert.throws(() => createApp({ store, host: '0.0.0.0', allowOpenWrites: true }), /open writes are refused when bound to 0\.0\.0\.0/);
  assert.throws(() => createApp({ store, host: '192.168.1.20', allowOpenWrites: true }), /refused/);
  const open = createApp({ store, host: '127.0.0.1', allowOpenWrites: true });
  assert.equal((await open.request('/articles', { method: 'POST', body: ARTICLE })).status, 201);
  await store.close();
});

test('a body over max-body is 413, declared or streamed', async () => {
  const store = await openStore(':memory:');
  const app = createApp({ store, token: TOKEN, maxBodyBytes: 1024 });
  const big = 'x'.repeat(4096);
  const declared = await app.request('/articles', { method: 'POST', body: big, headers: { ...auth, 'Content-Length': String(big.length) } });
  assert.equal(declared.status, 413);
  assert.equal((await errorOf(declared)).code, 'payload-too-large');
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(512)));
      controller.close();
    },
  });
  const streamed = await app.request('/articles', { method: 'POST', body: stream, headers: auth, duplex: 'half' } as RequestInit);
  assert.equal(streamed.status, 413);
  assert.equal(await store.countArticles(), 0);
  await store.close();
});

test('malformed input is a 400 whose message names the problem', async () => {
  const store = await storeWith(2);
  const app = createApp({ store, token: TOKEN });
  const cases: [string, RegExp][] = [
    ['/search', /q is missing/],
    ['/search?q=%22%22%20%2A%2A', /no letters or digits/],
    [`/search?q=${'a'.repeat(300)}`, /at most 256/],
    ['/search?q=ferry%07', /control characters/],
    ['/stories?limit=0', /limit/],
    ['/stories?limit=ten', /limit/],
    ['/articles?limit=501', /limit/],
    ['/entities?cursor=not-a-cursor', /cursor/],
    ['/quotes?speaker=%21%21', /speaker/],
  ];
  for (const [path, message] of cases) {
    const res = await app.request(path);
    assert.equal(res.status, 400, path);
    const error = await errorOf(res);
    assert.equal(error.code, 'bad-request', path);
    assert.match(error.message, message, path);
  }
  const empty = await app.request('/articles', { method: 'POST', body: '', headers: auth });
  assert.equal(empty.status, 400);
  assert.match((await errorOf(empty)).message, /body is empty/);
  const badJsonl = await app.request('/articles?format=jsonl', { method: 'POST', body: '{"text": "unterminated\n', headers: auth });
  assert.equal(badJsonl.status, 400);
  assert.match((await errorOf(badJsonl)).message, /no article could be read: .*line 1/i);
  await store.close();
});

test('story, article and entity lists page with stable cursors, every item once', async () => {
  const store = await storeWith(7);
  await store.putArticles(Array.from({ length: 5 }, (_, i) => plainTextArticle(`Article number ${i} about the Osterby harbour crane.`)));
  const app = createApp({ store });
  const walk = async (path: string, limit: number): Promise<{ ids: string[]; pages: number }> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await app.request(url);
      assert.equal(res.status, 200, url);
      const page = (await res.json()) as { items: { id: string }[]; next: string | null };
      // the same cursor gives the same page
      const again = (await (await app.request(url)).json()) as typeof page;
      assert.deepEqual(again, page, `page at ${url} is stable`);
      ids.push(...page.items.map((x) => x.id));
      cursor = page.next;
      pages++;
      assert.ok(pages < 50, 'paging ends');
    } while (cursor);
    return { ids, pages };
  };
  const stories = await walk('/stories', 3);
  assert.deepEqual(stories.ids, ['s001', 's002', 's003', 's004', 's005', 's006', 's007']);
  assert.equal(stories.pages, 3);
  const articles = await walk('/articles', 2);
  assert.equal(articles.ids.length, 5);
  assert.equal(new Set(articles.ids).size, 5);
  assert.deepEqual(articles.ids, [...articles.ids].sort());
  const entities = await walk('/entities', 3);
  assert.equal(entities.ids.length, 14);
  assert.equal(new Set(entities.ids).size, 14);
  const scanned = createApp({ store, scanStories: 2 });
  let page = (await (await scanned.request('/entities?limit=50')).json()) as { items: unknown[]; next: string | null };
  assert.equal(page.items.length, 4, 'a scan budget of two stories ends the page early');
  assert.ok(page.next);
  page = (await (await scanned.request(`/entities?limit=50&cursor=${page.next}`)).json()) as typeof page;
  assert.equal(page.items.length, 4);
  await store.close();
});

test('quotes filter by speaker name or alias, whole words, case-insensitive', async () => {
  const store = await storeWith(3);
  const app = createApp({ store });
  const byName = (await (await app.request('/quotes?speaker=velden')).json()) as { items: { id: string; speakerName: string; story: string }[] };
  assert.deepEqual(byName.items.map((q) => q.id), ['s001-q1', 's002-q1', 's003-q1']);
  assert.equal(byName.items[0]?.speakerName, 'Mara Velden');
  const partial = (await (await app.request('/quotes?speaker=veld')).json()) as { items: unknown[] };
  assert.equal(partial.items.length, 0);
  const oneStory = (await (await app.request('/quotes?story=s002')).json()) as { items: { id: string }[] };
  assert.deepEqual(oneStory.items.map((q) => q.id), ['s002-q1', 's002-q2']);
  assert.equal((await app.request('/quotes?story=s999')).status, 404);
  await store.close();
});

test('reads never write: every GET route leaves the store untouched', async () => {
  const base = await storeWith(3);
  const [article] = await base.putArticles([plainTextArticle('The Osterby harbour crane collapsed on Sunday.')]);
  const { store, writes } = countingWrites(base);
  const app = createApp({ store });
  const paths = ['/healthz', '/stories', '/stories?q=harbour', '/stories/s002', '/articles', `/articles/${article?.id}`, '/entities', '/quotes?speaker=Velden', '/search?q=crane', '/report', '/report?story=s001', '/openapi.json', '/stories/s404', '/articles/nope'];
  for (const path of paths) {
    const res = await app.request(path);
    assert.ok(res.status === 200 || res.status === 404, `${path}: ${res.status}`);
  }
  assert.deepEqual(writes, []);
  await base.close();
});

test('GET /report is the story index beyond the whole-report size, and 404 before any analysis', async () => {
  const empty = await openStore(':memory:');
  const res = await createApp({ store: empty }).request('/report');
  assert.equal(res.status, 404);
  assert.match((await errorOf(res)).message, /analyze/);
  await empty.close();
  const store = await storeWith(4);
  const index = (await (await createApp({ store, fullReportMaxArticles: 0 }).request('/report?limit=2')).json()) as { schema: string; stories: { items: unknown[]; next: string | null } };
  assert.equal(index.schema, 'parallax.report-index/1');
  assert.equal(index.stories.items.length, 2);
  assert.ok(index.stories.next);
  await store.close();
});

test('article text that looks like markup comes back as JSON data, never as HTML', async () => {
  const store = await openStore(':memory:');
  const app = createApp({ store, token: TOKEN });
  const hostile = 'Kelm Wire\n\n<script>alert(1)</script> and <img src=x onerror=alert(2)> and [link](javascript:alert(3)) and </script><b>bold</b>\n\nThe council met on Monday to discuss the harbour crane.\n';
  const posted = await app.request('/articles?format=text', { method: 'POST', body: hostile, headers: auth });
  assert.equal(posted.status, 201);
  const id = ((await json(posted))['articles'] as { id: string }[])[0]?.id ?? '';
  const res = await app.request(`/articles/${id}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('content-security-policy'), "default-src 'none'");
  const { article } = (await res.json()) as { article: { text: string } };
  assert.ok(article.text.includes('<script>alert(1)</script>'), 'the text is kept verbatim as data');
  await store.replaceStories([storedStory(1, '<img src=x onerror=alert(1)> harbour')], []);
  const list = await app.request('/stories');
  assert.match(list.headers.get('content-type') ?? '', /^application\/json/);
  const page = (await list.json()) as { items: { title: string }[] };
  assert.equal(page.items[0]?.title, '<img src=x onerror=alert(1)> harbour');
  await store.close();
});

test('beyond max-in-flight requests are answered 429 at once', async () => {
  const store = await openStore(':memory:');
  const app = createApp({ store, token: TOKEN, maxInFlight: 1 });
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slowBody = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await gate;
      controller.enqueue(new TextEncoder().encode(ARTICLE));
      controller.close();
    },
  });
  const slow = app.request('/articles?format=text', { method: 'POST', body: slowBody, headers: auth, duplex: 'half' } as RequestInit);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const busy = await app.request('/stories');
  assert.equal(busy.status, 429);
  assert.equal(busy.headers.get('retry-after'), '1');
  release();
  assert.equal((await slow).status, 201);
  assert.equal((await app.request('/stories')).status, 200);
  await store.close();
});

test('CORS is off unless origins are named', async () => {
  const store = await storeWith(1);
  const off = await createApp({ store }).request('/stories', { headers: { Origin: 'https://elsewhere.example' } });
  assert.equal(off.headers.get('access-control-allow-origin'), null);
  const on = await createApp({ store, corsOrigins: ['https://desk.example'] }).request('/stories', { headers: { Origin: 'https://desk.example' } });
  assert.equal(on.headers.get('access-control-allow-origin'), 'https://desk.example');
  await store.close();
});

test('the UI is served from its folder, a missing build is a clear 503, and paths cannot leave the folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ui-'));
  try {
    const store = await openStore(':memory:');
    const missing = createApp({ store, uiDir: join(dir, 'none') });
    const page = await missing.request('/', { headers: { Accept: 'text/html' } });
    assert.equal(page.status, 503);
    assert.match(await page.text(), /not built/);
    const asJson = await missing.request('/');
    assert.equal((await errorOf(asJson)).code, 'ui-not-built');
    mkdirSync(join(dir, 'ui', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'ui', 'index.html'), '<!doctype html><title>UI</title>');
    writeFileSync(join(dir, 'ui', 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    const built = createApp({ store, uiDir: join(dir, 'ui') });
    const index = await built.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    assert.match(index.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const asset = await built.request('/assets/app-1.js');
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await built.request(path);
      assert.equal(res.status, 404, path);
    }
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('/openapi.json is OpenAPI 3.1 and lists every route with its parameters and responses', async () => {
  const store = await openStore(':memory:');
  const app = createApp({ store });
  const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(doc, JSON.parse(JSON.stringify(openApiDocument())));
  for (const route of ROUTE_LIST) {
    const op = doc.paths[route.path]?.[route.method];
    assert.ok(op, `${route.method} ${route.path}`);
    for (const name of Object.keys(route.query?.shape ?? {})) assert.ok(op.parameters.some((p) => p.name === name), `${route.path} ?${name}`);
    for (const status of Object.keys(route.responses)) assert.ok(op.responses[status], `${route.path} ${status}`);
  }
  // every route the app serves (besides the UI catch-all) is documented
  const served = app.routes.filter((r) => r.path !== '*' && r.path !== '/*' && r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  for (const r of served) {
    const [method, path] = r.split(' ') as [string, string];
    assert.ok(doc.paths[path]?.[method], `undocumented route ${r}`);
  }
  assert.ok(doc.components.schemas['StorySummary']);
  assert.ok(doc.components.schemas['ReportV1']);
  await store.close();
});

test('POST /articles?analyze=1 runs only the new articles through the engine, and GET /report is then the whole current report', async () => {
  const store = await openStore(':memory:');
  const app = createApp({ store, token: TOKEN });
  const post = async (body: string): Promise<Response> => app.request('/articles?format=text&analyze=1', { method: 'POST', body, headers: auth });
  assert.equal((await post('Kelm Wire\n\nFour people were hurt when the harbour crane fell in Velmora on Monday, police said.\n')).status, 201);
  assert.equal((await post('Eastline News\n\nFive people were hurt when a crane fell at Velmora harbour on Monday, officials said.\n')).status, 201);
  const report = (await (await app.request('/report')).json()) as Report;
  assert.equal(report.schema, 'parallax.report/1');
  assert.equal(report.articles.length, 2);
  assert.deepEqual(report.stories.flatMap((s) => s.articles).sort(), report.articles.map((a) => a.id).sort());
  await store.close();
});

test('regression: a posted body naming no outlet is listed under a guessed outlet (its URL host, else "posted"), never none', async () => {
  const store = await openStore(':memory:');
  const app = createApp({ store, token: TOKEN });
  const text = 'A tram left the rails in Osterby on Friday and two passengers were hurt, the transit board said.';
  const bare = await app.request('/articles?format=text', { method: 'POST', body: text, headers: auth });
  assert.equal(bare.status, 201);
  const [posted] = (await json(bare))['articles'] as { id: string; outlet: string | null }[];
  assert.equal(posted?.outlet, 'posted');
  const stored = await store.getArticle(posted?.id ?? '');
  assert.equal(stored?.meta.outlet, 'posted');
  assert.equal(stored?.meta.outletGuessed, true);
  assert.ok(stored?.diagnostics.some((d) => d.rule === 'outlet-guessed'));
  const listed = (await json(await app.request('/articles')))['items'] as { id: string; outlet: string | null }[];
  assert.deepEqual(listed.map((a) => a.outlet), ['posted']);
  // With a URL but no outlet, the host is the guess, as ingest guesses for a page.
  const withUrl = await app.request('/articles?url=https://www.kelm.example/tram', { method: 'POST', body: `${text} Service resumed at noon.`, headers: auth });
  const [hosted] = (await json(withUrl))['articles'] as { outlet: string | null }[];
  assert.equal(hosted?.outlet, 'kelm.example');
  // A named outlet is kept.
  const named = await app.request('/articles?outlet=Osterby%20Post', { method: 'POST', body: ARTICLE, headers: auth });
  assert.equal(((await json(named))['articles'] as { outlet: string | null }[])[0]?.outlet, 'Osterby Post');
  await store.close();
});

test('regression: a story id absorbed by a merge redirects to the story that absorbed it; an unknown id is still 404', async () => {
  const store = await openStore(':memory:');
  // The engine's index merges two reports of one flood when a bridging report arrives, and writes its rows.
  const index = new StoryIndex({ ...STORY_INDEX_DEFAULTS, threshold: 0.3, minDocumentFrequency: 1 });
  index.assign(plainTextArticle('Flooding in Marlow closed the river road on Sunday; the mayor ordered sandbags for the bridge.'));
  index.assign(plainTextArticle('Marlow residents left homes as the river rose on Sunday and rescue boats reached the old mill.'));
  await store.putEngineState(index.changes());
  assert.deepEqual(index.assign(plainTextArticle('Flooding in Marlow closed the river road on Sunday as residents left homes; the mayor ordered sandbags and rescue boats reached the old mill.')).absorbed, ['s2']);
  await store.putEngineState(index.changes());
  const survivor = storedStory(1);
  await store.replaceStories([{ ...survivor, summary: { ...survivor.summary, id: 's1' }, absorbed: ['s2'], report: storyReportOf('s1', 'Marlow flood', survivor.articleIds) }], ['s2']);
  const app = createApp({ store });
  const moved = await app.request('/stories/s2');
  assert.equal(moved.status, 301);
  assert.equal(moved.headers.get('location'), '/stories/s1');
  assert.equal((await app.request('/stories/s1')).status, 200);
  const report = await app.request('/report?story=s2');
  assert.equal(report.status, 301);
  assert.equal(report.headers.get('location'), '/report?story=s1');
  const quotes = await app.request('/quotes?story=s2');
  assert.equal(quotes.status, 200);
  assert.ok(((await json(quotes))['items'] as { story: string }[]).every((q) => q.story === 's1'));
  assert.equal((await app.request('/stories/s3')).status, 404);
  await store.close();
});

test('read answers carry an ETag: sent back it gets 304 while the story is unchanged, and 200 with a new tag once it changes', async () => {
  const store = await storeWith(2);
  const app = createApp({ store });
  for (const path of ['/stories', '/stories/s001', '/articles', '/entities', '/quotes', '/report?story=s001']) {
    const first = await app.request(path);
    assert.equal(first.status, 200, path);
    const tag = first.headers.get('etag');
    assert.match(tag ?? '', /^"[\w-]+"$/, `${path} has a strong ETag`);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    const same = await app.request(path, { headers: { 'If-None-Match': tag ?? '' } });
    assert.equal(same.status, 304, `${path} unchanged`);
    assert.equal(await same.text(), '');
    assert.equal(same.headers.get('etag'), tag);
    assert.equal((await app.request(path, { headers: { 'If-None-Match': '"another"' } })).status, 200);
  }
  const before = (await app.request('/stories/s001')).headers.get('etag') ?? '';
  const listBefore = (await app.request('/stories')).headers.get('etag') ?? '';
  await store.replaceStories([storedStory(1, 'Harbour story 1, updated')], []);
  const after = await app.request('/stories/s001', { headers: { 'If-None-Match': before } });
  assert.equal(after.status, 200, 'a changed story is sent again');
  assert.notEqual(after.headers.get('etag'), before);
  assert.equal((await app.request('/stories', { headers: { 'If-None-Match': listBefore } })).status, 200, 'the list changed too');
  const doc = openApiDocument() as { paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; responses: Record<string, { content?: unknown }> }>> };
  const op = doc.paths['/stories/{id}']?.['get'];
  assert.ok(op?.parameters.some((p) => p.name === 'If-None-Match' && p.in === 'header'));
  assert.equal(op?.responses['304']?.content, undefined, 'a 304 has no body');
  await store.close();
});

test('regression: a JSONL record no article can be read from is reported against the request body line, not "<stdin>"', async () => {
  const store = await openStore(':memory:');
  const app = createApp({ store, token: TOKEN });
  const res = await app.request('/articles', { method: 'POST', body: '{"text":"x"}\n', headers: { ...auth, 'Content-Type': 'application/x-ndjson' } });
  assert.equal(res.status, 400);
  const { message } = await errorOf(res);
  assert.match(message, /request body line 1/);
  assert.doesNotMatch(message, /<stdin>/);
  await store.close();
});

test('on a corpus past the whole-report size no GET route reads the corpus whole: each store read is a page of at most 500, a point lookup or one story', async () => {
  const base = await storeWith(12);
  const stored = await base.putArticles(Array.from({ length: 6 }, (_, i) => plainTextArticle(`The Osterby harbour crane number ${i} was inspected on Monday.`)));
  const calls: { method: string; args: unknown[] }[] = [];
  const store = new Proxy(base, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push({ method: String(prop), args });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const app = createApp({ store, fullReportMaxArticles: 5, scanStories: 4 });
  const paged = new Set(['listStories', 'listArticleHeaders', 'search']);
  const bounded = new Set(['getStory', 'getArticle', 'countArticles', 'getEngineState', 'storyOfArticles']);
  const paths = ['/healthz', '/stories', '/stories?q=harbour&limit=500', '/stories/s002', '/articles?limit=500', `/articles/${stored[0]?.id}`, '/entities?limit=500', '/quotes?limit=500', '/quotes?speaker=Velden', '/search?q=crane&limit=500', '/report', '/report?story=s001', '/stories/s404'];
  for (const path of paths) {
    calls.length = 0;
    const res = await app.request(path);
    assert.ok(res.status === 200 || res.status === 404, `${path}: ${res.status}`);
    for (const { method, args } of calls) {
      if (paged.has(method)) {
        const page = (method === 'search' ? args[1] : args[0]) as { limit: number };
        assert.ok(page.limit <= 500, `${path}: ${method} asked for ${page.limit}`);
      } else if (method === 'storyOfArticles' || method === 'getEngineState') {
        assert.ok((args[0] as unknown[]).length <= 500, `${path}: ${method} of ${(args[0] as unknown[]).length} ids`);
      } else {
        assert.ok(bounded.has(method), `${path} called ${method}, which reads more than a page`);
      }
    }
    assert.ok(calls.filter((c) => paged.has(c.method)).length <= 2, `${path} walked ${calls.filter((c) => paged.has(c.method)).length} pages`);
    // the scan budget bounds how many stories one entities or quotes request reads
    assert.ok(calls.filter((c) => c.method === 'getStory').length <= 4 + 1, `${path} read ${calls.filter((c) => c.method === 'getStory').length} stories`);
  }
  await base.close();
});
