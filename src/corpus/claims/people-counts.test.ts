// Number comparison of people counts: roles must agree, tallies and single victims are not totals, updates are not conflicts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildArticle } from '../../../test/stories/build-article.js';
import { extractQuantities } from '../../stages/quantities/index.js';
import { clauseFacts } from './clause-facts.js';
import { compareMentions, type ComparedMention } from './compare-mentions.js';
import { contentWords } from './content-words.js';
import { rolesAgree } from './intervals.js';

/** A mention whose quantities come from the quantities stage itself. */
function mention(text: string): ComparedMention {
  const built = buildArticle({ id: text, outlet: 'X', published: null, text });
  const article = { ...built, layers: { ...built.layers, quantities: extractQuantities(text) } };
  const cite = { article: article.id, start: 0, end: text.length };
  return { cite, text, outlet: 'X', published: null, facts: clauseFacts(article, cite), words: contentWords(text, cite), quotes: [] };
}

test('two counts of the same role and different figures still disagree', () => {
  assert.equal(compareMentions(mention('Two people were killed in the Harlow Street shooting.'), mention('Three people were killed in the Harlow Street shooting.'))?.kind, 'number');
});

test('counts of different roles never meet: two killed is not three shot', () => {
  assert.equal(compareMentions(mention('Two people were killed in the Harlow Street shooting.'), mention('Three people were shot in the Harlow Street shooting.')), null);
  assert.equal(rolesAgree('wounded', 'injured'), true);
  assert.equal(rolesAgree('killed', undefined), false);
  assert.equal(rolesAgree(undefined, undefined), true);
});

test('an early "at least three" against a later "four" is an update, not a contradiction', () => {
  assert.equal(compareMentions(mention('At least three people were wounded in the Harlow Street shooting.'), mention('Four people were wounded in the Harlow Street shooting.')), null);
});

test('a running tally is never compared with the event figure', () => {
  assert.equal(
    compareMentions(mention('So far this year 120 people have been shot in Harlow.'), mention('Four people have been shot in Harlow.')),
    null,
  );
});

test('a single victim ("a man was killed") is not the total; "one person was killed" is', () => {
  assert.equal(compareMentions(mention('A man was killed in the Harlow Street shooting.'), mention('Two men were killed in the Harlow Street shooting.')), null);
  assert.equal(compareMentions(mention('One man was killed in the Harlow Street shooting.'), mention('Two men were killed in the Harlow Street shooting.'))?.kind, 'number');
});
