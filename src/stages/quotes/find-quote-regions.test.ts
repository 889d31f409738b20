import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitParagraphs } from '../sentences/index.js';
import { findQuoteRegions } from './find-quote-regions.js';

const contents = (text: string): string[] =>
  findQuoteRegions(text, splitParagraphs(text)).map((r) => text.slice(r.content.start, r.content.end));

test('straight marks pair by their neighbours, so a closing mark after a comma closes', () => {
  assert.deepEqual(contents('"We stay," she said, "and we fight."'), ['We stay,', 'and we fight.']);
});

test("two straight single marks ('') work as a double mark", () => {
  assert.deepEqual(contents("It was ''a stone worn smooth by years'', he wrote."), ['a stone worn smooth by years']);
});

test('a quote continued in the next paragraph reports the paragraphs it crosses', () => {
  const text = '"One part ends here.\n"Another part closes," she said.';
  const regions = findQuoteRegions(text, splitParagraphs(text));
  assert.equal(regions.length, 1);
  assert.equal(regions[0]?.paragraphsCrossed, 1);
  assert.equal(regions[0]?.close?.start, text.lastIndexOf('"'));
});

test('an unclosed mark mid-sentence (inches, typos) is ignored; one opening a paragraph runs to its end', () => {
  assert.deepEqual(contents('The pipe was 6" wide.'), []);
  assert.deepEqual(contents('"We will not go back\nThe next paragraph is narration.'), ['We will not go back']);
});

test('nested single quotes stay inside the double quote', () => {
  assert.deepEqual(contents('"They shouted \u2018go home\u2019 at us," he said.'), ['They shouted \u2018go home\u2019 at us,']);
});

test('a mid-sentence quote left unclosed by a stray mark does not swallow the next paragraph', () => {
  const text = "(The Gazette counts 500 more ''harbour fortunes.'.')\n''The lists come down to staff,'' Mr. Falk said.";
  assert.ok(contents(text).includes('The lists come down to staff,'));
});
