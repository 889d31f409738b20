import { test } from 'node:test';
import assert from 'node:assert/strict';
import { superlativesClash, superlativesOf, type Superlative } from './superlatives.js';

function one(text: string): Superlative {
  const [s, ...rest] = superlativesOf(text, { start: 0, end: text.length });
  assert.ok(s, `no superlative in "${text}"`);
  assert.equal(rest.length, 0);
  return s;
}

test('a superlative carries what it ranks, folded to near-synonym classes, and its passage', () => {
  const text = 'Officials called it one of the largest air assaults on the capital.';
  const s = one(text);
  assert.deepEqual([s.form, s.rank, s.head, s.modifiers], ['one-of', 'largest', 'attack', ['air']]);
  assert.equal(text.slice(s.start, s.end), 'one of the largest air assaults');
  const b = one('It was the biggest drone strike of the war.');
  assert.deepEqual([b.form, b.rank, b.head, b.modifiers], ['sole', 'largest', 'attack', ['air']]);
  assert.equal(one('It was the deadliest.').head, null);
});

test('"one of the largest air assaults" and "the largest drone attack" clash (regression: dropped as different words)', () => {
  assert.ok(superlativesClash(one('one of the largest air assaults on the capital'), one('the largest drone attack on the capital')));
  assert.ok(superlativesClash(one('It was one of the deadliest.'), one('the deadliest bridge collapse in the region')));
});

test('compatible rankings: same form, different things ranked, a narrower limit on the sole ranking', () => {
  assert.ok(!superlativesClash(one('the largest drone attack'), one('the biggest air assault')));
  assert.ok(!superlativesClash(one('one of the largest protests'), one('the largest drone attack')));
  assert.ok(!superlativesClash(one('the largest art theft'), one('one of the largest jewel thefts')));
  assert.ok(!superlativesClash(one('the largest attack on the city this year'), one('one of the largest attacks of the war')));
  assert.ok(!superlativesClash(one('the largest attack in months'), one('one of the largest attacks since the invasion')));
  assert.ok(!superlativesClash(one('the second-largest attack'), one('one of the largest attacks')));
});

test('a shared limit narrows neither side; ranked places must agree', () => {
  assert.ok(superlativesClash(one('the largest attack since the war began'), one('one of the largest attacks since the war began')));
  assert.ok(superlativesClash(one('the largest attack'), one('one of the largest attacks this year')));
  assert.ok(superlativesClash(one('the second-largest attack'), one('the third-largest attack')));
  assert.ok(superlativesClash(one('the second-largest attack'), one('the largest attack')));
});

test('"-ever" and coordinated modifiers are read through to the ranked head', () => {
  const a = one('It was the largest-ever drone attack on the port.');
  assert.deepEqual([a.head, a.modifiers], ['attack', ['air']]);
  const b = one('one of the largest combined drone and missile strikes of the war');
  assert.equal(b.head, 'attack');
  assert.ok(superlativesClash(a, b));
});

test('"of the war" and "since the war began" are one limit: rankings under them clash; a limit on one side only still narrows', () => {
  const sole = one('It was the largest drone attack on the capital since the war began.');
  assert.equal(sole.scope, 'war');
  assert.ok(superlativesClash(sole, one('It was among the biggest aerial attacks on Velmora of the war.')));
  assert.ok(superlativesClash(sole, one('The raid was one of the most massive missile strikes since the start of the invasion.')));
  assert.ok(!superlativesClash(sole, one('It was one of the largest air attacks on the capital this year.')));
  assert.ok(!superlativesClash(one('It was the largest drone attack of the war.'), one('It was one of the largest air attacks.')));
});

test('a possessor ranks like "the": "the capital\'s largest drone attack" clashes with "one of the largest air assaults"', () => {
  const [own] = superlativesOf("It was the capital's largest drone attack.", { start: 0, end: 42 });
  const [oneOf] = superlativesOf('It was one of the largest air assaults on the capital.', { start: 0, end: 54 });
  assert.ok(own && oneOf);
  assert.equal(own.form, 'sole');
  assert.equal(superlativesClash(own, oneOf), true);
  const [kyiv] = superlativesOf("It was one of Velmora's biggest air raids.", { start: 0, end: 41 });
  assert.equal(kyiv?.form, 'one-of');
});

test('a possessor of time limits the ranking ("the war\'s largest"), and a contraction is no possessor ("let\'s first")', () => {
  const [war] = superlativesOf("It was the war's largest drone attack.", { start: 0, end: 38 });
  assert.equal(war?.scope, 'war');
  const [warOneOf] = superlativesOf('It was one of the largest air assaults since the war began.', { start: 0, end: 59 });
  assert.ok(war && warOneOf && superlativesClash(war, warOneOf));
  const [year] = superlativesOf("It was the year's largest drone attack.", { start: 0, end: 39 });
  assert.ok(year && warOneOf && !superlativesClash(year, warOneOf));
  assert.deepEqual(superlativesOf("Let's first look at the map.", { start: 0, end: 28 }), []);
});
