import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyLayers, emptyMeta, type Article } from '../../core/article.js';
import { createContext } from '../../core/context.js';
import { extractTimes, timesStage } from './times.js';

// 2025-03-06 is a Thursday.
const PUBLISHED = '2025-03-06T07:40';

function times(text: string, reference: string | null = PUBLISHED): { text: string; type: string; value: string | null; relation?: unknown }[] {
  return extractTimes(text, reference).map((t) => ({
    text: text.slice(t.start, t.end),
    type: t.type,
    value: t.value,
    ...(t.relation ? { relation: t.relation } : {}),
  }));
}

function one(text: string, reference: string | null = PUBLISHED): { text: string; type: string; value: string | null; relation?: unknown } {
  const found = times(text, reference);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  return found[0] as { text: string; type: string; value: string | null };
}

test('a weekday in the past tense is the last such day on or before publication', () => {
  assert.equal(one('The minister resigned on Monday.').value, '2025-03-03');
  assert.equal(one('Talks collapsed Thursday, officials said.').value, '2025-03-06');
  assert.equal(one('Talks collapsed last Thursday.').value, '2025-02-27');
});

test('a weekday in the future tense resolves forwards', () => {
  assert.equal(one('The council will vote on Tuesday.').value, '2025-03-11');
  assert.equal(one('The council is expected to vote Friday.').value, '2025-03-07');
  assert.equal(one('The council meets next Thursday.').value, '2025-03-13');
});

test('"Tuesday (March 4)" takes the parenthetical date', () => {
  assert.deepEqual(one('The convoy left Tuesday (March 4) at dawn.'), { text: 'Tuesday (March 4)', type: 'DATE', value: '2025-03-04' });
});

test('past months without a year go to the latest such month, future ones forward', () => {
  assert.equal(one('The port was shelled on Nov. 23.').value, '2024-11-23');
  assert.equal(one('The port will reopen on April 2.').value, '2025-04-02');
  assert.equal(one('Prices rose in December.').value, '2024-12');
  assert.equal(one('The body met last November.').value, '2024-11');
});

test('relative anchors resolve when dated and stay a relation when not', () => {
  const dated = one('Troops withdrew two days after March 1.');
  assert.deepEqual([dated.text, dated.value], ['two days after March 1', '2025-03-03']);
  const open = one('Protests began hours after the vote, police said.');
  assert.equal(open.value, null);
  assert.deepEqual(open.relation, { kind: 'after', anchor: 'the vote', offset: 'PTXH' });
  const election = one('He resigned one day after the election.');
  assert.deepEqual(election.relation, { kind: 'after', anchor: 'the election', offset: 'P1D' });
});

test('vague periods: earlier this year, this week, summer, last week', () => {
  assert.equal(one('Earlier this year the mine closed.').value, '2025');
  assert.equal(one('Negotiators met this week.').value, '2025-W10');
  assert.equal(one('Negotiators met last week.').value, '2025-W09');
  assert.equal(one('The dam failed last summer.').value, '2024-SU');
  assert.equal(one('The dam will be finished by the summer.').value, '2025-SU');
});

test('durations stay durations, never dates', () => {
  assert.deepEqual(one('The hearing was adjourned for 30 minutes.'), { text: '30 minutes', type: 'DURATION', value: 'PT30M' });
  // The approximation is part of the expression, as TimeML writes it (its mod attribute is not carried here).
  assert.deepEqual(one('She led the party for nearly four years.'), { text: 'nearly four years', type: 'DURATION', value: 'P4Y' });
  // "over several years": "over" is the preposition, not "more than".
  assert.deepEqual(one('The rules evolved over several years.'), { text: 'several years', type: 'DURATION', value: 'PXY' });
  assert.deepEqual(one('A two-day strike halted trains.'), { text: 'two-day', type: 'DURATION', value: 'P2D' });
  assert.equal(one('The siege lasted a year and a half.').value, 'P1Y6M');
});

test('bare years, decades, now, quarters and sets get TimeML values', () => {
  assert.equal(one('The bridge was built in 1998.').value, '1998');
  assert.equal(one('Crime fell through the 1990s.').value, '199X');
  assert.equal(one('Now the ministry must decide.').value, 'PRESENT_REF');
  assert.equal(one('Profit rose in the third quarter.').value, '2024-Q3');
  assert.deepEqual(one('Ferries sail daily.'), { text: 'daily', type: 'SET', value: 'P1D' });
  assert.equal(one('Trains stop every week.').value, 'P1W');
});

test('quantities that look like years are not years', () => {
  assert.deepEqual(times('About 2000 people marched, up from 1500 residents.'), []);
});

test('inside a quote, today is the day the words were said when the text says so', () => {
  const found = times('"We will sign the accord today," the minister said on Monday.');
  assert.deepEqual(found.map((t) => [t.text, t.value]), [
    ['today', '2025-03-03'],
    ['Monday', '2025-03-03'],
  ]);
  assert.equal(one('"We sign today," the minister said.').value, '2025-03-06');
});

test('clock times take the publication day, or the day named beside them', () => {
  assert.equal(one('The blast came at 10:45 a.m.').value, '2025-03-06T10:45');
  assert.deepEqual(times('Polls open at 9 a.m. Tuesday (March 11).').map((t) => t.value), ['2025-03-11T09:00', '2025-03-11']);
  assert.equal(one('Shots rang out at four in the morning.').value, '2025-03-06T04:00');
});

test('"later that year" and "the next day" resolve from the last date the text gave', () => {
  const found = times('The dam broke on Feb. 2, 2019. Crews arrived the next day, and later that year the valley was rebuilt.');
  assert.deepEqual(found.map((t) => [t.text, t.value]), [
    ['Feb. 2, 2019', '2019-02-02'],
    ['the next day', '2019-02-03'],
    ['later that year', '2019'],
  ]);
  // With no date told before it, the phrase counts from publication, the one time the story is told from.
  assert.equal(one('Crews arrived the next day.').value, '2025-03-07');
});

