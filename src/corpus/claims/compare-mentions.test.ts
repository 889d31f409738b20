import { test } from 'node:test';
import type { TimeType } from '../../core/article.js';
import assert from 'node:assert/strict';
import { buildArticle, type HandQuantity } from '../../../test/stories/build-article.js';
import { clauseFacts } from './clause-facts.js';
import { compareMentions, compareMentionsAll, differentNames, type ComparedMention } from './compare-mentions.js';
import { contentWords } from './content-words.js';
import { extractTimes } from '../../stages/times/index.js';
import { quoteWords } from '../quote-groups/word-diff.js';
import { extractQuantities } from '../../stages/quantities/index.js';

type HandTime = { text: string; value: string | null; type: TimeType };

/** A mention of an undated article with the times the times stage finds in it. */
function undated(text: string): ComparedMention {
  return mention(text, [], false, extractTimes(text, null).map((t) => ({ text: text.slice(t.start, t.end), value: t.value, type: t.type })));
}

function mention(text: string, quantities: HandQuantity[] = [], quote = false, times: HandTime[] = []): ComparedMention {
  const article = buildArticle({ id: text, outlet: 'X', published: null, text, quantities, times, quotes: quote ? [{ text, speakerName: 'A' }] : [] });
  const cite = { article: article.id, start: 0, end: text.length };
  return {
    cite,
    text,
    outlet: 'X',
    published: null,
    facts: clauseFacts(article, cite),
    words: contentWords(text, cite),
    quotes: quote ? [{ ref: { article: article.id, index: 0 }, span: cite, direct: true, group: 'g1', speaker: null, speakerName: null, words: text.toLowerCase().split(/\W+/).filter(Boolean) }] : [],
  };
}

test('negation needs the negated word stated plainly on the other side', () => {
  assert.equal(compareMentions(mention('Wage indexation was not on the agenda.'), mention('Wage indexation was on the agenda.'))?.kind, 'negation');
  assert.equal(compareMentions(mention('No homes were destroyed north of Brenna.'), mention('Several homes were destroyed north of Brenna.'))?.kind, 'negation');
});

test('spaced and apostrophe-less contractions and "yet to" are negations too, so they agree with their plain forms', () => {
  assert.equal(compareMentions(mention('Smith didn ’ t return a call seeking comment.'), mention("Smith didn't return a call seeking comment.")), null);
  assert.equal(compareMentions(mention('Riva had not yet regained consciousness.'), mention('Riva had yet to regain consciousness.')), null);
  assert.equal(compareMentions(mention("I cant speak for the first death."), mention("I can't speak for the first death.")), null);
});

test('"would not say why" negates the saying, not the permit', () => {
  const a = mention('Kell was denied a permit in March, and police would not say why the permit was denied.');
  const b = mention('Kell had been denied a permit in March, police said.');
  assert.equal(compareMentions(a, b), null);
});

test('a negation elsewhere in the clause is not a contradiction of its main fact', () => {
  const a = mention('An 88-72 loss in Cleveland was the last straw, though the team has not enjoyed a winning season.');
  const b = mention("Friday night's 88-72 loss in Cleveland was apparently the last straw.");
  assert.equal(compareMentions(a, b), null);
});

test('subsets, bare numbers and two roundings of one figure are not number conflicts', () => {
  const q = (text: string, value: number, unit: string | null, qualifier: HandQuantity['qualifier'] = 'exact', low: number | null = value, high: number | null = value): HandQuantity => ({ text, value, unit, qualifier, low, high });
  assert.equal(compareMentions(mention('The navy arrested 23 pirates.', [q('23 pirates', 23, 'pirate')]), mention('The navy arrested 11 Yemeni pirates.', [q('11 Yemeni pirates', 11, 'Yemeni pirate')])), null);
  assert.equal(compareMentions(mention('Police found three victims inside.', [q('three victims', 3, 'victim')]), mention('Police found two other victims inside.', [q('two other victims', 2, 'victim')])), null);
  assert.equal(compareMentions(mention('The score was 3 at the break.', [q('3', 3, null)]), mention('The score was 6 at the break.', [q('6', 6, null)])), null);
  assert.equal(
    compareMentions(
      mention('Trade worth nearly 100 billion dollars passes.', [q('nearly 100 billion dollars', 100e9, 'dollar', 'nearly', null, 100e9)]),
      mention('Trade worth over 100 billion dollars passes.', [q('over 100 billion dollars', 100e9, 'dollar', 'more-than', 100e9, null)]),
    ),
    null,
  );
});

