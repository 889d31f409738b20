import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PORT_STRIKE } from './planted.js';
import { plantedStorySuite } from './planted-story-suite.js';

const { corpus } = plantedStorySuite(PORT_STRIKE);

test('port-strike: the four outlets are one story', () => {
  assert.equal(corpus.stories.length, 1);
});
