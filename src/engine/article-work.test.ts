// Per-article work runs once per stage version: counted invocations, changed versions and inputs, the character budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../core/context.js';
import { defineArticleStage, type ArticleStage } from '../pipeline/stage.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { BUDGET_STAGE, stageFingerprints, stagesToRun, truncateText, updateArticle, withinCharBudget } from './article-work.js';
import { diagnostic } from '../core/diagnostics.js';

function countingStages(versions: { sentences: string; entities: string; quotes: string }, calls: Map<string, number>): ArticleStage<unknown>[] {
  const count = (name: string): void => void calls.set(name, (calls.get(name) ?? 0) + 1);
  return [
    defineArticleStage<unknown>({
      name: 't.sentences',
      version: versions.sentences,
      requires: [],
      provides: ['article.sentences'],
      defaults: {},
      run: (a) => (count('t.sentences'), { layers: { sentences: [{ start: 0, end: a.text.length }] } }),
    }),
    defineArticleStage<unknown>({
      name: 't.entities',
      version: versions.entities,
      requires: ['article.sentences'],
      provides: ['article.entities'],
      defaults: {},
      run: () => (count('t.entities'), { layers: { entities: [] }, diagnostics: [diagnostic('info', 't.entities', 'note', 'ran')] }),
    }),
    defineArticleStage<unknown>({
      name: 't.quotes',
      version: versions.quotes,
      requires: [],
      provides: ['article.quotes'],
      defaults: {},
      run: () => (count('t.quotes'), { layers: { quotes: [] } }),
    }),
  ];
}

test('an unchanged article under unchanged stages runs nothing the second time', () => {
  const calls = new Map<string, number>();
  const stages = countingStages({ sentences: '1', entities: '1', quotes: '1' }, calls);
  const ctx = createContext();
  const first = updateArticle(makeArticle('The ferry docked.'), undefined, stages, ctx);
  assert.deepEqual(first.ran, ['t.sentences', 't.entities', 't.quotes']);
  const second = updateArticle(first.article, first.stages, stages, ctx);
  assert.deepEqual(second.ran, []);
  assert.equal(second.article, first.article);
  assert.deepEqual([...calls.values()], [1, 1, 1]);
});

test('a new stage version re-runs that stage and the stages reading what it provides, not the others', () => {
  const calls = new Map<string, number>();
  const ctx = createContext();
  const v1 = countingStages({ sentences: '1', entities: '1', quotes: '1' }, calls);
  const first = updateArticle(makeArticle('The ferry docked.'), undefined, v1, ctx);
  calls.clear();
  const v2 = countingStages({ sentences: '2', entities: '1', quotes: '1' }, calls);
  const second = updateArticle(first.article, first.stages, v2, ctx);
  assert.deepEqual(second.ran, ['t.sentences', 't.entities']);
  assert.deepEqual(Object.fromEntries(calls), { 't.sentences': 1, 't.entities': 1 });
  // The re-run stage's old diagnostics are replaced, not repeated.
  assert.equal(second.article.diagnostics.filter((d) => d.stage === 't.entities').length, 1);
  assert.equal(second.stages['t.sentences'], '2');
});

test('a configuration override changes the fingerprint, so the stage re-runs', () => {
  const stages = countingStages({ sentences: '1', entities: '1', quotes: '1' }, new Map());
  const plain = stageFingerprints(stages);
  const tuned = stageFingerprints(stages, { 't.quotes': { window: 3 } });
  assert.notEqual(plain['t.quotes'], tuned['t.quotes']);
  assert.equal(plain['t.sentences'], tuned['t.sentences']);
  assert.deepEqual(stagesToRun(stages, tuned, plain).map((s) => s.name), ['t.quotes']);
});

test('an article over the character budget is cut at a break, warned about, and re-analyzed from scratch', () => {
  const calls = new Map<string, number>();
  const stages = countingStages({ sentences: '1', entities: '1', quotes: '1' }, calls);
  const text = `${'The ferry docked at noon. '.repeat(10)}\n${'More text follows here. '.repeat(10)}`;
  const out = updateArticle(makeArticle(text), { 't.sentences': '1', 't.entities': '1', 't.quotes': '1' }, stages, createContext(), { charBudget: 300 });
  assert.ok(out.article.text.length <= 300);
  assert.ok(text.startsWith(out.article.text));
  assert.equal(out.article.status, 'partial');
  const warning = out.article.diagnostics.find((d) => d.stage === BUDGET_STAGE);
  assert.equal(warning?.rule, 'article-truncated');
  assert.match(warning?.message ?? '', /over the 300-character budget/);
  assert.equal(out.ran.length, 3);
  // Under the budget, nothing changes.
  assert.equal(withinCharBudget(out.article, 300), out.article);
});

test('truncation prefers a paragraph, then a sentence, then a word break, and never splits a surrogate pair', () => {
  assert.equal(truncateText('short', 10), null);
  assert.equal(truncateText('aaaaaaaaa\nbbbbbbbbbb', 12), 'aaaaaaaaa');
  assert.equal(truncateText('Aaaa aaaa. Bbbbbbbbbbbbb', 12), 'Aaaa aaaa.');
  assert.equal(truncateText('aaaa aaaaaaa bbbbbbbbbbbb', 14), 'aaaa aaaaaaa');
  assert.equal(truncateText(`${'a'.repeat(9)}\u{1F600}b`, 10), 'a'.repeat(9));
});