test('holidays and "the week of" resolve to the calendar', () => {
  assert.equal(one('Turnout was low on Election Day.', '2024-11-20').value, '2024-11-05');
  assert.equal(one('Talks resume the week of March 17.').value, '2025-W12');
});

test('without a publication date relative expressions are null and absolute ones kept', () => {
  assert.deepEqual(times('On Monday, after the vote of March 3, 2024, and in 1998.', null).map((t) => t.value), [null, '2024-03-03', '1998']);
});

test('a partial publication date still resolves months and years', () => {
  assert.equal(one('Prices rose last month.', '2025-07').value, '2025-06');
  assert.equal(one('The dam failed on Friday.', '2025-07').value, null);
});

test('the stage uses the publication date and provides the times layer', () => {
  const text = 'The minister resigned on Monday.';
  const article: Article = {
    id: 'a', contentHash: 'h', source: {}, text, removed: [], diagnostics: [], status: 'ok', extractedBy: 'plain-text',
    encoding: null, meta: { ...emptyMeta(), published: PUBLISHED },
    layers: { ...emptyLayers(), sentences: [{ start: 0, end: text.length }] },
  };
  const out = timesStage.run(article, createContext(), timesStage.defaults).layers.times ?? [];
  assert.deepEqual(out, [{ start: 25, end: 31, type: 'DATE', value: '2025-03-03' }]);
});

test('an anchor that carries its date resolves: "two days after the Nov. 3 election"', () => {
  const t = one('Riots broke out two days after the Nov. 3 election.', '2024-11-20');
  assert.deepEqual([t.text, t.value], ['two days after the Nov. 3', '2024-11-05']);
});

test('spans are in order, never overlap and always slice back inside the text', async () => {
  const fc = (await import('fast-check')).default;
  const pieces = ['On Monday', ' the vote', ' two days after', ' March 3,', ' 1998', ' for 30 minutes', ' "today,"', ' she said',
    ' last week', ' at 3 p.m.', ' nearly four years', ' 2000 people', ' the next day', ' .', ' Tuesday (March 4)', ' now', ' ago'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), fc.constantFrom(PUBLISHED, '2025-07', null), (parts, ref) => {
      const text = parts.join('');
      const spans = extractTimes(text, ref);
      for (const [i, s] of spans.entries()) {
        assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
        const next = spans[i + 1];
        if (next) assert.ok(s.end <= next.start);
      }
      assert.deepEqual(extractTimes(text, ref), spans);
    }),
    { numRuns: 200 },
  );
});

test('tense comes from the verb group of the same clause', () => {
  // Passive future, perfect of a plan, "be to", and a semicolon that keeps clauses apart.
  assert.equal(one('The Tarnow dividend will be paid Dec. 14 to holders of record.').value, '2025-12-14');
  assert.equal(one('Officials said the bridge would be reopened Tuesday.').value, '2025-03-11');
  assert.equal(one('The court has scheduled a hearing Friday.').value, '2025-03-07');
  assert.equal(one('The appeal is heard in May before three judges.').value, '2025-05');
  const both = times('The envoy left Vellmar on Tuesday; talks are to resume Friday.');
  assert.deepEqual(both.map((t) => t.value), ['2025-03-04', '2025-03-07']);
  // A relative clause with its own past verb does not make the main clause past.
  const clause = times('The council, which met Monday, will vote on Friday.');
  assert.deepEqual(clause.map((t) => t.value), ['2025-03-03', '2025-03-07']);
  // "could be located" is not a plan.
  assert.equal(one('The mayor could not be located Wednesday.').value, '2025-03-05');
});

test('a year-less month-day falls in a window around publication set by tense', () => {
  // A past-tense decision can fix a date a few weeks ahead; with no cue, three months ahead is still "this" year.
  assert.equal(one('The Harlow board extended its offer to March 20.').value, '2025-03-20');
  assert.equal(one('The new fare rules take effect June 1.').value, '2025-06-01');
  // Nine months ahead with no future cue is last year's date.
  assert.equal(one('The ferry sank near the quay Dec. 2.').value, '2024-12-02');
});

test('earnings news: year-ago comparisons mean the same quarter of the year before', () => {
  // Published 2025-03-06: the last completed quarter is 2024-Q4.
  const found = times(
    'Brannock Mills said fourth-quarter profit rose 12% to $40 million from $35.7 million a year earlier. ' +
      'Sales in the latest period were $1.2 billion, up from $1.1 billion in the year-ago quarter. ' +
      'A year ago, the plant in Ostend was closed.',
  );
  assert.deepEqual(
    found.map((t) => [t.text, t.value]),
    [
      ['fourth-quarter', '2024-Q4'],
      ['a year earlier', '2023-Q4'],
      ['the latest period', '2024-Q4'],
      ['the year-ago quarter', '2023-Q4'],
      // No figures in the sentence: a plain year.
      ['A year ago', '2024'],
    ],
  );
  // A forecast quarter is not the one reported on.
  const forecast = times('Profit fell 5% in the fourth quarter and will rise in the second quarter, compared with $9 million last year.');
  assert.deepEqual(forecast.map((t) => t.value), ['2024-Q4', '2025-Q2', '2023-Q4']);
  const period = times('Third-quarter sales of $4 million compare with $3 million in the 2023 period.');
  assert.deepEqual(period.map((t) => t.value), ['2024-Q3', '2023-Q3']);
  // Figures over a longer period than a quarter compare with the year before, not its quarter.
  const longer = times('Fourth-quarter profit rose. In the first nine months, net rose 4% to $52 million from $50 million a year earlier.');
  assert.deepEqual(longer.map((t) => [t.text, t.value]).slice(-1), [['a year earlier', '2024']]);
});

test('earnings news: a comparison in the sentence that names the quarter is of that quarter, figures or not', () => {
  const found = times('Kestrel Outfitters said its net loss for the seasonally slow fourth quarter narrowed from a year earlier.');
  assert.deepEqual(found.map((t) => [t.text, t.value]), [['fourth quarter', '2024-Q4'], ['a year earlier', '2023-Q4']]);
  // A quarter named in another sentence and no figures: the year.
  const apart = times('Kestrel Outfitters reported fourth-quarter results. A year earlier, the chain opened its first shop.');
  assert.deepEqual(apart.map((t) => t.value), ['2024-Q4', '2024']);
});

