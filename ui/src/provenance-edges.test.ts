// Provenance edges: provenance rows and near-copies between articles both become edges, and the list names every near-copy the graph draws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from './report-types.js';
import { ANONYMOUS_NODE, graphEdges, unlistedCopies } from './provenance-edges.js';
import { storyData } from './story-data.js';

function article(id: string, outlet: string, duplicateOf: string | null): Report['articles'][number] {
  return {
    id, source: { path: `${id}.txt` }, outlet, published: null, dateline: null, byline: null, credits: [], title: `${outlet} story`, language: 'en',
    text: 'The dam at Orrin failed on Friday.', removed: [], duplicateOf, diagnostics: [], status: 'ok', extractedBy: 'text', encoding: null, provenance: {},
  };
}

const report: Report = {
  schema: 'parallax.report/1', generatedBy: { name: 'parallax', version: 'test' },
  articles: [article('a1', 'Wire One', null), article('a2', 'Town Paper', 'a1'), article('a3', 'Hill Radio', 'a1'), article('a4', 'Wire One', 'a1')],
  entities: [], quotes: [], quoteGroups: [], times: [], quantities: [], attributions: [],
  stories: [{ id: 's1', title: 'Orrin dam fails', articles: ['a1', 'a2', 'a3', 'a4'], events: [] }],
  claims: [], timeline: [], brief: [],
  provenance: [
    { story: 's1', outlet: 'Town Paper', relays: 'Wire One', kind: 'near-copy', cites: [] },
    { story: 's1', outlet: 'Hill Radio', relays: 'officials', kind: 'anonymous', cites: [] },
  ],
  coverage: [], pipeline: [],
};

test('provenance rows and near-copies between articles are edges; an outlet copying itself is none', () => {
  const edges = graphEdges(storyData(report, 's1'));
  const shown = edges.map((e) => `${e.from} -> ${e.to} (${e.kind})`).sort();
  assert.deepEqual(shown, ['Wire One -> Hill Radio (near-copy)', 'Wire One -> Town Paper (near-copy)', `${ANONYMOUS_NODE} -> Hill Radio (anonymous)`]);
});

test('regression: the list names the near-copies the graph draws from articles alone, and only those', () => {
  const data = storyData(report, 's1');
  const unlisted = unlistedCopies(data, graphEdges(data));
  assert.deepEqual(unlisted.map((e) => `${e.from} -> ${e.to}`), ['Wire One -> Hill Radio']);
});
