import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities, isTitleCaseHeadline, sentenceCase } from './entities.js';
import { splitParagraphs, splitSentences } from '../sentences/sentences.js';
import type { EntityMention } from '../../core/article.js';

function entities(text: string): (EntityMention & { text: string })[] {
  const sentences = splitParagraphs(text).flatMap((p) => splitSentences(text, p));
  return findEntities(text, sentences).map((m) => ({ ...m, text: text.slice(m.start, m.end) }));
}

function find(list: ReturnType<typeof entities>, text: string): ReturnType<typeof entities>[number] | undefined {
  return list.find((m) => m.text === text);
}

test('every spelling of Zelensky is a person, and Kyiv a place, in a wire-style lede', () => {
  const text =
    'KYIV, March 3 (Reuters) - Ukrainian President Volodymyr Zelenskiy said on Monday that talks with Washington would resume. ' +
    'Zelenskyy, speaking in Kyiv, thanked British Prime Minister Keir Starmer. Later, Zelensky travelled to Lviv.';
  const got = entities(text);
  for (const name of ['Zelenskiy', 'Zelenskyy', 'Zelensky', 'Keir Starmer']) {
    const m = got.find((e) => e.text.includes(name));
    assert.equal(m?.type, 'PERSON', `${name}: ${JSON.stringify(got)}`);
  }
  assert.equal(find(got, 'Kyiv')?.type, 'LOC');
  assert.equal(find(got, 'Lviv')?.type, 'LOC');
});

test('front-line towns and Mexico\'s president come out right', () => {
  const text =
    'Russian forces pressed towards Bakhmut after taking Avdiivka, the Ukrainian military said. ' +
    'In Mexico City, President Claudia Sheinbaum said Sheinbaum\'s government would not comment.';
  const got = entities(text);
  assert.equal(find(got, 'Bakhmut')?.type, 'LOC');
  assert.equal(find(got, 'Avdiivka')?.type, 'LOC');
  assert.equal(find(got, 'Claudia Sheinbaum')?.type, 'PERSON');
  const bare = got.find((m) => m.text === 'Sheinbaum');
  assert.equal(bare?.canonical, 'Claudia Sheinbaum');
});

test('a possessive yields the bare name: "Kyiv\'s" -> Kyiv', () => {
  const got = entities("Kyiv's mayor said the city's power grid held overnight.");
  assert.ok(find(got, 'Kyiv'), JSON.stringify(got));
  assert.ok(!got.some((m) => m.text.endsWith("'s")));
});

test('titled and bare surnames resolve to the full name in the same article', () => {
  const text =
    'US President Donald Trump on Tuesday signed the order at the White House. ' +
    'President Trump told reporters the deal was close. Trump later left for Florida.';
  const got = entities(text).filter((m) => m.text === 'Trump');
  assert.equal(got.length, 2, JSON.stringify(got));
  for (const m of got) assert.equal(m.canonical, 'Donald Trump');
  assert.deepEqual(got.map((m) => m.how), ['title', 'surname']);
});

test('"the spokesman" is anchored to the named presidential spokesman', () => {
  const text =
    'Kremlin spokesman Dmitry Peskov told reporters on Friday that no meeting was planned. ' +
    'The talks were "premature", the spokesman added.';
  const got = entities(text);
  const role = got.find((m) => m.how === 'role');
  assert.equal(role?.text, 'spokesman');
  assert.equal(role?.canonical, 'Dmitry Peskov');
});

test('an acronym takes the expansion written earlier in the article', () => {
  const text = 'Ministers of the North Atlantic Treaty Organization met in Brussels. NATO said it would send more troops.';
  const got = entities(text);
  assert.equal(find(got, 'NATO')?.canonical, 'North Atlantic Treaty Organization');
  assert.equal(find(got, 'NATO')?.how, 'acronym');
});

test('offsets slice back to the mention text exactly', () => {
  const text = 'The Pentagon said on Sunday that U.S. troops in Poland would stay.\nNATO Secretary-General Mark Rutte agreed.';
  for (const m of entities(text)) assert.equal(text.slice(m.start, m.end).trim(), text.slice(m.start, m.end));
});

test('a title-case headline is read as a headline, not as one long name', () => {
  assert.ok(isTitleCaseHeadline(['Ellen', 'DeGeneres', 'To', 'Host', 'Oscars']));
  assert.ok(!isTitleCaseHeadline(['Ellen', 'DeGeneres', 'will', 'host', 'the', 'Oscars']));
  assert.deepEqual(sentenceCase([['Ellen', 'DeGeneres', 'To', 'Host', 'Oscars', 'Again'], ['Ellen', 'DeGeneres', 'will', 'host', 'the', 'Oscars', 'again']])[0], [
    'Ellen', 'DeGeneres', 'to', 'host', 'Oscars', 'again',
  ]);
  const text = 'Ellen DeGeneres To Host Oscars Again\nEllen DeGeneres will host the Academy Awards in March, the academy said again.';
  const got = entities(text);
  assert.ok(!got.some((m) => m.text.includes('Host')), JSON.stringify(got));
});