test('quarters told as a habit recur every year; a coordinated ordinal names a quarter of its own', () => {
  const habit = times('The fair usually takes most of its orders in the second and fourth quarters, its owner said.');
  assert.deepEqual(habit.map((t) => [t.text, t.type, t.value]), [['second', 'SET', 'XXXX-Q2'], ['fourth quarters', 'SET', 'XXXX-Q4']]);
  const dated = times('Orders fell in the first and second quarters of 2024.');
  assert.deepEqual(dated.map((t) => [t.text, t.type, t.value]), [['first', 'DATE', '2024-Q1'], ['second quarters of 2024', 'DATE', '2024-Q2']]);
});

test('earnings news: a quarter whose results are told in the past tense has ended, even ahead of the calendar', () => {
  // Published 1989-11-02, in the calendar's fourth quarter: a fiscal year ending Sept. 30 has already closed its fourth.
  const found = times(
    'Harlow Feeds reported a 30% decline in fourth-quarter earnings. It earned $4 million, compared with $6 million a year earlier. ' +
      'Sales in the latest period were $90 million. This quarter\'s loss includes a charge of $2 million.',
    '1989-11-02',
  );
  assert.deepEqual(
    found.map((t) => [t.text, t.value]),
    [
      ['fourth-quarter', '1989-Q4'],
      ['a year earlier', '1988-Q4'],
      ['the latest period', '1989-Q4'],
      ['This quarter', '1989-Q4'],
    ],
  );
  // Told as a forecast, the fourth quarter is still the calendar's, and not the one a year-ago figure compares with.
  const ahead = times('Harlow Feeds expects fourth-quarter earnings to fall. It earned $4 million in the third quarter, up from $3 million a year earlier.', '1989-11-02');
  assert.deepEqual(ahead.map((t) => t.value), ['1989-Q4', '1989-Q3', '1988-Q3']);
  // "This quarter" in a report's figures is the quarter reported on, not the one publication falls in.
  const third = times("Third-quarter sales fell to $14 million from $21 million. This quarter's loss includes a charge of $2 million.", '1989-11-02');
  assert.deepEqual(third.map((t) => t.value), ['1989-Q3', '1989-Q3']);
  // With no quarter reported, "this quarter" is the one publication falls in.
  assert.equal(one('Sales this quarter rose to $5 million, the company said.', '1989-11-02').value, '1989-Q4');
});

test('a clock time followed by its day is one expression', () => {
  assert.deepEqual(one('The ferry left Arnsberg at 9 a.m. Tuesday with 40 aboard.'), { text: '9 a.m. Tuesday', type: 'TIME', value: '2025-03-04T09:00' });
  assert.deepEqual(one('The offer expires at 5 p.m. EST, March 20.'), { text: '5 p.m. EST, March 20', type: 'TIME', value: '2025-03-20T17:00' });
  // Separated by other words, the day still dates the clock time but stays its own expression.
  assert.deepEqual(times('On Monday the plant shut at 6 p.m.').map((t) => [t.text, t.value]), [['Monday', '2025-03-03'], ['6 p.m.', '2025-03-03T18:00']]);
});

test('the timeml style writes a weekday with a part of the day as that day, the news style keeps the part', () => {
  const text = 'Rebels shelled the port Friday night.';
  assert.deepEqual(extractTimes(text, PUBLISHED).map((t) => [t.type, t.value]), [['TIME', '2025-02-28TNI']]);
  assert.deepEqual(extractTimes(text, PUBLISHED, { style: 'timeml' }).map((t) => [t.type, t.value]), [['DATE', '2025-02-28']]);
});

test('transcripts: spoken years are years, spoken counts are not', () => {
  assert.deepEqual(one('The station opened in nineteen ninety-six.'), { text: 'nineteen ninety-six', type: 'DATE', value: '1996' });
  assert.equal(one('By the year two thousand the line was closed.').value, '2000');
  assert.equal(one('The mill was built in nineteen oh five.').value, '1905');
  assert.deepEqual(times('About two thousand people marched.'), []);
});

test('frequency adjectives of payments and statistics are not recurring times, price fractions not dates', () => {
  assert.deepEqual(times('Kestrel Foods raised its quarterly dividend to 30 cents.'), []);
  assert.deepEqual(times('Average daily volume was 4 million shares.'), []);
  assert.deepEqual(one('Ferries sail daily from Skarn.'), { text: 'daily', type: 'SET', value: 'P1D' });
  assert.deepEqual(times('Kestrel shares rose 7/8 to 21 1/2.'), []);
});

test('"in the past", "current" and "recently" are TimeML reference points', () => {
  assert.deepEqual(one('Officials have said in the past that the dam is safe.'), { text: 'the past', type: 'DATE', value: 'PAST_REF' });
  assert.deepEqual(one('Under current rules the ferry may not sail.'), { text: 'current', type: 'DATE', value: 'PRESENT_REF' });
  assert.deepEqual(one('The mayor recently left office.'), { text: 'recently', type: 'DATE', value: 'PAST_REF' });
  // The economist's current account and "the then current price" are not.
  assert.deepEqual(times('The current account deficit widened.'), []);
  assert.deepEqual(times('Shares were bought at the then current price.'), []);
});

test('spoken decades and the year a report is in', () => {
  assert.deepEqual(one('Ridership fell through the nineties.'), { text: 'the nineties', type: 'DATE', value: '199' });
  assert.equal(one('Sales for the full year reached $2 billion.').value, '2025');
  assert.equal(one('Halder expects to cut 300 jobs by year end.').value, '2025');
  assert.equal(one('Shipments slipped earlier in the year.').value, '2025');
  // A fiscal year named by its end is not the reference year.
  assert.notEqual(times('In the full year ended Jan. 31, sales rose.')[0]?.value, '2025');
});

