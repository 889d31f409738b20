// stripNoise drops markup no step reads before parsing, and leaves what it cannot drop safely to the parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonLdSpans, stripNoise } from './readability-extract.js';

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

test('jsonLdSpans finds exactly the JSON-LD scripts the plain regex finds, whatever surrounds the "ld+json" literal', () => {
  const byRegex = (html: string): Array<readonly [number, number]> =>
    [...html.matchAll(/<script\b[^>]*ld\+json[^>]*>[\s\S]*?<\/script\s*>/gi)].map((m) => [m.index, m.index + m[0].length] as const);
  const cases = [
    '<p>We publish ld+json for the Tidewater Post.</p><script type="application/ld+json">{"a":"<!-- x -->"}</script><p>after</p>',
    '<script data-note="a<b" TYPE="APPLICATION/LD+JSON">{"b":1}</SCRIPT ><script>var ld+json;</script><img src=x>',
    '<script type="application/ld+json">{"c":"<img src=y>"}</script><script type="application/ld+json">{"d":2}',
    '<div title="ld+json>"><script>ld+json</script><script type=application/ld+json>{}</script></div>',
    'ld+json<script type="application/ld+json">{"e":"<nav>Harbor</nav>"}</script>',
    '<script type="text/javascript">x</script><scripts ld+json></script><script\nid=a type="application/ld+json"\n>{}</script\n>',
  ];
  for (const html of cases) assert.deepEqual(jsonLdSpans(html), byRegex(html), html);
});
