import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAges, isAge, personKey } from './ages.js';
import { extractQuantities } from './quantities.js';

function ages(text: string): [string, string | null, number][] {
  return extractAges(text, 0, text.length).map((q) => [text.slice(q.start, q.end), q.unit, q.value]);
}

test('an age between commas after a name, or before a name, is that person\'s age', () => {
  assert.deepEqual(ages('Tom Ferrin, 32, fell while climbing.'), [['32', 'age:ferrin', 32]]);
  assert.deepEqual(ages('Tom Ferrin, aged 32, fell.'), [['32', 'age:ferrin', 32]]);
  assert.deepEqual(ages('a 31-year-old Tom Ferrin of Kelburn slipped'), [['31-year-old Tom Ferrin', 'age:ferrin', 31]]);
  assert.deepEqual(ages('the 36 - year - old climber Anna Vole died'), [['36 - year - old climber Anna Vole', 'age:vole', 36]]);
});

test('no age without a full name, or beyond a lifetime', () => {
  assert.deepEqual(ages('The 32-year-old climber died.'), []);
  assert.deepEqual(ages('Ferrin, 32, said.'), []);
  assert.deepEqual(ages('Dana Pell, 450, wrote'), []);
});

test('ages reach the quantities of a sentence, keyed by person', () => {
  const qs = extractQuantities('Tom Ferrin, 32, fell about 2,000 feet.');
  assert.deepEqual(qs.map((q) => q.unit), ['age:ferrin', 'foot']);
  assert.ok(isAge('age:ferrin'));
  assert.ok(!isAge('foot'));
  assert.equal(personKey("Tom Ferrin's"), 'ferrin');
});
