// A 50-article story: its one-file HTML report stays under 5 MB, and Chromium's time to first render of the story page is measured.
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadUiBundle, renderHtml } from '../../src/report/html.js';
import { filterReportToStory } from '../../src/report/filter-report.js';
import { reportSchema } from '../../src/report/schema.js';
import { blockNetwork, chromiumMissing, launchBrowser, withScreenshotOnFailure, type Browser } from './chromium.js';
import { htmlReportFor, type HtmlReportFile } from './html-report-file.js';
import { scaleReport } from './scale-report.js';

const ARTICLES = 50;
const MAX_BYTES = 5 * 1024 * 1024;
/** A generous ceiling on a 2-core shared machine; the figure printed is what matters. */
const MAX_FIRST_RENDER_MS = 8000;
const RUNS = 5;

const skip = chromiumMissing();
let browser: Browser;
let demo: HtmlReportFile;
let dir: string;
let url: string;
let bytes = 0;

before(async () => {
  if (skip) return;
  demo = await htmlReportFor('examples');
  const story = demo.report.stories[0]!.id;
  const big = filterReportToStory(scaleReport(demo.report, ARTICLES), story)!;
  reportSchema.parse(big);
  assert.equal(big.articles.length, ARTICLES);
  dir = mkdtempSync(join(tmpdir(), 'parallax-50-'));
  const path = join(dir, 'story.html');
  writeFileSync(path, renderHtml(big, loadUiBundle()));
  bytes = statSync(path).size;
  url = `${pathToFileURL(path).href}#/stories/${story}`;
  browser = await launchBrowser();
  await blockNetwork(browser.context);
});

after(async () => {
  if (skip) return;
  await browser?.close();
  demo?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`the HTML report of a ${ARTICLES}-article story is under 5 MB`, { skip: skip ?? false }, (t: TestContext) => {
  t.diagnostic(`${ARTICLES}-article story report: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
  assert.ok(bytes < MAX_BYTES, `${bytes} bytes`);
  assert.ok(readFileSync(join(dir, 'story.html'), 'utf8').includes('Ferry fire'));
});

test(`time to first render of the ${ARTICLES}-article story page`, { skip: skip ?? false }, async (t: TestContext) => {
  const times: number[] = [];
  const boots: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.context.newPage();
    await withScreenshotOnFailure(page, 'first-render', async () => {
      await page.goto(url);
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
  const median = times[Math.floor(times.length / 2)]!;
  boots.sort((a, b) => a - b);
  const bootMedian = boots[Math.floor(boots.length / 2)] ?? NaN;
  t.diagnostic(`of which page load until the UI script starts: median ${bootMedian.toFixed(0)} ms; machine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  t.diagnostic(`first render of a ${ARTICLES}-article story page (Chromium, file://, ${RUNS} runs): median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`);
  process.stderr.write(`first render, ${ARTICLES}-article story: median ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)}; script start at ${bootMedian.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores); report ${(bytes / 1024 / 1024).toFixed(2)} MB\n`);
  assert.ok(median < MAX_FIRST_RENDER_MS, `median ${median} ms`);
});