test('a clock time with no day of its own takes the day the story last told', () => {
  const found = times('The mill owner was shot on Oct. 23. Neighbours heard the shot at 10 p.m. and called police.');
  assert.deepEqual(found.map((t) => t.value), ['2024-10-23', '2024-10-23T22:00']);
  assert.equal(one('The blast came at 10:45 a.m.').value, '2025-03-06T10:45');
});

test('nouns of intent look forward; participles used as adjectives are not past verbs', () => {
  assert.equal(one('Parcom announced an agreement to acquire the Lindell bank in June.').value, '2025-06');
  assert.equal(one('The dividend would be paid on a still unspecified date in June.').value, '2025-06');
  // A real past verb still wins when it is the verb of the clause.
  assert.equal(one('Parcom acquired the Lindell bank in June.').value, '2024-06');
});

test('counts written as transcripts say them, and trading days, are durations', () => {
  assert.deepEqual(one('Stocks fell in the last twenty four hours of trading.'), { text: 'the last twenty four hours', type: 'DURATION', value: 'PT24H' });
  assert.deepEqual(one('The index rose for eight trading days.'), { text: 'eight trading days', type: 'DURATION', value: 'P8D' });
});

test('a clock time with no day of its own takes the day told with a part of day earlier ("Tuesday evening")', () => {
  const text = 'A blaze swept the depot on Tuesday evening. Crews said the alarm sounded shortly after 9 p.m., a spokesman said.';
  const times = extractTimes(text, '2026-03-11T07:40');
  const clock = times.find((t) => text.slice(t.start, t.end).startsWith('9 p.m'));
  assert.equal(clock?.value, '2026-03-10T21:00');
});

test('a deadline with "until" looks forward; "Until Thursday, they had" and "not until" look back', () => {
  assert.equal(one('The ministry postponed until Tuesday any ruling on the permit.').value, '2025-03-11');
  assert.equal(one('Officials have given the tenants until 9 a.m. Monday to leave.').value, '2025-03-10T09:00');
  assert.equal(one('Until Tuesday, police had called him only a witness.').value, '2025-03-04');
  assert.equal(one('It was not until Tuesday that the mayor spoke.').value, '2025-03-04');
});

test('a reporting year named by its end is a one-year stretch, its end date a date of its own', () => {
  assert.deepEqual(times('In the fiscal year ended Jan. 31, Halder Stores earned $4 million.'), [
    { text: 'the fiscal year', type: 'DURATION', value: 'P1Y' },
    { text: 'Jan. 31', type: 'DATE', value: '2025-01-31' },
  ]);
  assert.equal(times('Profit will fall in the year ending June 30.')[0]?.value, 'P1Y');
  // Not a reporting period: the year is the subject of its own verb.
  assert.deepEqual(times('The year ended with a strike.'), []);
});

test('without caller sentences, abbreviations do not end a sentence, so tense crosses "a.m." and "Oct."', () => {
  // "a.m. Monday" is not a sentence break: the deadline's "until" still governs "Monday".
  assert.equal(one('The union gave the board until 10 a.m. Monday to answer.').value, '2025-03-10T10:00');
  // A real break still stops a future verb in the next sentence from reaching back.
  assert.equal(times('The strike began Tuesday. Talks will resume soon.')[0]?.value, '2025-03-04');
});

test('the edge of a period is the period: "by the end of the year", "at the start of next month"', () => {
  assert.deepEqual(one('The Orlin dam will be finished by the end of the year.'), { text: 'the end of the year', type: 'DATE', value: '2025' });
  assert.equal(one('The fund closes at the start of next month.').value, '2025-04');
  assert.equal(one('Mailing begins at the end of this week.').value, '2025-W10');
  assert.equal(one('Sales slowed at the end of last year.').value, '2024');
});

test('recurring months, weekdays and seasons are SETs of that unit; "the spring of last year" is a season', () => {
  assert.deepEqual(one('Marchers parade through Pellham each July.'), { text: 'each July', type: 'SET', value: 'XXXX-07' });
  assert.equal(one('Farmers sell at the Dunmore market every Tuesday.').value, 'XXXX-WXX-2');
  assert.equal(one('The Rovers tour the coast every summer.').value, 'XXXX-SU');
  assert.equal(one('The reform was passed in the spring of last year.').value, '2024-SP');
  assert.equal(one('The fee is charged each year.').value, 'P1Y');
  // Lower-case "may" is a verb, not the month.
  assert.deepEqual(times('The delegates each may bring one guest.'), []);
});

test('"later in the day before returning" is no offset before the return; "in the days before the vote" still is', () => {
  assert.deepEqual(times('The envoy spent five hours in Dunmore and flew on later in the day before returning home.').map((t) => t.text), ['five hours']);
  assert.equal(one('Police searched the area in the days before the vote.').relation !== undefined, true);
});

test('"the day before" resolves from a dated anchor or the date it stands beside; trading days stay a relation', () => {
  assert.deepEqual(one('The day before last Tuesday\'s hearing, Amira Costa flew to Pellham.'), { text: 'day before last Tuesday', type: 'DATE', value: '2025-03-03' });
  const text = 'The index lagged. Eight trading days after Oct. 12, the day before the plunge, it fell.';
  const found = times(text);
  assert.deepEqual(found.map((t) => [t.text, t.value]), [
    ['Eight trading days after Oct. 12', null],
    ['day before the plunge', '2024-10-12'],
  ]);
  // TimeML writes a counted offset as its duration.
  const timeml = extractTimes('Eight trading days after Oct. 12, the day before the plunge, it fell.', PUBLISHED, { style: 'timeml' });
  assert.deepEqual(timeml.map((t) => [t.type, t.value]), [['DURATION', 'P8D'], ['DATE', '2024-10-12'], ['DATE', '2024-10-12']]);
});

test('a named year or month with its edge is one expression; weeks of a month are ISO weeks', () => {
  assert.deepEqual(one('The shares are redeemable after the end of 1994.'), { text: 'the end of 1994', type: 'DATE', value: '1994' });
  assert.deepEqual(one('The Kessel line reopens at the start of May 2026.'), { text: 'the start of May 2026', type: 'DATE', value: '2026-05' });
  assert.deepEqual(one('He left Dorrow in the first week of February.'), { text: 'the first week of February', type: 'DATE', value: '2025-W06' });
  assert.equal(one('Talks stalled in the last week of March 2024.').value, '2024-W13');
  // An edge of something that is not a calendar period is no time.
  assert.deepEqual(times('Crowds gathered at the end of the pier.'), []);
});

