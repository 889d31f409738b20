import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitParagraphs, splitSentences } from '../sentences/index.js';
import { extractAttributions } from './extract-attributions.js';

interface Seen {
  span: string;
  claimant: string;
  via: string | null;
  viaKind: string | null;
  claim: string | null;
}

function run(text: string, outlet: string | null = null): Seen[] {
  const sentences = splitParagraphs(text).flatMap((p) => splitSentences(text, p));
  return extractAttributions(text, { sentences }, outlet).map((a) => ({
    span: text.slice(a.start, a.end),
    claimant: a.claimant,
    via: a.via,
    viaKind: a.viaKind,
    claim: a.claim ? text.slice(a.claim.start, a.claim.end) : null,
  }));
}

test('an outlet reporting while citing anonymous people is a chain: claimant, via, claim', () => {
  const [a] = run('Bloomberg reported, citing people familiar with the matter, that the Norvik ferry merger was off.');
  assert.deepEqual(a, {
    span: 'Bloomberg reported, citing people familiar with the matter',
    claimant: 'Bloomberg',
    via: 'people familiar with the matter',
    viaKind: 'anonymous',
    claim: 'the Norvik ferry merger was off',
  });
});

test('tellers of an outlet are what the outlet cites', () => {
  const [a] = run('Two officials told the Associated Press that the grain ship had been seized off Kestrel Point.');
  assert.equal(a?.claimant, 'Associated Press');
  assert.equal(a?.via, 'Two officials');
  assert.equal(a?.viaKind, 'anonymous');
  assert.equal(a?.claim, 'the grain ship had been seized off Kestrel Point');
});

test('according to an outlet citing diplomatic sources', () => {
  const [a] = run('According to Le Monde, citing diplomatic sources, the Veloria envoy was recalled.');
  assert.equal(a?.claimant, 'Le Monde');
  assert.equal(a?.via, 'diplomatic sources');
  assert.equal(a?.viaKind, 'anonymous');
  assert.equal(a?.claim, 'the Veloria envoy was recalled');
});

test('invented outlets ending in a newspaper word are outlets', () => {
  for (const outlet of ['Norvik Gazette', 'Daily Courier', 'Kestrel Herald', 'Harbour Times']) {
    const [a] = run(`The ${outlet} reported that the mayor had resigned.`);
    assert.equal(a?.claimant, outlet);
    assert.equal(a?.claim, 'the mayor had resigned');
  }
});

test('anonymous sources are labelled as such, with the article as claimant', () => {
  const seen = run(
    [
      'A source close to the negotiations said the Kestrel deal was dead.',
      'Two officials who spoke on condition of anonymity said the vote was delayed.',
      'The shipyard will be sold, people familiar with the plans said.',
    ].join('\n'),
    'Norvik Daily',
  );
  assert.deepEqual(seen.map((s) => [s.claimant, s.viaKind]), [
    ['Norvik Daily', 'anonymous'],
    ['Norvik Daily', 'anonymous'],
    ['Norvik Daily', 'anonymous'],
  ]);
  assert.equal(seen[2]?.claim, 'The shipyard will be sold');
});

test('official sources: the ministry said, police said', () => {
  const seen = run('The bridge will reopen on Monday, the ministry said.\nPolice said two people were hurt in Norvik.');
  assert.deepEqual(seen.map((s) => [s.via, s.viaKind, s.claim]), [
    ['the ministry', 'official', 'The bridge will reopen on Monday'],
    ['Police', 'official', 'two people were hurt in Norvik'],
  ]);
});

test('wire credits and datelines name the agency without a claim', () => {
  const seen = run('NORVIK (Reuters) - The harbour will close.\nThe tower fell on Sunday (AFP).\nAdditional reporting by Reuters and the Daily Courier');
  assert.deepEqual(seen.map((s) => [s.span, s.claimant, s.claim]), [
    ['(Reuters)', 'Reuters', null],
    ['(AFP)', 'AFP', null],
    ['Additional reporting by Reuters and the Daily Courier', 'Reuters', null],
    ['Additional reporting by Reuters and the Daily Courier', 'Daily Courier', null],
  ]);
});

test('a named person is cited only through "according to"; plain "X said" is left to the quotes layer', () => {
  const seen = run('The mayor resigned, according to Dr. Ilse Brandt.\nTomas Berger said the budget was safe.');
  assert.equal(seen.length, 1);
  assert.equal(seen[0]?.via, 'Dr. Ilse Brandt');
  assert.equal(seen[0]?.viaKind, 'named');
  assert.equal(seen[0]?.claim, 'The mayor resigned');
});

test('party-district parentheticals are not wire credits, and a leading conjunction is not part of the source', () => {
  const seen = run('Delegate Ann Bell (D-Norvik News) objected.\nPolice arrived, and state officials said the ferries would wait.');
  assert.deepEqual(seen.map((s) => [s.via, s.viaKind]), [['state officials', 'anonymous']]);
});

test('an unnamed official of a named institution is anonymous, and claims need three words', () => {
  const seen = run('A Kestrel Harbour Authority official said the dredging would stop.\nAccording to the Norvik Gazette, basically.');
  assert.equal(seen.length, 2);
  assert.equal(seen[0]?.viaKind, 'anonymous');
  assert.equal(seen[0]?.via, 'A Kestrel Harbour Authority official');
  assert.equal(seen[1]?.claim, null);
});

test('chains with the cited source after the claim: "which cited", "quoting", ", citing" at the end, trailing anonymity', () => {
  const [a] = run('The Veloria envoy was recalled, according to Le Monde, which cited diplomatic sources.');
  assert.deepEqual([a?.claimant, a?.via, a?.viaKind, a?.claim], ['Le Monde', 'diplomatic sources', 'anonymous', 'The Veloria envoy was recalled']);
  const [b] = run('The Kestrel plant will shut, the Daily Courier reported, quoting a senior official.');
  assert.deepEqual([b?.claimant, b?.via, b?.claim], ['Daily Courier', 'a senior official', 'The Kestrel plant will shut']);
  const [c] = run('Reuters reported that the Norvik talks had stalled, citing two diplomats.');
  assert.deepEqual([c?.claimant, c?.via, c?.claim], ['Reuters', 'two diplomats', 'the Norvik talks had stalled']);
  const [d] = run('The ferry line was sold, said a person familiar with the matter, who spoke on condition of anonymity.');
  assert.deepEqual([d?.span, d?.claimant, d?.viaKind, d?.claim], [
    'said a person familiar with the matter, who spoke on condition of anonymity',
    'the article',
    'anonymous',
    'The ferry line was sold',
  ]);
});
