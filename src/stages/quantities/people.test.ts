// People counts as readers state them: roles, subjects with no counted noun, single victims, tallies (invented text).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuantities } from './quantities.js';
import { capitalizable, peopleCounts, readShotAsWounded } from './people.js';

/** Each quantity of a sentence as "[text] value unit role" (+ " tally"). */
function read(text: string): string[] {
  return extractQuantities(text).map((q) => `[${text.slice(q.start, q.end)}] ${q.value} ${q.unit} ${q.role ?? '-'}${q.tally ? ' tally' : ''}`);
}

test('number words as subjects count people: "Two are dead", "both men died", "two others were wounded"', () => {
  assert.deepEqual(read('Two are dead and two others were wounded after a brawl at the Marlow Arms.'), ['[Two] 2 person killed', '[two others] 2 person wounded']);
  assert.deepEqual(read('Both men died at Kettering General.'), ['[Both men] 2 man killed']);
  assert.deepEqual(read('Police said both were taken to a local hospital.'), ['[both] 2 person hospitalized']);
  assert.deepEqual(read('At least three were wounded.'), ['[At least three] 3 person wounded']);
  assert.deepEqual(read('Two Dead, Three Injured In Overnight Shooting'), ['[Two Dead] 2 dead killed', '[Three Injured] 3 injured injured']);
});

test('counts with a noun take the role of their verb or noun', () => {
  assert.deepEqual(read('Three people were shot on Pine Row early Sunday.'), ['[Three people] 3 person shot']);
  assert.deepEqual(read('A shooting on Elm Street left two people dead and one injured.'), ['[two people] 2 person killed', '[one injured] 1 injured injured']);
  assert.deepEqual(read('The gunfire killed two people.'), ['[two people] 2 person killed']);
  assert.deepEqual(read('Officials counted 17 dead.'), ['[17 dead] 17 dead killed']);
  assert.deepEqual(read('Four people were shot, one fatally, deputies said.'), [
    '[Four people] 4 person shot',
    '[Four people were shot, one fatally] 3 person injured',
    '[one fatally] 1 person killed',
  ]);
  assert.deepEqual(read('Three children and two adults were found dead by a relative.'), [
    '[Three children] 3 child killed',
    '[Three children and two adults] 5 person killed',
    '[two adults] 2 adult killed',
  ]);
});

test('a single victim is one: "a 6-year-old girl was killed", "a man was shot and killed", names with ages', () => {
  assert.deepEqual(read('A 6-year-old girl was killed when a stray bullet hit the house.'), ['[A 6-year-old girl] 1 girl killed']);
  assert.deepEqual(read('A man was shot and killed outside a bar in Westfold.'), ['[A man] 1 man killed']);
  assert.deepEqual(read('One person was injured.'), ['[One person] 1 person injured']);
  assert.deepEqual(read('Deputies said a 16-year-old has died.'), ['[a 16-year-old] 1 person killed']);
  // The age beside the name is a quantity of its own (an age of that person), never a count of people.
  assert.deepEqual(read('Dana Reyes, 24, of Tulsa, was pronounced dead at the scene.'), ['[Dana Reyes] 1 person killed', '[24] 24 age:reyes -']);
  assert.deepEqual(read('Teen Shot And Killed On Fishing Trip'), ['[Teen] 1 teen killed']);
  assert.deepEqual(read('The 12-year-old was taken to a hospital.'), ['[The 12-year-old] 1 person hospitalized']);
});

test('the doer of an active verb is no victim count; its object is', () => {
  assert.deepEqual(read('Officers said the gunman shot and killed his neighbor before fleeing.'), ['[his neighbor] 1 neighbor killed']);
  assert.deepEqual(read('A hunter who shot and killed a Marsh County man faces charges.'), ['[a Marsh County man] 1 man killed']);
  assert.deepEqual(read('Deputies say the woman killed her father and 6-year-old daughter.'), ['[her father and 6-year-old daughter] 2 person killed']);
  assert.deepEqual(read('The gunman fled after the shooting.'), []);
});

