// Restricting a corpus result to some articles: every object citing them is cut down, the others dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCorpus, type CorpusResult } from '../core/corpus.js';
import { makeArticle } from '../../test/helpers/make-article.js';
import { restrictCorpus } from './restrict-corpus.js';

test('a restricted corpus keeps only the kept articles and what cites them, with ids unchanged', () => {
  const [a, b] = [makeArticle('Alpha text here.', {}, 'a.txt'), makeArticle('Beta text here.', {}, 'b.txt')];
  const cite = (article: string) => ({ article, start: 0, end: 4 });
  const claim = (id: string, article: string, other: string) => ({
    id,
    story: 's1',
    summary: id,
    mentions: [{ ...cite(article), quantities: [], times: [], actors: [], attribution: null }],
    outlets: [],
    independentSources: 1,
    status: 'single-source' as const,
    conflicts: [{ claim: other, kind: 'number' as const, explanation: '', cites: [cite(article), cite(b.id)] }],
  });
  const corpus: CorpusResult = {
    ...emptyCorpus([a, b]),
    duplicates: [{ article: b.id, duplicateOf: a.id, similarity: 0.9 }],
    entities: [
      { id: 'e1', name: 'Alpha', type: 'PERSON', aliases: [], mentions: [cite(a.id), cite(b.id)], merges: [] },
      { id: 'e2', name: 'Beta', type: 'PERSON', aliases: [], mentions: [cite(b.id)], merges: [] },
    ],
    stories: [{ id: 's1', title: 't', articles: [a.id, b.id], events: [{ id: 'v1', label: 'l', date: null, articles: [b.id], claims: [] }] }],
    claims: [claim('c1', a.id, 'c2'), claim('c2', b.id, 'c1')],
    brief: [{ section: 'confirmed', text: 'x', cites: [cite(a.id), cite(b.id)] }],
  };
  const only = restrictCorpus(corpus, new Set([a.id]));
  assert.deepEqual(only.articles.map((x) => x.id), [a.id]);
  assert.deepEqual(only.duplicates, []);
  assert.deepEqual(only.entities.map((e) => [e.id, e.mentions.length]), [['e1', 1]]);
  assert.deepEqual(only.stories.map((s) => [s.id, s.articles, s.events[0]?.articles]), [['s1', [a.id], []]]);
  assert.deepEqual(only.claims.map((c) => [c.id, c.conflicts.length]), [['c1', 0]], 'conflicts with dropped claims go');
  assert.deepEqual(only.brief[0]?.cites, [cite(a.id)]);
});
