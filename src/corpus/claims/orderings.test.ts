import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderingsClash, orderingsOf, type Ordering } from './orderings.js';

function of(text: string): Ordering[] {
  return orderingsOf(text, { start: 0, end: text.length });
}

function one(text: string): Ordering {
  const [o, ...rest] = of(text);
  assert.ok(o, `no ordering in "${text}"`);
  assert.equal(rest.length, 0, `more than one ordering in "${text}"`);
  return o;
}

function passage(text: string): string {
  const o = one(text);
  return text.slice(o.start, o.end);
}

test('cues take the head of the anchor noun phrase, folded to its class', () => {
  assert.deepEqual([one('Drones struck the port during a phone call between the two leaders.')].map((o) => [o.kind, o.anchor]), [['during', 'call']]);
  assert.deepEqual([one('Kell resigned hours after the vote on the budget.')].map((o) => [o.kind, o.anchor]), [['after', 'vote']]);
  assert.deepEqual([one('The barrage began ahead of the hastily arranged summit.')].map((o) => [o.kind, o.anchor]), [['before', 'meet']]);
  assert.equal(one('Shelling resumed as talks went on in the capital.').kind, 'during');
  assert.equal(one('Shelling resumed as talks went on in the capital.').anchor, 'meet');
});

test('the passage holds the offset and the anchor phrase', () => {
  assert.equal(passage('Drones struck the port hours after the phone conversation with Vell.'), 'hours after the phone conversation');
  assert.equal(passage('Drones struck the port shortly after the call.'), 'shortly after the call');
  assert.equal(passage('Kell resigned a day before the vote.'), 'a day before the vote');
});

test('"while" reads its whole clause as the anchor', () => {
  const o = one('Drones struck the port while the two presidents spoke by phone.');
  assert.equal(o.kind, 'during');
  assert.ok(o.anchorKeys.includes('call'));
  assert.ok(orderingsClash(o, one('Drones struck the port hours after the call.')));
});

test('during vs after, before vs after clash; offsets and starts do not', () => {
  const during = one('Drones struck the port during the call.');
  assert.ok(orderingsClash(during, one('Drones struck the port hours after the call.')));
  assert.ok(orderingsClash(one('Kell resigned before the vote.'), one('Kell resigned hours after the vote.')));
  assert.ok(!orderingsClash(one('Kell resigned after the vote.'), one('Kell resigned hours after the vote.')));
  assert.ok(!orderingsClash(one('Kell resigned shortly after the vote.'), one('Kell resigned hours after the vote.')));
  assert.ok(!orderingsClash(during, one('Drones struck the port as the call went on.')));
  assert.ok(!orderingsClash(during, one('Drones struck the port minutes after the call began.')));
  assert.ok(!orderingsClash(during, one('Drones struck the port just before the call ended.')));
  assert.ok(orderingsClash(during, one('Drones struck the port after the call ended.')));
});

test('orderings against different anchors never clash', () => {
  assert.ok(!orderingsClash(one('Drones struck the port during the call.'), one('Drones struck the port after the vote.')));
});

test('"after" that orders nothing is not read: named after, day after day, after all; nor anchors that are only times', () => {
  assert.deepEqual(of('The square was named after the general.'), []);
  assert.deepEqual(of('Day after day the sirens sounded.'), []);
  assert.deepEqual(of('After all, the strike was expected.'), []);
  assert.deepEqual(of('The port was struck during the night.'), []);
});

test('durations, stretches of time and gerund clauses are no anchor events (regressions read on ECB+ dev)', () => {
  assert.deepEqual(of('He was fired after one season as coach.'), []);
  assert.deepEqual(of('He was fired in the middle of his fourth season.'), []);
  const entering = one('The man opened fire shortly after entering the party.');
  assert.equal(entering.anchor, 'enter');
  assert.ok(!orderingsClash(entering, one('The man opened fire during the party.')));
});

test('"until after" orders after, read from its second cue', () => {
  const o = one('He will not reveal the name until after the source dies.');
  assert.equal(o.kind, 'after');
  assert.ok(!orderingsClash(o, one('He will reveal the name after the death of the source.')));
});

test('a pronoun clause is anchored by its verb: "before he was arrested" clashes with "hours after he was detained"', () => {
  const before = one('The boss hanged himself before he was arrested.');
  assert.equal(before.anchor, 'detain');
  assert.ok(orderingsClash(before, one('The boss hanged himself in his cell hours after he was detained.')));
  assert.ok(!orderingsClash(before, one('The boss hanged himself after he was released.')));
});

