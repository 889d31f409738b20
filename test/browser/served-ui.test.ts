// The UI served by `parallax serve` over the demo: the story list comes from the JSON API, and the story shows the planted contradiction.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runQuietly } from './html-report-file.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { chromiumMissing, launchBrowser, withScreenshotOnFailure, type Browser } from './chromium.js';
import { ensureUiBuilt } from './ui-build.js';

const skip = chromiumMissing();
let browser: Browser;
let server: RunningServer;
let dir: string;
const foreign: string[] = [];
const api: string[] = [];

before(async () => {
  if (skip) return;
  ensureUiBuilt();
  dir = mkdtempSync(join(tmpdir(), 'parallax-served-'));
  const db = join(dir, 'p.db');
  assert.deepEqual(await runQuietly(['analyze', 'examples', '--db', db, '--format', 'json', '--out', join(dir, 'report.json')]), [0]);
  server = await startServer({ db, port: 0 });
  browser = await launchBrowser();
  // Only the server itself may be reached.
  await browser.context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(server.url)) {
      foreign.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    if (route.request().resourceType() === 'fetch') api.push(new URL(url).pathname);
    await route.continue();
  });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('served by parallax serve: the list loads from /stories, the story from /stories/{id}, and the contradiction shows both passages', { skip: skip ?? false }, async () => {
  const page = await browser.context.newPage();
  await withScreenshotOnFailure(page, 'served-ui', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('story-list').waitFor();
    const card = page.locator('.story-card').filter({ hasText: 'Ferry fire at Velmora terminal' });
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /disputed/);
    await card.getByRole('link').click();
    await page.getByTestId('story-page').waitFor();
    const sides = page.locator('[data-testid=difference][data-kind=time] [data-testid=difference-side]');
    assert.equal(await sides.count(), 2);
    assert.match((await sides.nth(0).textContent()) ?? '', /The Velmora Herald[\s\S]*Tuesday evening/);
    assert.match((await sides.nth(1).textContent()) ?? '', /Eastline News[\s\S]*Monday evening/);
    assert.ok(api.includes('/stories'), `the list came from the API (${api.join(', ')})`);
    assert.ok(api.some((p) => /^\/stories\/[^/]+$/.test(p)), 'the story came from the API');
    assert.deepEqual(foreign, []);
  });
  await page.close();
});
