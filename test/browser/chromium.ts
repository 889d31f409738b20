// Launches Debian's Chromium through playwright-core for the browser tests; skips without it, but fails under CI.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Why the browser tests cannot run here, or null when they can. Under CI a missing browser is an error, not a skip. */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const message = `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set PARALLAX_CHROMIUM)`;
  if (process.env.CI) throw new Error(`${message}; browser tests must run in CI`);
  return message;
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile per launch, removed on close. */
export async function launchBrowser(viewport = { width: 1280, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'parallax-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: FLAGS, viewport });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const RESULTS_DIR = 'test-results';

/** Runs a check on a page; on failure saves a full-page screenshot under test-results/ before rethrowing. */
export async function withScreenshotOnFailure<T>(page: Page, name: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (err) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const path = join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await page.screenshot({ path, fullPage: true }).catch(() => undefined);
    throw err;
  }
}

/** Blocks every request that is not file:// or data:, and records what was attempted. */
export async function blockNetwork(context: BrowserContext): Promise<string[]> {
  const attempted: string[] = [];
  await context.route(
    (url) => url.protocol !== 'file:' && url.protocol !== 'data:',
    async (route) => {
      attempted.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  return attempted;
}
