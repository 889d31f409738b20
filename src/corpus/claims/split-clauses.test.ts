import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../../core/span.js';
import { splitClauses } from './split-clauses.js';
import { CLAUSE_DEFAULTS } from './split-clauses.js';

function spanOf(text: string, part: string): Span {
  const start = text.indexOf(part);
  assert.ok(start >= 0, `"${part}" not in text`);
  return { start, end: start + part.length };
}

function pieces(text: string, figures: readonly string[]): string[] {
  return splitClauses(text, { start: 0, end: text.length }, CLAUSE_DEFAULTS, figures.map((f) => spanOf(text, f))).map((s) =>
    text.slice(s.start, s.end),
  );
}

const LEAD =
  'A landslide buried the mountain road above Kestrel Falls on Sunday night, trapping at least 12 drivers and killing two people, the regional police said.';

test('participial fact clauses that each carry a figure become their own exact spans', () => {
  assert.deepEqual(pieces(LEAD, ['at least 12 drivers', 'two people']), [
    'A landslide buried the mountain road above Kestrel Falls on Sunday night',
    'trapping at least 12 drivers',
    "killing two people, the regional police said.",
  ]);
});

test('without figures, or with a participle that states none, the sentence stays whole', () => {
  assert.deepEqual(pieces(LEAD, []), [LEAD]);
  const leaving = 'A landslide buried the mountain road above Kestrel Falls on Sunday night, leaving the village cut off for 3 days.';
  assert.deepEqual(pieces(leaving, []), [leaving]);
  // One piece of the chain without a figure keeps the chain whole.
  const mixed = 'The storm flooded the lower town on Monday, forcing 300 residents from their homes and closing the bridge.';
  assert.deepEqual(pieces(mixed, ['300 residents']), [mixed]);
});

test('reporting and attribution participles are frames, not facts', () => {
  const citing = 'The ferry left Port Alder two hours late, citing two port officials who spoke on condition of anonymity.';
  assert.deepEqual(pieces(citing, ['two port officials']), [citing]);
  const according = 'The quake struck under the bay at dawn, according to 3 monitoring stations.';
  assert.deepEqual(pieces(according, ['3 monitoring stations']), [according]);
});

test('an irregular past tense is a finite verb: "Crews brought ..., and all residents were moved" splits', () => {
  const text = 'Crews brought the flames under control after about 50 minutes, and all residents were moved to the school gym.';
  assert.deepEqual(pieces(text, []), [
    'Crews brought the flames under control after about 50 minutes',
    'all residents were moved to the school gym.',
  ]);
});

test('two sources\' readings of one figure contrasted with ", but" stay one clause', () => {
  const text = 'The centre put the magnitude at 5.9, but the survey said it was 6.1.';
  const figures = [{ start: text.indexOf('5.9'), end: text.indexOf('5.9') + 3 }, { start: text.indexOf('6.1'), end: text.indexOf('6.1') + 3 }];
  assert.equal(splitClauses(text, { start: 0, end: text.length }, undefined, figures).length, 1);
  const plain = 'The centre lost power at noon, but the survey kept its stations running.';
  assert.equal(splitClauses(plain, { start: 0, end: plain.length }).length, 2);
});
