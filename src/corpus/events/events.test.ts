import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeSpan } from '../../core/article.js';
import { createContext } from '../../core/context.js';
import { emptyCorpus, type Claim, type ClaimMention, type Story } from '../../core/corpus.js';
import { fixtureArticle } from '../stories/fixture-article.js';
import { sentencesStage } from '../../stages/sentences/index.js';
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

// A derailment told by five outlets: one names the wrong weekday, one leads with the next day's death toll,
// one dates only its quote ("said on Thursday"), and one carries a clock time resolved past its publication.
const derail = [
  ['d1', 'A freight train derailed outside Orrin on Wednesday night, killing one person and injuring nine, rail officials said.', 'Wednesday night', '2031-06-11TNI', '2031-06-12T07:00'],
  ['d2', 'Nine people were hurt when a freight train derailed near Orrin on Wednesday night. The train left the rails at 10 p.m.', 'Wednesday night', '2031-06-11TNI', '2031-06-12T08:00'],
  ['d3', 'A freight train derailed near Orrin on Tuesday night, injuring nine people, officials said.', 'Tuesday night', '2031-06-10TNI', '2031-06-12T09:00'],
  ['d4', 'Two people were killed in Wednesday night\'s derailment at Orrin after a driver died in hospital on Thursday.', 'on Thursday', '2031-06-12', '2031-06-12T18:00'],
  ['d5', 'The freight train that derailed at Orrin was carrying grain, the rail minister said on Thursday.', 'on Thursday', '2031-06-12', '2031-06-12T12:00'],
] as const;

function derailArticle([id, text, phrase, value, published]: (typeof derail)[number]) {
  const base = fixtureArticle({ id, text, meta: { published } });
  const sentences = sentencesStage.run(base, createContext(), sentencesStage.defaults).layers.sentences ?? [];
  const times = [timeAt(text, phrase, value)];
  if (text.includes('Wednesday night\'s')) times.push(timeAt(text, 'Wednesday night\'s', '2031-06-11TNI'));
  if (text.includes('10 p.m.')) times.push(timeAt(text, '10 p.m.', '2031-06-12T22:00'));
  return { ...base, layers: { ...base.layers, sentences, times: times.map((t) => ({ ...t, type: 'TIME' as const })) } };
}

test('the event is dated by the day most outlets lead with; a wrong weekday and a quote date do not move it', () => {
  const arts = derail.map(derailArticle);
  const s: Story = { id: 's1', title: 'Derailment', articles: arts.map((a) => a.id), events: [] };
  const events = eventsStage.run({ ...emptyCorpus(arts), stories: [s] }, createContext(), eventsStage.defaults).stories?.[0]?.events ?? [];
  assert.deepEqual(
    events.map((e) => [e.date, e.articles]),
    [
      ['2031-06-11', ['d1', 'd2', 'd3', 'd5']],
      // Leads with a later development in its own clause: a second event, named by its own text.
      ['2031-06-12', ['d4']],
    ],
  );
  assert.equal(events[1]?.label, derail[3][1]);
  assert.equal(eventDay(arts[1]!), '2031-06-11', 'a clock time past publication does not date the lead');
  assert.equal(eventDay(arts[4]!), '2031-06-12', 'only the publication day is left when the lead date is a quote date');
});

test('an undated lead joins the main event unless it was published after every report of it', () => {
  const arts = derail.slice(0, 2).map(derailArticle);
  const text = 'Crews worked through the morning to clear spilled grain from the line near Orrin.';
  const sameDay = fixtureArticle({ id: 'u1', text, meta: { published: '2031-06-12T10:00' } });
  const nextDay = fixtureArticle({ id: 'u2', text: `${text} `, meta: { published: '2031-06-13T10:00' } });
  const s: Story = { id: 's1', title: 'Derailment', articles: ['d1', 'd2', 'u1', 'u2'], events: [] };
  const events = eventsStage.run({ ...emptyCorpus([...arts, sameDay, nextDay]), stories: [s] }, createContext(), eventsStage.defaults).stories?.[0]?.events ?? [];
  assert.deepEqual(
    events.map((e) => [e.date, e.articles]),
    [
      ['2031-06-11', ['d1', 'd2', 'u1']],
      ['2031-06-13', ['u2']],
    ],
  );
});

test("an article's lead event follows the lead length asked for, whatever was asked before", () => {
  const text = 'Crews cleared the harbour road. A storm hit Port Selim on Monday, flooding the market.';
  const sentences = [
    { start: 0, end: text.indexOf('.') + 1 },
    { start: text.indexOf('A storm'), end: text.length },
  ];
  const make = () => fixtureArticle({ id: 'lead', text, meta: { published: '2031-03-04T08:00' }, layers: { sentences, times: [timeAt(text, 'Monday', '2031-03-03')] } });
  const article = make();
  const one = { leadSentences: 1, maxLabelLength: 160, sameActionCoverage: 0.5 };
  const two = { ...one, leadSentences: 2 };
  assert.equal(eventDay(article, one), '2031-03-04');
  assert.equal(eventDay(article, two), '2031-03-03');
  assert.equal(eventDay(article, one), eventDay(make(), one));
});
