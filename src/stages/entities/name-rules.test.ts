import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from './entities.js';
import { refineDocument, refineSentence, type NameChunk } from './name-rules.js';
import { splitParagraphs, splitSentences } from '../sentences/sentences.js';

function entities(text: string): { text: string; type: string; canonical: string }[] {
  const sentences = splitParagraphs(text).flatMap((p) => splitSentences(text, p));
  return findEntities(text, sentences).map((m) => ({ text: text.slice(m.start, m.end), type: m.type, canonical: m.canonical }));
}

const none = { gazetteer: { entries: new Map<string, number>(), firstTokens: new Map<string, number>() }, clusters: { get: () => undefined } };

test('titles before a name are not part of the person span, and a Slavic surname is not cut off', () => {
  const got = entities('Governor Oksana Bilotserkivska said the bridge at Trenn would reopen on Friday.');
  assert.ok(got.some((m) => m.text === 'Oksana Bilotserkivska' && m.type === 'PERSON'), JSON.stringify(got));
  assert.ok(!got.some((m) => /Governor/.test(m.text)), JSON.stringify(got));
  const mayor = entities('Mayor Taras Hnatyshynskyy told reporters the harbour road was flooded.');
  assert.ok(mayor.some((m) => m.text === 'Taras Hnatyshynskyy' && m.type === 'PERSON'), JSON.stringify(mayor));
});

test('multi-word and abbreviated titles are stripped; a name after "Sen." is a person', () => {
  const got = entities('Transport Minister Halyna Movchanenko met Sen. Carol Whitby in Brennport on Tuesday.');
  assert.ok(got.some((m) => m.text === 'Halyna Movchanenko' && m.type === 'PERSON'), JSON.stringify(got));
  assert.ok(got.some((m) => m.text === 'Carol Whitby' && m.type === 'PERSON'), JSON.stringify(got));
});

test('a titled name after a closing quotation is a person, not an organisation', () => {
  const got = entities('"Nobody will sail until the hull is checked," Mayor Ivan Petrenko told reporters.');
  assert.ok(got.some((m) => m.text === 'Ivan Petrenko' && m.type === 'PERSON'), JSON.stringify(got));
});

test('names ending in an organisation head are organisations', () => {
  const got = entities('Bluewater Airlines said it had grounded two jets, and Kestrel Holdings declined to comment.');
  assert.equal(got.find((m) => m.text === 'Bluewater Airlines')?.type, 'ORG', JSON.stringify(got));
  assert.equal(got.find((m) => m.text === 'Kestrel Holdings')?.type, 'ORG', JSON.stringify(got));
});

test('news outlets that report are organisations: "Radio X", "the X Gazette", one-word "Xwire"', () => {
  const got = entities('Radio Dunmere said the strike was over. Southport Gazette reported the same. Baltwire reported that talks had ended. According to Dunwire, pay rose.');
  for (const name of ['Radio Dunmere', 'Southport Gazette', 'Baltwire', 'Dunwire']) {
    assert.equal(got.find((m) => m.text === name)?.type, 'ORG', `${name}: ${JSON.stringify(got)}`);
  }
});

test('rules on token chunks: title strip, surname join, place kept by its head', () => {
  const tokens = ['Mayor', 'Dmytro', 'Zbrozhyk', 'said', 'the', 'West', 'Bank', 'was', 'calm'];
  const chunks: NameChunk[] = [{ start: 0, end: 2, type: 0 }, { start: 5, end: 7, type: 2 }];
  assert.deepEqual(refineSentence(tokens, chunks, none), [{ start: 1, end: 3, type: 0 }, { start: 5, end: 7, type: 2 }]);
  // A known word after a name is not joined when it has no surname shape.
  const known = { ...none, clusters: { get: () => 1 } };
  assert.deepEqual(refineSentence(['Anna', 'Tuesday'], [{ start: 0, end: 1, type: 0 }], known), [{ start: 0, end: 1, type: 0 }]);
});

