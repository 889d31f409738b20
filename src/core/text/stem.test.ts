// The one stemmer: inflections fold together, short words and -ss/-us endings are left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem } from './stem.js';

test('inflected forms of one word share a stem', () => {
  for (const group of [['quake', 'quakes'], ['killed', 'killing', 'kills'], ['injuries', 'injury'], ['churches', 'church'], ['boxes', 'box'], ['Officials', "official's", 'official']]) {
    assert.equal(new Set(group.map(stem)).size, 1, group.join(' '));
  }
});

test('short words keep their endings, and -ss/-us are not plurals', () => {
  for (const word of ['thing', 'bring', 'died', 'shed', 'press', 'bus', 'gas']) assert.equal(stem(word), word);
  assert.equal(stem('ties'), 'tie');
});