test('spelling, formatting and abbreviation differences are not misquotes', () => {
  const a = mention('Lt Jones said the neighbourhood was quiet at 6 00', [], true);
  const b = mention('Lieutenant Jones said the neighborhood was quiet at 6:00', [], true);
  assert.equal(compareMentions(a, b), null);
  const c = mention('we will not sign it this week at the port', [], true);
  const d = mention('we will not sign it at all at the port', [], true);
  assert.equal(compareMentions(c, d)?.kind, 'quote');
});

test('two orderings of one event against one anchor are a sequence conflict; compatible ones are none', () => {
  assert.equal(compareMentions(mention('Kell resigned before the vote.'), mention('Kell resigned hours after the vote.'))?.kind, 'sequence');
  assert.equal(compareMentions(mention('Drones hit the port during the call.'), mention('Drones hit the port as the call went on.')), null);
  assert.equal(compareMentions(mention('Drones hit the port after the call.'), mention('Drones hit the port hours after the call.')), null);
});

test('a clause disputed on two counts gives both disagreements', () => {
  const a = mention('Drones carried out one of the largest air assaults on the port during the call.');
  const b = mention('Drones carried out the largest drone attack on the port hours after the call.');
  assert.deepEqual(compareMentionsAll(a, b).map((d) => d.kind), ['sequence', 'superlative']);
});

test('a people count read as the dead by its verb is not compared with a count of the injured (regression: 9 killed vs 31 injured)', () => {
  const q = (text: string, value: number, unit: string): HandQuantity => ({ text, value, unit, qualifier: 'exact', low: value, high: value });
  const a = mention('Nine people were killed and 31 injured, officials said.', [q('Nine people', 9, 'people'), q('31 injured', 31, 'injured')]);
  const b = mention('Nine people were killed in the attack.', [q('Nine people', 9, 'people')]);
  assert.equal(compareMentions(a, b), null);
  const c = mention('Twelve people were killed in the attack.', [q('Twelve people', 12, 'people')]);
  assert.equal(compareMentions(b, c)?.kind, 'number');
});

test('a running total is never compared with one event\'s figure (but two tallies or two event figures are)', () => {
  const event = mention('During the operation, six rifles were seized.', [{ text: 'six rifles', value: 6, low: 6, high: 6, unit: 'rifles', qualifier: 'exact' }]);
  const tally = mention('The ship has seized a total of 14 rifles during its five operations.', [{ text: '14 rifles', value: 14, low: 14, high: 14, unit: 'rifles', qualifier: 'exact' }]);
  const soFar = mention('In its five operations the navy has confiscated 14 rifles.', [{ text: '14 rifles', value: 14, low: 14, high: 14, unit: 'rifles', qualifier: 'exact' }]);
  const otherEvent = mention('The navy confiscated 14 rifles from the boat.', [{ text: '14 rifles', value: 14, low: 14, high: 14, unit: 'rifles', qualifier: 'exact' }]);
  assert.equal(compareMentions(event, tally), null);
  assert.equal(compareMentions(soFar, event), null);
  assert.equal(compareMentions(event, otherEvent)?.kind, 'number');
  const olderTally = mention('The navy has confiscated 9 rifles in their five operations.', [{ text: '9 rifles', value: 9, low: 9, high: 9, unit: 'rifles', qualifier: 'exact' }]);
  assert.equal(compareMentions(soFar, olderTally)?.kind, 'number');
  // Two tallies over different periods or sets are two figures.
  const thisYear = mention('The navy has confiscated 9 rifles this year.', [{ text: '9 rifles', value: 9, low: 9, high: 9, unit: 'rifles', qualifier: 'exact' }]);
  assert.equal(compareMentions(soFar, thisYear), null);
});

test('a misquote is one disagreement, not also a negation read from the same words (regression read on ECB+ dev)', () => {
  const a = mention('I feel we were not executing the plan we wanted at the port', [], true);
  const b = mention('I did not feel we were executing the plan we wanted at the port', [], true);
  assert.deepEqual(compareMentionsAll(a, b).map((d) => d.kind), ['quote']);
});