test('a vessel name is MISC in every mention, and a citing outlet is an ORG wherever it is cited', () => {
  const text =
    'Smoke rose from the tanker Maren Holt off the coast on Sunday, according to Seawire. ' +
    'The Maren Holt was carrying diesel, the coastguard said. Seawire said no one was hurt.';
  const got = entities(text);
  const vessel = got.filter((m) => m.text === 'Maren Holt');
  assert.equal(vessel.length, 2, JSON.stringify(got));
  assert.ok(vessel.every((m) => m.type === 'MISC'), JSON.stringify(vessel));
  const outlet = got.filter((m) => m.text === 'Seawire');
  assert.equal(outlet.length, 2, JSON.stringify(got));
  assert.ok(outlet.every((m) => m.type === 'ORG'), JSON.stringify(outlet));
});

test('document place vote: an unknown one-word name seen after "in" is a place in its other one-word mentions', () => {
  const doc = [['Talks', 'in', 'Drelvik', 'ended'], ['Drelvik', 'officials', 'left']];
  const got = refineDocument(doc, [[{ start: 2, end: 3, type: 2 }], [{ start: 0, end: 1, type: 0 }]], none);
  assert.deepEqual(got.map((s) => s.map((c) => c.type)), [[2], [2]]);
});

test('place vote never turns a surname into a place', () => {
  const doc = [['Dmytro', 'Zbrozhyk', 'spoke'], ['Trust', 'in', 'Zbrozhyk', 'fell'], ['Zbrozhyk', 'left']];
  const chunks: NameChunk[][] = [[{ start: 0, end: 2, type: 0 }], [{ start: 2, end: 3, type: 2 }], [{ start: 0, end: 1, type: 0 }]];
  assert.deepEqual(refineDocument(doc, chunks, none).map((s) => s.map((c) => c.type)), [[0], [2], [0]]);
});

test('boundary repairs: leading "The", trailing weekday, title inside an organisation, names joined by "&"', () => {
  const toks = (s: string): string[] => s.split(' ');
  const the = toks('The Harbour Safety Department said the pier was closed .');
  assert.deepEqual(refineSentence(the, [{ start: 0, end: 4, type: 1 }], none), [{ start: 1, end: 4, type: 1 }]);
  const outlet = toks('The Velmora Times reported the fire .');
  assert.deepEqual(refineSentence(outlet, [{ start: 0, end: 3, type: 1 }], none), [{ start: 0, end: 3, type: 1 }]);
  const day = toks('the channel Nordcast Friday , said the ferry left .');
  assert.deepEqual(refineSentence(day, [{ start: 2, end: 4, type: 1 }], none), [{ start: 2, end: 3, type: 1 }]);
  const title = toks('Velmora Port Authority Director Ivo Marek said the quay was safe .');
  assert.deepEqual(refineSentence(title, [{ start: 0, end: 6, type: 1 }], none), [
    { start: 0, end: 3, type: 1 },
    { start: 4, end: 6, type: 0 },
  ]);
  const amp = toks('shares of Hollis & Varga rose .');
  assert.deepEqual(refineSentence(amp, [{ start: 2, end: 3, type: 0 }, { start: 4, end: 5, type: 0 }], none), [{ start: 2, end: 5, type: 1 }]);
  const places = toks('talks in Trenn & Skerrin ended .');
  assert.equal(refineSentence(places, [{ start: 2, end: 3, type: 2 }, { start: 4, end: 5, type: 2 }], none).length, 2);
});

test('person repairs: score tails and "\'s" dropped, split halves and particle surnames joined', () => {
  const toks = (s: string): string[] => s.split(' ');
  const tail = toks('; I. Brannock 4-70 ) , Dorset');
  assert.deepEqual(refineSentence(tail, [{ start: 1, end: 5, type: 0 }], none)[0], { start: 1, end: 3, type: 0 });
  const split = toks('France ( Cyrille Bost , Pascal Ferrat )');
  assert.deepEqual(refineSentence(split, [{ start: 2, end: 3, type: 0 }, { start: 3, end: 4, type: 0 }], none), [{ start: 2, end: 4, type: 0 }]);
  const particle = toks('14 - Joaquin del Orvel , 6');
  assert.deepEqual(refineSentence(particle, [{ start: 2, end: 3, type: 0 }, { start: 4, end: 5, type: 0 }], none), [{ start: 2, end: 5, type: 0 }]);
  const org = toks("a bid for Brennock 's .");
  assert.deepEqual(refineSentence(org, [{ start: 3, end: 5, type: 1 }], none), [{ start: 3, end: 5, type: 1 }]);
});

