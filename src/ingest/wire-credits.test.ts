import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalAgency, creditLine, trailingCredit } from './wire-credits.js';

test('agency spellings map to one canonical name', () => {
  assert.equal(canonicalAgency('the Associated Press'), 'AP');
  assert.equal(canonicalAgency('Agence France-Presse'), 'AFP');
  assert.equal(canonicalAgency('dpa'), 'dpa');
  assert.equal(canonicalAgency('Harbor Courier'), null);
});

test('credit lines name their agencies and ignore reporters', () => {
  assert.deepEqual(creditLine('Additional reporting by the Associated Press'), ['AP']);
  assert.deepEqual(creditLine('(Reporting by Jane Doe; Editing by Omar Vidal)'), []);
  assert.deepEqual(creditLine('— Reuters'), ['Reuters']);
  assert.deepEqual(creditLine('With AFP and dpa'), ['AFP', 'dpa']);
  assert.equal(creditLine('Reuters reported that talks had stalled.'), null);
});

test('a trailing "— Reuters" is cut from the last paragraph', () => {
  const p = 'Talks will resume on Monday. — Reuters';
  const t = trailingCredit(p);
  assert.equal(t?.agency, 'Reuters');
  assert.equal(p.slice(0, t?.at), 'Talks will resume on Monday.');
  assert.equal(trailingCredit('He spoke to Reuters.'), null);
});
