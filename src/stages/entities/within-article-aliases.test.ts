import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanName, initials, resolveWithinArticle, type RawMention } from './within-article-aliases.js';

function at(text: string, surface: string, type: RawMention['type'], from = 0): RawMention {
  const start = text.indexOf(surface, from);
  assert.ok(start >= 0, surface);
  return { start, end: start + surface.length, type };
}

test('two people sharing a surname: the bare surname goes to the nearest preceding one', () => {
  const text = 'Donald Trump spoke first. Then Melania Trump thanked the guests. Trump smiled.';
  const raw = [at(text, 'Donald Trump', 'PERSON'), at(text, 'Melania Trump', 'PERSON'), at(text, 'Trump smiled', 'PERSON')];
  const fixed = { ...raw[2]!, end: raw[2]!.start + 'Trump'.length };
  const got = resolveWithinArticle(text, [raw[0]!, raw[1]!, fixed]);
  assert.equal(got[2]?.canonical, 'Melania Trump');
  assert.equal(got[2]?.how, 'surname-nearest');
});

test('role nouns stay unresolved when two people hold the role', () => {
  const text = 'Foreign minister Sergei Lavrov met foreign minister Andrii Sybiha. The minister said nothing.';
  const raw = [at(text, 'Sergei Lavrov', 'PERSON'), at(text, 'Andrii Sybiha', 'PERSON')];
  const got = resolveWithinArticle(text, raw);
  assert.ok(!got.some((m) => m.how === 'role'), JSON.stringify(got));
});

test('an appositive role anchors too: "Peskov, the Kremlin spokesman"', () => {
  const text = 'Dmitry Peskov, the Kremlin spokesman, declined to comment. Later the spokesman called back.';
  const got = resolveWithinArticle(text, [at(text, 'Dmitry Peskov', 'PERSON')]);
  const roles = got.filter((m) => m.how === 'role').map((m) => text.slice(m.start, m.end));
  assert.deepEqual(roles, ['spokesman', 'spokesman']);
  assert.ok(got.filter((m) => m.how === 'role').every((m) => m.canonical === 'Dmitry Peskov'));
});

test('titles and possessives are not part of the canonical name', () => {
  assert.equal(cleanName('President Donald Trump', 'PERSON'), 'Donald Trump');
  assert.equal(cleanName("Starmer's", 'PERSON'), 'Starmer');
  assert.equal(cleanName('Prime Minister', 'ORG'), 'Prime Minister');
  assert.equal(cleanName('The Pentagon', 'ORG'), 'Pentagon');
  assert.equal(cleanName('The Hague', 'LOC'), 'The Hague');
  assert.equal(initials('North Atlantic Treaty Organization'), 'NATO');
  assert.equal(initials('Department of Homeland Security'), 'DHS');
});

test('a bare given name takes the one full name it starts', () => {
  const text = 'Ellen DeGeneres will host the show. Ellen said she was thrilled.';
  const got = resolveWithinArticle(text, [at(text, 'Ellen DeGeneres', 'PERSON'), { ...at(text, 'Ellen said', 'PERSON'), end: text.indexOf('Ellen said') + 5 }]);
  assert.equal(got[1]?.canonical, 'Ellen DeGeneres');
  assert.equal(got[1]?.how, 'given-name');
});

test('a one-word organisation takes the single longer name it opens or closes', () => {
  const text = 'The Academy of Motion Picture Arts and Sciences picked a host. The Academy said more later.';
  const got = resolveWithinArticle(text, [
    at(text, 'Academy of Motion Picture Arts and Sciences', 'ORG'),
    { ...at(text, 'Academy said', 'ORG'), end: text.indexOf('Academy said') + 'Academy'.length },
  ]);
  assert.equal(got[1]?.canonical, 'Academy of Motion Picture Arts and Sciences');
  assert.equal(got[1]?.how, 'short-form');
});

test('a surname mistagged as a place is retyped, unless it is a known place', () => {
  const text = 'Barack Obama spoke. Obama left. George Washington was born in Virginia. Washington is the capital.';
  const raw = [
    at(text, 'Barack Obama', 'PERSON'), { ...at(text, 'Obama left', 'LOC'), end: text.indexOf('Obama left') + 5 },
    at(text, 'George Washington', 'PERSON'), { ...at(text, 'Washington is', 'LOC'), end: text.indexOf('Washington is') + 10 },
  ];
  const got = resolveWithinArticle(text, raw, (n) => n === 'Washington');
  assert.deepEqual([got[1]?.type, got[1]?.canonical, got[1]?.how], ['PERSON', 'Barack Obama', 'surname-retyped']);
  assert.deepEqual([got[3]?.type, got[3]?.canonical], ['LOC', 'Washington']);
});

test('a company name short form joins its full name, a place-like first word does not', () => {
  const text = 'Kestrel Airways cancelled flights at the Dornby Harbour Board terminal. Kestrel said Dornby was closed, as was the Port of Lisk. Lisk is quiet.';
  const got = resolveWithinArticle(text, [
    at(text, 'Kestrel Airways', 'ORG'),
    at(text, 'Dornby Harbour Board', 'ORG'),
    { ...at(text, 'Kestrel said', 'ORG'), end: text.indexOf('Kestrel said') + 'Kestrel'.length },
    { ...at(text, 'Dornby was', 'ORG'), end: text.indexOf('Dornby was') + 'Dornby'.length },
    at(text, 'Port of Lisk', 'ORG'),
    { ...at(text, 'Lisk is', 'ORG'), end: text.indexOf('Lisk is') + 'Lisk'.length },
  ]);
  assert.deepEqual([got[2]?.canonical, got[2]?.how], ['Kestrel Airways', 'short-form']);
  assert.deepEqual([got[3]?.canonical, got[3]?.how], ['Dornby', 'self']);
  assert.deepEqual([got[5]?.canonical, got[5]?.how], ['Lisk', 'self']);
});
