// The conflicts bench's scoring: flags matched to annotated pairs by (document, sentence), the sentence map, the baseline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEcbDocument } from './data/ecbplus.js';
import type { Report } from '../src/report/schema.js';
import { baselineFlags, flagMatches, kindRecall, loadAnnotation, scoreSubEvent, sentencesOf, summarize, timeMissCause, type AnnotatedSubEvent } from './conflicts.js';

function doc(name: string, sentences: string[][]): ReturnType<typeof parseEcbDocument> {
  let id = 1;
  const tokens = sentences
    .flatMap((words, s) => words.map((w) => `<token t_id="${id++}" sentence="${s}" number="0">${w}</token>`))
    .join('');
  return parseEcbDocument(`<Document>${tokens}<Markables></Markables></Document>`, `${name}.xml`, '99');
}

const sub: AnnotatedSubEvent = {
  id: '99_ecb',
  split: 'dev',
  role: 'dev',
  read: 'full',
  discrepancies: [{ kind: 'number', label: 'ferry passengers: 40 vs 55', a: [['99_1ecb', 1]], b: [['99_2ecb', 0], ['99_3ecb', 2]] }],
  compatible: [{ label: 'a dozen vs 12', a: [['99_1ecb', 0]], b: [['99_2ecb', 1]] }],
};

test('a flag matches when it cites side a in one document and side b in another, either way round', () => {
  const pair = sub.discrepancies[0]!;
  assert.equal(flagMatches({ kind: 'number', a: [['99_1ecb', 1]], b: [['99_3ecb', 2]] }, pair), true);
  assert.equal(flagMatches({ kind: 'time', a: [['99_2ecb', 0]], b: [['99_1ecb', 1]] }, pair), true);
  assert.equal(flagMatches({ kind: 'number', a: [['99_1ecb', 0]], b: [['99_3ecb', 2]] }, pair), false);
  assert.equal(flagMatches({ kind: 'number', a: [['99_2ecb', 0]], b: [['99_3ecb', 2]] }, pair), false);
});

test('scores recall per discrepancy, precision per flag, and counts flags on compatible pairs', () => {
  const score = scoreSubEvent(sub, [
    { kind: 'number', a: [['99_1ecb', 1]], b: [['99_2ecb', 0]] },
    { kind: 'number', a: [['99_1ecb', 1]], b: [['99_3ecb', 2]] },
    { kind: 'number', a: [['99_1ecb', 0]], b: [['99_2ecb', 1]] },
  ]);
  assert.equal(score.found, 1);
  assert.equal(score.correctFlags, 2);
  assert.equal(score.compatibleFlagged, 1);
  const m = summarize([score]);
  assert.equal(m.conflictRecall, 1);
  assert.equal(m.conflictPrecision, 2 / 3);
  assert.equal(m.numericRecall, 1);
});

test('no flags at all is recall 0 and precision 1 (nothing wrong was said)', () => {
  const m = summarize([scoreSubEvent(sub, [])]);
  assert.equal(m.conflictRecall, 0);
  assert.equal(m.conflictPrecision, 1);
});

test('character ranges map to the ECB+ sentence numbers of the tokens they cover', () => {
  const d = doc('99_1ecb', [['Ferry', 'sank'], ['Forty', 'people', 'rescued'], ['Crew', 'safe']]);
  const second = d.tokens.find((t) => t.text === 'people')!;
  assert.deepEqual(sentencesOf(d, second.start, second.end), [1]);
  const first = d.tokens[0]!;
  const last = d.tokens[d.tokens.length - 1]!;
  assert.deepEqual(sentencesOf(d, first.start, last.end), [0, 1, 2]);
});

test('the baseline flags different figures before the same noun across documents only', () => {
  const a = doc('99_1ecb', [['40', 'passengers', 'aboard'], ['3', 'crew', 'and', '3', 'crew']]);
  const b = doc('99_2ecb', [['55', 'passengers', 'aboard'], ['3', 'crew']]);
  const flags = baselineFlags([a, b]);
  assert.deepEqual(flags, [{ kind: 'number', a: [['99_1ecb', 0]], b: [['99_2ecb', 0]] }]);
});

test('the committed annotation holds at least six dev sub-events, locations only', () => {
  const subs = loadAnnotation();
  assert.ok(subs.filter((s) => s.split === 'dev').length >= 6);
  assert.ok(subs.some((s) => s.role === 'untouched') && subs.some((s) => s.role === 'tuning'));
  for (const s of subs) {
    for (const p of [...s.discrepancies, ...s.compatible]) {
      for (const [d, n] of [...p.a, ...p.b]) {
        assert.match(d, /^\d+_\d+ecb(?:plus)?$/);
        assert.ok(Number.isInteger(n) && n >= 0);
      }
      assert.ok(p.label.length <= 160);
    }
  }
});

