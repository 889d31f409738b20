// ECB+ text rebuild: default spacing as before, and the opt-in rejoining of words the ecbplus tokenization split.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEcbDocument } from './ecbplus.js';

function xml(sentences: string[][]): string {
  let id = 1;
  const tokens = sentences.flatMap((words, s) => words.map((w) => `<token t_id="${id++}" sentence="${s}" number="0">${w}</token>`)).join('');
  return `<Document>${tokens}<Markables></Markables></Document>`;
}

const SPLIT = [['source', 'url'], ['A', '36', '-', 'year', '-', 'old', 'fell', '2', ',', '000', 'ft', 'at', '9', ':', '25', ',', 'stocks', 'fell', '5', '.', '4', '%', '-', '-', 'police', 'said', 'in', '2008', ',', '59', 'catches', '.']];

test('by default tokens are spaced as before and sentence 0 of an ecbplus file is dropped', () => {
  const doc = parseEcbDocument(xml(SPLIT), '9_1ecbplus.xml', '9');
  assert.equal(doc.text, 'A 36 - year - old fell 2, 000 ft at 9: 25, stocks fell 5. 4% - - police said in 2008, 59 catches.');
  assert.ok(doc.tokens.every((t) => t.sentence === 1));
});

test('rejoinWords joins digit groups and hyphenated words, not dashes or list commas', () => {
  const doc = parseEcbDocument(xml(SPLIT), '9_1ecbplus.xml', '9', { rejoinWords: true });
  assert.equal(doc.text, 'A 36-year-old fell 2,000 ft at 9:25, stocks fell 5.4% - - police said in 2008, 59 catches.');
  for (const t of doc.tokens) assert.equal(doc.text.slice(t.start, t.end), t.text);
});
