// The one-file HTML report: the data block cannot end its <script>, only the bundled script may run, and a missing build says how to fix it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import { INLINE_DATA_ID, loadUiBundle, renderHtml, scriptSafeJson } from './html.js';
import type { Report } from './schema.js';
import { ParallaxError } from '../core/errors.js';

const hostile = 'Hurt </script><script>alert(1)</script> <!-- x --> <img src=x onerror=alert(2)> \u2028line\u2029para & "q"';

const report: Report = {
  schema: 'parallax.report/1',
  generatedBy: { name: 'parallax', version: 'test' },
  articles: [
    {
      id: 'a1', source: { path: 'a.txt' }, outlet: 'Quay </title><script>alert(3)</script>', published: null, dateline: null, byline: null, credits: [],
      title: hostile, language: 'en', text: hostile, removed: [], duplicateOf: null, diagnostics: [], status: 'ok', extractedBy: 'text', encoding: null, provenance: {},
    },
  ],
  entities: [], quotes: [], quoteGroups: [], times: [], quantities: [], attributions: [],
  stories: [{ id: 's1', title: `Story </title><script>alert(4)</script>`, articles: ['a1'], events: [] }],
  claims: [], timeline: [], brief: [], provenance: [], coverage: [], pipeline: [],
};

const bundle = { js: 'const s = "</script>"; document.title = s;', css: 'body { color: black }' };

test('scriptSafeJson leaves no "<", ">", "&", U+2028 or U+2029 and parses back to the same value', () => {
  const json = scriptSafeJson(report);
  assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(json), report);
});

test('hostile article text stays inside the data block: the page has exactly the data and the bundle as scripts', () => {
  const html = renderHtml(report, bundle);
  const doc = parseDocument(html);
  const scripts = DomUtils.getElementsByTagName('script', doc);
  assert.equal(scripts.length, 2);
  const data = scripts.find((s) => s.attribs.id === INLINE_DATA_ID);
  assert.ok(data);
  assert.deepEqual(JSON.parse(DomUtils.textContent(data)), report);
  assert.equal(DomUtils.getElementsByTagName('img', doc).length, 0);
  const title = DomUtils.getElementsByTagName('title', doc)[0];
  assert.equal(title && DomUtils.textContent(title), 'Story </title><script>alert(4)</script> · Parallax report');
});

test('the bundle is inlined with "</script" escaped, and the CSP allows only its hash and no network', () => {
  const html = renderHtml(report, bundle);
  const doc = parseDocument(html);
  const code = DomUtils.getElementsByTagName('script', doc).find((s) => s.attribs.type === 'module');
  assert.ok(code);
  const js = DomUtils.textContent(code);
  assert.equal(js, 'const s = "<\\/script>"; document.title = s;');
  const csp = DomUtils.getElementsByTagName('meta', doc).find((m) => m.attribs['http-equiv'] === 'Content-Security-Policy')?.attribs.content ?? '';
  assert.ok(csp.includes(`'sha256-${createHash('sha256').update(js).digest('base64')}'`));
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /default-src 'none'/);
});

test('a missing UI build is a PX101 error that says to run build:ui', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ui-'));
  try {
    assert.throws(() => loadUiBundle(dir), (err: unknown) => err instanceof ParallaxError && err.code === 'PX101' && /npm run build:ui/.test(err.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
