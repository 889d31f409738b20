// The demo's one-file HTML report in Chromium from file:// with the network blocked: the story, its planted contradiction, cited passages, 360 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { blockNetwork, chromiumMissing, launchBrowser, RESULTS_DIR, withScreenshotOnFailure, type Browser } from './chromium.js';
import { htmlReportFor, type HtmlReportFile } from './html-report-file.js';
import { takeReadmeScreenshots } from './readme-screenshots.js';
import { existsSync } from 'node:fs';

const skip = chromiumMissing();
let browser: Browser;
let file: HtmlReportFile;
let attempted: string[] = [];

before(async () => {
  if (skip) return;
  file = await htmlReportFor('examples');
  browser = await launchBrowser();
  attempted = await blockNetwork(browser.context);
});

after(async () => {
  if (skip) return;
  await browser?.close();
  file?.remove();
});

async function openStory(page: Page): Promise<void> {
  await page.goto(file.url);
  await page.getByRole('link', { name: /Ferry fire at Velmora terminal/ }).click();
  await page.getByTestId('story-page').waitFor();
}

// Page scripts are strings: the test project is typed for Node, not the DOM.
const noOverflow = async (page: Page): Promise<boolean> => (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;

test('the story shows the planted contradiction (Tuesday vs Monday evening) with both passages side by side and the differing words marked', { skip: skip ?? false }, async () => {
  const page = await browser.context.newPage();
  await withScreenshotOnFailure(page, 'html-report-contradiction', async () => {
    await openStory(page);
    const time = page.locator('[data-testid=difference][data-kind=time]');
    await time.waitFor();
    const sides = time.getByTestId('difference-side');
    assert.equal(await sides.count(), 2);
    const conflict = file.report.claims.flatMap((c) => c.conflicts).find((c) => c.kind === 'time');
    assert.ok(conflict, 'the demo report has a time conflict');
    const passages = conflict.cites.map((c) => file.report.articles.find((a) => a.id === c.article)!.text.slice(c.start, c.end));
    const left = (await sides.nth(0).locator('blockquote').textContent()) ?? '';
    const right = (await sides.nth(1).locator('blockquote').textContent()) ?? '';
    assert.equal(left, passages[0]);
    assert.equal(right, passages[1]);
    assert.match(left, /Tuesday evening/);
    assert.match(right, /Monday evening/);
    assert.match((await sides.nth(0).locator('del').allTextContents()).join(' '), /Tuesday/);
    assert.match((await sides.nth(1).locator('ins').allTextContents()).join(' '), /Monday/);
    assert.match((await sides.nth(0).locator('figcaption').textContent()) ?? '', /The Velmora Herald/);
    assert.match((await sides.nth(1).locator('figcaption').textContent()) ?? '', /Eastline News/);
  });
  await page.close();
});

test('hovering a citation highlights its passage in the article; keyboard focus does too, and a click pins it', { skip: skip ?? false }, async () => {
  const page = await browser.context.newPage();
  await withScreenshotOnFailure(page, 'html-report-citation', async () => {
    await openStory(page);
    const passageOf = async (chip: ReturnType<Page['locator']>): Promise<string> => {
      const [article, start, end] = await Promise.all(['data-article', 'data-start', 'data-end'].map((a) => chip.getAttribute(a)));
      return file.report.articles.find((a) => a.id === article)!.text.slice(Number(start), Number(end));
    };
    const cited = page.locator('[data-testid=source-panel] mark.cited .cited-text');
    const first = page.locator('.brief-line .cite').first();
    await first.hover();
    await cited.waitFor();
    assert.equal(await cited.textContent(), await passageOf(first));
    assert.ok(await cited.isVisible());

    const second = page.locator('.brief-line .cite').nth(3);
    await page.mouse.move(0, 0);
    await second.focus();
    assert.equal(await cited.textContent(), await passageOf(second));

    await second.click();
    assert.equal(await second.getAttribute('aria-pressed'), 'true');
    await page.locator('h1').hover();
    await page.locator('h1').click();
    assert.equal(await cited.textContent(), await passageOf(second), 'the pinned passage stays after the pointer leaves');
  });
  await page.close();
});

test('the keyboard alone reaches a source chip with Tab and shows its passage; Enter pins it', { skip: skip ?? false }, async () => {
  const page = await browser.context.newPage();
  await withScreenshotOnFailure(page, 'html-report-keyboard', async () => {
    await openStory(page);
    await page.locator('h1').click();
    let focused = '';
    for (let tab = 0; tab < 40 && focused !== 'cite'; tab++) {
      await page.keyboard.press('Tab');
      focused = String(await page.evaluate('document.activeElement && document.activeElement.className'));
    }
    assert.equal(focused, 'cite', 'a source chip is reachable with Tab');
    const cited = page.locator('[data-testid=source-panel] mark.cited .cited-text');
    await cited.waitFor();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate("document.activeElement.getAttribute('aria-pressed')"), 'true');
  });
  await page.close();
});

test('an article shows its layers, toggles them off, and shows removed boilerplate greyed with its reason', { skip: skip ?? false }, async () => {
  const page = await browser.context.newPage();
  await withScreenshotOnFailure(page, 'html-report-article', async () => {
    const withRemoved = file.report.articles.find((a) => a.removed.length > 0)!;
    const story = file.report.stories.find((s) => s.articles.includes(withRemoved.id))!;
    await page.goto(`${file.url}#/stories/${story.id}/articles/${withRemoved.id}`);
    await page.getByTestId('article-page').waitFor();
    assert.equal(await page.getByTestId('article-text').textContent().then((t) => t?.replace(/\s+/g, ' ').length ?? 0) > 0, true);
    assert.ok((await page.locator('.l-entities').count()) > 0);
    assert.ok((await page.locator('.l-quotes').count()) > 0);
    await page.locator('input[data-layer=entities]').uncheck();
    assert.equal(await page.locator('.l-entities').count(), 0);
    const removed = page.getByTestId('removed-item');
    assert.equal(await removed.count(), withRemoved.removed.length);
    assert.match((await removed.first().textContent()) ?? '', new RegExp(`removed: ${withRemoved.removed[0]!.reason}`));
  });
  await page.close();
});

test('at 360 px wide the list, the story and an article have no horizontal overflow', { skip: skip ?? false }, async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await withScreenshotOnFailure(page, 'html-report-360', async () => {
    await page.goto(file.url);
    await page.getByTestId('story-list').waitFor();
    assert.ok(await noOverflow(page), 'story list overflows at 360 px');
    await openStory(page);
    assert.ok(await noOverflow(page), 'story page overflows at 360 px');
    await page.locator('[data-testid=difference]').first().scrollIntoViewIfNeeded();
    await page.locator('.article-list a').first().click();
    await page.getByTestId('article-page').waitFor();
    assert.ok(await noOverflow(page), 'article page overflows at 360 px');
  });
  await page.close();
});

/** `npm run screenshots` runs this file with it set: the test run then writes the README's pictures into docs/. */
const PICTURES_DIR = process.env.PARALLAX_UPDATE_SCREENSHOTS ? 'docs' : RESULTS_DIR;

test('the README pictures (story page, a conflict) are made from the report', { skip: skip ?? false }, async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await withScreenshotOnFailure(page, 'html-report-readme-pictures', async () => {
    await openStory(page);
    for (const path of await takeReadmeScreenshots(page, PICTURES_DIR)) assert.ok(existsSync(path), path);
  });
  await page.close();
});

test('the report made no network request at all', { skip: skip ?? false }, () => {
  assert.deepEqual(attempted, []);
});
