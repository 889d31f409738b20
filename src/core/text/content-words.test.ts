// The one content-word list: function words, reporting words and news filler carry no content; event words do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTION_WORDS, NON_CONTENT_WORDS, REPORTING_WORDS, isContentWord } from './content-words.js';

test('function words, reporting verbs and news filler carry no content', () => {
  for (const w of ['the', 'of', 'were', 'neither', 'said', 'according', 'yesterday', 'three', 'copyright']) assert.equal(isContentWord(w), false, w);
  for (const w of ['ferry', 'collapsed', 'strike', 'wounded', 'bridge', 'against', 'comment', 'shares']) assert.equal(isContentWord(w), true, w);
});

test('the phrase-boundary parts are inside the one list and hold no counted nouns', () => {
  for (const w of [...FUNCTION_WORDS, ...REPORTING_WORDS]) assert.ok(NON_CONTENT_WORDS.has(w), w);
  for (const unit of ['people', 'years', 'days', 'reports', 'million', 'hours']) assert.equal(FUNCTION_WORDS.has(unit) || REPORTING_WORDS.has(unit), false, unit);
});
