import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentKey, contentWords } from './content-words.js';

test('content keys are the same asked once or many times, short words and long, before and after the cache fills', () => {
  const words = ['Killed', 'killed', 'killing', 'the', 'Quakes', "didn't", '42', 'evacuations', 'internationalisation', 'Internationalisations'];
  const first = words.map(contentKey);
  assert.deepEqual(first, ['die', 'die', 'die', null, 'quake', null, null, 'evacuate', 'internationalisation', 'internationalisation']);
  assert.deepEqual(words.map(contentKey), first);
  // More distinct words than the cache holds: it empties itself and keys stay right.
  for (let i = 0; i < 70_000; i++) contentKey(`w${i.toString(36)}`);
  assert.deepEqual(words.map(contentKey), first);
  assert.equal(contentKey('wabcs'), 'wabc');
});

test('content words of a span: keys in order, each once, a trailing "X said" frame left out', () => {
  const text = 'Firefighters fought the blaze for hours and the blaze spread, the fire chief said.';
  assert.deepEqual(contentWords(text, { start: 0, end: text.length }), ['firefighter', 'fought', 'fire', 'spread']);
});
