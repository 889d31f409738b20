import { test } from 'node:test';
import assert from 'node:assert/strict';
import { speakerMatch, surnameKey, type Speaker } from './speaker-match.js';

const named = (entity: string | null, ...names: string[]): Speaker => ({ entity, keys: names.map((n) => surnameKey(n) ?? ''), named: true });

test('surname keys ignore titles, case, diacritics and transliteration endings', () => {
  assert.equal(surnameKey('President Vasylevskyy'), surnameKey('Bohdan Vasylevsky'));
  assert.equal(surnameKey('Vasylevskiy'), 'vasylevsky');
  assert.equal(surnameKey('Ines Várga'), 'varga');
});

test('same entity or same surname is one speaker; a missing speaker is unknown; other names differ', () => {
  assert.equal(speakerMatch(named('e1', 'Ines Varga'), named('e1', 'Ines Varga')), 'same');
  assert.equal(speakerMatch(named('e1', 'Bohdan Vasylevsky'), named('e2', 'President Vasylevskyy')), 'same');
  assert.equal(speakerMatch(named('e1', 'Ines Varga'), { entity: null, keys: [], named: false }), 'unknown');
  assert.equal(speakerMatch(named('e1', 'Ines Varga'), named('e3', 'Mara Quist')), 'different');
});

test('a speaker guessed from a pronoun never counts as a different person', () => {
  const guessed: Speaker = { ...named('e3', 'Mara Quist'), named: false };
  assert.equal(speakerMatch(named('e1', 'Ines Varga'), guessed), 'unknown');
});
