// Tests for the day a clause gives its event, the event that day dates, and day conflicts across claims that never grouped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTexts } from '../../../test/helpers/corpus.js';
import { eventDaysClash, offsetsClash, type EventDay, type EventOffset } from './time-anchors.js';

const day = (weekday: string, extra: Partial<EventDay> = {}): EventDay => ({
  span: { start: 0, end: 1, type: 'DATE', value: null },
  date: null,
  weekday,
  late: false,
  early: false,
  ...extra,
});

test('two weekdays clash, unless one is late and the next early: an event near midnight belongs to both days', () => {
  assert.equal(eventDaysClash(day('saturday'), day('sunday')), true);
  assert.equal(eventDaysClash(day('saturday'), day('saturday')), false);
  assert.equal(eventDaysClash(day('saturday', { late: true }), day('sunday')), false);
  assert.equal(eventDaysClash(day('sunday', { early: true }), day('saturday')), false);
  assert.equal(eventDaysClash(day('saturday', { late: true }), day('monday', { early: true })), true);
  assert.equal(eventDaysClash(day('thursday'), day('friday', { late: true })), true);
});

test('a date clashes with a weekday it does not fall on, and two dates with each other', () => {
  // 2026-12-05 is a Saturday.
  assert.equal(eventDaysClash(day('saturday', { date: '2026-12-05' }), day('saturday')), false);
  assert.equal(eventDaysClash(day('saturday', { date: '2026-12-05' }), day('sunday')), true);
  assert.equal(eventDaysClash(day('saturday', { date: '2026-12-05', late: true }), day('sunday', { early: true })), false);
  assert.equal(eventDaysClash(day('saturday', { date: '2026-12-05' }), day('saturday', { date: '2026-12-12' })), true);
  assert.equal(eventDaysClash(day('saturday', { date: '2026-12-05' }), day('saturday', { date: '2026-12-05' })), false);
});

const story = (first: string, second: string, third = 'Students marched through Velden for a second day, chanting the boy\'s name.') =>
  analyzeTexts([
    { path: 'post.txt', text: `Harbour Post\nRiots after boy shot dead in Velden\n\nRiots spread across Velden after police shot dead a 15-year-old boy.\n${first}\n` },
    { path: 'courier.txt', text: `Valley Courier\nVelden boy killed by police\n\nA police officer shot and killed a 15-year-old boy in Velden, sparking riots.\n${second}\n` },
    { path: 'gazette.txt', text: `Ridge Gazette\nVelden riots enter second day\n\nRioters clashed with police in Velden after the killing of a teenager by an officer.\n${third}\n` },
  ]);

const timeConflicts = (corpus: ReturnType<typeof analyzeTexts>): string[] =>
  corpus.claims.flatMap((c) => c.conflicts.filter((k) => k.kind === 'time').map(() => c.summary));

test('one killing given two weekdays in clauses worded too differently to group is a time conflict', () => {
  const corpus = story(
    'The fatal shooting of Andreas Kolle, 15, on Saturday sparked days of unrest in the capital.',
    'According to the charge sheet, Officer Brenn killed Kolle on Sunday during a scuffle with youths in the old town.',
  );
  const found = timeConflicts(corpus);
  assert.equal(found.length, 2, JSON.stringify(corpus.claims.map((c) => c.summary)));
  assert.ok(found.some((s) => /Saturday/.test(s)) && found.some((s) => /Sunday/.test(s)));
});

test('a killing late on Saturday and one early on Sunday, or days of two events of one person, are no time conflict', () => {
  const nearMidnight = story(
    'The fatal shooting of Andreas Kolle, 15, on Saturday night sparked days of unrest in the capital.',
    'According to the charge sheet, Officer Brenn killed Kolle early Sunday during a scuffle with youths in the old town.',
  );
  assert.deepEqual(timeConflicts(nearMidnight), []);
  // Shot on one day, died on another: two events of one person.
  const twoEvents = story(
    'Andreas Kolle, 15, was shot on Saturday near the old town square.',
    'Kolle died on Monday in the city hospital, his family said.',
  );
  assert.deepEqual(timeConflicts(twoEvents), []);
  // Two people dated by the lead event on two days are two events.
  const twoPeople = story(
    'Andreas Kolle, 15, was killed on Saturday near the old town square.',
    'A second teenager, Pavel Orsk, was killed on Tuesday in the harbour district.',
  );
  assert.deepEqual(timeConflicts(twoPeople), []);
});

const offset = (low: number, high: number): EventOffset => ({ span: { start: 0, end: 1 }, low, high, keys: [] });

test('two offsets of one event clash when their day ranges, widened by the slack of two anchors, do not meet', () => {
  assert.equal(offsetsClash(offset(9, 9), offset(14.7, 21)), true);
  assert.equal(offsetsClash(offset(9, 9), offset(10, 10)), false);
  assert.equal(offsetsClash(offset(7, 7), offset(9, 9)), false);
  assert.equal(offsetsClash(offset(21, 21), offset(14, 14)), true);
});

test('"a heart attack almost three weeks ago" against "a heart attack nine days earlier" is a time conflict; nine days and a week and a half are not', () => {
  const stroke = (first: string, second: string) =>
    analyzeTexts([
      { path: 'post.txt', text: `date 2026-12-12 Harbour Post\nSinger Mara Lind dies\n\nThe singer Mara Lind died on Thursday in Velden.\nYesterday in Velden, Lind succumbed to complications from ${first}.\n` },
      { path: 'courier.txt', text: `date 2026-12-12 Valley Courier\nMara Lind dead at 85\n\nThe singer Mara Lind has died in Velden, her agent said.\n${second}\n` },
    ]);
  const clash = stroke('a heart attack suffered almost three weeks ago', 'Lind suffered a heart attack nine days earlier and never regained consciousness.');
  assert.ok(clash.claims.some((c) => c.conflicts.some((k) => k.kind === 'time')), JSON.stringify(clash.claims.map((c) => c.summary)));
  const near = stroke('a heart attack suffered a week and a half ago', 'Lind suffered a heart attack nine days earlier and never regained consciousness.');
  assert.deepEqual(timeConflicts(near), []);
});
