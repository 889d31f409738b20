import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuantitySpan, TimeSpan } from '../../core/article.js';
import { eventFrames, figureFrames, mainEventKeys } from './event-frame.js';

function quantity(text: string, part: string, value: number, unit: string): QuantitySpan {
  const start = text.indexOf(part);
  return { start, end: start + part.length, value, low: value, high: value, lowInclusive: true, highInclusive: true, unit, qualifier: 'exact' } as QuantitySpan;
}

function clock(text: string, part: string, value: string): TimeSpan {
  const start = text.indexOf(part);
  return { start, end: start + part.length, type: 'TIME', value } as TimeSpan;
}

const whole = (text: string): { start: number; end: number } => ({ start: 0, end: text.length });

test('a figure takes the event verb beside it, whatever its voice or form', () => {
  const a = 'killing two people';
  const b = 'Four people were killed in the landslide';
  assert.deepEqual(eventFrames(a, whole(a), [quantity(a, 'two people', 2, 'people')], []), ['people|die']);
  assert.ok(eventFrames(b, whole(b), [quantity(b, 'Four people', 4, 'people')], []).includes('people|die'));
  const hurt = 'Dozens of residents were injured';
  assert.deepEqual(eventFrames(hurt, whole(hurt), [quantity(hurt, 'Dozens of residents', 24, 'residents')], []), ['people|injure']);
});

test('a clock time takes its verb; reporting verbs and figures without a verb give no frame', () => {
  const t = 'The dam gave way shortly after 6 a.m. on the east side';
  assert.ok(eventFrames(t, whole(t), [], [clock(t, '6 a.m.', '2026-05-03T06:00')]).includes('clock|gave'));
  const said = '12 officers, the police said';
  assert.deepEqual(eventFrames(said, whole(said), [quantity(said, '12 officers', 12, 'officers')], []), []);
  const day = 'The dam collapsed on Sunday';
  assert.deepEqual(eventFrames(day, whole(day), [], [{ ...clock(day, 'Sunday', '2026-05-03'), type: 'DATE' } as TimeSpan]), []);
});

test('an irregular past form frames its figure like the -ing form of the same verb', () => {
  const a = 'The walker slipped and fell roughly 90 metres into a ravine';
  const b = 'a walker died after falling 40 metres from the ledge';
  const fa = figureFrames(a, whole(a), [quantity(a, '90 metres', 90, 'metres')]);
  const fb = figureFrames(b, whole(b), [quantity(b, '40 metres', 40, 'metres')]);
  assert.ok(fa.some((f) => f.endsWith('|fall')), fa.join(', '));
  assert.ok(fa.some((f) => fb.includes(f)), `${fa.join(', ')} / ${fb.join(', ')}`);
});

test('a count of people sizes a crowd when a crowd verb frames it, or no verb stands near it in a clause naming one', () => {
  const marched = 'About 8,000 people marched through the old town';
  const put = 'Organisers put the rally, held to mark the strike, at roughly 6,000 people';
  const hurt = 'Nine people were injured at the protest';
  const crowd = (t: string, part: string, v: number): boolean =>
    figureFrames(t, whole(t), [quantity(t, part, v, 'people')]).some((f) => f.endsWith('|crowd'));
  assert.ok(crowd(marched, '8,000 people', 8000));
  assert.ok(crowd(put, '6,000 people', 6000));
  assert.equal(crowd(hurt, 'Nine people', 9), false);
});

test('an undated weekday frames with the main verbs, not with verbs of a relative clause or a resolved date', () => {
  const a = 'A cutter on Thursday thwarted a raid on ferries crossing the strait';
  assert.deepEqual(eventFrames(a, whole(a), [], [clock(a, 'Thursday', '')].map((t) => ({ ...t, type: 'DATE' as const, value: null }))), ['weekday|foil']);
  assert.deepEqual(eventFrames(a, whole(a), [], [{ ...clock(a, 'Thursday', '2024-05-02'), type: 'DATE' }]), []);
  const b = 'Prosecutors filed charges Friday against the driver who hit and killed a cyclist';
  assert.deepEqual(mainEventKeys(b, whole(b)), mainEventKeys('filed', whole('filed')));
});

test('a relative clause set off by commas is skipped and the main verb after it is read ("X, who was known as Y, died")', () => {
  const a = "Ivo Brandt, who was known to readers as 'the Fox,' died on Friday";
  assert.deepEqual(mainEventKeys(a, whole(a)), mainEventKeys('died', whole('died')));
  const open = 'Ivo Brandt, who was known to readers as the Fox';
  assert.deepEqual(mainEventKeys(open, whole(open)), []);
});

test('a length before "<direction> of <Name>" is framed by the place it is measured from, whatever the verb', () => {
  const a = 'Tarno, located 1,150 kilometres (700 miles) southeast of Velmar, has a busy port.';
  const b = 'Tarno lies 1,500 kilometres south of Velmar.';
  const c = 'The climber fell 200 metres down the face.';
  assert.ok(figureFrames(a, whole(a), [quantity(a, '1,150 kilometres', 1150, 'kilometre')]).includes('length|from:velmar'));
  assert.ok(figureFrames(b, whole(b), [quantity(b, '1,500 kilometres', 1500, 'kilometre')]).includes('length|from:velmar'));
  assert.ok(!figureFrames(c, whole(c), [quantity(c, '200 metres', 200, 'metre')]).some((f) => f.includes('from:')));
});

