// Tests for the years a clause gives its event, when two outlets' years clash, and year conflicts in a whole story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTexts } from '../../../test/helpers/corpus.js';
import { yearSpansOf, yearsClash, type EventYears } from './event-years.js';

const spans = (text: string): [number, number][] => yearSpansOf(text).map((y) => [y.low, y.high]);

test('a year, a year with the end of its span, and two years joined by "to" or "or" are read as spans', () => {
  assert.deepEqual(spans('She served on the council in 1992.'), [[1992, 1992]]);
  assert.deepEqual(spans('He coached the side in 1990-91.'), [[1990, 1991]]);
  assert.deepEqual(spans('The 1999-00 season ended early.'), [[1999, 2000]]);
  assert.deepEqual(spans('The mark stood from 1974 to 1978.'), [[1974, 1978]]);
  assert.deepEqual(spans('A release is likely in late 2025 or early 2026.'), [[2025, 2026]]);
  assert.deepEqual(spans('It was released in 2008 after a 2006 conviction.'), [[2008, 2008], [2006, 2006]]);
});

test('house numbers, clock times, counts and reference years ("since 1974") are no years of the event', () => {
  assert.deepEqual(spans('He was arrested at 2088 Pine Street.'), []);
  assert.deepEqual(spans('The ferry left at 1800 GMT.'), []);
  assert.deepEqual(spans('About 1500 people marched.'), []);
  assert.deepEqual(spans('It was the worst flood since 1974.'), []);
  assert.deepEqual(spans('Prices rose 2,015 points and 12.2019 units.'), []);
});

const years = (low: number, high = low): EventYears => ({ span: { start: 0, end: 4 }, low, high });

test('years clash when neither span holds the other', () => {
  assert.equal(yearsClash(years(1990, 1991), years(1992)), true);
  assert.equal(yearsClash(years(2026), years(2025)), true);
  assert.equal(yearsClash(years(2025, 2026), years(2026)), false);
  assert.equal(yearsClash(years(1974, 1978), years(1978)), false);
  assert.equal(yearsClash(years(1990), years(1990)), false);
});

const story = (first: string, second: string) =>
  analyzeTexts([
    { path: 'post.txt', text: `Harbour Post\nFormer mayor Alma Restrepo dies at 80\n\nAlma Restrepo, who ran the city for a decade, died on Sunday at 80.\n${first}\n` },
    { path: 'courier.txt', text: `Valley Courier\nAlma Restrepo, former mayor, dead at 80\n\nFormer mayor Alma Restrepo died on Sunday, her family said.\n${second}\n` },
  ]);

const timeConflicts = (corpus: ReturnType<typeof analyzeTexts>): string[] =>
  corpus.claims.flatMap((c) => c.conflicts.filter((k) => k.kind === 'time').map((k) => k.explanation));

test('one person elected in two different years by two outlets is a time conflict; a year inside the other\'s span is not', () => {
  const clash = story('Restrepo was first elected mayor in 1990-91, after a long campaign.', 'Restrepo was elected mayor in 1992 by a narrow margin.');
  const found = timeConflicts(clash);
  assert.ok(found.some((e) => e.includes('1990-91') && e.includes('1992')), JSON.stringify(found));
  const inside = story('Restrepo was first elected mayor in 1990-91, after a long campaign.', 'Restrepo was elected mayor in 1991 by a narrow margin.');
  assert.deepEqual(timeConflicts(inside), []);
});

test('years of two different events, or of two people, are no time conflict', () => {
  const phases = story('Restrepo began her career as a teacher in 1965.', 'Restrepo ended her career as a teacher in 1972.');
  assert.deepEqual(timeConflicts(phases), []);
  const people = story('Restrepo\'s husband, Tomas Ilves, died in 2004.', 'Restrepo took office after mayor Hugo Brandt died in 1989.');
  assert.deepEqual(timeConflicts(people), []);
});
