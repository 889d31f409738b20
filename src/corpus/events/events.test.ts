import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeSpan } from '../../core/article.js';
import { createContext } from '../../core/context.js';
import { emptyCorpus, type Claim, type ClaimMention, type Story } from '../../core/corpus.js';
import { fixtureArticle } from '../stories/fixture-article.js';
import { eventDay, eventsStage } from './events.js';

function timeAt(text: string, phrase: string, value: string): TimeSpan {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  return { start, end: start + phrase.length, type: 'DATE', value };
}

const t1 = 'A magnitude 6.2 earthquake struck Port Selim on Tuesday, killing 40 people.';
const t2 = 'Rescuers in Port Selim searched the rubble on Tuesday after the quake.';
const t3 = 'Survivors of Tuesday\'s quake in Port Selim spent the night outdoors.';
const t4 = 'A strong aftershock hit Port Selim on Thursday, toppling the damaged mosque.';
const articles = [
  fixtureArticle({ id: 'q1', text: t1, meta: { published: '2031-03-04T08:00' }, layers: { times: [timeAt(t1, 'Tuesday', '2031-03-04')] } }),
  fixtureArticle({ id: 'q2', text: t2, meta: { published: '2031-03-04T18:00' }, layers: { times: [timeAt(t2, 'Tuesday', '2031-03-04')] } }),
  // Published a day later, but its lead is about Tuesday's quake.
  fixtureArticle({ id: 'q3', text: t3, meta: { published: '2031-03-05T07:00' }, layers: { times: [timeAt(t3, 'Tuesday', '2031-03-04')] } }),
  fixtureArticle({ id: 'q4', text: t4, meta: { published: '2031-03-06T12:00' }, layers: { times: [timeAt(t4, 'Thursday', '2031-03-06')] } }),
  fixtureArticle({ id: 'undated', text: 'More pictures from Port Selim.' }),
];
const story: Story = { id: 's1', title: t1, articles: ['q1', 'q2', 'q3', 'q4', 'undated'], events: [] };
const other: Story = { id: 's2', title: 'Budget', articles: [], events: [] };

function mention(article: string, times: TimeSpan[] = []): ClaimMention {
  return { article, start: 0, end: 10, quantities: [], times, actors: [], attribution: null };
}

function claim(id: string, storyId: string, mentions: ClaimMention[]): Claim {
  return { id, story: storyId, summary: id, mentions, outlets: [], independentSources: 1, status: 'single-source', conflicts: [] };
}

test('articles are grouped by the day their lead is about, not the day they were published', () => {
  assert.equal(eventDay(articles[2]!), '2031-03-04');
  assert.equal(eventDay(articles[4]!), null);
  const result = eventsStage.run({ ...emptyCorpus(articles), stories: [story, other] }, createContext(), eventsStage.defaults);
  const events = result.stories?.[0]?.events ?? [];
  assert.deepEqual(
    events.map((e) => [e.id, e.date, e.articles]),
    [
      ['v1', '2031-03-04', ['q1', 'q2', 'q3']],
      ['v2', '2031-03-06', ['q4']],
      ['v3', null, ['undated']],
    ],
  );
  assert.equal(events[0]?.label, t1);
  assert.equal(events[1]?.label, t4);
  assert.deepEqual(result.stories?.[1]?.events, []);
});

test('claims join the event on their own date, else the event holding their articles, and only in their story', () => {
  const claims = [
    claim('c-aftershock', 's1', [mention('q2', [timeAt(t4, 'Thursday', '2031-03-06')])]),
    claim('c-toll', 's1', [mention('q1'), mention('q3')]),
    claim('c-other', 's2', [mention('q1')]),
  ];
  const result = eventsStage.run({ ...emptyCorpus(articles), stories: [story, other], claims }, createContext(), eventsStage.defaults);
  const events = result.stories?.[0]?.events ?? [];
  assert.deepEqual(events.map((e) => e.claims), [['c-toll'], ['c-aftershock'], []]);
});

test('the same input gives the same events', () => {
  const corpus = { ...emptyCorpus(articles), stories: [story] };
  assert.deepEqual(eventsStage.run(corpus, createContext(), eventsStage.defaults), eventsStage.run(corpus, createContext(), eventsStage.defaults));
});
