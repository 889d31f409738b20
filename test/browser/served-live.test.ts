// The UI over `parallax serve` as the corpus changes: posted articles reach an open page, a merged story's old link
// opens the story that absorbed it, and hostile articles posted through the API render as text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runQuietly } from './html-report-file.js';
import { absorbedKey } from '../../src/engine/story-index.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { openStore } from '../../src/store/open-store.js';
import { POLL_MS } from '../../ui/src/poll.js';
import { chromiumMissing, launchBrowser, withScreenshotOnFailure, type Browser } from './chromium.js';
import { assertInert, PAYLOADS, recordDialogs } from './inert.js';
import { ensureUiBuilt } from './ui-build.js';

const TOKEN = 'browser-test-token-0123456789';
const skip = chromiumMissing();
let browser: Browser;
let server: RunningServer;
let dir: string;
let db: string;
const problems: string[] = [];

before(async () => {
  if (skip) return;
  ensureUiBuilt();
  dir = mkdtempSync(join(tmpdir(), 'parallax-live-'));
  db = join(dir, 'p.db');
  assert.deepEqual(await runQuietly(['analyze', 'examples', '--db', db, '--format', 'json', '--out', join(dir, 'report.json')]), [0]);
  server = await startServer({ db, port: 0, token: TOKEN });
  browser = await launchBrowser();
  await browser.context.route('**/*', async (route) => {
    if (route.request().url().startsWith(server.url)) return route.continue();
    problems.push(`request off the server: ${route.request().url()}`);
    return route.abort('blockedbyclient');
  });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function post(body: string, query: string): Promise<{ status: number; stories: string[] }> {
  const res = await fetch(`${server.url}/articles?analyze=1&format=text&${query}`, { method: 'POST', body, headers: { Authorization: `Bearer ${TOKEN}` } });
  const json = (await res.json()) as { stories?: string[] };
  return { status: res.status, stories: json.stories ?? [] };
}

/** A page whose timers the test moves on (the UI polls every POLL_MS), failing on a console error or a failed request. */
async function livePage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.clock.install();
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
  page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
  return page;
}

/** One text article's outlet, title and date, as POST /articles takes them in the query. */
function described(outlet: string, title: string, published: string): string {
  return new URLSearchParams({ outlet, title, published }).toString();
}

const FERRY_UPDATE = [
  'An inquiry opened on Thursday into the fire aboard the ferry Saint Brendan at the Velmora ferry terminal, the Velmora Port Authority said. Mayor Dmytro Kovalsky said the terminal would stay closed while investigators examined the car deck of the Saint Brendan.',
  '',
  'Arcline Ferries said sailings from Velmora to Skerrin remained suspended after the fire.',
].join('\n');

const NEW_EVENT = [
  'A harbour crane collapsed onto the quay in Osterby on Thursday, injuring two dock workers, the Osterby port director said. Work on the north quay was halted while engineers inspected the crane base.',
].join('\n');

test('an open story page learns that the story changed, and shows the new article when asked', { skip: skip ?? false }, async () => {
  const page = await livePage();
  await withScreenshotOnFailure(page, 'served-live-story', async () => {
    await page.goto(`${server.url}/#/stories/s1`);
    await page.getByTestId('story-page').waitFor();
    assert.equal(await page.locator('.article-list li').count(), 8);
    const posted = await post(FERRY_UPDATE, described('Skerrin Bulletin', 'Velmora ferry fire: inquiry opens into Saint Brendan blaze', '2026-03-12T09:30'));
    assert.equal(posted.status, 201);
    assert.deepEqual(posted.stories, ['s1'], 'the update joins the ferry story');
    assert.equal(await page.getByTestId('update-notice').count(), 0, 'nothing is said before the page asks');
    await page.clock.runFor(POLL_MS + 1000);
    const notice = page.getByTestId('update-notice');
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Show the latest' }).click();
    await page.locator('.article-list li').nth(8).waitFor();
    assert.match((await page.locator('.article-list').textContent()) ?? '', /Skerrin Bulletin: Velmora ferry fire: inquiry opens/);
    assert.equal(await page.getByTestId('update-notice').count(), 0, 'the notice goes once the update is shown');
    // Unchanged since: the next polls are answered 304 and say nothing.
    await page.clock.runFor(2 * POLL_MS + 1000);
    assert.equal(await page.getByTestId('update-notice').count(), 0);
  });
  await page.close();
});

test('the story list learns of a new story, and lists it when asked', { skip: skip ?? false }, async () => {
  const page = await livePage();
  await withScreenshotOnFailure(page, 'served-live-list', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('.story-card').first().waitFor();
    const before = await page.locator('.story-card').count();
    const posted = await post(NEW_EVENT, described('Osterby Post', 'Harbour crane collapses in Osterby, two dock workers hurt', '2026-03-12T11:00'));
    assert.equal(posted.status, 201);
    await page.clock.runFor(POLL_MS + 1000);
    await page.getByTestId('update-notice').getByRole('button', { name: 'Show the latest' }).click();
    await page.locator('.story-card').nth(before).waitFor();
    const card = page.locator('.story-card', { hasText: 'Harbour crane collapses in Osterby' });
    assert.match((await card.textContent()) ?? '', /Outlets: Osterby Post/);
  });
  await page.close();
});

