import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMeasures, measureUnit, withMeasures } from './measures.js';
import { extractQuantities } from './quantities.js';

function measured(text: string): [string, string | null, string, number][] {
  return extractQuantities(text).map((q) => [text.slice(q.start, q.end), q.unit, q.qualifier, q.value]);
}

test('units glued or spaced are read with their canonical unit', () => {
  assert.deepEqual(measured('The hiker slid about 300ft down the scree.'), [['about 300ft', 'foot', 'about', 300]]);
  assert.deepEqual(measured('The boat drifted 40 m off the pier.'), [['40 m', 'metre', 'exact', 40]]);
  assert.deepEqual(measured('a 12km detour through Marrowby'), [['12km', 'kilometre', 'exact', 12]]);
  assert.deepEqual(measured('gusts of 140km/h flattened the tents'), [['140km/h', 'kilometre per hour', 'exact', 140]]);
  assert.deepEqual(measured('a 9,200-square-metre depot burned'), [['9,200-square-metre', 'square metre', 'exact', 9200]]);
  assert.deepEqual(measured('the 450-metre tunnel'), [['450-metre', 'metre', 'exact', 450]]);
  assert.deepEqual(measured('the truck carried 18 tonnes of grain'), [['18 tonnes', 'tonne', 'exact', 18]]);
  assert.deepEqual(measured('drove at 85 mph through Kelburn'), [['85 mph', 'mile per hour', 'exact', 85]]);
});

test('a qualifier before a glued unit gives the measure its interval', () => {
  const [q] = extractQuantities('He dropped nearly 80m into the crevasse.');
  assert.equal(q?.unit, 'metre');
  assert.deepEqual([q?.qualifier, q?.low, q?.high], ['nearly', 60, 80]);
});

test('money and counts keep their reading: "£60m", "60m viewers", "3G"', () => {
  assert.deepEqual(measured('Fendale raised £60m for the bridge.'), [['£60m', 'pound', 'exact', 60_000_000]]);
  assert.deepEqual(measured('60m viewers watched the final.'), [['60m viewers', 'viewer', 'exact', 60_000_000]]);
  assert.deepEqual(measured('a new 3G mast'), []);
  assert.deepEqual(measured('two men arrived'), [['two men', 'man', 'exact', 2]]);
});

test('measureUnit gives the dimension and SI factor', () => {
  assert.deepEqual(measureUnit('foot'), { dimension: 'length', si: 0.3048 });
  assert.equal(measureUnit('kilometre per hour')?.dimension, 'speed');
  assert.equal(measureUnit('person'), null);
  assert.equal(measureUnit(null), null);
});

test('withMeasures leaves text without measurements as it was', () => {
  const text = 'Nine people were hurt.';
  const qs = extractQuantities(text);
  assert.deepEqual(withMeasures(text, 0, text.length, qs), qs);
  assert.deepEqual(extractMeasures(text, 0, text.length), []);
});