test('"so far" alone is the event\'s own running figure, still compared', () => {
  const a = mention('The blaze has burned 2,500 hectares so far.', [{ text: '2,500 hectares', value: 2500, low: 2500, high: 2500, unit: 'hectares', qualifier: 'exact' }]);
  const b = mention('The blaze has burned 4,000 hectares.', [{ text: '4,000 hectares', value: 4000, low: 4000, high: 4000, unit: 'hectares', qualifier: 'exact' }]);
  assert.equal(compareMentions(a, b)?.kind, 'number');
});

test('undated clauses giving two weekdays for one event are a time conflict', () => {
  const a = undated('A coast guard cutter foiled a raid on two ferries crossing the strait on Friday.');
  const b = undated('The coast guard on Thursday thwarted a raid on two ferries in the strait.');
  const d = compareMentions(a, b);
  assert.equal(d?.kind, 'time');
  assert.equal(a.text.slice(d.a.start, d.a.end), 'Friday');
  assert.equal(compareMentions(a, undated('A coast guard cutter foiled a raid on two ferries on Friday morning.')), null);
});

test('a weekday that dates a statement, names a thing or belongs to another verb is not the event time', () => {
  const raid = undated('A coast guard cutter foiled a raid on two ferries on Friday.');
  assert.equal(compareMentions(raid, undated('On Thursday, the coast guard said a cutter foiled a raid on two ferries.')), null);
  assert.equal(compareMentions(raid, undated("A cutter foiled a raid on two ferries before Thursday's regatta.")), null);
  const killed = undated('A cyclist hit and killed by a van Tuesday night near the Orlen depot.');
  assert.equal(compareMentions(killed, undated('Prosecutors filed charges Thursday against the driver who hit and killed a cyclist.')), null);
  assert.equal(compareMentions(killed, undated('The driver was drunk, according to a complaint filed Thursday.')), null);
});

test('a fronted "so far" before an actor\'s perfect tense is a tally; an event\'s own running figure is not', () => {
  const q = (text: string, value: number): HandQuantity => ({ text, value, unit: 'outboard motor', qualifier: 'exact', low: value, high: value });
  const tally = mention('So far, the coast guard has seized 40 outboard motors from smugglers.', [q('40 outboard motors', 40)]);
  const raid = mention('Nine outboard motors were seized from the skiffs.', [q('Nine outboard motors', 9)]);
  assert.equal(compareMentions(tally, raid), null);
  const seizure = mention('The coast guard seized 40 outboard motors from smugglers.', [q('40 outboard motors', 40)]);
  assert.equal(compareMentions(seizure, raid)?.kind, 'number');
});

test('two clauses giving ages years apart tell of two people: their other figures are not compared', () => {
  const a = mention('A 36-year-old man fell about 200 metres down an icy gully.', [{ text: '200 metres', value: 200, low: 200, high: 200, unit: 'metres', qualifier: 'about' }]);
  const b = mention('The 32-year-old climber fell about 600 metres down an icy gully.', [{ text: '600 metres', value: 600, low: 600, high: 600, unit: 'metres', qualifier: 'about' }]);
  const c = mention('The 35-year-old climber fell about 600 metres down an icy gully.', [{ text: '600 metres', value: 600, low: 600, high: 600, unit: 'metres', qualifier: 'about' }]);
  assert.equal(compareMentions(a, b), null);
  assert.equal(compareMentions(a, c)?.kind, 'number');
});

test('a weekday planned for something to come dates no event: "expected on Friday" / "planned for Tuesday" do not clash', () => {
  assert.equal(compareMentions(undated('A major rally of the dockers is expected on Friday.'), undated('A major rally of the dockers was held on Tuesday.')), null);
});

test('a conditional or a claimed denial is no negation of a fact; an intention ("to sign") states nothing done', () => {
  const plain = mention('Coach Dara Holm put the striker on the injured list.');
  assert.equal(compareMentions(mention('He would not put the striker on the injured list if the season were longer.'), plain), null);
  assert.equal(compareMentions(mention('The owners flew north to sign the striker.'), mention('The owners did not sign the striker.')), null);
  assert.equal(compareMentions(mention('The owners signed the striker.'), mention('The owners did not sign the striker.'))?.kind, 'negation');
});

