import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromUrl, normalizeDate } from './normalize-date.js';

test('ISO dates keep exactly the precision they were given', () => {
  assert.equal(normalizeDate('2026-03-14'), '2026-03-14');
  assert.equal(normalizeDate('2026-03'), '2026-03');
  assert.equal(normalizeDate('2026-03-14T07:40:59+02:00'), '2026-03-14T07:40+02:00');
  assert.equal(normalizeDate('2019-11-20T01:50:59.403Z'), '2019-11-20T01:50Z');
  assert.equal(normalizeDate('2019-11-20T01:50:59.403'), '2019-11-20T01:50');
  assert.equal(normalizeDate('2026-03-14 7:05'), '2026-03-14T07:05');
});

test('midnight placeholders are not turned into a time', () => {
  assert.equal(normalizeDate('2026-03-14T00:00:00Z'), '2026-03-14');
  assert.equal(normalizeDate('2026-03-14T00:00:00.000+00:00'), '2026-03-14');
});

test('RFC 822 feed dates and written dates are read', () => {
  assert.equal(normalizeDate('Sat, 14 Mar 2026 07:40:00 +0000'), '2026-03-14T07:40Z');
  assert.equal(normalizeDate('Sat, 14 Mar 2026 07:40:00 -0500'), '2026-03-14T07:40-05:00');
  assert.equal(normalizeDate('Sat, 14 Mar 2026 07:40:00 EST'), '2026-03-14T07:40');
  assert.equal(normalizeDate('March 14, 2026'), '2026-03-14');
  assert.equal(normalizeDate('Updated Nov. 19, 2019 at 5:03 pm ET'), '2019-11-19T17:03');
  assert.equal(normalizeDate('14 March 2026'), '2026-03-14');
});

test('impossible dates and non-dates give null rather than a guess', () => {
  assert.equal(normalizeDate('2026-02-30'), null);
  assert.equal(normalizeDate('Staff reporter'), null);
  assert.equal(normalizeDate('1066-10-14'), null);
});

test('dates in URL paths are found with day or month precision', () => {
  assert.equal(dateFromUrl('https://x.example/2019/11/19/story-slug'), '2019-11-19');
  assert.equal(dateFromUrl('https://x.example/news/2019-11-19-story'), '2019-11-19');
  assert.equal(dateFromUrl('https://x.example/2019/11/story'), '2019-11');
  assert.equal(dateFromUrl('https://x.example/article-11574168580'), null);
  assert.equal(dateFromUrl('not a url'), null);
});
