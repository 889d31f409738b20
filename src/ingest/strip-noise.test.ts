// stripNoise drops markup no step reads before parsing, and leaves what it cannot drop safely to the parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLdJson, jsonLdSpans, replaceNoise, stripNoise } from './strip-noise.js';
import { cpuMsOf } from '../../test/helpers/cpu-time.js';

test('drops scripts, styles, comments, media, form controls and simple navigation bars', () => {
  const page = `<head><script>var a = "<p>x</p>";</script><style>p{}</style></head><body><!-- ad slot -->
<nav class="top"><a href="/">Home</a><a href="/port">Port</a></nav><img alt="a > b" src="x.jpg"><picture><source srcset="y.webp"></picture>
<p>The ferry <button>Share</button>resumed on Monday.</p><select><option>Edition</option></select></body>`;
  const lean = stripNoise(page);
  for (const gone of ['var a', 'p{}', 'ad slot', 'Home', 'x.jpg', 'a > b', 'y.webp', 'Share', 'Edition']) assert.ok(!lean.includes(gone), gone);
  assert.match(lean, /<p>The ferry  resumed on Monday\.<\/p>/);
});

test('comments, scripts and styles leave nothing between the words around them, as a browser shows them', () => {
  // server-rendered React pages split one word into text nodes with empty comments between them
  assert.equal(stripNoise('<p>Ev<!-- -->en the harbour<!-- --> <!-- -->master agreed.</p>'), '<p>Even the harbour master agreed.</p>');
  assert.equal(stripNoise('<p>Tide<script>t()</script>water<style>b{}</style>s</p>'), '<p>Tidewaters</p>');
  // controls and media take room on the line: still a gap
  assert.equal(stripNoise('<p>Ferry<button>Share</button>news</p>'), '<p>Ferry news</p>');
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
    [...html.matchAll(/<script\b[^>]*ld\+json[^>]*>[\s\S]*?<\/script[\t\n\f\r ]*>/gi)].map((m) => [m.index, m.index + m[0].length] as const);
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

/** The single regex replacement replaceNoise must equal (a copy of the pattern, so a change to one is caught). */
const NOISE =
  /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script[\t\n\f\r ]*>|<style\b[\s\S]*?<\/style[\t\n\f\r ]*>|<svg\b[\s\S]*?<\/svg[\t\n\f\r ]*>|<!--[\s\S]*?-->|<noscript\b[\s\S]*?<\/noscript[\t\n\f\r ]*>|<(?:img|source|input|track|embed)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<(picture|video|audio|select|button|iframe|object|canvas)\b[\s\S]*?<\/\1[\t\n\f\r ]*>/gi;

test('replaceNoise equals the one-regex replacement (an <img> tag left bare) on tricky and random markup', () => {
  const cases = [
    '<SCRIPT>a</script><Style>b</STYLE><svg><path/></svg><!-- c --><NoScript>d</noscript><IMG src="a>b"><p>Kept</p>',
    '<script type="application/ld+json">{}</script><scriptx>k</scriptx><img><<img src=1><video>v</VIDEO ><a>x</a>',
    '<select><button>b</button></select><iframe src=x></iframe><object>o</object><canvas>c</canvas><!-- unclosed <p>tail',
    '<stylesheet>no</stylesheet><svg2>k</svg2><input value=\'a>b\'><track><embed><source>ſcript <ſcript>x</script>',
    '', '<', 'plain text', '<img', '<picture>unclosed',
  ];
  const pieces = ['<', '>', 'script', 'style', 'svg', '!--', '-->', 'img', 'nav', '</', 'video', '"', "'", ' ', 'ld+json', 'p', 'B', 'VIDEO', 'x', 'noScript', 'SELECT', '\n', '\u00a0', '=', 'scripts', 'sVg'];
  let seed = 7;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  for (let k = 0; k < 3000; k++) {
    let s = '';
    for (let j = rand(40); j > 0; j--) s += pieces[rand(pieces.length)];
    cases.push(s);
  }
  const replacement = (m: string): string => (/^<img\b/i.test(m) ? '<img>' : /^<(?:!--|script|style)/i.test(m) ? '' : ' ');
  for (const html of cases) assert.equal(replaceNoise(html), html.replace(NOISE, replacement), html);
});

test('findLdJson finds the first "ld+json" in any ASCII case at or after the start', () => {
  const re = /ld\+json/gi;
  const cases = ['ld+json', 'x LD+JSON y ld+json', '+json ld+jso ld+json', 'lD+JsOn', 'l+json d+json', '++ld+json+', 'ıd+json ld+ſon', ''];
  for (const html of cases) {
    for (let from = 0; from <= html.length; from++) {
      re.lastIndex = from;
      assert.equal(findLdJson(html, from), re.exec(html)?.index ?? -1, `${html} @${from}`);
    }
  }
});

test('pages with thousands of scripts, unclosed scripts or unclosed comments are stripped in linear time', () => {
  // each of these once searched the rest of the page per tag: for a '+' after every script tag, for a missing
  // </script>, '>' or '-->' (20 MB of the first took a minute)
  const closed = '<p>Ferry news, day one.</p><script>var a = 1;</script>'.repeat(60_000);
  // unclosed noise is not dropped: it is left to the parser as it stands
  const unclosed = ['<p>x</p><script>var a = 1;', '<p>x</p><!-- open', '<p>x</p><script', '<p>x</p><style>p{}'].map((piece) => piece.repeat(60_000));
  for (const html of [closed, ...unclosed]) {
    const { value: lean, ms } = cpuMsOf(() => stripNoise(html));
    assert.ok(ms < 5_000, `${html.slice(0, 30)}: ${Math.round(ms)} ms of CPU`);
    if (html === closed) assert.equal(lean, '<p>Ferry news, day one.</p>'.repeat(60_000));
    else assert.equal(lean, html);
  }
});
