import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignQuotes, quoteWords } from './word-diff.js';

test('"this week" vs "at all" is a variant naming both sides', () => {
  const r = alignQuotes(quoteWords('"We will not sign it this week,"'), quoteWords('“We will not sign it at all”'));
  assert.equal(r.relation, 'variant');
  assert.deepEqual(r.changes, [{ from: 'this week', to: 'at all' }]);
});

test('a contiguous sub-span is trimmed, punctuation and case aside', () => {
  const r = alignQuotes(quoteWords('We will not sign it this week. The terms are unacceptable.'), quoteWords('the terms are unacceptable'));
  assert.equal(r.relation, 'trimmed');
});

test('identical words are identical; unrelated quotes are not the same utterance', () => {
  assert.equal(alignQuotes(quoteWords("We won't leave."), quoteWords('We won’t leave')).relation, 'identical');
  assert.equal(alignQuotes(quoteWords('The harbour will reopen on Monday'), quoteWords('Nobody told us anything about the closure')).relation, null);
});

test('contractions read as their full form, so "hadn\'t" and "had not" are the same words', () => {
  assert.equal(alignQuotes(quoteWords("We hadn't seen him"), quoteWords('We had not seen him')).relation, 'identical');
  assert.deepEqual(quoteWords("won't"), ['will', 'not']);
});
