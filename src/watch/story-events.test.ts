// Story events: a conflict or figure change is reported when it cites a new article, once, with the newcomer named first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report, ReportArticle } from '../report/schema.js';
import { storyEvents } from './story-events.js';

function article(id: string, outlet: string, published: string): ReportArticle {
  return {
    id,
    source: {},
    outlet,
    published,
    dateline: null,
    byline: null,
    credits: [],
    title: null,
    language: 'en',
    text: '',
    removed: [],
    duplicateOf: null,
    diagnostics: [],
    status: 'ok',
    extractedBy: 'plain-text',
    encoding: 'utf-8',
    provenance: {},
  };
}

const quote = '("Two dock workers were killed when the crane fell onto the quay on Sunday, officials said.")';

function report(): Report {
  return {
    schema: 'parallax.report/1',
    generatedBy: { name: 'parallax', version: 'test' },
    articles: [article('a1', 'Kelm Wire', '2026-03-01T07:00'), article('a2', 'Osterby \u001b[2JPost', '2026-03-01T18:00')],
    entities: [],
    quotes: [],
    quoteGroups: [],
    times: [],
    quantities: [
      { article: 'a2', start: 0, end: 5, text: 'three', value: 3, low: 3, high: 3, lowInclusive: true, highInclusive: true, unit: 'people', qualifier: 'exact', role: 'killed' },
      { article: 'a1', start: 0, end: 3, text: 'one', value: 1, low: 1, high: 1, lowInclusive: true, highInclusive: true, unit: 'people', qualifier: 'exact', role: 'killed' },
    ],
    attributions: [],
    stories: [{ id: 's4', title: 'Crane collapse', articles: ['a1', 'a2'], events: [] }],
    claims: [
      {
        id: 'c1',
        story: 's4',
        summary: 'toll',
        mentions: [
          { article: 'a1', start: 0, end: 40, attribution: null },
          { article: 'a2', start: 0, end: 40, attribution: null },
        ],
        outlets: ['Kelm Wire', 'Osterby Post'],
        independentSources: 2,
        status: 'corroborated',
        conflicts: [],
        evolution: { text: 'rose from 1 to 3 between 07:00 and 18:00', from: 1, to: 3, first: '2026-03-01T07:00', last: '2026-03-01T18:00' },
        anonymousOnly: false,
      },
      {
        id: 'c2',
        story: 's4',
        summary: 'day',
        mentions: [{ article: 'a1', start: 50, end: 90, attribution: null }],
        outlets: ['Kelm Wire'],
        independentSources: 1,
        status: 'disputed',
        conflicts: [{ claim: 'c3', kind: 'time', explanation: `Kelm Wire says it happened "Sunday" ${quote} where Osterby Post says "Saturday"; both cannot be true.`, cites: [{ article: 'a1', start: 50, end: 90 }, { article: 'a2', start: 50, end: 90 }] }],
        evolution: null,
        anonymousOnly: false,
      },
      {
        id: 'c3',
        story: 's4',
        summary: 'day',
        mentions: [{ article: 'a2', start: 50, end: 90, attribution: null }],
        outlets: ['Osterby Post'],
        independentSources: 1,
        status: 'disputed',
        conflicts: [{ claim: 'c2', kind: 'time', explanation: 'Osterby Post says it happened "Saturday" where Kelm Wire says "Sunday"; both cannot be true.', cites: [{ article: 'a2', start: 50, end: 90 }, { article: 'a1', start: 50, end: 90 }] }],
        evolution: null,
        anonymousOnly: false,
      },
    ],
    timeline: [],
    brief: [],
    provenance: [],
    coverage: [],
    pipeline: [],
  };
}

test('a raised toll is one figure-change line naming the later outlet and figure, sanitized', () => {
  const events = storyEvents(report(), 's4', new Set(['a2']));
  const figure = events.find((e) => e.type === 'figure-change');
  assert.equal(figure?.line, 's4: Osterby [2JPost now says 3 killed where Kelm Wire said 1 (update)');
});

test('a conflict carried by both claims is one event, worded from the new article', () => {
  const conflicts = storyEvents(report(), 's4', new Set(['a2'])).filter((e) => e.type === 'conflict');
  assert.equal(conflicts.length, 1);
  assert.equal(conflicts[0]?.line, 's4: new time conflict: Osterby Post says it happened "Saturday" where Kelm Wire says "Sunday"; both cannot be true.');
});

test('nothing is reported when no new article is involved', () => {
  assert.deepEqual(storyEvents(report(), 's4', new Set(['a9'])), []);
});

test('the long quoted sentences of an explanation are dropped from the line', () => {
  const conflicts = storyEvents(report(), 's4', new Set(['a1'])).filter((e) => e.type === 'conflict');
  assert.equal(conflicts[0]?.line, 's4: new time conflict: Kelm Wire says it happened "Sunday" where Osterby Post says "Saturday"; both cannot be true.');
});