test('a name right after an outlet noun is an organisation in every mention', () => {
  const doc = [
    'the official newspaper Vestnik reported on Monday .'.split(' '),
    'Vestnik said the port would reopen .'.split(' '),
  ];
  const out = refineDocument(doc, [[{ start: 3, end: 4, type: 2 }], [{ start: 0, end: 1, type: 2 }]], none);
  assert.deepEqual(out, [[{ start: 3, end: 4, type: 1 }], [{ start: 0, end: 1, type: 1 }]]);
});

test('a place ending in a company head is an organisation; one ending in a place-like head stays a place', () => {
  const toks = (s: string): string[] => s.split(' ');
  const ferries = toks('operated by Brennmoor Ferries , the ship');
  assert.deepEqual(refineSentence(ferries, [{ start: 2, end: 4, type: 2 }], none), [{ start: 2, end: 4, type: 1 }]);
  const union = toks('troops of the Halvorn Union crossed');
  assert.deepEqual(refineSentence(union, [{ start: 3, end: 5, type: 2 }], none), [{ start: 3, end: 5, type: 2 }]);
});

test('organisations take the company designators after them; names never end on a connector', () => {
  const toks = (s: string): string[] => s.split(' ');
  const inc = toks('shares of Brennock Holdings Inc. rose .');
  assert.deepEqual(refineSentence(inc, [{ start: 2, end: 4, type: 1 }, { start: 4, end: 5, type: 3 }], none), [{ start: 2, end: 5, type: 1 }]);
  const co = toks('said Ada Pell of Vell & Co .');
  assert.deepEqual(refineSentence(co, [{ start: 1, end: 3, type: 0 }, { start: 4, end: 5, type: 1 }], none), [
    { start: 1, end: 3, type: 0 },
    { start: 4, end: 7, type: 1 },
  ]);
  const of = toks('the Skerrin Group of countries met');
  assert.deepEqual(refineSentence(of, [{ start: 1, end: 4, type: 1 }], none), [{ start: 1, end: 3, type: 1 }]);
});

test('a name after a company noun, or a "person" before an outlet noun, is an organisation in every mention', () => {
  const doc = [
    'Zorya Halychyny daily said its owner , the mineral water firm Oskova , would sell .'.split(' '),
    'Zorya Halychyny said Oskova had agreed .'.split(' '),
  ];
  const out = refineDocument(
    doc,
    [
      [
        { start: 0, end: 2, type: 0 },
        { start: 11, end: 12, type: 0 },
      ],
      [
        { start: 0, end: 2, type: 0 },
        { start: 3, end: 4, type: 0 },
      ],
    ],
    none,
  );
  assert.deepEqual(out, [
    [
      { start: 0, end: 2, type: 1 },
      { start: 11, end: 12, type: 1 },
    ],
    [
      { start: 0, end: 2, type: 1 },
      { start: 3, end: 4, type: 1 },
    ],
  ]);
});

test('names in lists with ages and towns are persons, the towns places', () => {
  const got = entities('Police identified the wounded as Dana Reyes, 24, of Tulsa, and Marcus Lee, 31, and Tia Brown, 28, both of Dayton.');
  for (const name of ['Dana Reyes', 'Marcus Lee', 'Tia Brown']) assert.equal(got.find((m) => m.text === name)?.type, 'PERSON', `${name}: ${JSON.stringify(got)}`);
  assert.equal(got.find((m) => m.text === 'Tulsa')?.type, 'LOC', JSON.stringify(got));
  assert.equal(got.find((m) => m.text === 'Dayton')?.type, 'LOC', JSON.stringify(got));
});

test('victims after "the murder of" and before "was shot", and a name after an age adjective, are persons', () => {
  const murder = entities('The murder of Deontae Rush remains unsolved, police said.');
  assert.equal(murder.find((m) => m.text === 'Deontae Rush')?.type, 'PERSON', JSON.stringify(murder));
  const aged = entities('Deputies arrested 20-year-old Travonte Bixby on Tuesday.');
  assert.equal(aged.find((m) => m.text === 'Travonte Bixby')?.type, 'PERSON', JSON.stringify(aged));
  const listed = entities('The victims were identified as 51-year-old Royce Dunmore, 40-year-old Alicia Pruitt and 10-month-old Kenji Pruitt.');
  for (const name of ['Royce Dunmore', 'Alicia Pruitt', 'Kenji Pruitt']) assert.equal(listed.find((m) => m.text === name)?.type, 'PERSON', `${name}: ${JSON.stringify(listed)}`);
});