test('a sub-event read for numbers only cannot judge a quote or negation flag that cites no discrepancy; number flags stay judged', () => {
  const numbersOnly: AnnotatedSubEvent = { ...sub, read: 'numbers' };
  const flags = [
    { kind: 'quote', a: [['99_1ecb', 3]], b: [['99_2ecb', 4]] },
    { kind: 'number', a: [['99_1ecb', 3]], b: [['99_2ecb', 4]] },
    { kind: 'other', a: [['99_1ecb', 1]], b: [['99_2ecb', 0]] },
  ] as const;
  const score = scoreSubEvent(numbersOnly, flags);
  assert.equal(score.flags, 2);
  assert.equal(score.unjudged, 1);
  assert.equal(score.correctFlags, 1);
  assert.equal(score.found, 1);
  const full = scoreSubEvent(sub, flags);
  assert.equal(full.flags, 3);
  assert.equal(full.unjudged, 0);
});

test('a sub-event read for every kind but numbers cannot judge a number flag that cites no discrepancy; time, quote and other flags stay judged', () => {
  const kindsOnly: AnnotatedSubEvent = { ...sub, read: 'kinds' };
  const flags = [
    { kind: 'number', a: [['99_1ecb', 7]], b: [['99_2ecb', 8]] },
    { kind: 'time', a: [['99_1ecb', 7]], b: [['99_2ecb', 8]] },
    { kind: 'quote', a: [['99_1ecb', 3]], b: [['99_2ecb', 4]] },
  ] as const;
  const score = scoreSubEvent(kindsOnly, flags);
  assert.equal(score.unjudged, 1);
  assert.equal(score.flags, 2);
  assert.equal(score.wrong.length, 2);
});

test('the annotation holds tuning sub-events of non-number kinds (time, quote, other), so those rules have tuning data', () => {
  const tuning = loadAnnotation().filter((s) => s.role === 'tuning');
  const kinds = new Set(tuning.flatMap((s) => s.discrepancies.map((d) => d.kind ?? 'other')));
  for (const k of ['time', 'quote', 'other']) assert.ok(kinds.has(k), k);
  assert.ok(tuning.some((s) => s.read === 'kinds'));
});

test('recall by kind sums each kind over the sub-events given, beside the baseline', () => {
  const flags = [{ kind: 'time', a: [['99_1ecb', 1]], b: [['99_2ecb', 0]] }] as const;
  const timed: AnnotatedSubEvent = { ...sub, discrepancies: [{ ...sub.discrepancies[0]!, kind: 'time' }] };
  const lines = kindRecall([scoreSubEvent(timed, flags)], [scoreSubEvent(timed, [])]);
  assert.deepEqual(lines.map((l) => l.replace(/\s+/g, ' ').trim()), ['time 1/1 (1.00) baseline 0/1']);
});

test('a missed time discrepancy is traced to the layer that lost it: no time, never paired, frames differ, judged compatible', () => {
  const one = doc('99_1ecb', [['The', 'ferry', 'sank', 'on', 'Friday', '.']]);
  const two = doc('99_2ecb', [['The', 'ferry', 'went', 'down', 'on', 'Thursday', '.']]);
  const docs = new Map([one, two].map((d) => [d.name, d]));
  const pair = { kind: 'time', label: 'day the ferry sank: Friday vs Thursday', a: [['99_1ecb', 0]], b: [['99_2ecb', 0]] } as const;
  const span = (d: typeof one, word: string) => {
    const t = d.tokens.find((x) => x.text === word)!;
    return { article: d.name, start: t.start, end: t.end };
  };
  const time = (d: typeof one, word: string, value: string | null = null) => ({ ...span(d, word), text: word, value, type: 'DATE' as const });
  const whole = (d: typeof one) => ({ article: d.name, start: 0, end: d.text.length, attribution: null });
  const report = (times: ReturnType<typeof time>[], together: boolean): Report =>
    ({
      stories: [{ id: 's1', title: 'T', articles: ['99_1ecb', '99_2ecb'], events: [] }],
      times,
      quantities: [],
      claims: together ? [{ id: 'c1', mentions: [whole(one), whole(two)] }] : [{ id: 'c1', mentions: [whole(one)] }, { id: 'c2', mentions: [whole(two)] }],
    }) as unknown as Report;
  assert.equal(timeMissCause(pair, report([time(one, 'Friday')], true), docs), 'time not resolved on one side');
  assert.equal(timeMissCause(pair, report([time(one, 'Friday'), time(two, 'Thursday')], false), docs), 'the two claims never paired');
  assert.equal(timeMissCause(pair, report([time(one, 'Friday'), time(two, 'Thursday')], true), docs), 'paired but the event frames differ');
  assert.equal(timeMissCause(pair, report([time(one, 'Friday', '2026-12-04'), time(two, 'Thursday', '2026-12-04')], true), docs), 'compared and judged compatible');
});