test('figures told of two different named people, or per season against a total, are not compared', () => {
  const named = (text: string, person: string, years: number): ComparedMention => {
    const article = buildArticle({ id: text, outlet: 'X', published: null, text, entities: [{ text: person, type: 'PERSON' }], quantities: [{ text: `${years} years`, value: years, low: years, high: years, unit: 'years', qualifier: 'exact' }] });
    const cite = { article: article.id, start: 0, end: text.length };
    return { cite, text, outlet: 'X', published: null, facts: clauseFacts(article, cite), words: contentWords(text, cite), quotes: [] };
  };
  assert.equal(compareMentions(named('Tor Halden has worked at the plant for 37 years.', 'Tor Halden', 37), named('Piet Lund has worked at the plant for 30 years.', 'Piet Lund', 30)), null);
  assert.equal(compareMentions(named('Tor Halden has worked at the plant for 37 years.', 'Tor Halden', 37), named('Halden has worked at the plant for 30 years.', 'Halden', 30))?.kind, 'number');
  const total = mention('The club offered Nordahl $70 million.', [{ text: '$70 million', value: 70000000, low: 70000000, high: 70000000, unit: 'dollars', qualifier: 'exact' }]);
  const rate = mention('The club offered Nordahl $9 million per season.', [{ text: '$9 million', value: 9000000, low: 9000000, high: 9000000, unit: 'dollars', qualifier: 'exact' }]);
  assert.equal(compareMentions(total, rate), null);
});

test('contractions and clock formats inside a quote are not misquotes', () => {
  const quoted = (text: string): ComparedMention => {
    const m = mention(text, [], true);
    return { ...m, quotes: m.quotes.map((q) => ({ ...q, words: quoteWords(text) })) };
  };
  assert.equal(compareMentions(quoted('I know the things I have done caused pain and I am sorry'), quoted("I know the things I've done caused pain and I'm sorry")), null);
  assert.equal(compareMentions(quoted('She passed away at 4:15pm this evening in a hospital near the coast'), quoted('She passed away at 16:15 this evening in a hospital near the coast')), null);
  // A time zone one outlet keeps and another drops is the same clock time; another hour is a misquote.
  assert.equal(compareMentions(quoted('She passed away at 4:15pm PST this evening in a hospital near the coast'), quoted('She passed away at 16:15 this evening in a hospital near the coast')), null);
  assert.equal(compareMentions(quoted('She passed away at 4:15pm PST this evening in a hospital near the coast'), quoted('She passed away at 18:15 this evening in a hospital near the coast'))?.kind, 'quote');
});

test('a weekday after a relative clause set off by commas is the main event\'s: "X, who was known as Y, died on Friday" / "died Thursday"', () => {
  const a = undated("Ivo Brandt, who was known to readers as 'the Fox,' died on Friday.");
  const b = undated('Ivo Brandt, who wrote as the Fox for forty years, died on Thursday aged 91, his family said.');
  assert.equal(compareMentions(a, b)?.kind, 'time');
  assert.equal(compareMentions(a, undated('Ivo Brandt, who wrote as the Fox, died on Friday at his home.')), null);
});

test('a reduced passive ("unrest, triggered by the raid") is no main verb: its clause\'s weekday dates another event', () => {
  const calm = undated('Velmora was quiet on Sunday after a week of unrest, triggered by the police raid on a student hostel.');
  const shooting = undated('The police raid on a student hostel on Saturday triggered a week of unrest in Velmora.');
  assert.equal(compareMentions(calm, shooting), null);
  const passive = undated('A week of unrest in Velmora was triggered on Sunday by the police raid on a student hostel.');
  assert.equal(compareMentions(passive, shooting)?.kind, 'time');
});