test('the person-context rule retypes a tagged place or organisation, but not a known place or an organisation head', () => {
  const tokens = ['The', 'murder', 'of', 'Deontae', 'Rush', 'shocked', 'Velmora', 'Holdings', ',', '24', ',', 'staff', '.'];
  const out = refineSentence(tokens, [{ start: 3, end: 5, type: 3 }, { start: 6, end: 8, type: 1 }], none);
  assert.deepEqual(out, [{ start: 3, end: 5, type: 0 }, { start: 6, end: 8, type: 1 }]);
  const place = { ...none, gazetteer: { entries: new Map([['ohio', 1 << 2]]), firstTokens: new Map([['ohio', 1]]) } };
  const tally = refineSentence(['Ohio', ',', '18', ',', 'and', 'Texas', ',', '38', '.'], [{ start: 0, end: 1, type: 2 }, { start: 5, end: 6, type: 2 }], place);
  assert.equal(tally[0]?.type, 2);
  const nation = { ...none, gazetteer: { entries: new Map([['norlandian', 1 << 3]]), firstTokens: new Map([['norlandian', 1]]) } };
  const aged = refineSentence(['the', '38', '-', 'year-old', 'Norlandian', 'from', 'Velm'], [{ start: 4, end: 5, type: 3 }], nation);
  assert.equal(aged[0]?.type, 3);
  const group = refineSentence(['Norlandian', 'Kurds', 'were', 'killed', '.'], [{ start: 0, end: 2, type: 3 }], nation);
  assert.equal(group[0]?.type, 3);
});

test('a local-news role before a name is cut from the person ("County Sheriff Wade Tolliver")', () => {
  const got = entities('Harlan County Sheriff Wade Tolliver said deputies arrived within minutes.');
  assert.ok(got.some((m) => m.text === 'Wade Tolliver' && m.type === 'PERSON'), JSON.stringify(got));
  assert.ok(!got.some((m) => m.type === 'PERSON' && /Sheriff/.test(m.text)), JSON.stringify(got));
});

test('a name tagged as a place does not end on a comma', () => {
  const out = refineSentence(['in', 'Velmora', ',', 'then'], [{ start: 1, end: 3, type: 2 }], none);
  assert.deepEqual(out, [{ start: 1, end: 2, type: 2 }]);
});

test('a full name in a person context is a person in its other mentions of the article', () => {
  const doc = [['Kelby', 'Araujo', 'is', 'in', 'a', 'hospital', 'bed', '.'], ['Kelby', 'Araujo', ',', '17', ',', 'was', 'hit', '.']];
  const out = refineDocument(doc, [[{ start: 0, end: 2, type: 1 }], [{ start: 0, end: 2, type: 0 }]], none);
  assert.deepEqual(out, [[{ start: 0, end: 2, type: 0 }], [{ start: 0, end: 2, type: 0 }]]);
});

test('person-of-place: a name over "of" in a person context is a person and her home place; without the context, or with an organisation head, it stays', () => {
  const tokens = ['The', 'girl', ',', 'identified', 'as', 'Orla', 'Venning', 'of', 'Brackwell', ',', 'died', '.'];
  const org: NameChunk[] = [{ start: 5, end: 9, type: 1 }];
  assert.deepEqual(refineSentence(tokens, org, none), [{ start: 5, end: 7, type: 0 }, { start: 8, end: 9, type: 2 }]);
  assert.deepEqual(refineSentence(tokens, org, none, new Set(['person-of-place'])), [{ start: 5, end: 9, type: 1 }]);
  const noContext = ['Shares', 'in', 'Orla', 'Venning', 'of', 'Brackwell', 'rose', '.'];
  assert.deepEqual(refineSentence(noContext, [{ start: 2, end: 6, type: 1 }], none), [{ start: 2, end: 6, type: 1 }]);
  const headed = ['identified', 'as', 'Brackwell', 'Bank', 'of', 'Orlen'];
  assert.deepEqual(refineSentence(headed, [{ start: 2, end: 6, type: 1 }], none), [{ start: 2, end: 6, type: 1 }]);
});
