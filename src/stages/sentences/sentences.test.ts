import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitParagraphs, splitSentences } from './sentences.js';

test('sentences respect news abbreviations and slice back exactly', () => {
  const text = 'KYIV (Reuters) - U.S. President Donald Trump met Mr. Smith at 3 p.m. on Tuesday. "We will not sign it," he said.\nSecond paragraph here.';
  const paras = splitParagraphs(text);
  assert.equal(paras.length, 2);
  const sents = paras.flatMap((p) => splitSentences(text, p)).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sents, [
    'KYIV (Reuters) - U.S. President Donald Trump met Mr. Smith at 3 p.m. on Tuesday.',
    '"We will not sign it," he said.',
    'Second paragraph here.',
  ]);
});

test('text sbd cannot place is kept as a trailing sentence, never dropped', () => {
  const text = 'One.   \t';
  const sents = splitParagraphs(text).flatMap((p) => splitSentences(text, p));
  assert.deepEqual(sents.map((s) => text.slice(s.start, s.end)), ['One.']);
});