test('frequencies are SETs: "twice a day", "three times a week", "every two weeks"', () => {
  assert.deepEqual(one('The Arden ferry runs twice a day.'), { text: 'twice a day', type: 'SET', value: 'P1D' });
  assert.equal(one('Inspectors visit three times a week.').type, 'SET');
  assert.deepEqual(one('Inspections happen every two weeks.'), { text: 'every two weeks', type: 'SET', value: 'P2W' });
});

test('"next to" and "coming from" are no future; a fronted day waits for the verb after a long subject', () => {
  assert.equal(one('Two blasts ripped through offices next to the Arden embassy on Friday.').value, '2025-02-28');
  assert.equal(one('On Tuesday, the Northern Coast Tenants and Small Landlords Association plans to hold a rally.').value, '2025-03-11');
  assert.equal(one('On Tuesday, the Northern Coast Tenants and Small Landlords Association held a rally.').value, '2025-03-04');
});

test('"years ago" without a count is some time back; "will last three weeks" is a duration, "last" its verb', () => {
  assert.deepEqual(one('Thousands of years ago, the Orlin valley was a lake.'), { text: 'Thousands of years ago', type: 'DATE', value: 'PAST_REF' });
  assert.equal(one('The quarry closed years ago.').value, 'PAST_REF');
  assert.equal(one('The quarry closed two years ago.').value, '2023');
  assert.deepEqual(one('The strike could last three weeks.'), { text: 'three weeks', type: 'DURATION', value: 'P3W' });
  assert.deepEqual(one('Sales fell over the last three weeks.'), { text: 'the last three weeks', type: 'DURATION', value: 'P3W' });
});

test('extents: "the nine months" keeps its article; "the third-quarter loss" leaves it to the noun', () => {
  assert.deepEqual(one('For the nine months, Halder earned $3 million.'), { text: 'the nine months', type: 'DURATION', value: 'P9M' });
  assert.equal(one('In the latest nine months, sales rose.').text, 'the latest nine months');
  assert.deepEqual(one('The third-quarter loss widened.'), { text: 'third-quarter', type: 'DATE', value: '2024-Q3' });
  assert.equal(one('In the third quarter, sales rose.').text, 'the third quarter');
  assert.equal(one('The 12-month plan failed.').text, '12-month');
});

test('a range of lengths is one duration of unknown count: "two to three weeks", "the next 12 to 18 months"', () => {
  assert.deepEqual(one('Shipments resume within two to three weeks.'), { text: 'two to three weeks', type: 'DURATION', value: 'PXW' });
  assert.deepEqual(one('Purchases will be made during the next 12 to 18 months.'), { text: 'the next 12 to 18 months', type: 'DURATION', value: 'PXM' });
  assert.equal(one('The war lasted 3-4 years.').value, 'PXY');
});

test('"April 24 and 25": the second day is a date of its own; "for centuries", "over the years" are vague durations', () => {
  assert.deepEqual(times('The summit will be held in Pellham on April 24 and 25.').map((t) => [t.text, t.value]), [
    ['April 24', '2025-04-24'],
    ['25', '2025-04-25'],
  ]);
  assert.deepEqual(one('The valley was ruled from Mareth for centuries.'), { text: 'centuries', type: 'DURATION', value: 'PXY' });
  assert.equal(one('Over the years the harbour silted up.').value, 'PXY');
  // "years ago" stays a point, not a stretch.
  assert.equal(one('The harbour silted up years ago.').value, 'PAST_REF');
});

test('Easter and the days it fixes move with the church calendar', () => {
  assert.equal(one('Pilgrims reached Mareth for Easter.', '2000-04-17').value, '2000-04-23');
  assert.equal(one('The ferry does not sail on Good Friday.').value, '2025-04-18');
  assert.deepEqual(one('Marchers prayed as Easter week began.', '2000-04-17'), { text: 'Easter week', type: 'DATE', value: '2000-W16' });
  assert.equal(one('Crowds filled the square over the Easter weekend.', '2024-04-02').value, '2024-W13-WE');
});

test('transcripts: a month before a spoken year is its month', () => {
  assert.deepEqual(one('A bomb shook the square. January nineteen ninety-seven. The city again.', '1998-02-27'), {
    text: 'January nineteen ninety-seven',
    type: 'DATE',
    value: '1997-01',
  });
});

test('a timetable in the simple present looks forward in running text; a headline "X to do Y" is its future', () => {
  assert.equal(one('Voters in Pellham go to the polls on Sunday.').value, '2025-03-09');
  assert.equal(one('The talks resume Tuesday in Mareth.').value, '2025-03-11');
  assert.equal(one('Voters in Pellham went to the polls on Sunday.').value, '2025-03-02');
  // An infinitive carries no tense of its own: the past verb of the clause still decides.
  assert.equal(one('The strike made it hard for Orlin Rail to meet demand on Tuesday.').value, '2025-03-04');
  assert.equal(one('Arden Minister to Visit Pellham Port Tuesday').value, '2025-03-11');
  // A headline's present tells what happened.
  assert.equal(one('Arden Minister Visits Pellham Port Tuesday').value, '2025-03-04');
});

test('a clock time takes its day from its clause ("a.m." is no sentence end), else from the story, unless it stamps a live entry', () => {
  // Published Thursday 2025-03-06.
  assert.deepEqual(times('The ferry will leave at 4 in the morning (4 a.m. Friday).').map((t) => t.value), ['2025-03-07T04:00', '2025-03-07T04:00']);
  assert.deepEqual(times('The ferry sank on Monday. It went down at 10 p.m. in calm water.').map((t) => t.value), ['2025-03-03', '2025-03-03T22:00']);
  // The clock times heading the entries of a live report are publication day's, not the day an earlier entry told.
  assert.deepEqual(times('Osei won the primary on Monday.\n\n9:40 p.m.\n\nOsei thanks her supporters.').map((t) => t.value), ['2025-03-03', '2025-03-06T21:40']);
  assert.deepEqual(times('Osei won the primary on Monday.\n\n___. 9:40 p.m. Osei thanks her supporters.').map((t) => t.value), ['2025-03-03', '2025-03-06T21:40']);
  // A clock time inside a paragraph of narrative keeps the day the story told before it.
  assert.deepEqual(times('Osei won the primary on Monday.\n\nHalder conceded when the polls closed at 8 p.m.').map((t) => t.value), ['2025-03-03', '2025-03-03T20:00']);
});

