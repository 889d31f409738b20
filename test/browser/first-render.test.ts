// A 50-article story, analyzed from 50 invented reports as a user would: its one-file HTML report stays under 5 MB,
// and Chromium's time to first render of its story page is measured.
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/program.js';
import { startServer } from '../../src/server/serve.js';
import type { Report } from '../../src/report/schema.js';
import { writeBigStory } from './big-story.js';
import { blockNetwork, chromiumMissing, launchBrowser, withScreenshotOnFailure, type Browser } from './chromium.js';
import { ensureUiBuilt } from './ui-build.js';

const ARTICLES = 50;
const MAX_BYTES = 5 * 1024 * 1024;
/** A generous ceiling on a 2-core shared machine; the figure printed is what matters. */
const MAX_FIRST_RENDER_MS = 8000;
const RUNS = 5;

const skip = chromiumMissing();
let browser: Browser;
let dir: string;
let url: string;
let bytes = 0;
let story: Report['stories'][number];

before(async () => {
  if (skip) return;
  ensureUiBuilt();
  dir = mkdtempSync(join(tmpdir(), 'parallax-50-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  writeBigStory(input, ARTICLES);
  const db = join(dir, 'p.db');
  const path = join(dir, 'story.html');
  const quiet = process.stderr.write;
  process.stderr.write = () => true;
  try {
    assert.equal(await main(['analyze', input, '--db', db, '--format', 'json', '--out', join(dir, 'report.json')]), 0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    story = [...report.stories].sort((a, b) => b.articles.length - a.articles.length)[0]!;
    assert.equal(await main(['report', '--db', db, '--format', 'html', '--story', story.id, '--out', path]), 0);
  } finally {
    process.stderr.write = quiet;
  }
  bytes = statSync(path).size;
  url = `${pathToFileURL(path).href}#/stories/${story.id}`;
  browser = await launchBrowser();
  await blockNetwork(browser.context);
});

after(async () => {
  if (skip) return;
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`the HTML report of a ${ARTICLES}-article story is under 5 MB`, { skip: skip ?? false }, (t: TestContext) => {
  t.diagnostic(`${ARTICLES}-article story report: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
  assert.equal(story.articles.length, ARTICLES, 'the 50 reports of one event make one story');
  assert.ok(bytes < MAX_BYTES, `${bytes} bytes`);
  assert.ok(readFileSync(join(dir, 'story.html'), 'utf8').includes('Tanner Street bridge'));
});

/** Opens `target` RUNS times in fresh pages; the median, min and max time to the story page's render mark, and to the UI script's start. */
async function firstRender(context: Browser['context'], target: string, name: string): Promise<{ median: number; min: number; max: number; boot: number }> {
  const times: number[] = [];
  const boots: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    await withScreenshotOnFailure(page, name, async () => {
      await page.goto(target);
      await page.getByTestId('story-page').waitFor();
      const mark = await page.evaluate(() => performance.getEntriesByName('parallax:story-rendered')[0]?.startTime ?? null);
      const boot = await page.evaluate(() => performance.getEntriesByName('parallax:boot')[0]?.startTime ?? null);
      if (boot !== null && mark !== null) boots.push(boot);
      assert.ok(mark !== null, 'the story page sets its render mark');
      times.push(mark);
    });
    await page.close();
  }
  times.sort((a, b) => a - b);
  boots.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]!, boot: boots[Math.floor(boots.length / 2)] ?? NaN };
}

function say(t: TestContext, where: string, r: { median: number; min: number; max: number; boot: number }): void {
  const line = `first render of a ${ARTICLES}-article story page (Chromium, ${where}, ${RUNS} runs): median ${r.median.toFixed(0)} ms, min ${r.min.toFixed(0)} ms, max ${r.max.toFixed(0)} ms; UI script starts at ${r.boot.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
  t.diagnostic(line);
  process.stderr.write(`${line}\n`);
}

test(`time to first render of the ${ARTICLES}-article story page from its HTML report (file://)`, { skip: skip ?? false }, async (t: TestContext) => {
  const r = await firstRender(browser.context, url, 'first-render');
  say(t, `file://, report ${(bytes / 1024 / 1024).toFixed(2)} MB`, r);
  assert.ok(r.median < MAX_FIRST_RENDER_MS, `median ${r.median} ms`);
});

test(`time to first render of the ${ARTICLES}-article story page served by parallax serve`, { skip: skip ?? false }, async (t: TestContext) => {
  const server = await startServer({ db: join(dir, 'p.db'), port: 0 });
  const served = await launchBrowser();
  try {
    await served.context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort('blockedbyclient')));
    const r = await firstRender(served.context, `${server.url}/#/stories/${story.id}`, 'first-render-served');
    say(t, 'over HTTP from 127.0.0.1', r);
    assert.ok(r.median < MAX_FIRST_RENDER_MS, `median ${r.median} ms`);
  } finally {
    await served.close();
    await server.close();
  }
});