test('the verb governing a count of an unknown people noun gives its role: "shot three co-workers" is not "shot and killed two co-workers"', () => {
  const shot = mention('The woman shot three co-workers at the plant.', [{ text: 'three co-workers', value: 3, low: 3, high: 3, unit: 'co-workers', qualifier: 'exact' }]);
  const killed = mention('The woman shot and killed two co-workers at the plant.', [{ text: 'two co-workers', value: 2, low: 2, high: 2, unit: 'co-workers', qualifier: 'exact' }]);
  const shotTwo = mention('The woman shot two co-workers at the plant.', [{ text: 'two co-workers', value: 2, low: 2, high: 2, unit: 'co-workers', qualifier: 'exact' }]);
  assert.equal(compareMentions(shot, killed), null);
  assert.equal(compareMentions(shot, shotTwo)?.kind, 'number');
});

/** A mention with the quantities the quantities stage reads in it. */
function read(text: string): ComparedMention {
  const quantities = extractQuantities(text).map((q) => ({ text: text.slice(q.start, q.end), value: q.value, low: q.low, high: q.high, unit: q.unit, qualifier: q.qualifier }));
  return mention(text, quantities);
}

test('two magnitudes of the main shock a few tenths apart are a number conflict; aftershocks and hypotheticals are not compared', () => {
  const a = read('A 6.1-magnitude quake struck Varn island on Sunday, the survey said.');
  const b = read('The quake that struck Varn island had a magnitude of 5.9, the agency said.');
  assert.equal(compareMentions(a, b)?.kind, 'number');
  assert.equal(compareMentions(a, read('The quake that struck Varn island measured about 6.0 on the Richter scale.')), null);
  assert.equal(compareMentions(a, read('Varn island was shaken by aftershocks of magnitude 4.2 on Sunday.')), null);
  assert.equal(compareMentions(b, read('A magnitude-6.4 quake can cause severe damage on Varn island.')), null);
});

test('clauses giving magnitudes half a point apart tell of two quakes: their injured counts are not compared (regression: a second, weaker quake)', () => {
  const first = read('A 5.6 magnitude earthquake hit Varn island on Sunday, injuring five people.');
  const second = read('A magnitude-5.2 quake has injured three people on Varn island.');
  const same = read('A magnitude-5.5 quake has injured three people on Varn island.');
  assert.equal(compareMentions(first, second), null);
  assert.equal(compareMentions(first, same)?.kind, 'number');
});

test('a figure restated in brackets in other units is one figure, compared once (regression: "1,150 kilometres (700 miles)" was read as two)', () => {
  const a = read('Tarno, located 1,150 kilometres (700 miles) southeast of Velmar, has a busy port.');
  const b = read('Tarno, an island 1,500 kilometres south of Velmar, has a busy port.');
  assert.equal(compareMentions(a, b)?.kind, 'number');
  assert.equal(compareMentions(a, read('Tarno, an island 1,150 kilometres south of Velmar, has a busy port.')), null);
});

test('a price per share is not the deal\'s total, and a clause giving both still compares each with its own kind', () => {
  const both = read('Varcom will acquire Delta for $13.2 billion, or $25 a share, the companies said.');
  assert.equal(compareMentions(both, read('Varcom will acquire Delta for $13.9 billion, the companies said.'))?.kind, 'number');
  assert.equal(compareMentions(both, read('Varcom will pay $26.50 a share for Delta, the companies said.'))?.kind, 'number');
  assert.equal(compareMentions(both, read('Varcom will acquire Delta for $13.2 billion, the companies said.')), null);
});

test('a depth and a distance from a place are two lengths, never compared; two depths are', () => {
  const depth = read('The quake struck at a depth of 10 km near Tarno, the survey said.');
  assert.equal(compareMentions(depth, read('The quake struck 60 km north of Tarno, the survey said.')), null);
  assert.equal(compareMentions(depth, read('The quake struck at a depth of 33 km near Tarno, the survey said.'))?.kind, 'number');
});

test('two causes or places of one death are an "other" conflict; deaths of two named people are not compared', () => {
  const a = mention('Rosa Lind died of pneumonia on Thursday in a Halberg hospital.');
  const b = mention('Rosa Lind succumbed on Thursday to complications of a kidney infection.');
  assert.equal(compareMentions(a, b)?.kind, 'other');
  assert.equal(compareMentions(mention('Ivo Brandt died in his apartment in Dunmore.'), mention('Ivo Brandt died in a hospice outside Dunmore.'))?.kind, 'other');
  assert.equal(compareMentions(mention('Ivo Brandt died of liver failure in his apartment.'), mention('Ivo Brandt died of acute liver failure at home.')), null);
});