test('a reflexive object makes the doer the victim', () => {
  assert.deepEqual(read('A 3-year-old boy shot and killed himself at a home in Arden.'), ['[A 3-year-old boy] 1 boy killed']);
  assert.deepEqual(read('A 4-year-old boy fatally shot himself on Saturday.'), ['[A 4-year-old boy] 1 boy killed']);
});

test("a later death in the clause is the victim's fate", () => {
  assert.deepEqual(read('The boy was taken to Arden General Hospital, where he was pronounced dead.'), ['[The boy] 1 boy killed', '[he] 1 person killed']);
  assert.deepEqual(read('A 16-year-old boy who was critically wounded on Friday died on Saturday, officials said.'), ['[A 16-year-old boy] 1 boy killed']);
  assert.deepEqual(read('A man was shot and a woman died.'), ['[A man] 1 man shot', '[a woman] 1 woman killed']);
});

test('the death of a named person, and single names and pronouns as subjects, are one', () => {
  assert.deepEqual(read('Police are investigating the shooting death of 17-year-old Dana Reyes.'), ['[Dana Reyes] 1 person killed']);
  assert.deepEqual(read('Reyes died from a gunshot wound to the chest.'), ['[Reyes] 1 person killed']);
  assert.deepEqual(read('Nobody was hurt.'), []);
  assert.deepEqual(read('Police said he was shot in the leg.'), ['[he] 1 person shot']);
});

test('running totals are tallies, the event count in the same sentence is not', () => {
  assert.deepEqual(read('So far this year, 120 people have been shot in the city.'), ['[120 people] 120 person shot tally']);
  assert.deepEqual(read("It was the city's 40th homicide this year."), ['[40th homicide] 40 nth homicide - tally']);
  assert.deepEqual(read('Two people were killed Tuesday, the 30th and 31st homicides of the year.'), ['[Two people] 2 person killed']);
  assert.deepEqual(read('In 2029, 14 people were killed in hunting accidents statewide.'), ['[14 people] 14 person killed tally']);
});

test('capitalizable frees the first letter of each word, keeps escapes and classes', () => {
  const re = new RegExp(`^${capitalizable('both\\s+[a-z]+|left')}$`);
  assert.ok(re.test('Both men'));
  assert.ok(re.test('both men'));
  assert.ok(re.test('Left'));
  assert.ok(!re.test('BOTH men'));
  assert.ok(!re.test('lEft'));
});

test('injuries and hospitals as readers state them', () => {
  assert.deepEqual(read('The gunfire sent four people to the hospital.'), ['[four people] 4 person hospitalized']);
  assert.deepEqual(read('A 16-year-old girl suffered minor injuries.'), ['[A 16-year-old girl] 1 girl injured']);
  assert.deepEqual(read('He suffered a gunshot wound to the leg.'), ['[He] 1 person wounded']);
  assert.deepEqual(read('All three suffered gunshot wounds to the upper body.'), ['[All three] 3 person wounded']);
  assert.deepEqual(read('The victim was taken to Mercy Hospital where they later died.'), ['[The victim] 1 victim killed']);
});

test('"he shot" is active: the people he shot are not him', () => {
  assert.deepEqual(read('He said the people he shot were trying to rob him.'), []);
  assert.deepEqual(read('Photo: Arden Video A 4-year-old is taken to the hospital.'), ['[A 4-year-old] 1 person hospitalized']);
  // All-caps transcripts read as lower case: the run of capitals before the noun is no modifier.
  assert.deepEqual(read('THAT WILL SHOW IF THE BOY WAS SHOT.'), ['[THE BOY] 1 boy shot']);
});

