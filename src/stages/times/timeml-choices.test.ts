import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyChoice, choose, patternKey, valueShape, type ChoiceTable } from './timeml-choices.js';
import { extractTimes } from './times.js';

test('patterns replace weekdays, months, numbers and parts of the day, and carry the granularity given', () => {
  assert.equal(patternKey('Friday  night', { type: 'TIME', value: '2025-03-07TNI' }), '<day> <part>|daypart');
  assert.equal(patternKey('the past three years', { type: 'DURATION', value: 'P3Y' }), 'the past # years|duration');
  assert.equal(patternKey('Oct. 23', { type: 'DATE', value: '2025-10-23' }), '<month> #|day');
  assert.equal(patternKey('a year ago', { type: 'DATE', value: '2024-Q3' }), 'a year ago|quarter');
  assert.equal(valueShape('2025-W10-WE'), 'weekend');
  assert.equal(valueShape('PAST_REF'), 'PAST_REF');
});

test('choices rewrite a reading at another granularity, or give nothing when they do not apply', () => {
  const week = { type: 'DATE' as const, value: '2025-W10' };
  assert.deepEqual(choose('duration', 'last week', week), { type: 'DURATION', value: 'P1W' });
  assert.deepEqual(choose('duration', 'the last three years', { type: 'DATE', value: '2022' }), { type: 'DURATION', value: 'P3Y' });
  assert.deepEqual(choose('duration', 'the weekend', { type: 'DATE', value: '2025-W10-WE' }), { type: 'DURATION', value: 'P2D' });
  assert.deepEqual(choose('duration', 'recent years', { type: 'DATE', value: 'PAST_REF' }), { type: 'DURATION', value: 'PXY' });
  // Week 10 of 2025 runs from March 3 to 9: its Thursday is in March.
  assert.deepEqual(choose('month', 'last week', week), { type: 'DATE', value: '2025-03' });
  assert.deepEqual(choose('week-unknown', 'this week', week), { type: 'DATE', value: '2025-WXX' });
  assert.deepEqual(choose('day', 'Friday night', { type: 'TIME', value: '2025-03-07TNI' }), { type: 'DATE', value: '2025-03-07' });
  assert.deepEqual(choose('daypart', 'Friday night', { type: 'DATE', value: '2025-03-07' }), { type: 'TIME', value: '2025-03-07TNI' });
  assert.deepEqual(choose('=PAST_REF', 'recently', { type: 'DATE', value: 'PAST_REF' }), { type: 'DATE', value: 'PAST_REF' });
  assert.equal(choose('day', 'Friday', { type: 'DATE', value: '2025-03-07' }), null);
  assert.equal(choose('month', 'March', { type: 'DATE', value: '2025-03' }), null);
});

test('a learned choice overrules the rules only when seen often enough and right clearly more often', () => {
  const reading = { type: 'DATE' as const, value: '2025-W10' };
  const table: ChoiceTable = {
    'last week|week': { seen: 10, correct: { keep: 2, '=P1W': 6 } },
    'this week|week': { seen: 8, correct: { keep: 3, 'week-unknown': 5 } },
    'next week|week': { seen: 3, correct: { '=P1W': 3 } },
  };
  assert.deepEqual(applyChoice('last week', reading, table), { type: 'DURATION', value: 'P1W' });
  assert.deepEqual(applyChoice('this week', reading, table), reading, 'a margin of 2 is not enough');
  assert.deepEqual(applyChoice('next week', reading, table), reading, 'seen 3 times only');
  assert.deepEqual(applyChoice('the coming week', reading, table), reading, 'a pattern never seen');
  assert.deepEqual(applyChoice('this week', reading, table, { minSeen: 4, margin: 2 }), { type: 'DATE', value: '2025-WXX' });
});

test('a policy with a drop share leaves out patterns rarely right in any reading, and only those', () => {
  const reading = { type: 'DATE' as const, value: 'PAST_REF' };
  const table: ChoiceTable = {
    'recently|PAST_REF': { seen: 10, correct: { keep: 2, '=PAST_REF': 2 } },
    'now|PRESENT_REF': { seen: 10, correct: { keep: 7 } },
  };
  assert.equal(applyChoice('recently', reading, table, { minSeen: 4, margin: 3, dropBelow: 0.3 }), null);
  assert.deepEqual(applyChoice('recently', reading, table, { minSeen: 4, margin: 3, dropBelow: 0.2 }), reading);
  assert.deepEqual(applyChoice('recently', reading, table), reading, 'the default policy never drops');
  const now = { type: 'DATE' as const, value: 'PRESENT_REF' };
  assert.deepEqual(applyChoice('now', now, table, { minSeen: 4, margin: 3, dropBelow: 0.4 }), now);
});

test('the timeml style writes a named day with its part as the day, as the committed table learned; news keeps the part', () => {
  const text = 'Rebels shelled the port on Friday night.';
  const value = (t: ReturnType<typeof extractTimes>): (string | null)[] => t.map((x) => x.value);
  assert.deepEqual(value(extractTimes(text, '2025-03-10', { style: 'timeml' })), ['2025-03-07']);
  assert.deepEqual(value(extractTimes(text, '2025-03-10', { style: 'timeml', choices: null })), ['2025-03-07TNI']);
  assert.deepEqual(value(extractTimes(text, '2025-03-10')), ['2025-03-07TNI']);
});