test('"as the leaders spoke by phone" is during the call', () => {
  const o = one('Drones struck the port as the two leaders spoke by phone.');
  assert.equal(o.kind, 'during');
  assert.ok(orderingsClash(o, one('Drones struck the port hours after the call.')));
  assert.ok(!orderingsClash(o, one('Drones struck the port during the phone call.')));
});

test('an actor after the cue opens a clause that names the anchor: "hours after Marrow and Kade spoke by phone"', () => {
  const o = one('Hours after Marrow and Kade spoke by phone, drones struck the port.');
  assert.ok(o.anchorKeys.includes('call'));
  assert.ok(orderingsClash(o, one('Drones struck the port during a phone call between Marrow and Kade.')));
  assert.ok(!orderingsClash(one('Drones struck the port after the vote.'), one('Drones struck the port during the debate on the vote count.')));
});

test('an actor clause names its anchor only through near-synonym classes (regressions read on ECB+ dev)', () => {
  assert.ok(!orderingsClash(one('The ship made its fifth arrest after it was sent on patrol missions.'), one('The ship made its fifth arrest in the course of its patrol mission.')));
  assert.ok(!orderingsClash(one('During his flight, he struck two cars.'), one('Police stopped him after he had struck two cars while in flight.')));
});

test('cues that share a first word are told apart by the rest of their words, in any case', () => {
  assert.deepEqual([one('Crews left In the wake of the storm.')].map((o) => [o.kind, o.point]), [['after', 'whole']]);
  assert.deepEqual([one('The alarm sounded in the course of the inspection.')].map((o) => [o.kind, o.point]), [['during', 'whole']]);
  assert.deepEqual([one('Prices rose Prior to the vote.')].map((o) => o.kind), ['before']);
  // "in the" followed by no cue's words is no ordering.
  assert.deepEqual(of('The ferry docked in the harbour at noon.'), []);
});

test('a possessor is no anchor ("during the leaders\' call" is during the call) and "at the same time as" is during', () => {
  const after = one('Drones struck Velmora hours after the phone call between Marrow and Brandt.');
  assert.equal(one('Missiles hit Velmora during the leaders\u2019 call.').anchor, 'call');
  assert.equal(one("Missiles hit Velmora during Marrow's call with Brandt.").anchor, 'call');
  assert.ok(orderingsClash(after, one("Missiles hit Velmora during the president's phone call.")));
  const same = one('The strikes came at the same time as the phone call between Marrow and Brandt.');
  assert.equal(same.kind, 'during');
  assert.ok(orderingsClash(after, same));
});

test('a start or end verb after a phrase of place or party is read through: "after the talks in Lindau began" is no clash with "as talks went on"', () => {
  const ended = one('Shells hit the port after the talks in Lindau ended.');
  assert.equal(ended.point, 'end');
  assert.equal(passage('Shells hit the port after the talks in Lindau ended.'), 'after the talks in Lindau ended');
  const began = one('Shells hit the port after the talks in Lindau began.');
  assert.equal(began.point, 'start');
  const during = one('Shells hit the port as talks went on.');
  assert.equal(orderingsClash(began, during), false);
  assert.equal(orderingsClash(ended, during), true);
  // A verb of another kind past the place is not the anchor's end.
  assert.equal(one('Shells hit the port after the talks in Lindau stalled.').point, 'whole');
});

test('people speaking name their conversation: "hours after the leaders spoke" clashes with "during the phone call", not with talks', () => {
  const spoke = one('The strike was launched just hours after the leaders spoke.');
  assert.ok(spoke.anchorKeys.includes('call'));
  assert.equal(orderingsClash(spoke, one('The strike was launched as the ceasefire talks went on.')), false);
  assert.equal(passage('The strike was launched just hours after the leaders spoke.'), 'just hours after the leaders spoke');
  assert.ok(orderingsClash(spoke, one("The strike took place during the two leaders' phone call.")));
  // People who did something else are no conversation.
  assert.equal(orderingsClash(one('The strike was launched just hours after the leaders left.'), one("The strike took place during the two leaders' phone call.")), false);
});

test('"a general strike" is a walkout, and "after a protester threw a bomb" is anchored by the protester\'s act: neither is an attack', () => {
  const walkout = one('Three people died in a bank during a general strike over the cuts.');
  assert.equal(walkout.anchor, 'walkout');
  const thrown = one('Three bank workers were killed after a protester threw a petrol bomb inside.');
  assert.equal(thrown.anchor, 'protester');
  assert.equal(orderingsClash(walkout, thrown), false);
  assert.equal(one('Drones hit the port during a missile strike on the city.').anchor, 'attack');
});
