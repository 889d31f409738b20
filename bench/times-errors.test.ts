import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, sameShapeDifference } from './times-errors.js';

test('error shapes tell a counted duration from an unknown count, and clock from day', () => {
  assert.equal(errorShape('P3Y'), 'P#Y');
  assert.equal(errorShape('PXY'), 'PXY');
  assert.equal(errorShape('PT24H'), 'P#TH');
  assert.equal(errorShape('1998-08-07'), 'day');
  assert.equal(errorShape('1998-08-07T14:00'), 'clock');
  assert.equal(errorShape('1988-Q3'), 'quarter');
  assert.equal(errorShape('PAST_REF'), 'PAST_REF');
  assert.equal(errorShape(null), 'none');
});

test('values of one shape differ by the year, the month or week, or the day', () => {
  assert.equal(sameShapeDifference('1998-08-07', '1998-08-14'), 'day differs');
  assert.equal(sameShapeDifference('1998-10-23T22:00', '1999-04-08T22:00'), 'year differs');
  assert.equal(sameShapeDifference('1998-W12', '1998-W11'), 'month/week/quarter differs');
  assert.equal(sameShapeDifference('P12Y', 'P13Y'), 'other');
});