test('the link of a story a merge absorbed opens the story that absorbed it, under its id', { skip: skip ?? false }, async () => {
  // What the engine writes when story s1 absorbs s9: the absorbed id points at its survivor.
  const store = await openStore(db);
  try {
    await store.putEngineState([{ key: absorbedKey('s9'), value: 's1' }]);
  } finally {
    await store.close();
  }
  const page = await livePage();
  await withScreenshotOnFailure(page, 'served-absorbed', async () => {
    await page.goto(`${server.url}/#/stories/s9`);
    await page.getByTestId('story-page').waitFor();
    await page.waitForFunction('location.hash === "#/stories/s1"');
    assert.match((await page.locator('h1').textContent()) ?? '', /Ferry fire at Velmora/);
    // An unknown id is still "no such story" (its 404, and the browser's note of it, are expected here only).
    const before = problems.length;
    await page.goto(`${server.url}/#/stories/s404`);
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /No story s404/);
    assert.ok(problems.slice(before).every((p) => /404/.test(p)), problems.slice(before).join('; '));
    problems.splice(before);
  });
  await page.close();
});

test('hostile articles posted through the API render as text in the served UI: list, story, articles and search', { skip: skip ?? false }, async () => {
  const fixtures = readdirSync('test/fixtures/xss').filter((f) => f.endsWith('.txt'));
  const stories = new Set<string>();
  for (const name of fixtures) {
    const posted = await post(readFileSync(join('test/fixtures/xss', name), 'utf8'), '');
    assert.equal(posted.status, 201, name);
    for (const s of posted.stories) stories.add(s);
  }
  const page = await browser.context.newPage();
  const dialogs = recordDialogs(page);
  await withScreenshotOnFailure(page, 'served-xss', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('.story-card').first().waitFor();
    await page.locator('.story-card', { hasText: /<(img|svg)[ /]/ }).first().waitFor();
    await assertInert(page, dialogs, 'the served story list');
    for (const story of stories) {
      await page.goto(`${server.url}/#/stories/${story}`);
      await page.getByTestId('story-page').waitFor();
      const cite = page.locator('.brief-line .cite').first();
      if (await cite.count()) {
        await cite.hover();
        await page.locator('mark.cited').waitFor();
      }
      await assertInert(page, dialogs, `served story ${story}`);
      const ids = await page.locator('.article-list a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      for (const link of ids) {
        await page.goto(`${server.url}/${link}`);
        await page.getByTestId('article-page').waitFor();
        const shown = (await page.getByTestId('article-text').innerText()).replace(/\s+/g, ' ');
        if (shown.includes('Brimley')) assert.ok(PAYLOADS.some((p) => shown.includes(p)), `payloads shown as text in ${link}`);
        await assertInert(page, dialogs, `served article ${link}`);
      }
    }
    await page.goto(`${server.url}/#/?q=${encodeURIComponent('footbridge script')}`);
    await page.locator('.hits li').first().waitFor();
    await assertInert(page, dialogs, 'the served search results');
  });
  await page.close();
});

test('nothing failed along the way: no console error, no failed request, nothing asked of another host', { skip: skip ?? false }, () => {
  assert.deepEqual(problems, []);
});
