// Hostile article text (test/fixtures/xss: <script>, onerror=, javascript: links, </script> inside the data, Markdown injection) renders as text everywhere.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { renderMarkdown } from '../../src/report/markdown.js';
import { blockNetwork, chromiumMissing, launchBrowser, withScreenshotOnFailure, type Browser } from './chromium.js';
import { htmlReportFor, type HtmlReportFile } from './html-report-file.js';
import { assertInert as assertInertOn, PAYLOADS, recordDialogs } from './inert.js';

const FIXTURE = 'test/fixtures/xss';
const skip = chromiumMissing();
let browser: Browser;
let file: HtmlReportFile;

before(async () => {
  if (skip) return;
  // One story, as a journalist would attach it: `report --format html --story s1`.
  file = await htmlReportFor(FIXTURE, 's1');
  browser = await launchBrowser();
  await blockNetwork(browser.context);
});

after(async () => {
  if (skip) return;
  await browser?.close();
  file?.remove();
});

async function hostilePage(): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.context.newPage();
  return { page, dialogs: recordDialogs(page) };
}

test('the story list, story page and each article show the payloads as text and run none of them', { skip: skip ?? false }, async () => {
  const { page, dialogs } = await hostilePage();
  const assertInert = (p: Page, where: string): Promise<void> => assertInertOn(p, dialogs, where);
  await withScreenshotOnFailure(page, 'xss', async () => {
    await page.goto(file.url);
    await page.getByTestId('story-list').waitFor();
    assert.match((await page.locator('.story-card h2').allTextContents()).join(' '), /<(img|svg)[ /]/);
    await assertInert(page, 'the story list');

    await page.locator('.story-card h2 a').first().click();
    await page.getByTestId('story-page').waitFor();
    await page.locator('.brief-line .cite').first().hover();
    await page.locator('mark.cited').waitFor();
    await assertInert(page, 'the story page');

    for (const article of file.report.articles) {
      const story = file.report.stories.find((s) => s.articles.includes(article.id))!;
      await page.goto(`${file.url}#/stories/${story.id}/articles/${article.id}`);
      await page.getByTestId('article-page').waitFor();
      const shown = (await page.getByTestId('article-text').innerText()).replace(/\s+/g, ' ');
      for (const payload of PAYLOADS.filter((p) => article.text.includes(p))) {
        assert.ok(shown.includes(payload), `${payload} should be visible as text in ${article.id}`);
      }
      await assertInert(page, `article ${article.id}`);
    }

    await page.goto(`${file.url}#/?q=${encodeURIComponent('<script>')}`);
    await page.locator('.hits').waitFor();
    await assertInert(page, 'the search results');
  });
  await page.close();
});

test('the Markdown brief of the fixture escapes markup, links and table rows from the articles', { skip: skip ?? false }, () => {
  const md = renderMarkdown(file.report, { full: true });
  assert.doesNotMatch(md, /<(script|img|svg|iframe|a)[\s>/]/i);
  assert.doesNotMatch(md, /[^\\]\]\(javascript:/);
  assert.doesNotMatch(md, /^\|\s*injected row/m);
  assert.doesNotMatch(md, /^#\s*Injected heading/m);
});