test('a magnitude frames as one fact of its quake, an aftershock\'s apart from the main shock\'s', () => {
  const a = 'A 6.1-magnitude quake struck Tarno.';
  const b = 'Tarno was shaken by aftershocks of magnitude 4.2.';
  assert.deepEqual(figureFrames(a, whole(a), [quantity(a, '6.1-magnitude', 6.1, 'magnitude')]), ['magnitude|']);
  assert.deepEqual(figureFrames(b, whole(b), [quantity(b, 'magnitude 4.2', 4.2, 'magnitude')]), ['magnitude|other-shock']);
});

test('money figures frame by the class of their verb or value word: "stole" and "snatched", "buy" and "acquire", "worth" and "valued at"', () => {
  const frames = (t: string, part: string, value: number): string[] => figureFrames(t, whole(t), [quantity(t, part, value, 'dollar')]);
  assert.ok(frames('Robbers snatched $108 million in gems.', '$108 million', 108e6).includes('usd|steal'));
  assert.ok(frames('Gems were stolen, $160 million in all.', '$160 million', 160e6).includes('usd|steal'));
  assert.ok(frames('Varcom will buy Delta for $13.9 billion.', '$13.9 billion', 13.9e9).includes('usd|acquire'));
  assert.ok(frames('Varcom agreed to acquire Delta for $13.2 billion.', '$13.2 billion', 13.2e9).includes('usd|acquire'));
  assert.ok(frames('Gems worth $160 million were taken.', '$160 million', 160e6).includes('usd|worth'));
});

test('a length stated as a depth frames as one, whatever the verb', () => {
  const a = 'The quake struck at a depth of 10 km under Tarno.';
  const b = 'The tremor was centred 33 kilometres (20 miles) below the surface.';
  const c = 'The climber fell 200 metres down the face.';
  assert.ok(figureFrames(a, whole(a), [quantity(a, '10 km', 10, 'kilometre')]).includes('length|depth'));
  assert.ok(figureFrames(b, whole(b), [quantity(b, '33 kilometres', 33, 'kilometre')]).includes('length|depth'));
  assert.ok(!figureFrames(c, whole(c), [quantity(c, '200 metres', 200, 'metre')]).includes('length|depth'));
});

test('a conversion in brackets takes the verbs of the figure it restates; "made off with" is taking', () => {
  const a = 'Robbers stole diamonds valued at 85 million euros ($108 million) from the Velmar branch';
  const frames = figureFrames(a, whole(a), [quantity(a, '85 million euros', 85e6, 'euro'), quantity(a, '$108 million', 108e6, 'dollar')]);
  assert.ok(frames.includes('usd|steal') && frames.includes('eur|steal'), frames.join());
  const b = 'Four armed robbers, two dressed as women, made off with $137 million of diamonds';
  assert.ok(figureFrames(b, whole(b), [quantity(b, '$137 million', 137e6, 'dollar')]).includes('usd|steal'));
  const c = 'Four robbers made a run for the border with the help of $137 million in loans';
  assert.ok(!figureFrames(c, whole(c), [quantity(c, '$137 million', 137e6, 'dollar')]).includes('usd|steal'));
});

test('a population is framed by the place it is the population of; another place\'s is another figure', () => {
  const frames = (t: string, part: string): string[] => figureFrames(t, whole(t), [quantity(t, part, 1, 'people')]);
  const a = 'The quake struck Velmar island, home to 120,000 people, and the port of Dunmore.';
  const b = 'The quake was centred near Velmar Island, home to about 200,000 people, the survey said.';
  const c = 'The injured were flown from Velmar to Dunmore, a city of 500,000 people that also shook.';
  const d = 'Residents of the port of Dunmore and of the island, home to about 90,000 people, slept outside.';
  assert.ok(frames(a, '120,000 people').includes('person|population:velmar'));
  assert.ok(frames(b, 'about 200,000 people').includes('person|population:velmar'));
  assert.ok(frames(c, '500,000 people').includes('person|population:dunmore'));
  assert.ok(!frames(d, 'about 90,000 people').some((f) => f.includes('population')));
});

test('a sum of money is framed by what it is of, in any currency: "of damage" after it, "damage is" or "the cost of damage" before it', () => {
  const a = 'Eight days of clashes caused 200 million euros ($265 million) of damage in Brenna.';
  const b = 'Property damage is an estimated $2 million.';
  const c = 'The court ordered $5 million in compensation.';
  assert.ok(figureFrames(a, whole(a), [quantity(a, '200 million euros', 200e6, 'euros')]).includes('money|of:damag'));
  assert.ok(figureFrames(b, whole(b), [quantity(b, 'an estimated $2 million', 2e6, '$')]).includes('money|of:damag'));
  assert.ok(figureFrames(c, whole(c), [quantity(c, '$5 million', 5e6, '$')]).includes('money|of:compe'));
  const e = 'The cost of damage to shops in Brenna was estimated by the traders at about 200 million euros.';
  assert.ok(figureFrames(e, whole(e), [quantity(e, 'about 200 million euros', 200e6, 'euros')]).includes('money|of:damag'));
  const d = 'The Harbours paid $5 million for Ivo Sand.';
  assert.ok(!figureFrames(d, whole(d), [quantity(d, '$5 million', 5e6, '$')]).some((f) => f.startsWith('money|of:')));
});
