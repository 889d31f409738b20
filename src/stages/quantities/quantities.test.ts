import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuantitySpan } from '../../core/article.js';
import { extractQuantities, intervalsOverlap, quantitiesCompatible, quantitiesStage } from './quantities.js';
import { unitKey, unitsComparable } from './units.js';
import { parseNumber } from './number-words.js';
import { emptyLayers, emptyMeta, type Article } from '../../core/article.js';
import { createContext } from '../../core/context.js';

function only(text: string): QuantitySpan & { text: string } {
  const found = extractQuantities(text);
  assert.equal(found.length, 1, `expected one quantity in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((q) => text.slice(q.start, q.end)))}`);
  const q = found[0] as QuantitySpan;
  return { ...q, text: text.slice(q.start, q.end) };
}

test('numerals with separators and number words parse to values', () => {
  assert.equal(parseNumber('1,200'), 1200);
  assert.equal(parseNumber('80,000'), 80000);
  assert.equal(parseNumber('three dozen'), 36);
  assert.equal(parseNumber('twenty-five'), 25);
  assert.equal(parseNumber('three hundred and twelve'), 312);
  assert.equal(parseNumber('2.5 million'), 2_500_000);
  assert.equal(parseNumber('half a dozen'), 6);
});

test('at least 17 people is [17, inf) and the span covers qualifier, number and noun', () => {
  const q = only('Officials in Varnholt said at least 17 people were killed.');
  assert.equal(q.text, 'at least 17 people');
  assert.deepEqual([q.qualifier, q.value, q.low, q.high, q.lowInclusive], ['at-least', 17, 17, null, true]);
  assert.equal(q.unit, 'person');
});

test('more than a dozen wounded is (12, inf)', () => {
  const q = only('More than a dozen wounded were taken to the Kessel clinic.');
  assert.equal(q.text, 'More than a dozen wounded');
  assert.deepEqual([q.qualifier, q.low, q.high, q.lowInclusive], ['more-than', 12, null, false]);
});

test('around 30 minutes is about [27, 33]', () => {
  const q = only('The shelling lasted around 30 minutes, residents said.');
  assert.deepEqual([q.text, q.qualifier, q.low, q.high, q.unit], ['around 30 minutes', 'about', 27, 33, 'minute']);
});

test('almost an hour is [0.9, 1) hours, that is [54, 60) minutes: the last tenth below, like the tolerance of "about"', () => {
  const q = only('Rescuers worked for almost an hour before the roof gave way.');
  assert.deepEqual([q.text, q.qualifier, q.low, q.high, q.highInclusive, q.unit], ['almost an hour', 'nearly', 0.9, 1, false, 'hour']);
});

test('approximately 80,000 gets a 10% tolerance and keeps its adjective noun', () => {
  const q = only('Approximately 80,000 Ostrian troops massed along the border.');
  assert.deepEqual([q.value, q.low, q.high, q.unit], [80000, 72000, 88000, 'ostrian troop']);
  assert.equal(unitKey(q.unit), 'soldier');
});

test('three dozen rockets and shells counts both nouns', () => {
  const q = only('Militants fired three dozen rockets and shells at the port overnight.');
  assert.deepEqual([q.text, q.value, q.unit], ['three dozen rockets and shells', 36, 'rocket and shell']);
});

test('a week and a half and nearly four years', () => {
  const a = only('The strike in Dorrow has lasted a week and a half.');
  assert.deepEqual([a.text, a.value, a.unit], ['a week and a half', 1.5, 'week']);
  const b = only('He ran the ministry for nearly four years.');
  assert.deepEqual([b.text, b.qualifier, b.low, b.high, b.unit], ['nearly four years', 'nearly', 3.6, 4, 'year']);
});

test('ranges, vague plurals, percentages and money', () => {
  const r = only('Between 10 and 20 people were detained.');
  assert.deepEqual([r.qualifier, r.low, r.high], ['range', 10, 20]);
  const d = only('Dozens of civilians fled.');
  assert.deepEqual([d.qualifier, d.low, d.high, d.unit], ['range', 24, 144, 'civilian']);
  const p = only('Turnout fell to 41.5 percent.');
  assert.deepEqual([p.value, p.unit], [41.5, 'percent']);
  const m = only('The city pledged $2.5 million in aid.');
  assert.deepEqual([m.value, m.unit], [2_500_000, 'dollar']);
});

