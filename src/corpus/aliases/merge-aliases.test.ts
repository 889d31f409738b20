import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeAliases, type AliasMention } from './merge-aliases.js';
import type { EntityType } from '../../core/article.js';

function m(article: string, canonical: string, type: EntityType, surface = canonical, how = 'self'): AliasMention {
  return { article, canonical, type, surface, how };
}

function clusterOf(clusters: ReturnType<typeof mergeAliases>, index: number): number {
  return clusters.findIndex((c) => c.mentions.includes(index));
}

test('Zelensky, Zelenskiy and Zelenskyy from three outlets are one person, with reasons', () => {
  const ms = [
    m('a1', 'Volodymyr Zelensky', 'PERSON'),
    m('a2', 'Volodymyr Zelenskiy', 'PERSON'),
    m('a3', 'Volodymyr Zelenskyy', 'PERSON'),
    m('a3', 'Volodymyr Zelenskyy', 'PERSON', 'Zelenskyy', 'surname'),
  ];
  const clusters = mergeAliases(ms);
  assert.equal(clusters.length, 1);
  const c = clusters[0]!;
  assert.deepEqual([...c.aliases].sort(), ['Volodymyr Zelenskiy', 'Volodymyr Zelenskyy', 'Zelenskyy'].filter((a) => a !== c.name).concat(c.name === 'Volodymyr Zelensky' ? [] : ['Volodymyr Zelensky']).sort());
  assert.ok(c.merges.some((x) => x.reason.startsWith('translit-key')), JSON.stringify(c.merges));
  assert.ok(c.merges.some((x) => x.alias === 'Zelenskyy' && x.reason.includes('surname')));
});

test('Kyiv/Kiev, Kharkiv/Kharkov and Odesa/Odessa merge as exonyms; Starmer and Sheinbaum stand alone', () => {
  const ms = [
    m('a1', 'Kyiv', 'LOC'), m('a2', 'Kiev', 'LOC'), m('a1', 'Kharkiv', 'LOC'), m('a2', 'Kharkov', 'LOC'),
    m('a1', 'Odesa', 'LOC'), m('a2', 'Odessa', 'LOC'), m('a1', 'Keir Starmer', 'PERSON'), m('a2', 'Claudia Sheinbaum', 'PERSON'),
    m('a2', 'Bakhmut', 'LOC'), m('a3', 'Artemovsk', 'LOC'), m('a3', 'Avdiivka', 'LOC'),
  ];
  const c = mergeAliases(ms);
  assert.equal(clusterOf(c, 0), clusterOf(c, 1));
  assert.equal(clusterOf(c, 2), clusterOf(c, 3));
  assert.equal(clusterOf(c, 4), clusterOf(c, 5));
  assert.equal(clusterOf(c, 8), clusterOf(c, 9));
  assert.notEqual(clusterOf(c, 0), clusterOf(c, 2));
  assert.notEqual(clusterOf(c, 10), clusterOf(c, 8));
  const kyiv = c[clusterOf(c, 0)]!;
  assert.equal(kyiv.name, 'Kyiv');
  assert.deepEqual(kyiv.merges, [{ alias: 'Kiev', reason: 'exonym: Kiev ~ Kyiv' }]);
  assert.equal(c.length, 7);
});

test('organisation synonyms and acronyms merge: Pentagon / Defense Department, Élysée / French presidency, NATO', () => {
  const ms = [
    m('a1', 'Pentagon', 'ORG'), m('a2', 'U.S. Defense Department', 'ORG'), m('a3', 'Department of Defense', 'ORG'),
    m('a1', 'Élysée', 'ORG'), m('a2', 'French presidency', 'ORG'),
    m('a1', 'NATO', 'ORG'), m('a2', 'North Atlantic Treaty Organization', 'ORG'), m('a3', 'Nato', 'ORG'),
    m('a1', 'OSCE', 'ORG'), m('a2', 'Organization for Security and Co-operation in Europe', 'ORG'),
  ];
  const c = mergeAliases(ms);
  assert.equal(new Set([0, 1, 2].map((i) => clusterOf(c, i))).size, 1);
  assert.equal(clusterOf(c, 3), clusterOf(c, 4));
  assert.equal(new Set([5, 6, 7].map((i) => clusterOf(c, i))).size, 1);
  assert.notEqual(clusterOf(c, 0), clusterOf(c, 3));
  const osce = c[clusterOf(c, 8)]!;
  assert.equal(clusterOf(c, 9), clusterOf(c, 8));
  assert.ok(osce.merges.some((x) => x.reason.startsWith('acronym')), JSON.stringify(osce.merges));
});

test('Washington the city and Washington the government stay apart', () => {
  const c = mergeAliases([m('a1', 'Washington', 'LOC'), m('a2', 'Washington', 'ORG'), m('a3', 'Washington', 'ORG')]);
  assert.equal(c.length, 2);
  assert.deepEqual(c.map((x) => x.type).sort(), ['LOC', 'ORG']);
});