test('"the third quarter of last year" is one expression, that year\'s quarter, and not the quarter reported on', () => {
  // Published 2025-03-06.
  assert.deepEqual(one('Halder lost money in the third quarter of last year.'), { text: 'the third quarter of last year', type: 'DATE', value: '2024-Q3' });
  assert.equal(one('Halder expects a profit in the first quarter of next year.').value, '2026-Q1');
  // Like "last year's fourth quarter", the comparison's base is not the quarter the report is on.
  assert.deepEqual(times('Profit rose to $5 million in the fourth quarter from $4 million in the third quarter of last year, and sales rose 3% from a year earlier.').map((t) => t.value), ['2024-Q4', '2024-Q3', '2023-Q4']);
});

test('a range of whole years is two years; "the" stays out of a hyphenated length before its noun', () => {
  assert.deepEqual(times('Osei ran the port from 1999-2003.').map((t) => [t.text, t.value]), [['1999', '1999'], ['2003', '2003']]);
  assert.deepEqual(times('Call 1999-2345 for tickets.'), []);
  assert.deepEqual(times('The 2011-12 season was long.'), []);
  assert.deepEqual(one('The one-year deal expires soon.'), { text: 'one-year', type: 'DURATION', value: 'P1Y' });
  assert.deepEqual(one('In the two years since, sales fell.'), { text: 'the two years', type: 'DURATION', value: 'P2Y' });
});

test('"the quarter of voters" is a fourth of them, and "a second-place finish" an ordinal', () => {
  assert.deepEqual(times('Osei did well with the quarter of voters who named honesty.'), []);
  assert.deepEqual(times('Osei rebounded after a second-place finish in Pellham.'), []);
  assert.equal(one('Profit at Halder rose in the quarter, the company said.').value, '2024-Q4');
});

test('a month naming an event by its date, with no tense cue, is the coming one; a bare month up to three months ahead is this year\'s', () => {
  // Published 2025-03-06.
  assert.equal(one('Osei is the favourite in the November election.').value, '2025-11');
  assert.equal(one('The stakes of November\'s vote in Pellham are high.').value, '2025-11');
  assert.equal(one('Polls point to a tight race in the party\'s July convention.').value, '2025-07');
  // Told in the past tense, the event is the last one; a bare month with no cue farther ahead too.
  assert.equal(one('Osei lost the November election.').value, '2024-11');
  assert.equal(one('Sales, up from 4 percent in September, are steady.').value, '2024-09');
  assert.equal(one('A deal in June is possible for Halder.').value, '2025-06');
});

test('"the prior-year period" is a year-ago comparison like "the year-earlier period"', () => {
  assert.deepEqual(times('Halder earned $5 million in the fourth quarter, up from $4 million in the prior-year period.').map((t) => [t.text, t.value]), [['the fourth quarter', '2024-Q4'], ['the prior-year period', '2023-Q4']]);
});

test('"an hour ago" is a time earlier on the day told: that day, not an unknown value', () => {
  assert.deepEqual(one('About an hour ago the gunman fled, a witness said.'), { text: 'About an hour ago', type: 'DATE', value: '2025-03-06' });
  assert.equal(one('Police arrived 20 minutes ago.').value, '2025-03-06');
});

test('a date a little before publication stays in its year even beside a cue looking ahead', () => {
  // Published Thursday 2025-03-06: "Feb. 10" is 24 days back, which a year-less date in news means.
  assert.equal(one('Osei is highlighting her win over Halder on Feb. 10 as she courts voters.').value, '2025-02-10');
  assert.equal(one('The vote will be held on March 20.').value, '2025-03-20');
});

test('a schedule in the simple present, a modal of possibility and a relative clause set off by commas look ahead', () => {
  // Published Thursday 2025-03-06.
  assert.equal(one('Pellham holds its mayoral primary on Tuesday.').value, '2025-03-11');
  assert.equal(one('The court hears the appeal Monday, a lawyer said.').value, '2025-03-10');
  assert.equal(one('Osei can still win the Tuesday primary in Pellham.').value, '2025-03-11');
  assert.equal(one('The board may decide on Friday whether to sell.').value, '2025-03-07');
  // Perfect modals look back, and "May" capitalised is the month, not the modal.
  assert.equal(one('The suspect may have left Pellham on Friday.').value, '2025-02-28');
  assert.deepEqual(times('Sales fell in May and rose on Friday, the company said.').map((t) => t.value), ['2024-05', '2025-02-28']);
  // The verb after the closing comma belongs to the main clause, not to the relative clause holding the day.
  assert.equal(one('Speaking in Pellham, which is set to host the second debate Tuesday, Osei mocked her rival.').value, '2025-03-11');
  assert.equal(one('Osei, who spoke in Pellham on Tuesday, left for Arden.').value, '2025-03-04');
});

test('a day something is set or moved to lies ahead, whatever the tense of the setting', () => {
  // Published Thursday 2025-03-06.
  assert.equal(one('The hearing in Pellham was moved to Friday.').value, '2025-03-07');
  assert.equal(one('The talks were put off until Tuesday, a spokesman said.').value, '2025-03-11');
  assert.equal(one('Orlin Rail Strike Set for Sunday').value, '2025-03-09');
  assert.equal(one('The deadline was extended to Monday.').value, '2025-03-10');
  // A month-day too: an offer extended to a date that has passed would be no extension.
  assert.equal(one('Halder extended the offer to Feb. 20.', '2025-08-06').value, '2026-02-20');
  // Only a date the thing is set to: moving somewhere on a day is the past as before.
  assert.equal(one('Mara Osei moved to Pellham on Friday.').value, '2025-02-28');
  assert.equal(one('The hearing was held Friday.').value, '2025-02-28');
});