test('the shot who lived are the wounded: by their condition, or when the article tells of no death', () => {
  const roles = (text: string): string[] => readShotAsWounded(text, extractQuantities(text)).map((q) => `${text.slice(q.start, q.end)}:${q.role}`);
  assert.deepEqual(roles('Two men were shot on Dock Street. Both are in stable condition.'), ['Two men:wounded', 'Both:injured']);
  assert.deepEqual(roles('Two men were shot on Dock Street. Police are looking for a gray sedan.'), ['Two men:wounded']);
  assert.deepEqual(roles('Two men were shot on Dock Street. One of them died at the scene.'), ['Two men:shot', 'One:killed']);
  assert.deepEqual(roles('A man was shot on Dock Street, police said. Attempted murder charges were filed.'), ['A man:wounded']);
});

test('a reduced relative between a count and its verb, and an appositive name, keep the count', () => {
  assert.deepEqual(read('The coroner says all four people involved in a shooting early Saturday have now died.'), ['[four people] 4 person killed']);
  assert.deepEqual(read("Lena's father, 32-year-old Jon Page, was also shot multiple times."), ['[Jon Page] 1 person shot']);
  assert.deepEqual(read('The teenager who accidentally shot himself in front of friends on Thursday has died.'), ['[The teenager] 1 teenager killed']);
});

test('bodies found, an appositive after the subject, and a doer who killed himself too', () => {
  assert.deepEqual(read('The bodies of two men were found in a field near Arden.'), ['[two men] 2 man killed']);
  assert.deepEqual(read('Deputies found the body of a 30-year-old woman.'), ['[a 30-year-old woman] 1 woman killed']);
  assert.deepEqual(read('The victim, a 25-year-old man from Arden, died at the scene.'), ['[The victim] 1 victim killed']);
  assert.deepEqual(read('Police say the man killed his wife and then himself.'), ['[his wife and then himself] 2 person killed']);
  assert.deepEqual(read('The gunman wounded three others.'), ['[three others] 3 person wounded']);
});

test('a condition, a graze and a treatment tell of the injured', () => {
  assert.deepEqual(read('A man is in critical condition after a shooting on Elm Road.'), ['[A man] 1 man injured']);
  assert.deepEqual(read('Two people were grazed by bullets.'), ['[Two people] 2 person injured']);
  assert.deepEqual(read('The woman was treated for a gunshot wound and released.'), ['[The woman] 1 woman injured']);
  assert.deepEqual(read('A man was shot Sunday and was in critical condition before he died.'), ['[A man] 1 man killed', '[he] 1 person killed']);
});

test('the shot minus the fatally shot are the injured', () => {
  assert.deepEqual(read('Five people were shot, two of them fatally, outside a club in Marlow.'), [
    '[Five people] 5 person shot',
    '[Five people were shot, two of them fatally] 3 person injured',
    '[two of them fatally] 2 person killed',
  ]);
  assert.deepEqual(read('Six shot, one fatally, at Brindle Park'), ['[Six] 6 person shot', '[Six shot, one fatally] 5 person injured', '[one fatally] 1 person killed']);
  // Another count between the shot and the fatal part breaks the link.
  assert.deepEqual(read('Three were shot at 2 a.m., one fatally.').filter((q) => q.endsWith('injured')), []);
});

test('all-caps text reads as its lower case', () => {
  assert.deepEqual(read('TWO DEAD, THREE INJURED IN OVERNIGHT SHOOTING'), ['[TWO DEAD] 2 dead killed', '[THREE INJURED] 3 injured injured']);
  assert.deepEqual(read('POLICE SAY A MAN WAS SHOT AND KILLED ON ELM ROW.'), ['[A MAN] 1 man killed']);
});

test('people joined to the subject after its verb share its fate', () => {
  assert.deepEqual(read('Two boys are dead along with their father after the blaze.'), ['[Two boys] 2 boy killed', '[Two boys are dead along with their father] 3 person killed']);
});

test('"they" in a clause joined to its subject takes up that subject', () => {
  assert.deepEqual(read('All three victims were alive when they were sent to the hospital.'), ['[three victims] 3 victim hospitalized']);
  assert.deepEqual(read('Two men were talking on a porch when they were shot.'), ['[Two men] 2 man shot']);
  // A singular subject is not "they".
  assert.deepEqual(read('A woman was outside when they were shot.'), []);
});

