import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCorpus, type CorpusResult } from '../../core/corpus.js';
import { buildArticle } from '../../../test/stories/build-article.js';
import { extractClaims } from '../claims/claims-stage.js';
import { coverage } from './coverage.js';
import { anonymousClaims, provenanceEdges } from './provenance.js';

const wire = buildArticle({
  id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T09:00', credits: ['Meridian Press'],
  text: 'PORT ALDER (Meridian Press) - Customs officers seized 40 tonnes of counterfeit fertiliser at the Brenna crossing.\nThe minister will resign next week, people familiar with the matter said.',
  attributions: [{ text: 'The minister will resign next week, people familiar with the matter said.', claimant: 'Harbour Post', via: 'people familiar with the matter', anonymous: true }],
});
const copy = buildArticle({
  id: 'a2', outlet: 'Valley Courier', published: '2026-03-14T09:30',
  text: 'Customs officers seized 40 tonnes of counterfeit fertiliser at the Brenna crossing on Friday.',
});
const other = buildArticle({
  id: 'a3', outlet: 'North Gazette', published: '2026-03-14T11:00',
  text: 'The Brenna port authority said the harbour would reopen on Monday after the customs raid.',
  attributions: [{ text: 'The Brenna port authority said', claimant: 'North Gazette', via: 'Brenna port authority' }],
});

function corpus(): CorpusResult {
  const base: CorpusResult = {
    ...emptyCorpus([wire, copy, other]),
    duplicates: [{ article: 'a2', duplicateOf: 'a1', similarity: 0.93 }],
    stories: [{ id: 's1', title: 'Brenna', articles: ['a1', 'a2', 'a3'], events: [] }],
  };
  return { ...base, claims: extractClaims(base) };
}

test('edges: wire credit cites the credit in the text, near-copies point at the original outlet, attributions name the source', () => {
  const edges = provenanceEdges(corpus());
  const summary = edges.map((e) => `${e.outlet} -${e.kind}-> ${e.relays}`);
  assert.deepEqual(summary, [
    'Harbour Post -wire-credit-> Meridian Press',
    'Harbour Post -anonymous-> people familiar with the matter',
    'Valley Courier -near-copy-> Harbour Post',
    'North Gazette -attribution-> Brenna port authority',
  ]);
  const credit = edges[0]?.cites[0];
  assert.equal(wire.text.slice(credit?.start, credit?.end), 'Meridian Press');
});

test('a claim resting only on anonymous sourcing is flagged, a corroborated one is not', () => {
  const c = corpus();
  const anon = anonymousClaims(c);
  assert.equal(anon.length, 1);
  const claim = c.claims.find((x) => x.id === anon[0]?.claim);
  assert.match(claim?.summary ?? '', /minister will resign/);
});

test('near-copies of one original count once; coverage lists carried and omitted claims per outlet', () => {
  const c = corpus();
  const seized = c.claims.find((x) => x.summary.includes('seized'));
  assert.equal(seized?.independentSources, 1);
  assert.equal(seized?.status, 'single-source');
  const cov = coverage(c);
  const north = cov[0]?.outlets.find((o) => o.outlet === 'North Gazette');
  assert.ok(north?.omits.includes(seized?.id ?? ''));
  assert.ok(!north?.carries.includes(seized?.id ?? ''));
  assert.equal(cov[0]?.outlets.length, 3);
});
