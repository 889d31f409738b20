// Feed lists: OPML outlines (nested, repeated, non-http) become feed URLs; other files are refused with the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOpml, resolveFeeds } from './feed-list.js';

const OPML = `<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>
<outline text="Wires"><outline text="Kelm Wire" type="rss" xmlUrl="https://kelm.example/rss.xml"/>
<outline text="Osterby Post" xmlUrl="http://osterby.example/feed"/></outline>
<outline text="again" xmlUrl="https://kelm.example/rss.xml"/><outline text="bad" xmlUrl="javascript:alert(1)"/></body></opml>`;

test('OPML outlines give their http(s) xmlUrls once, in order, nested groups included', () => {
  assert.deepEqual(parseOpml(OPML), ['https://kelm.example/rss.xml', 'http://osterby.example/feed']);
});

test('arguments mix URLs and OPML files; a file that is not OPML is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-opml-'));
  try {
    writeFileSync(join(dir, 'desk.opml'), OPML);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    assert.deepEqual(await resolveFeeds(['https://third.example/atom', join(dir, 'desk.opml')]), ['https://third.example/atom', 'https://kelm.example/rss.xml', 'http://osterby.example/feed']);
    await assert.rejects(resolveFeeds([join(dir, 'notes.txt')]), /not an OPML list/);
    await assert.rejects(resolveFeeds([join(dir, 'missing.opml')]), /not an http\(s\) URL and not a readable OPML file/);
    assert.deepEqual(await resolveFeeds(['https://desk.example/list.opml'], async () => OPML), ['https://kelm.example/rss.xml', 'http://osterby.example/feed']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
