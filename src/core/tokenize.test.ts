import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.js';

test('tokens keep abbreviations, numbers with separators and inner apostrophes', () => {
  const text = "The U.S. said 1,200 people didn't leave Kyiv's centre.";
  const toks = tokenize(text).map((t) => t.text);
  assert.deepEqual(toks, ['The', 'U.S.', 'said', '1,200', 'people', "didn't", 'leave', "Kyiv's", 'centre', '.']);
});

test('token offsets slice back to the token text', () => {
  const text = 'BERLIN, May 2 (Reuters) - Talks resumed.';
  for (const t of tokenize(text, { start: 8, end: text.length })) assert.equal(text.slice(t.start, t.end), t.text);
});
