import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildArticle } from '../../../test/stories/build-article.js';
import { citedText, shortCite } from './short-cite.js';

const article = buildArticle({
  id: 'a1', outlet: 'Harbour Post', published: '2026-04-02',
  text:
    'The ferry left Tressa at noon. ' +
    'Port officials, who spoke after a long meeting with the operator and the union that lasted well into the evening, said the crossing would resume on Friday once the inspectors had finished their work on the car deck and the ramps.\n' +
    'Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb cccccccccccccccccccccccccccccc dddddddddd.',
});
const text = article.text;
const at = (s: string): { start: number; end: number } => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

test('a short cite inside one sentence is left as it is', () => {
  const cite = { article: 'a1', ...at('The ferry left Tressa at noon.') };
  assert.deepEqual(shortCite(cite, article, 200), cite);
});

test('a cite running over into the next sentence is narrowed to the sentence it starts in', () => {
  const cite = { article: 'a1', start: 0, end: text.indexOf('said the crossing') };
  const short = shortCite(cite, article, 500);
  assert.equal(citedText(short, article), 'The ferry left Tressa at noon.');
});

test('a sentence over the limit is cut at its last clause end before the limit, without the dangling comma', () => {
  const sentence = at(text.split('\n')[0]!.slice('The ferry left Tressa at noon. '.length));
  const short = shortCite({ article: 'a1', ...sentence }, article, 120);
  const words = citedText(short, article);
  assert.equal(words, 'Port officials, who spoke after a long meeting with the operator and the union that lasted well into the evening');
  assert.ok(short.end - short.start <= 120);
  // Exact source characters: the cite slices to the words shown.
  assert.equal(text.slice(short.start, short.end), words);
});

test('with no clause end in reach, the cut falls at the last word break', () => {
  const sentence = at(text.split('\n')[1]!);
  const short = shortCite({ article: 'a1', ...sentence }, article, 120);
  assert.equal(citedText(short, article), text.split('\n')[1]!.split(' ').slice(0, 2).join(' '));
});

test('a cite of an article that is not at hand comes back unchanged', () => {
  const cite = { article: 'zz', start: 3, end: 900 };
  assert.deepEqual(shortCite(cite, undefined, 10), cite);
});
