// The two README pictures: the story page with a citation's passage shown, and one conflict side by side.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_FILES = { story: 'story-page.png', conflict: 'conflict.png' } as const;

/** `page` shows a story (1280 px wide); writes both pictures into `dir`. */
export async function takeReadmeScreenshots(page: Page, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const story = join(dir, SCREENSHOT_FILES.story);
  const conflict = join(dir, SCREENSHOT_FILES.conflict);
  await page.locator('.brief-line .cite').first().hover();
  await page.locator('mark.cited').waitFor();
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: story });
  await page.mouse.move(0, 0);
  const difference = page.locator('[data-testid=difference][data-kind=time]').first();
  await difference.scrollIntoViewIfNeeded();
  await difference.screenshot({ path: conflict });
  return [story, conflict];
}
