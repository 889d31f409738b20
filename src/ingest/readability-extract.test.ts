// stripNoise drops markup no step reads before parsing, and leaves what it cannot drop safely to the parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripNoise } from './readability-extract.js';

test('drops scripts, styles, comments, media, form controls and simple navigation bars', () => {
  const page = `<head><script>var a = "<p>x</p>";</script><style>p{}</style></head><body><!-- ad slot -->
<nav class="top"><a href="/">Home</a><a href="/port">Port</a></nav><img alt="a > b" src="x.jpg"><picture><source srcset="y.webp"></picture>
<p>The ferry <button>Share</button>resumed on Monday.</p><select><option>Edition</option></select></body>`;
  const lean = stripNoise(page);
  for (const gone of ['var a', 'p{}', 'ad slot', 'Home', 'x.jpg', 'a > b', 'y.webp', 'Share', 'Edition']) assert.ok(!lean.includes(gone), gone);
  assert.match(lean, /<p>The ferry  resumed on Monday\.<\/p>/);
});

test('keeps JSON-LD, nested or unclosed navigation and navigation holding a script for the parser', () => {
  const ld = '<script type="application/ld+json">{"articleBody":"<nav>quoted</nav>"}</script>';
  assert.ok(stripNoise(ld).includes('{"articleBody":"<nav>quoted</nav>"}'));
  const nested = '<nav><ul><li><nav>Sub</nav></li><li>More</li></ul></nav><p>Story text.</p>';
  assert.equal(stripNoise(nested), nested);
  const unclosed = '<nav><a href="/">Home</a><p>Story text.</p>';
  assert.equal(stripNoise(unclosed), unclosed);
});
