import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ALIGNMENT } from './word-diff.js';
import { alignTexts, readQuote, runsWithin } from './quote-text.js';

test('an ellipsis, spaced dots and a bracketed insertion each cut a quote into runs; the insertion is dropped', () => {
  const q = readQuote('"We warned them … twice. . . and [the board] did nothing (at all)..."', 'direct');
  assert.deepEqual(q.words, ['we', 'warned', 'them', 'twice', 'and', 'did', 'nothing']);
  assert.deepEqual(q.runs, [{ start: 0, end: 3 }, { start: 3, end: 4 }, { start: 4, end: 5 }, { start: 5, end: 7 }]);
});

test('indirect speech keeps only its quoted fragments, in curly or straight marks; without any it is paraphrase', () => {
  const q = readQuote('the port would "stay shut" until the “divers finish” their work', 'indirect');
  assert.deepEqual(q.words, ['stay', 'shut', 'divers', 'finish']);
  assert.equal(q.verbatim, true);
  assert.equal(q.fragment, true);
  assert.equal(readQuote('the port would stay shut', 'indirect').verbatim, false);
});

test('runs must stand in the longer quote in order and word for word', () => {
  const long = ['we', 'told', 'the', 'board', 'in', 'march', 'that', 'the', 'pier', 'would', 'fail'];
  assert.equal(runsWithin(readQuote('we told the board … the pier would fail', 'direct'), long), true);
  assert.equal(runsWithin(readQuote('the pier would fail … we told the board', 'direct'), long), false, 'runs out of order');
  assert.equal(runsWithin(readQuote('we told the council … the pier would fail', 'direct'), long), false, 'a changed word');
});

test('alignTexts: identical words, a trim across an elision, a variant, or nothing', () => {
  const full = readQuote('“We told the board in March that the pier would fail.”', 'direct');
  assert.equal(alignTexts(full, readQuote('"We told the board in March that the pier would fail"', 'direct'), DEFAULT_ALIGNMENT).relation, 'identical');
  const cut = alignTexts(readQuote('"We told the board ... the pier would fail"', 'direct'), full, DEFAULT_ALIGNMENT);
  assert.deepEqual(cut, { relation: 'trimmed', shared: 8, shorter: 8, longer: 11 });
  assert.equal(alignTexts(full, readQuote('We told the board in April that the pier could fail', 'direct'), DEFAULT_ALIGNMENT).relation, 'variant');
  assert.equal(alignTexts(full, readQuote('Fishing resumes on Monday', 'direct'), DEFAULT_ALIGNMENT).relation, null);
});

test('short all-capitalised partial quotes are titles; a lower-case phrase or a long one is not', () => {
  assert.equal(readQuote('"Most Likely to Succeed"', 'partial').title, true);
  assert.equal(readQuote('"Harbour Lights"', 'partial').title, true);
  assert.equal(readQuote('"social butterfly"', 'partial').title, false);
  assert.equal(readQuote('"Harbour Lights"', 'direct').title, false, 'a full quotation is never read as a title');
});
