// Story rows from a whole report: date range, outlets, independent sources (near-copies count once), claims and disputes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from './report-types.js';
import { searchReport, storyMatches, summarizeStories } from './story-summary.js';
import { inlineSource } from './data-source.js';

function article(id: string, outlet: string, published: string | null, duplicateOf: string | null, text: string): Report['articles'][number] {
  return {
    id, source: { path: `${id}.txt` }, outlet, published, dateline: null, byline: null, credits: [], title: `${outlet} story`, language: 'en',
    text, removed: [], duplicateOf, diagnostics: [], status: 'ok', extractedBy: 'text', encoding: null, provenance: {},
  };
}

function claim(id: string, story: string, status: Report['claims'][number]['status']): Report['claims'][number] {
  return { id, story, summary: id, mentions: [], outlets: [], independentSources: 1, status, conflicts: [], evolution: null, anonymousOnly: false };
}

const report: Report = {
  schema: 'parallax.report/1', generatedBy: { name: 'parallax', version: 'test' },
  articles: [
    article('a1', 'Wire One', '2026-01-02T08:00', null, 'The dam at Orrin failed on Friday.'),
    article('a2', 'Town Paper', '2026-01-01', 'a1', 'The dam at Orrin failed on Friday.'),
    article('a3', 'Hill Radio', null, null, 'Orrin residents were moved to the school.'),
    article('a4', 'Wire One', '2026-02-01', null, 'A separate story about tolls.'),
  ],
  entities: [], quotes: [], quoteGroups: [], times: [], quantities: [], attributions: [],
  stories: [
    { id: 's1', title: 'Orrin dam fails', articles: ['a1', 'a2', 'a3'], events: [] },
    { id: 's2', title: 'Toll rise', articles: ['a4'], events: [] },
  ],
  claims: [claim('c1', 's1', 'disputed'), claim('c2', 's1', 'corroborated'), claim('c3', 's2', 'single-source')],
  timeline: [], brief: [], provenance: [], coverage: [], pipeline: [],
};

test('a story row spans its dated articles and counts a near-copy outlet as no independent source', () => {
  const [s1, s2] = summarizeStories(report);
  assert.deepEqual(s1, {
    id: 's1', title: 'Orrin dam fails', firstDate: '2026-01-01', lastDate: '2026-01-02T08:00', articles: 3,
    outlets: ['Hill Radio', 'Town Paper', 'Wire One'], independentSources: 2, claims: 2, disputed: 1,
  });
  assert.equal(s2?.disputed, 0);
});

test('story search matches every word against title and outlets; article search returns a snippet', () => {
  const [s1] = summarizeStories(report);
  assert.ok(storyMatches(s1!, 'orrin radio'));
  assert.ok(!storyMatches(s1!, 'orrin tolls'));
  assert.deepEqual(searchReport(report, 'school').map((h) => [h.article, h.snippet]), [['a3', 'Orrin residents were moved to the school.']]);
});

test('the inline source pages the list and narrows one story to its articles', async () => {
  const source = inlineSource(report);
  assert.deepEqual((await source.stories('toll', null)).items.map((s) => s.id), ['s2']);
  const story = await source.story('s1');
  assert.deepEqual(story?.articles.map((a) => a.id), ['a1', 'a2', 'a3']);
  assert.equal(await source.story('s9'), null);
  assert.equal(await source.storyOfArticle('a4'), 's2');
});