/** A mention with every reading of the quantities stage, roles of people counts included. */
function readPeople(text: string): ComparedMention {
  const m = mention(text);
  return { ...m, facts: { ...m.facts, quantities: extractQuantities(text) } };
}

test('"another", "a third" and "two others" after a count of another role are all the people of their role (regression: "wounding two others" was read as a part)', () => {
  const twoWounded = readPeople('The woman opened fire at the plant, killing two workers and wounding two others.');
  assert.equal(compareMentions(twoWounded, readPeople('Police say two people have been killed and another wounded in a shooting at the plant.'))?.kind, 'number');
  assert.equal(compareMentions(twoWounded, readPeople('The woman killed two co-workers and critically wounded a third at the plant.'))?.kind, 'number');
  assert.equal(compareMentions(twoWounded, readPeople('Police say two people were killed and two others wounded at the plant.')), null);
});

test('people no role ties to the event are not its victims: "found four people in the room" is not "the three victims"', () => {
  const q = (text: string, value: number, unit: string): HandQuantity => ({ text, value, unit, qualifier: 'exact', low: value, high: value });
  const room = mention('Kell walked to the mixing area and found four people in the break room.', [q('four people', 4, 'person')]);
  const victims = mention('Kell worked with the three victims in the mixing area.', [q('three victims', 3, 'victim')]);
  assert.equal(compareMentions(room, victims), null);
  assert.equal(compareMentions(room, mention('Kell walked to the mixing area and found five people in the break room.', [q('five people', 5, 'person')]))?.kind, 'number');
});

test('shares of named places compare place by place, in one clause or across clauses', () => {
  const list = read('At present 65% of traffic with Velmar is offline, while the same goes for 52% with Tarno.');
  assert.equal(compareMentions(list, read('Internet services in Tarno were down by 80 percent, the agency said.'))?.kind, 'number');
  assert.equal(compareMentions(list, read('Internet services in Velmar were down by 65 percent, the agency said.')), null);
  assert.equal(compareMentions(read('Up to 70 per cent of web services in Tarno were disrupted.'), read('Services in Tarno were down by 80 percent.'))?.kind, 'number');
  // A share of no named place is not set against one of a place.
  assert.equal(compareMentions(read('Services were down by 80 percent, the agency said.'), read('Services in Tarno were down by 52 percent.')), null);
});

test('a peak ("at one point as much as") or a state since passed is an update of the level, not a dispute', () => {
  const level = read('It is thought that 65% of traffic to Velmar was down on Friday.');
  assert.equal(compareMentions(read('At one point as much as 82 percent of traffic in Velmar was out of service, Orvo said.'), level), null);
  assert.equal(compareMentions(read('Some 82 percent of traffic to Velmar was out of service early Friday, although that has now improved.'), level), null);
  assert.equal(compareMentions(read('Some 82 percent of traffic to Velmar was out of service early Friday.'), level)?.kind, 'number');
});

test('durations: hours spent and days on the calendar are two figures; an exact figure and "more than" it are one', () => {
  const spent = read('The panel deliberated for 40 hours over four days.');
  assert.equal(compareMentions(spent, read('The jury was unable to decide after 30 hours of deliberation.'))?.kind, 'number');
  assert.equal(compareMentions(spent, read('After four days deliberating, the jury deadlocked.')), null);
  assert.equal(compareMentions(read('After 30 hours of deliberations, the jury deadlocked.'), read('After more than 30 hours of deliberations, the jury deadlocked.')), null);
  assert.equal(compareMentions(read('The jury was unable to decide after four days of deliberation.'), read('The jury was unable to decide after 30 hours of deliberation.')), null);
});

test('the object of an infinitive is sought, not had: "no suspects" is no negation of "begun to identify suspects"', () => {
  assert.equal(compareMentions(mention('The police say they have no suspects.'), mention('Police said an investigation has begun to identify suspects.')), null);
  // A place after "to the" is still stated plainly.
  assert.equal(compareMentions(mention('The convoy did not reach the border crossing.'), mention('The convoy went to the border crossing and reached it.'))?.kind, 'negation');
});