test('dates, clock times, years, ages, names and "one of" are not quantities', () => {
  const negatives = [
    'The summit opened on March 14, 2026 in Lenmark.',
    'Voting closes at 3 p.m. local time.',
    'In 1998 prices rose sharply.',
    'A 45-year-old man was arrested.',
    'It is one of the largest ports in the region.',
    'Pope John Paul II visited the shrine.',
    'Flight 370 left on time.',
    'He lives at 10 Downing Street.',
    'No one was hurt, said the one who called.',
    'The 1995 shooting was never solved.',
    'Attacks rose between 1994 and 1997.',
  ];
  for (const text of negatives) assert.deepEqual(extractQuantities(text).map((q) => text.slice(q.start, q.end)), [], text);
  // A named person's age is no count: it is that person's age (see ages.ts).
  assert.deepEqual(extractQuantities('Hana Smith, 45, said she would stay.').map((q) => q.unit), ['age:smith']);
});

test('the counted noun stops after its head unless a coordination follows', () => {
  assert.equal(only('Medics said 12 people injured in the blast were moved.').unit, 'person');
  assert.equal(only('Police seized 29 aliases and passports.').unit, 'alias and passport');
});

test('two numbers joined by "and" without "between" stay two quantities', () => {
  const text = 'Police counted 12 and later 14 soldiers.';
  assert.deepEqual(extractQuantities(text).map((q) => text.slice(q.start, q.end)), ['12', '14 soldiers']);
});

test('intervals overlap honours open ends and unbounded sides', () => {
  const b = (low: number | null, high: number | null, lowInclusive = true, highInclusive = true) => ({ low, high, lowInclusive, highInclusive });
  assert.equal(intervalsOverlap(b(17, null), b(12, 12)), false);
  assert.equal(intervalsOverlap(b(12, null, false), b(12, 12)), false);
  assert.equal(intervalsOverlap(b(12, null, false), b(17, 17)), true);
  assert.equal(intervalsOverlap(b(27, 33), b(33, 40)), true);
  assert.equal(intervalsOverlap(b(0.75, 1, true, false), b(1, 1)), false);
  assert.equal(intervalsOverlap(b(null, null), b(5, 5)), true);
});

test('17 injured and a dozen wounded are comparable but incompatible; at least 17 and 20 are compatible', () => {
  const [injured, wounded] = extractQuantities('At the hospital 17 injured and a dozen wounded were counted.');
  assert.ok(injured && wounded);
  assert.ok(unitsComparable(injured.unit, wounded.unit));
  assert.equal(quantitiesCompatible(injured, wounded), false);
  const [atLeast] = extractQuantities('at least 17 people died');
  const [twenty] = extractQuantities('20 people died');
  assert.ok(atLeast && twenty && quantitiesCompatible(atLeast, twenty));
  assert.equal(unitsComparable('soldier', 'person'), false);
});

test('durations compare across units: almost an hour meets 55 minutes but not 45 or 70', () => {
  const [hour] = extractQuantities('almost an hour');
  const [fifty] = extractQuantities('55 minutes');
  const [seventy] = extractQuantities('70 minutes');
  const [fortyFive] = extractQuantities('45 minutes');
  assert.ok(hour && fifty && seventy && fortyFive);
  assert.equal(quantitiesCompatible(hour, fifty), true);
  assert.equal(quantitiesCompatible(hour, fortyFive), false);
  assert.equal(quantitiesCompatible(hour, seventy), false);
});

test('the stage reads quantities sentence by sentence with exact offsets', () => {
  const text = 'At least 17 people died. About 300 tanks moved.';
  const article: Article = {
    id: 'a', contentHash: 'h', source: {}, text, removed: [], meta: emptyMeta(), diagnostics: [], status: 'ok',
    extractedBy: 'plain-text', encoding: null,
    layers: { ...emptyLayers(), sentences: [{ start: 0, end: 24 }, { start: 25, end: text.length }] },
  };
  const out = quantitiesStage.run(article, createContext(), quantitiesStage.defaults).layers.quantities ?? [];
  assert.deepEqual(out.map((q) => text.slice(q.start, q.end)), ['At least 17 people', 'About 300 tanks']);
});

