import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personContext } from './person-contexts.js';

/** The context found for the name `name` inside the space-separated tokens of `sentence`. */
function contextOf(sentence: string, name: string): string | null {
  const tokens = sentence.split(' ');
  const words = name.split(' ');
  const start = tokens.findIndex((_, i) => words.every((w, k) => tokens[i + k] === w));
  assert.ok(start >= 0, `"${name}" not in "${sentence}"`);
  return personContext(tokens, start, start + words.length);
}

test('an age apposition or parenthesis marks a person, in lists too', () => {
  assert.equal(contextOf('Police named Dana Reyes , 24 , of Tulsa .', 'Dana Reyes'), 'age-after');
  assert.equal(contextOf('Marcus Lee , 31 , and Tia Brown , 28 , both of Dayton , were hurt .', 'Tia Brown'), 'age-after');
  assert.equal(contextOf('The driver was Orrin Vale ( 52 ) .', 'Orrin Vale'), 'age-after');
  assert.equal(contextOf('It was Orrin Vale , 52 .', 'Orrin Vale'), 'age-after');
});

test('a number after a name that is no age is not taken for one', () => {
  assert.equal(contextOf('Tallies : Norland , 2019 , was the year .', 'Norland'), null);
  assert.equal(contextOf('Norland , 18 million , voted .', 'Norland'), null);
  assert.equal(contextOf('Norland , 0 , Westry , 3 .', 'Norland'), null);
});

test('an age adjective marks the name that is its noun, not a place before a noun', () => {
  assert.equal(contextOf('Deputies arrested 20 - year-old Travon Bixby on Tuesday .', 'Travon Bixby'), 'age-before');
  assert.equal(contextOf('The family of four-year old Amirra Tolbert grieved .', 'Amirra Tolbert'), 'age-before');
  assert.equal(contextOf('A 6 - year-old Brenford boy was hurt .', 'Brenford'), null);
  assert.equal(contextOf('A four-year-old Brenford girl was hurt .', 'Brenford'), null);
});

test('victim and suspect predicates mark their subject', () => {
  assert.equal(contextOf('Tavion Quarles was shot twice .', 'Tavion Quarles'), 'predicate');
  assert.equal(contextOf('Tavion Quarles was fatally shot .', 'Tavion Quarles'), 'predicate');
  assert.equal(contextOf('Tavion Quarles had been arrested before .', 'Tavion Quarles'), 'predicate');
  assert.equal(contextOf('Tavion Quarles died at the scene .', 'Tavion Quarles'), 'predicate');
  assert.equal(contextOf('Brenford was struck by a storm .', 'Brenford'), null);
  assert.equal(contextOf('Brenford was charged a fee .', 'Brenford'), null);
});

test('"the murder of", "a vigil for" and "identified the victim as" take a person', () => {
  assert.equal(contextOf('The murder of Deontae Rush is unsolved .', 'Deontae Rush'), 'object');
  assert.equal(contextOf('A vigil for Shaniqua Odom was held .', 'Shaniqua Odom'), 'object');
  assert.equal(contextOf('Police identified the victim as Latrice Gammage .', 'Latrice Gammage'), 'object');
  assert.equal(contextOf('Police identified him as Latrice Gammage .', 'Latrice Gammage'), 'object');
  assert.equal(contextOf('The rest of Brenford was dark .', 'Brenford'), null);
  assert.equal(contextOf('They rated it as Brenford did .', 'Brenford'), null);
});

test('a name after a preposition before a predicate is not its subject', () => {
  assert.equal(contextOf('Farmers in the province of Velmora were arrested .', 'Velmora'), null);
});

test('a noun for a person right before a name, or before its comma, marks it ("victim Dana Reyes", "her son, Marcus Lee")', () => {
  assert.equal(contextOf('Police said victim Dana Reyes lived nearby .', 'Dana Reyes'), 'object');
  assert.equal(contextOf('Her son , Marcus Lee , was home .', 'Marcus Lee'), 'object');
  assert.equal(contextOf('The victim , Dana Reyes , lived nearby .', 'Dana Reyes'), 'object');
  assert.equal(contextOf('The house , Brenford Hall , burned .', 'Brenford Hall'), null);
});
