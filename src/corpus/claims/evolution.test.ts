import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildArticle } from '../../../test/stories/build-article.js';
import type { Article } from '../../core/article.js';
import { emptyCorpus, type CorpusResult } from '../../core/corpus.js';
import { extractClaims } from './claims-stage.js';
import { datelineDate } from './evolution.js';

function corpusOf(articles: Article[]): CorpusResult {
  return { ...emptyCorpus(articles), stories: [{ id: 's1', title: 'T', articles: articles.map((a) => a.id), events: [] }] };
}

const at = (text: string, times: { text: string; value: string | null }[] = []) => buildArticle({ id: text.slice(0, 12), outlet: 'X', published: null, text, times });

test('a dateline among the first sentences dates an undated article, in the shapes outlets write it', () => {
  assert.equal(datelineDate(at('Quake hits the coast\nNovember 28, 2026\nA strong quake hit the coast.', [{ text: 'November 28, 2026', value: '2026-11-28' }])), '2026-11-28');
  // Dates the times stage may not read: spaced slashes, capitals, a typo'd month, a hyphen before the year.
  assert.equal(datelineDate(at('Posted 11 / 27 / 2026 7:21 AM\nQuake hits the coast\nA strong quake hit.')), '2026-11-27');
  assert.equal(datelineDate(at('27 NOVEMBER, 2026\nDid the earth move for you?')), '2026-11-27');
  assert.equal(datelineDate(at('Quake hits the coast\nNovemer 27, 2026\nA strong quake hit.')), '2026-11-27');
  assert.equal(datelineDate(at('Tremor felt in the city\nSunday, November 29-2026 at 16:12\nTremors were felt.')), '2026-11-29');
  assert.equal(datelineDate(at('Quake\n28/11/26\nA strong quake hit.')), '2026-11-28');
  // Two readings of a numeric date that differ are no date.
  assert.equal(datelineDate(at('Quake\n05 / 06 / 2026\nA strong quake hit.')), null);
});

test('a sentence telling an event on a date is no dateline, nor is a date further down the article', () => {
  assert.equal(datelineDate(at('On March 11, 2026, the prisoner overpowered a guard at the courthouse.', [{ text: 'March 11, 2026', value: '2026-03-11' }])), null);
  assert.equal(datelineDate(at('One.\nTwo.\nThree.\nFour.\nNovember 28, 2026', [{ text: 'November 28, 2026', value: '2026-11-28' }])), null);
});

test('an early toll and a later one in undated articles with datelines a day apart are an update, not a dispute', () => {
  const report = (id: string, outlet: string, dateline: string, text: string, figure: string, value: number) =>
    buildArticle({
      id, outlet, published: null, text: `Quake on Velmar island\n${dateline}\n${text}`,
      quantities: [{ text: figure, value, low: value, high: value, unit: 'people', qualifier: 'exact' }],
    });
  const early = report('a1', 'Harbour Post', 'November 27, 2026', 'A powerful earthquake destroyed four villages on Velmar island, killing three people.', 'three people', 3);
  const later = (dateline: string) => report('a2', 'Valley Courier', dateline, 'A powerful earthquake destroyed seven villages on Velmar island, killing 10 people.', '10 people', 10);
  const conflicts = (articles: Article[]): string[] => extractClaims(corpusOf(articles)).flatMap((c) => c.conflicts.map((k) => k.explanation));
  assert.deepEqual(conflicts([early, later('Published: November 28, 2026')]), []);
  // Reports dated the same day that differ are a dispute.
  assert.equal(conflicts([early, later('Published: November 27, 2026')]).length, 2);
});