test('halves of a year and "Q3": the year from the words, else from tense; a game\'s half is no half-year', () => {
  assert.deepEqual(one('Halder expects sales to grow in the second half of the year.'), { text: 'the second half of the year', type: 'DATE', value: '2025-H2' });
  assert.deepEqual(one('First-half profit at Halder rose 4 percent.'), { text: 'First-half', type: 'DATE', value: '2025-H1' });
  assert.equal(one('Halder said sales rose 5 percent in the second half.').value, '2024-H2');
  assert.equal(one('Sales rose in the first half of 2023.').value, '2023-H1');
  assert.deepEqual(times('Osei scored twice in the second half.'), []);
  assert.deepEqual(one('Revenue in Q3 fell.'), { text: 'Q3', type: 'DATE', value: '2024-Q3' });
  assert.equal(one('Halder posted a Q4 2023 loss.').value, '2023-Q4');
});

test('a capitalised time word inside running text belongs to a name: "USA Today", "High Noon", "60 Minutes"', () => {
  assert.deepEqual(times('The poll, published by USA Today, shows a lead.'), []);
  assert.deepEqual(times('The poster showed a scene from the film "High Noon" to the crowd.'), []);
  assert.deepEqual(times('Mara Osei said on the programme 60 Minutes that she would stay.'), []);
  // Written in capitals ("USA TODAY") or as a show's title ("Saturday Night Live"), still a name in running text.
  assert.deepEqual(times('In a national USA TODAY poll, most voters said they were undecided.'), []);
  assert.deepEqual(times('She hosted "Saturday Night Live" and joked about the race.'), []);
  assert.equal(one('Rebels shelled the port Saturday night, residents said.').value, '2025-03-01TNI');
  // A sentence crowded with names still has a few lower-case words: a time word after a capitalised one is a name.
  assert.deepEqual(times('Speaking to "Arden This Morning" on the radio, Osei refrained from attacking.'), []);
  assert.deepEqual(times('Later, the Pellham Daily Courier suggested the mayor was leaving.'), []);
  assert.deepEqual(times('Mara Osei, the Daily Lantern editor who wrote the profile, said so.'), []);
  assert.equal(one('The blast hit on Tuesday Night, police said.').value, '2025-03-04TNI');
  // Sentence starts and headlines keep theirs.
  assert.equal(one('Today the board meets in Pellham.').value, '2025-03-06');
  assert.equal(one('Arden Ferry Service Resumes Next Week').value, '2025-W11');
});

test('"that same day" after a month told is a day of that month; "the past year" keeps its article', () => {
  assert.deepEqual(times('The ferry sank last October. The harbour closed that same day.', PUBLISHED).map((t) => t.value), ['2024-10', '2024-10-XX']);
  assert.deepEqual(times('The ferry sank in 2019. The harbour closed the same day. On the same day as the sinking, the mayor resigned.', PUBLISHED).map((t) => t.value), ['2019', '2019-XX-XX', '2019-XX-XX']);
  assert.deepEqual(one('Sales fell over the past year.'), { text: 'the past year', type: 'DURATION', value: 'P1Y' });
});

test('"the previous year" is a point told from the last date, else from publication; "the next day" too', () => {
  assert.deepEqual(one('Sales rose 5 percent from the previous year.'), { text: 'the previous year', type: 'DATE', value: '2024' });
  assert.deepEqual(times('The ferry entered service in 2009. The previous year it had been refitted.').map((t) => t.value), ['2009', '2008']);
  assert.equal(one('Osei was arrested and released the next day.').value, '2025-03-07');
  // "the past year" stays a stretch up to now.
  assert.equal(one('Prices rose over the past year.').value, 'P1Y');
});

test('a day awaited ("ahead of Sunday\'s vote", "in the run-up to March 9") is still to come', () => {
  assert.equal(one('Campaigning in Pellham ended ahead of Sunday\'s vote.').value, '2025-03-09');
  assert.equal(one('The parties clashed in the run-up to March 30.', '2025-01-10').value, '2025-03-30');
  assert.equal(one('The parties clashed on March 30.', '2025-01-10').value, '2024-03-30');
  // A named day with no such word is one that has happened.
  assert.equal(one('Markets fell after Monday\'s vote.').value, '2025-03-03');
});

test('"has until Monday" is a deadline to come, "had until Monday" one that has passed', () => {
  assert.equal(one('Pellham has until Monday to raise the money.').value, '2025-03-10');
  assert.equal(one('Pellham had until Monday to raise the money.').value, '2025-03-03');
});

test('"the quarter ended July 31" is the calendar quarter holding most of its months, unless the report named its own', () => {
  const found = times('In the quarter ended July 31, Halder earned $3 million, up from $2 million a year earlier.', '1989-11-02');
  assert.deepEqual(found.map((t) => [t.text, t.value]), [
    ['the quarter', '1989-Q2'],
    ['July 31', '1989-07-31'],
    ['a year earlier', '1988-Q2'],
  ]);
  const fiscal = times('Halder reported a loss for its fiscal first quarter. Sales for the quarter ended Sept. 29 rose 5%.', '1989-11-02');
  assert.deepEqual(fiscal.map((t) => [t.text, t.value]), [
    ['fiscal first quarter', '1989-Q1'],
    ['the quarter', '1989-Q1'],
    ['Sept. 29', '1989-09-29'],
  ]);
});

test('the edge of a named month ends at the month when no year follows, and a decade may be written with an apostrophe', () => {
  const found = times('He will step down at the end of June. The vote is at the start of May 2026.', PUBLISHED);
  assert.deepEqual(found.map((t) => [t.text, t.value]), [['the end of June', '2025-06'], ['the start of May 2026', '2026-05']]);
  assert.deepEqual(times("Growth in the '90s was fast.").map((t) => [t.text, t.value]), [["'90s", '199X']]);
});

