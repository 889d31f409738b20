import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deathDetailsClash, deathDetailsOf, type DeathDetail } from './death-details.js';

const of = (text: string, kind: DeathDetail['kind']): DeathDetail | undefined => deathDetailsOf(text).find((d) => d.kind === kind);

test('a cause of death is read after "died of/from" and "succumbed to (complications from)", up to a place, time or source', () => {
  const a = 'Rosa Lind died of pneumonia aged 88 in a Halberg clinic.';
  assert.equal(a.slice(of(a, 'cause')!.start, of(a, 'cause')!.end), 'pneumonia');
  const b = 'Rosa Lind succumbed to complications of a kidney infection, her nephew told reporters.';
  assert.deepEqual(of(b, 'cause')?.keys, ['kidney', 'infection']);
  const c = "Lind died early on Monday from Parkinson's disease in a hospice outside Halberg.";
  assert.deepEqual(of(c, 'cause')?.keys, ['parkinson']);
  assert.deepEqual(of('Lind died of liver failure Monday in her flat.', 'cause')?.keys, ['liver', 'failure']);
});

test('vague causes, persons, times and hypothetical or denied deaths give no cause', () => {
  assert.equal(of('The man died of his injuries in hospital.', 'cause'), undefined);
  assert.equal(of('She died two years ago to the day.', 'cause'), undefined);
  assert.equal(of('Lind could die of thirst out there.', 'cause'), undefined);
  assert.equal(of('Lind did not die of pneumonia, her doctor said.', 'cause'), undefined);
});

test('causes clash when neither names all the other\'s words; places when a home meets a hospital or hospice', () => {
  const cause = (t: string): DeathDetail => of(t, 'cause')!;
  assert.equal(deathDetailsClash(cause('She died of pneumonia.'), cause('She succumbed to complications of a kidney infection.')), true);
  assert.equal(deathDetailsClash(cause('He died of liver failure.'), cause('He died of acute liver failure.')), false);
  assert.equal(deathDetailsClash(cause('He died from a gunshot wound.'), cause('He died of multiple gunshot wounds.')), false);
  const place = (t: string): DeathDetail => of(t, 'place')!;
  assert.equal(deathDetailsClash(place('He died in his apartment in Dunmore.'), place('He died in a hospice outside Dunmore.')), true);
  assert.equal(deathDetailsClash(place('She died in a Halberg hospital.'), place('She died at a Halberg area hospital.')), false);
  assert.equal(deathDetailsClash(place('She died at home.'), place('She died at the family home.')), false);
  assert.equal(place('He died at a nursing home.').keys[0], 'care');
});

test('a manner of death ("burnt to death") is a cause; one cause in other words agrees ("shot to death" / "gunshot wounds")', () => {
  const cause = (t: string): DeathDetail => of(t, 'cause')!;
  assert.deepEqual(cause('The three clerks were burnt to death.').keys, ['burn']);
  assert.equal(deathDetailsClash(cause('The three clerks were burnt to death.'), cause('Three people suffocated to death in the fire.')), true);
  assert.equal(deathDetailsClash(cause('He was shot to death outside his home.'), cause('He died of gunshot wounds.')), false);
  assert.equal(deathDetailsClash(cause('Three people suffocated to death in the bank.'), cause('They died of smoke inhalation.')), false);
});

test('an age after "died at the age of" is no cause (regression read on ECB+ train)', () => {
  assert.equal(of('Rosa Lind died at the age of 79, two weeks after a fall on the ice.', 'cause'), undefined);
});

test('no cause in "the line of duty" or "his or her injuries"; a cause stops at the next phrase or line; one shared word agrees (read on GVC dev)', () => {
  assert.equal(of('The officer died in the line of duty.', 'cause'), undefined);
  assert.equal(of('The man died of his or her injuries.', 'cause'), undefined);
  const wound = 'He died of a gunshot wound to the head';
  assert.equal(wound.slice(of(wound, 'cause')!.start, of(wound, 'cause')!.end), 'gunshot wound');
  assert.deepEqual(of('He died from injuries a short time later.', 'cause'), undefined);
  assert.deepEqual(of('He died of a gunshot wound\n\nPolice have no suspect.', 'cause')?.keys, ['gunshot', 'wound']);
  const cause = (t: string): DeathDetail => of(t, 'cause')!;
  assert.equal(deathDetailsClash(cause('He died of an accidental gunshot.'), cause('He died of a self-inflicted gunshot wound.')), false);
});