test('every quantity has a valid span and a non-empty interval', async () => {
  const fc = (await import('fast-check')).default;
  const pieces = ['At least', ' 17', ' people', ' more than', ' a dozen', ' wounded', ' around', ' 30 minutes', ' between 10 and 20',
    ' March 14, 2026', ' Smith, 45,', ' one of the', ' 3 p.m.', ' almost an hour', ' $2.5 million', ' dozens of', ' and', ' .'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      for (const q of extractQuantities(text)) {
        assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end, JSON.stringify(q));
        if (q.low !== null && q.high !== null) assert.ok(q.low <= q.high, JSON.stringify(q));
        assert.ok(intervalsOverlap(q, q), `empty interval ${JSON.stringify(q)}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('a tens word and a digit word written apart are one number, as transcripts write them', () => {
  const q = only('The broadcast said twenty four soldiers were hurt.');
  assert.deepEqual([q.text, q.value], ['twenty four soldiers', 24]);
  // Only a tens word takes a digit word after it: "five four" is not 54 or 9.
  assert.notEqual(only('Crews found five four-metre beams.').value, 54);
});

test('"1,200" and "80,000" are read in running text with their counted nouns', () => {
  const a = only('Some 1,200 people fled the Torvik valley.');
  assert.deepEqual([a.text, a.value, a.unit, a.qualifier], ['Some 1,200 people', 1200, 'person', 'about']);
  const b = only('Officials counted 80,000 soldiers at the parade.');
  assert.deepEqual([b.text, b.value, b.low, b.high, b.unit], ['80,000 soldiers', 80000, 80000, 80000, 'soldier']);
  assert.equal(unitKey(b.unit), 'soldier');
});

test('"third": a rank in a series is a quantity of its own kind, compared only with the same rank noun', () => {
  const q = only('Shelling resumed on the third day of the siege of Mareth.');
  assert.deepEqual([q.text, q.value, q.low, q.high, q.unit], ['third day', 3, 3, 3, 'nth day']);
  const [fourth] = extractQuantities('Shelling resumed for a fourth day.');
  assert.ok(fourth);
  // "third day" against "fourth day" is a contradiction between outlets; "3 days" is a different claim.
  assert.ok(unitsComparable(q.unit, fourth.unit));
  assert.equal(quantitiesCompatible(q, fourth), false);
  const [threeDays] = extractQuantities('The siege lasted 3 days.');
  assert.ok(threeDays);
  assert.equal(unitsComparable(q.unit, threeDays.unit), false);
  assert.equal(only('Police arrested a second suspect.').unit, 'nth suspect');
});

test('ranks that name parts, places or superlatives are not quantities', () => {
  const negatives = [
    'Profit fell in the third quarter.',
    'Wexley is the third largest port in the region.',
    'The 21st century brought new ferries.',
    'The reform is a first step.',
    'The mayor left on March 3rd.',
    'The First Lady opened the school.',
  ];
  for (const text of negatives) assert.deepEqual(extractQuantities(text).map((x) => text.slice(x.start, x.end)), [], text);
});

test('scale letters glued to digits: "$1.2bn", "£30m", "1.5m people"; "a 5m wall" is five metres, no count', () => {
  const a = only('Halder Group lost $1.2bn last year.');
  assert.deepEqual([a.text, a.value, a.unit], ['$1.2bn', 1_200_000_000, 'dollar']);
  assert.equal(only('The club paid £30m for the striker.').value, 30_000_000);
  const p = only('Some 1.5m people fled the Torvik valley.');
  assert.deepEqual([p.text, p.value, p.low, p.high, p.unit], ['Some 1.5m people', 1_500_000, 1_350_000, 1_650_000, 'person']);
  const wall = only('Crews built a 5m wall.');
  assert.deepEqual([wall.text, wall.value, wall.unit], ['5m', 5, 'metre']);
});

test('a scale written once after a range is both ends\' scale: "$140-150 million", "20-30 million people", "$1.2 and 1.5bn"', () => {
  const r = only('The Pilots bid $140-150 million for the keeper.');
  assert.deepEqual([r.value, r.low, r.high, r.unit, r.qualifier], [140e6, 140e6, 150e6, 'dollar', 'range']);
  const p = only('Some 20-30 million people fled the Torvik valley.');
  assert.deepEqual([p.low, p.high], [20e6, 30e6]);
  assert.deepEqual([only('The Pilots bid $140-150MM.').low, only('The Pilots bid $140-150MM.').high], [140e6, 150e6]);
  assert.deepEqual([only('Sales were between $1.2 and 1.5bn.').low, only('Sales were between $1.2 and 1.5bn.').high], [1.2e9, 1.5e9]);
  // "500,000" is already below a million; two numbers joined by "and" are not a range.
  assert.deepEqual([only('Between 500,000 and 1 million people fled.').low, only('Between 500,000 and 1 million people fled.').high], [500_000, 1e6]);
  assert.deepEqual(extractQuantities('Crews counted 17 and 20 million people.').map((x) => x.value), [17, 20e6]);
});

test('"$160MM" is 160 million dollars, as finance writing doubles the m; without a currency "mm" is millimetres', () => {
  const a = only('The Harbours bid an eight-year, $160MM deal.');
  assert.deepEqual([a.text, a.value, a.unit], ['$160MM', 160_000_000, 'dollar']);
  assert.deepEqual(extractQuantities('Fit a 5mm bolt.').map((x) => x.value), [5]);
  assert.notEqual(extractQuantities('Fit a 5mm bolt.')[0]?.unit, 'dollar');
});

test('"one in five voters" is a share in percent; tallies and scores ("a 7-2 vote", "3-1") are not counts', () => {
  const q = only('One in five voters in Pellham abstained.');
  assert.deepEqual([q.text, q.value, q.unit, q.qualifier], ['One in five voters', 20, 'percent', 'exact']);
  const n = only('Nearly one in four homes lost power.');
  assert.deepEqual([n.value, n.low, n.high, n.qualifier], [25, 22.5, 25, 'nearly']);
  assert.deepEqual(extractQuantities('The council passed it in a 7-2 vote.'), []);
  assert.deepEqual(extractQuantities('Arden won the final 3-1.'), []);
  // A range written with a hyphen still is one.
  assert.equal(only('Police detained 10-20 people.').qualifier, 'range');
});

test('"at one point" and "at one time" say when, not how many', () => {
  assert.deepEqual(extractQuantities('At one point as much as 55 percent of traffic was lost.').map((q) => q.unit), ['percent']);
  assert.deepEqual(extractQuantities('At one time the plant had one point of entry.').map((q) => q.unit), ['point']);
});

test('dollars with a country mark, "an approximate", "over" across a span of time, and participles after a count', () => {
  const read = (t: string): string[] => extractQuantities(t).map((q) => `[${t.slice(q.start, q.end)}] ${q.value} ${q.unit} ${q.qualifier}`);
  assert.deepEqual(read('Varcom paid US$2 million for the site.'), ['[US$2 million] 2000000 dollar exact']);
  assert.deepEqual(read('The land cost A$40 million.'), ['[A$40 million] 40000000 australian-dollar exact']);
  assert.deepEqual(read('The march drew an approximate 20,000 people.'), ['[an approximate 20,000 people] 20000 person about']);
  assert.deepEqual(read('The panel deliberated for 40 hours over four days.'), ['[40 hours] 40 hour exact', '[over four days] 4 day exact']);
  assert.deepEqual(read('The talks lasted over four days.'), ['[over four days] 4 day more-than']);
  // "the nine voting to convict" counts jurors, not votings.
  assert.deepEqual(read('Two jurors were among the nine voting to convict.'), ['[Two jurors] 2 juror exact']);
  assert.deepEqual(read('Officials said 12 voting members met.'), ['[12 voting members] 12 voting member exact']);
});

test('an "e" glued to a figure of millions is a euro sign lost in scraping; other "e"s are not', () => {
  const read = (t: string): string[] => extractQuantities(t).map((q) => `[${t.slice(q.start, q.end)}] ${q.value} ${q.unit}`);
  assert.deepEqual(read('Robbers steal e80 million from a Paris store.'), ['[e80 million] 80000000 euro']);
  assert.deepEqual(read('He played e5 in the opening.'), []);
});
