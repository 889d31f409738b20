// Checks that hostile article text stayed text on a page: no payload ran, no dialog opened, nothing became markup.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Payloads of test/fixtures/xss that must be visible as text wherever an article's text is shown. */
export const PAYLOADS = ['<script>', 'onerror=', 'javascript:', '</script>', '](javascript:'] as const;

/** Records every dialog the page opens (and dismisses it), to assert none did. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** Every fixture payload sets window.__pwned or opens a dialog; none may have run, and none may have become markup. */
export async function assertInert(page: Page, dialogs: readonly string[], where: string): Promise<void> {
  assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined', `a payload ran on ${where}`);
  assert.deepEqual(dialogs, [], `a dialog opened on ${where}`);
  // A page script as a string: the test project is typed for Node, not the DOM.
  const markup = await page.evaluate(`(() => {
    const app = document.getElementById('app');
    const found = [];
    for (const el of app.querySelectorAll('script, img, iframe, object, embed, a[href^="javascript" i], [src]')) found.push(el.outerHTML.slice(0, 80));
    for (const el of app.querySelectorAll('*')) for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push(el.tagName + ' ' + attr.name);
    return found;
  })()`);
  assert.deepEqual(markup, [], `article markup became elements on ${where}`);
}
