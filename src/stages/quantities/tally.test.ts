// Tests for the one tally detector shared by the quantities stage (per figure) and claim comparison (per clause).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTally, isTallyClause } from './tally.js';

test('isTally reads only the clause of the count', () => {
  const text = 'Three people were wounded; so far this year 80 were shot.';
  assert.equal(isTally(text, { start: 0, end: 12 }, { start: 0, end: text.length }), false);
  assert.equal(isTally(text, { start: 46, end: 48 }, { start: 0, end: text.length }), true);
});

test('a fronted "so far" before an actor\'s perfect tense is a tally; an event\'s own running figure is not', () => {
  assert.equal(isTallyClause('So far, the coast guard has seized 40 outboard motors from smugglers.'), true);
  assert.equal(isTallyClause('To date , the ministry have also recovered 12 paintings.'), true);
  assert.equal(isTallyClause('So far, the blaze has burned 900 hectares of scrub.'), false);
  assert.equal(isTallyClause('The blaze has burned 900 hectares of scrub so far.'), false);
  assert.equal(isTallyClause('So far, the coast guard has 40 boats on patrol.'), false);
  assert.equal(isTallyClause('So far, the air strikes have killed 12 people.'), false);
});

test('periods, places and sets of events make tallies at either scope', () => {
  assert.equal(isTallyClause('The cutter has, thus far, seized a total of 40 motors in its six patrols.'), true);
  assert.equal(isTallyClause('It was the 31st homicide citywide.'), true);
  assert.equal(isTallyClause('Two people were killed in the crash.'), false);
  const text = 'So far, the coast guard has seized 40 outboard motors.';
  const at = text.indexOf('40');
  assert.equal(isTally(text, { start: at, end: at + 2 }, { start: 0, end: text.length }), true);
  const statewide = 'In 2029, 14 people were killed in hunting accidents statewide.';
  const n = statewide.indexOf('14');
  assert.equal(isTally(statewide, { start: n, end: n + 2 }, { start: 0, end: statewide.length }), true);
});

test('"the city\'s" makes a tally only beside a figure, not as the attribution of a clause (regression: the demo toll lost its update)', () => {
  assert.equal(isTallyClause("killing one person, the city's emergency services said."), false);
  const text = "It was the city's 40th homicide.";
  const at = text.indexOf('40th');
  assert.equal(isTally(text, { start: at, end: at + 4 }, { start: 0, end: text.length }), true);
});