test('two people sharing a surname stay apart; a bare surname joins the one whose context agrees', () => {
  const ms = [
    m('a1', 'Donald Trump', 'PERSON'), m('a1', 'White House', 'ORG'),
    m('a2', 'Melania Trump', 'PERSON'), m('a2', 'Be Best', 'MISC'),
    m('a3', 'Trump', 'PERSON'), m('a3', 'White House', 'ORG'),
  ];
  const c = mergeAliases(ms);
  assert.notEqual(clusterOf(c, 0), clusterOf(c, 2));
  assert.equal(clusterOf(c, 4), clusterOf(c, 0));
  assert.ok(c[clusterOf(c, 0)]!.merges.some((x) => x.reason.startsWith('surname-context')));
});

test('a bare surname with two candidates and no shared context is left alone, not guessed', () => {
  const ms = [
    m('a1', 'Donald Trump', 'PERSON'), m('a1', 'White House', 'ORG'),
    m('a2', 'Melania Trump', 'PERSON'), m('a2', 'Be Best', 'MISC'),
    m('a3', 'Trump', 'PERSON'), m('a3', 'Mar-a-Lago', 'LOC'),
  ];
  const c = mergeAliases(ms);
  assert.equal(c.length, 6);
});

test('output is deterministic: most mentions first, then name', () => {
  const ms = [m('a1', 'Odesa', 'LOC'), m('a2', 'Bakhmut', 'LOC'), m('a3', 'Bakhmut', 'LOC')];
  const a = mergeAliases(ms);
  assert.deepEqual(a.map((x) => x.name), ['Bakhmut', 'Odesa']);
  assert.deepEqual(mergeAliases(ms), a);
});

test('a bare given name or short organisation name joins its only long form when the articles overlap', () => {
  const ms = [
    m('a1', 'Ellen DeGeneres', 'PERSON'), m('a1', 'Academy of Motion Picture Arts and Sciences', 'ORG'), m('a1', 'Oscars', 'MISC'),
    m('a2', 'Ellen', 'PERSON'), m('a2', 'Academy', 'ORG'), m('a2', 'Oscars', 'MISC'),
    m('a3', 'Academy', 'ORG'),
  ];
  const c = mergeAliases(ms);
  assert.equal(clusterOf(c, 3), clusterOf(c, 0));
  assert.equal(clusterOf(c, 4), clusterOf(c, 1));
  assert.ok(c[clusterOf(c, 0)]!.merges.some((x) => x.reason.startsWith('given-name')));
});

test('a bare given name with no shared context stays apart', () => {
  const c = mergeAliases([m('a1', 'Ellen DeGeneres', 'PERSON'), m('a1', 'Oscars', 'MISC'), m('a2', 'Ellen', 'PERSON'), m('a2', 'Vermont', 'LOC')]);
  assert.notEqual(clusterOf(c, 2), clusterOf(c, 0));
});

test('a name the tagger typed two ways joins its majority type, ties going to PERSON; LOC never moves', () => {
  const c = mergeAliases([
    m('a1', 'Vishwanand Subryan', 'PERSON'), m('a2', 'Vishwanand Subryan', 'ORG'),
    m('a1', 'Reuters', 'ORG'), m('a2', 'Reuters', 'ORG'), m('a3', 'Reuters', 'MISC'),
    m('a1', 'Jordan', 'LOC'), m('a2', 'Jordan', 'PERSON'),
  ]);
  assert.equal(clusterOf(c, 0), clusterOf(c, 1));
  assert.equal(c[clusterOf(c, 0)]!.type, 'PERSON');
  assert.equal(clusterOf(c, 2), clusterOf(c, 4));
  assert.notEqual(clusterOf(c, 5), clusterOf(c, 6));
});

test('middle initials and generational suffixes do not split a person', () => {
  const c = mergeAliases([m('a1', 'Anthony LaCalamita III', 'PERSON'), m('a2', 'Anthony LaCalamita', 'PERSON'), m('a3', 'Raj K. Chohan', 'PERSON'), m('a4', 'Raj Chohan', 'PERSON')]);
  assert.equal(c.length, 2);
});

test('titled surfaces are not aliases; a bare given name is one only when an article uses it alone', () => {
  const ms = [
    m('a1', 'Oksana Bilotserkivska', 'PERSON', 'Governor Oksana Bilotserkivska'),
    m('a2', 'Oksana Bilotserkivska', 'PERSON', 'Gov. Oksana Bilotserkivska'),
    m('a2', 'Oksana Bilotserkivska', 'PERSON', 'Bilotserkivska', 'title'),
  ];
  const [c] = mergeAliases(ms);
  assert.equal(c?.name, 'Oksana Bilotserkivska');
  assert.deepEqual(c?.aliases, ['Bilotserkivska']);
  const withGiven = mergeAliases([...ms, m('a3', 'Oksana Bilotserkivska', 'PERSON', 'Oksana', 'given-name')]);
  assert.deepEqual(withGiven[0]?.aliases, ['Bilotserkivska', 'Oksana']);
});