test('a bare number after a role verb is its object', () => {
  assert.deepEqual(read('The gunman opened fire, killing two and wounding three before deputies arrived.'), ['[two] 2 person killed', '[three] 3 person wounded']);
  assert.deepEqual(read('A man wounds 2, including a toddler, on Quill Lane.'), ['[2] 2 person wounded']);
  // A number followed by its noun is no bare object.
  assert.deepEqual(read('The storm killed 3 cows.').filter((q) => q.includes('killed')), []);
});

test('a subject joined to a second passive verb by "and" keeps its count', () => {
  assert.deepEqual(read('Three teens were walking home from practice and were wounded by gunfire.'), ['[Three teens] 3 teen wounded']);
  assert.deepEqual(read('Deputies were called to the house and were told of a fight.'), []);
});

test('a verb followed by a word that merely starts like a determiner keeps its subject', () => {
  // "after" starts with "a", "there" with "the": neither is an object.
  assert.deepEqual(read('One person is dead and four others wounded after a brawl at a party.'), ['[One person] 1 person killed', '[four others] 4 person wounded']);
  assert.deepEqual(read('Two men were wounded there late Sunday.'), ['[Two men] 2 man wounded']);
  // A real object still marks the active voice.
  assert.deepEqual(read('The gunman wounded a clerk.'), ['[a clerk] 1 clerk wounded']);
});

test('ages and decades between a subject and its verb, and treatment at a hospital', () => {
  assert.deepEqual(read('Two men, ages 19 and 22, were wounded.'), ['[Two men] 2 man wounded', '[19] 19 null -', '[22] 22 null -']);
  assert.deepEqual(read('Two women in their 30s were wounded.'), ['[Two women] 2 woman wounded']);
  assert.deepEqual(read('Two victims were treated at Harlow General Hospital.'), ['[Two victims] 2 victim hospitalized']);
});

test('"another" after a first victim is one more', () => {
  assert.deepEqual(read('One man was killed and another injured on Larch Street.'), ['[One man] 1 man killed', '[another] 1 person injured']);
  // "another" before its noun is read with the noun.
  assert.deepEqual(read('A woman was shot and another woman was hurt.'), ['[A woman] 1 woman shot', '[another woman] 1 woman injured']);
});

test('a qualifier between a role verb and its object keeps the role ("killing at least seven people", "injured almost 50")', () => {
  const text = 'The quake killed at least seven people and injured almost 50 in the hills.';
  const counts = peopleCounts(text, { start: 0, end: text.length }).map((c) => [text.slice(c.start, c.end), c.value, c.role, c.qualifier]);
  assert.deepEqual(counts, [
    ['at least seven people', 7, 'killed', 'at least'],
    ['almost 50', 50, 'injured', 'almost'],
  ]);
});

test('"a third" after a count of another role is one more person, with or without a noun; title-case count words are no names', () => {
  assert.deepEqual(read('Kell killed two co-workers and critically wounded a third.'), ['[two co-workers] 2 co-worker killed', '[a third] 1 person wounded']);
  assert.deepEqual(read('Kell is accused of killing two women and injuring a third co-worker.').filter((q) => !q.includes('nth')), ['[two women] 2 woman killed', '[a third co-worker] 1 co-worker injured']);
  assert.deepEqual(read('2 Dead, 1 Wounded in Shooting at Harbor Plant'), ['[2 Dead] 2 dead killed', '[1 Wounded] 1 wounded wounded']);
});

test('the figure a death toll reaches counts the killed; "wounding other 70" counts 70', () => {
  assert.deepEqual(read('The death toll rose to 17 on Monday.'), ['[17] 17 person killed']);
  assert.deepEqual(read('Officials said the death toll had risen to at least 40.'), ['[at least 40] 40 person killed']);
  assert.deepEqual(read('The death toll rose to 17 percent.'), ['[17 percent] 17 percent -']);
  assert.deepEqual(read('The quake leveled seven villages, killing 10 persons and wounding other 70.').slice(1), ['[10 persons] 10 person killed', '[70] 70 person wounded']);
});
