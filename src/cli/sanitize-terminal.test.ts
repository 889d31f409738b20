import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forTerminal, inertJson } from './sanitize-terminal.js';

test('escape sequences, CR, LF, C1 controls and bidi overrides become visible, and one line stays one line', () => {
  const hostile = 'Harbour\x1b[2J\x1b]0;pwned\x07 News\r\nerror: forged\u2028line \x9b31m \u202Egnp.exe';
  const out = forTerminal(hostile);
  assert.doesNotMatch(out, /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202e]/);
  assert.equal(out.split('\n').length, 1);
  assert.match(out, /Harbour␛\[2J␛\]0;pwned␇ News␍␊error: forged\[U\+2028\]line \[U\+009B\]31m \[U\+202E\]gnp\.exe/);
});

test('ordinary text, accents and CJK pass through unchanged', () => {
  const text = 'Café “Nordwire” — 東京湾 ✓';
  assert.equal(forTerminal(text), text);
});

test('inert JSON parses back to the same value', () => {
  const value = { title: 'a\u2028b\x9bc\u202Ed\x7f', n: 1 };
  const json = inertJson(JSON.stringify(value));
  assert.doesNotMatch(json, /[\x7f-\x9f\u2028\u202e]/);
  assert.deepEqual(JSON.parse(json), value);
});