test('a speaker named with an organisation beside the name is the person the other outlet names', () => {
  assert.equal(differentNames('Ilse Varga', 'Ilse Brandt'), true);
  assert.equal(differentNames('Lt. Ilse Varga of the Kestrel State Police', 'Ilse Varga'), false);
  assert.equal(differentNames('Kestrel State Police Lt. Ilse Varga', 'Lt. Ilse Varga of the Kestrel State Police'), false);
  assert.equal(differentNames('Varga', 'Brandt'), false);
});

test("sums told of two different named actors are two sums; one actor's sum told two ways disagrees", () => {
  const said = (text: string, figure: string, value: number, actors: { text: string; type: 'ORG' | 'PERSON' }[]): ComparedMention => {
    const article = buildArticle({ id: text, outlet: 'X', published: null, text, quantities: [{ text: figure, value, unit: '$', qualifier: 'exact', low: value, high: value }], entities: actors });
    const cite = { article: article.id, start: 0, end: text.length };
    return { cite, text, outlet: 'X', published: null, facts: clauseFacts(article, cite), words: contentWords(text, cite), quotes: [] };
  };
  const harbours = said('The Harbours offered a deal worth $184 million.', '$184 million', 184e6, [{ text: 'Harbours', type: 'ORG' }]);
  const pilots = said('The Pilots offered a deal worth $150 million.', '$150 million', 150e6, [{ text: 'Pilots', type: 'ORG' }]);
  const agent = said('Agent Ivo Sand asked for a deal worth $200 million.', '$200 million', 200e6, [{ text: 'Ivo Sand', type: 'PERSON' }]);
  const harboursAgain = said('The Harbours offered a deal worth $150 million.', '$150 million', 150e6, [{ text: 'Harbours', type: 'ORG' }]);
  assert.equal(compareMentions(harbours, pilots), null);
  assert.equal(compareMentions(harbours, agent), null);
  assert.equal(compareMentions(harbours, harboursAgain)?.kind, 'number');
  // Counts of people are the event's, whichever body gives them.
  const count = (text: string, org: string): ComparedMention => {
    const article = buildArticle({ id: text, outlet: 'X', published: null, text, quantities: [{ text: text.match(/\d+ people/)?.[0] ?? '', value: Number(text.match(/\d+/)?.[0]), unit: 'people', qualifier: 'exact', low: null, high: null }], entities: [{ text: org, type: 'ORG' }] });
    const cite = { article: article.id, start: 0, end: text.length };
    return { cite, text, outlet: 'X', published: null, facts: clauseFacts(article, cite), words: contentWords(text, cite), quotes: [] };
  };
  assert.equal(compareMentions(count('The Red Crescent counted 12 people killed in the blast.', 'Red Crescent'), count('The ministry of Brenna counted 18 people killed in the blast.', 'Brenna'))?.kind, 'number');
});

test('a weekday of an event that ran over days is one of its days: "continued for the second day on Wednesday" does not clash with "continued on Tuesday"', () => {
  const second = undated('The smuggling trial of the ferry captain continued for the second day on Wednesday.');
  const first = undated('The smuggling trial of the ferry captain continued on Tuesday with the first witnesses.');
  assert.equal(compareMentions(second, first), null);
  // Without the words of an ongoing event, two days of one verdict still clash.
  const verdict = undated('The jury convicted the ferry captain of smuggling on Tuesday.');
  assert.equal(compareMentions(undated('The jury convicted the ferry captain of smuggling on Wednesday.'), verdict)?.kind, 'time');
});

test('two clauses negating one word agree: "no gun has been recovered" / "the gun has not been recovered"', () => {
  assert.equal(compareMentions(mention('No gun has been recovered by the police.'), mention('The gun has not been recovered, police said.')), null);
  assert.equal(compareMentions(mention('No gun has been recovered by the police.'), mention('The gun was recovered by the police.'))?.kind, 'negation');
});

test('years of one event clash in aligned clauses unless one span holds the other', () => {
  const span = mention('Okafor coached the national side in 1990-91.');
  assert.equal(compareMentions(span, mention('Okafor coached the national side in 1992.'))?.kind, 'time');
  assert.equal(compareMentions(span, mention('Okafor coached the national side in 1991.')), null);
});
