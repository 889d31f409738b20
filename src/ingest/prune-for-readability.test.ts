import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from './html-dom.js';
import { pruneForReadability } from './prune-for-readability.js';

test('navigation, hidden blocks, scripts and unread attributes are dropped; story markup and classes stay', () => {
  const html = `<html lang="en"><head><title>Dam &amp; flood</title><meta name="x" content="y"></head><body data-x="1"><nav><a href="/">Home</a></nav>
<div class="story" style="color:red" data-track="9"><p>Water rose at <a href="/dam">the dam</a> &lt;north&gt; "gate".</p><img src="a.jpg"><br></div>
<div hidden><p>Secret text</p></div><footer>Copyright</footer><script>var a = 1;</script></body></html>`;
  const out = pruneForReadability(parseHtml(html));
  assert.ok(out.includes('<title>Dam &amp; flood</title>'));
  assert.ok(out.includes('<div class="story"><p>Water rose at <a href="/dam">the dam</a> &lt;north&gt; "gate".</p><br></div>'));
  assert.ok(!/Home|Secret text|Copyright|var a|img|data-|style=/.test(out), out);
});

test('the output parses back to the same visible story text', () => {
  const out = pruneForReadability(parseHtml('<div class="a">Tom &amp; Jerry <b>said</b> "no" &nbsp;today</div>'));
  assert.ok(out.includes('Tom &amp; Jerry <b>said</b> "no" \u00a0today'));
  assert.ok(out.startsWith('<!DOCTYPE html><html><head><title></title></head><body>'));
});
