// The incidents bench's own parts: the regex baseline, the role a report quantity is read with, and the fixed slices.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gvcReadable, gvcSlice } from './data/gvc.js';
import { regexFigures, roleOf } from './incidents.js';

const quantity = (text: string, at: string, unit: string | null, extra: Record<string, unknown> = {}) => {
  const start = text.indexOf(at);
  return { article: 'a', start, end: start + at.length, text: at, value: 2, low: 2, high: 2, lowInclusive: true, highInclusive: true, unit, qualifier: 'exact', ...extra };
};

test('the regex baseline reads "<number> (people) (were) killed|injured"', () => {
  const figures = regexFigures('d', 'Two people were killed and 3 wounded on Elm Road; one man died later.');
  assert.deepEqual(figures.map((f) => [f.role, f.value]), [['killed', 2], ['injured', 3]]);
});

test('a report quantity without a role field is read from its unit, or from the verb after a count of people', () => {
  const text = 'Two people were killed and two others were hurt. Two cars were towed.';
  assert.equal(roleOf(quantity(text, 'Two people', 'person'), text), 'killed');
  assert.equal(roleOf(quantity(text, 'two others', 'other'), text), 'injured');
  assert.equal(roleOf(quantity(text, 'Two cars', 'car'), text), null);
  assert.equal(roleOf(quantity('Four dead.', 'Four dead', 'dead'), 'Four dead.'), 'killed');
});

test('a role field wins, and a tally counts nothing of the event', () => {
  const text = 'Two people were killed.';
  assert.equal(roleOf(quantity(text, 'Two people', 'person', { role: 'injured' }), text), 'injured');
  assert.equal(roleOf(quantity(text, 'Two people', 'person', { role: null }), text), null);
  assert.equal(roleOf(quantity(text, 'Two people', 'person', { role: 'killed', tally: true }), text), null);
});

test('slices are fixed by the incident id and split about 60/20/20', () => {
  assert.equal(gvcSlice('12345'), gvcSlice('12345'));
  const counts = { tune: 0, confirm: 0, untouched: 0 };
  for (let i = 0; i < 2000; i++) counts[gvcSlice(String(100000 + i))]++;
  assert.ok(Math.abs(counts.tune / 2000 - 0.6) < 0.05, JSON.stringify(counts));
  assert.ok(Math.abs(counts.untouched / 2000 - 0.2) < 0.05, JSON.stringify(counts));
});

test('the readable text drops the Date and Source header lines only', () => {
  assert.equal(gvcReadable('Date: 2030-01-02\n\nSource: example.test\n\nA title\n\nBody.'), 'A title\n\nBody.');
});
