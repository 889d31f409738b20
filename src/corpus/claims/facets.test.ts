import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildArticle } from '../../../test/stories/build-article.js';
import { facetsClash, facetsOf } from './facets.js';

function facets(text: string, places: string[] = []): ReturnType<typeof facetsOf> {
  const article = buildArticle({ id: 'a', outlet: 'X', published: null, text, entities: places.map((p) => ({ text: p, type: 'LOC' as const })) });
  return facetsOf(article, { start: 0, end: text.length });
}

test('a named person\'s home town is read from "Name, age, of Town" and "Name, of Town"', () => {
  assert.deepEqual(facets('Police stopped Marten Olafsson Krey, 41, of Dunmore, at the bridge.', ['Dunmore']).map((f) => [f.key, f.value]), [['home|krey', 'dunmore']]);
  assert.deepEqual(facets('Krey, of East Dunmore, refused to leave his car.', ['East Dunmore']).map((f) => [f.key, f.value]), [['home|krey', 'east dunmore']]);
});

test('"of" before an organisation is no home town', () => {
  assert.deepEqual(facets('Ivo Sand, of Harbour Lines, said the ferry was late.'), []);
});

test('a state keeps its polarity: well / ill / "insufficiently" equipped; a negated adverb is left out', () => {
  assert.deepEqual(facets('The crew was well equipped for the storm.').map((f) => [f.key, f.value]), [['state|equipp', '+']]);
  assert.deepEqual(facets('An ill-equipped crew set out.').map((f) => [f.key, f.value]), [['state|equipp', '-']]);
  assert.deepEqual(facets('The crew appeared "insufficiently" equipped.').map((f) => [f.key, f.value]), [['state|equipp', '-']]);
  assert.deepEqual(facets('The crew was not well equipped.'), []);
  assert.deepEqual(facets('They waited in the freshly painted hall.'), []);
});

test('two home towns clash unless one names the other; opposite states clash', () => {
  const [a] = facets('Krey, 41, of Dunmore, was held.', ['Dunmore']);
  const [b] = facets('Krey, 41, of Port Alder, was held.', ['Port Alder']);
  const [c] = facets('Krey, 41, of north Dunmore, was held.', ['Dunmore']);
  assert.ok(a && b && facetsClash(a, b));
  const [d] = facets('Krey, of Dunmore Heights, was held.', ['Dunmore Heights']);
  assert.ok(a && d && !facetsClash(a, d));
  assert.equal(c, undefined);
  const [well] = facets('The crew was well equipped.');
  const [poorly] = facets('The crew was poorly equipped.');
  const [fully] = facets('The crew was fully equipped.');
  assert.ok(well && poorly && fully && facetsClash(well, poorly) && !facetsClash(well, fully));
});