test('a month used as a modifier in running text is the month; a first name or "May" is not', () => {
  assert.deepEqual(
    times("Traders weigh the strong February report, and a June referendum will follow the weak February's figures.").map((t) => [t.text, t.value]),
    [['February', '2025-02'], ['June', '2025-06'], ['February', '2025-02']],
  );
  assert.deepEqual(times('The statement was read by April Mellody after talks with May at the annual March for Peace.'), []);
});

test('a conjunction before a new verb group ends the clause a weekday takes its tense from', () => {
  // 2025-03-06 is a Thursday: Monday is behind, Sunday ahead.
  const found = times('The envoy met the mayor on Monday and will visit the port on Sunday.');
  assert.deepEqual(found.map((t) => [t.text, t.value]), [['Monday', '2025-03-03'], ['Sunday', '2025-03-09']]);
});

test('"the day before" closing its clause is the day before the one told', () => {
  const found = times('The summit opened on Feb. 14, 2024. The day before, at a rally, the envoy spoke. She came in 2010 and left the year after.');
  assert.deepEqual(found.map((t) => [t.text, t.value]), [['Feb. 14, 2024', '2024-02-14'], ['The day before', '2024-02-13'], ['2010', '2010'], ['the year after', '2011']]);
  // With an anchor of its own it stays an expression carrying a relation to it.
  assert.deepEqual(times('He left the day before the vote.').map((t) => t.text), ['day before the vote']);
});

test('24-hour clock times with a zone or after a preposition of time; a bracketed zone restatement is left out', () => {
  assert.deepEqual(
    times('Talks resumed at 14:00 GMT on Friday, and the blast came at 0100 GMT. Markets open at 9:30 a.m. ET.').map((t) => [t.text, t.value]),
    // The later times take the day the story last told, Friday.
    [['14:00 GMT', '2025-02-28T14:00'], ['Friday', '2025-02-28'], ['0100 GMT', '2025-02-28T01:00'], ['9:30 a.m. ET', '2025-02-28T09:30']],
  );
  assert.deepEqual(times('The blast came at 10:35 a.m. (0735 GMT).').map((t) => t.text), ['10:35 a.m.']);
});

test('a quarter in a clause that looks ahead is the next such quarter from the one just ended', () => {
  // Published in November: the third quarter has just ended and is still to be reported, the first is next year's.
  const november = '2024-11-02';
  assert.equal(one('Hollin Foods expects a loss in the first quarter.', november).value, '2025-Q1');
  assert.equal(one('Analysts expect growth in the second quarter.', november).value, '2025-Q2');
  assert.equal(one('Hollin Foods expects to report a third-quarter loss.', november).value, '2024-Q3');
  assert.equal(one('Sales rose in the third quarter.', november).value, '2024-Q3');
  // Published in March: a third quarter to come is this year's, one told in the past last year's.
  assert.equal(one('The bank will report results in the third quarter.', '2025-03-13').value, '2025-Q3');
  assert.equal(one('Sales rose in the third quarter.', '2025-03-13').value, '2024-Q3');
  assert.equal(one('Profit will rise in Q3.', '2025-03-13').value, '2025-Q3');
  // Fourth-quarter results not out yet in January are last year's.
  assert.equal(one('The company expects fourth-quarter results to be weak.', '2025-01-20').value, '2024-Q4');
});

test('present-tense expectation looks ahead: "expects a ruling Friday" is the coming Friday', () => {
  assert.equal(one('The mayor expects a ruling on Friday.').value, '2025-03-07');
  assert.equal(one('The mayor expected a ruling on Friday.').value, '2025-02-28');
});

test('a bare plural counted from a told time is a duration: "Hours later", "days later"', () => {
  assert.deepEqual(times('Hours later, the ferry docked.'), [{ text: 'Hours', type: 'DURATION', value: 'PTXH' }]);
  assert.deepEqual(times('The ferry docked days later.'), [{ text: 'days', type: 'DURATION', value: 'PXD' }]);
  assert.deepEqual(times('The ferry has run for decades.'), [{ text: 'decades', type: 'DURATION', value: 'PXY' }]);
  // Not an age and not a count the duration rule already reads.
  assert.deepEqual(times('Three hours later, the ferry docked.'), [{ text: 'Three hours', type: 'DURATION', value: 'PT3H' }]);
});

test('a part of the day told before "yesterday" or "today" is that part of the day', () => {
  assert.deepEqual(one('In Lisbon at mid-afternoon yesterday, the shares were up 2 cents.'), { text: 'mid-afternoon yesterday', type: 'TIME', value: '2025-03-05TAF' });
  assert.deepEqual(one('The ferry sailed early morning today.'), { text: 'early morning today', type: 'TIME', value: '2025-03-06TMO' });
  // After an article the part is a phrase of its own: only the day word is this rule's.
  assert.equal(times('She spent the evening today at home.').some((t) => t.text === 'evening today'), false);
});

test('fiscal years written "FY2012", "FY 2012" or "fiscal year 2012" are the year; "2012\'s fourth quarter" is one quarter', () => {
  assert.deepEqual(one('Results for FY2012 were weak.'), { text: 'FY2012', type: 'DATE', value: '2012' });
  assert.deepEqual(one('Sales in FY 2012 rose.'), { text: 'FY 2012', type: 'DATE', value: '2012' });
  assert.deepEqual(one('Profit for fiscal year 2012 rose.'), { text: 'fiscal year 2012', type: 'DATE', value: '2012' });
  assert.deepEqual(one("Sales rose in 2012's fourth quarter."), { text: "2012's fourth quarter", type: 'DATE', value: '2012-Q4' });
  // Not a year inside a longer token.
  assert.deepEqual(times('The part number was XFY2012B.'), []);
});

test('an obligation looks ahead: "must close by Friday" is the coming Friday, "must have closed" the last one', () => {
  // Published Thursday 2025-03-06.
  assert.equal(one('The deal must close by Friday.').value, '2025-03-07');
  assert.equal(one('Negotiators should decide on Monday.').value, '2025-03-10');
  assert.equal(one('The deal must have closed on Monday.').value, '2025-03-03');
});
