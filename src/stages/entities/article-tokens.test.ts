import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleTokens } from './article-tokens.js';

const words = (text: string): string[] => articleTokens(text, { start: 0, end: text.length }).map((t) => t.text);

test('possessives and negations split off as CoNLL does', () => {
  assert.deepEqual(words("Kyiv's mayor didn't"), ['Kyiv', "'s", 'mayor', 'did', "n't"]);
  assert.deepEqual(words('Zelenskyy\u2019s aide'), ['Zelenskyy', '\u2019s', 'aide']);
});

test('titles, initials and company suffixes keep their dot; sentence-final dots do not', () => {
  assert.deepEqual(words('Dr. Regina M. Benjamin of Acme Inc. left U.S. soil.'), ['Dr.', 'Regina', 'M.', 'Benjamin', 'of', 'Acme', 'Inc.', 'left', 'U.S.', 'soil', '.']);
});
