// `npm run screenshots`: renders the demo's HTML report in Chromium and writes the README pictures to docs/.
import { chromiumMissing, launchBrowser } from './chromium.js';
import { htmlReportFor } from './html-report-file.js';
import { takeReadmeScreenshots } from './readme-screenshots.js';

const missing = chromiumMissing();
if (missing) {
  process.stderr.write(`${missing}\n`);
  process.exit(1);
}
const file = await htmlReportFor('examples');
const browser = await launchBrowser({ width: 1280, height: 860 });
try {
  const page = await browser.context.newPage();
  await page.goto(`${file.url}#/stories/${file.report.stories[0]!.id}`);
  await page.getByTestId('story-page').waitFor();
  for (const path of await takeReadmeScreenshots(page, 'docs')) process.stderr.write(`wrote ${path}\n`);
} finally {
  await browser.close();
  file.remove();
}
