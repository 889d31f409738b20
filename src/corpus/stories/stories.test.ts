import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.js';
import { emptyCorpus } from '../../core/corpus.js';
import type { EntityMention } from '../../core/article.js';
import { findDuplicates } from '../duplicates/duplicates.js';
import { STORIES_DEFAULTS, clusterStories, topicVectors, weighFeatures } from './cluster-stories.js';
import { fixtureArticle } from './fixture-article.js';
import { storiesStage } from './stories.js';
import { articleFeatures, leadWordFeatures } from './article-features.js';

const ferry = [
  'MARENVALE (Northwire) - A ferry carrying 212 passengers ran aground off the Kestrel Islands on Tuesday, the coast guard said. At least 17 people were taken to hospital. The Aurora Pell struck a sandbank in heavy fog after leaving Dunmore.',
  'Passengers of the Aurora Pell described panic when the ferry hit a sandbank near the Kestrel Islands on Tuesday. Coast guard spokeswoman Ilse Varga said 17 people were treated in hospital and that fog had made rescue work slow.',
  'Bluewake Lines, operator of the Aurora Pell ferry, said all 212 passengers were brought ashore after the grounding off the Kestrel Islands. Investigators from the coast guard will examine why the ship lost steering in fog near Dunmore.',
];
const budget = [
  'Lawmakers in Velloran approved a budget raising the minimum pension by 4 percent after a late-night session. Finance minister Oskar Brandl said the increase would be funded by a levy on short-term rentals.',
  'The Velloran parliament passed Oskar Brandl\'s budget with a pension increase of 4 percent. The opposition Green Alliance said the rental levy in the budget was a tax on families and walked out of the session.',
];
// Two earthquakes: same kind of event, different places, dates, magnitudes and people.
const quakes = [
  'A magnitude 6.2 earthquake struck Port Selim on March 3, collapsing buildings and killing at least 40 people, mayor Rana Osei said. The quake\'s epicentre was 10 km deep, seismologists said, and aftershocks rattled the city as rescuers searched the rubble.',
  'Rescuers in Port Selim pulled survivors from collapsed buildings after the magnitude 6.2 earthquake of March 3. Mayor Rana Osei said 40 people were killed; seismologists recorded more than 30 aftershocks near the epicentre.',
  'A magnitude 5.4 earthquake struck Varnholt on July 19, collapsing buildings and injuring 12 people, governor Piet Lindqvist said. Seismologists put the epicentre 8 km deep, and aftershocks shook the valley as rescuers searched damaged homes.',
  'Rescuers in Varnholt checked collapsed buildings after the magnitude 5.4 earthquake of July 19. Governor Piet Lindqvist said 12 people were injured; seismologists recorded a dozen aftershocks near the epicentre above the dam.',
];

function corpusArticles() {
  return [...ferry, ...budget, ...quakes].map((text, i) =>
    fixtureArticle({ id: `a${String(i).padStart(2, '0')}`, text, meta: { published: `2031-10-1${i % 3}` } }),
  );
}

function membership(stories: readonly { articles: readonly string[] }[]): string[][] {
  return stories.map((s) => [...s.articles].sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

test('different stories stay apart and articles on one event come together', () => {
  const { stories } = clusterStories({ articles: corpusArticles() });
  assert.deepEqual(membership(stories), [
    ['a00', 'a01', 'a02'],
    ['a03', 'a04'],
    ['a05', 'a06'],
    ['a07', 'a08'],
  ]);
});

test('two earthquakes on different dates and places are two stories but one topic', () => {
  const { stories, topics } = clusterStories({ articles: corpusArticles() });
  const storyOf = (id: string): string | undefined => stories.find((s) => s.articles.includes(id))?.id;
  assert.notEqual(storyOf('a05'), storyOf('a07'));
  const topicOf = (id: string): number => topics.findIndex((t) => t.includes(storyOf(id) ?? ''));
  assert.equal(topicOf('a05'), topicOf('a07'));
  assert.notEqual(topicOf('a05'), topicOf('a00'));
});

test('a near-copy joins the story of its original', () => {
  const arts = corpusArticles();
  const copy = fixtureArticle({ id: 'copy', text: `Subscribe to our newsletter\n${quakes[0]}\nShare this article` });
  const all = [...arts, copy];
  const duplicates = findDuplicates(all, { shingleSize: 3, bands: 40, rows: 3, minJaccard: 0.5, minContainment: 0.8, minContainedShingles: 20 });
  assert.deepEqual(duplicates.map((d) => d.article), ['copy']);
  const { stories } = clusterStories({ articles: all, duplicates });
  const story = stories.find((s) => s.articles.includes('a05'));
  assert.ok(story?.articles.includes('copy'));
});

test('story ids follow first article order, titles are extracted text, and input order does not matter', () => {
  const arts = corpusArticles();
  const ctx = createContext();
  const forward = storiesStage.run(emptyCorpus(arts), ctx, storiesStage.defaults);
  const reversed = storiesStage.run(emptyCorpus([...arts].reverse()), ctx, storiesStage.defaults);
  assert.deepEqual(forward, reversed);
  const stories = forward.stories ?? [];
  assert.deepEqual(stories.map((s) => s.id), stories.map((_, i) => `s${i + 1}`));
  for (const s of stories) assert.ok(arts.some((a) => a.text.includes(s.title)), `title "${s.title}" is not extracted text`);
});

test('entity layers, when present, are used as features (and keep events apart)', () => {
  const texts = [
    'The storm reached the coast on Friday and the governor spoke.',
    'On Friday the governor spoke as the storm reached the coast.',
    'The storm reached the coast on Friday and the governor spoke again.',
    'The governor spoke on Friday after the storm reached the coast.',
  ];
  const who = ['Halvard Moen', 'Halvard Moen', 'Tova Strand', 'Tova Strand'];
  const arts = texts.map((text, i) => {
    const name = who[i] ?? '';
    const mention: EntityMention = { start: 0, end: 3, type: 'PERSON', canonical: name, how: 'self' };
    return fixtureArticle({ id: `g${i}`, text, layers: { entities: [mention, mention, mention] } });
  });
  // The four texts share every content word, so only the named people can tell the two pairs apart.
  const config = { ...STORIES_DEFAULTS, storyThreshold: 0.3 };
  assert.deepEqual(membership(clusterStories({ articles: arts }, config).stories), [['g0', 'g1'], ['g2', 'g3']]);
  const unnamed = texts.map((text, i) => fixtureArticle({ id: `g${i}`, text }));
  assert.deepEqual(membership(clusterStories({ articles: unnamed }, config).stories), [['g0', 'g1', 'g2', 'g3']]);
});

// Four outlets, four angles on one walkout: each pair shares a few names, but all four share the core of the story.
const walkout = [
  'Talks between the Corvel nurses\' union and hospital operator Medrana broke down on Monday. The meeting at the health ministry lasted 40 minutes, union officials said. "We will stay out until spring," union leader Ines Marrow told reporters. The strike has closed wards at Corvel General.',
  'Negotiations between the Corvel nurses\' union and Medrana collapsed on Monday. The meeting at the health ministry lasted three hours, according to a union statement. "We will stay out until spring," Ines Marrow said as she left the ministry.',
  'The Medrana chief executive Paul Seddon said the company\'s pay offer remained on the table. "A 3 percent rise is fair," Seddon said. The strike has closed wards at Corvel General. Talks broke down on Monday.',
  'There is no deal in the Corvel nurses\' strike. "A 3 percent rise is fair," Medrana chief executive Paul Seddon said on Monday. Around 900 nurses have joined the strike.',
];

test('a small corpus of four outlets on one event is one story (shared names are not discounted to nothing)', () => {
  const arts = walkout.map((text, i) => fixtureArticle({ id: `w${i}`, text, meta: { published: '2031-05-12' } }));
  const { stories } = clusterStories({ articles: arts });
  assert.deepEqual(membership(stories), [['w0', 'w1', 'w2', 'w3']]);
});

test('a name no other article had yet is left out in batch and kept at a reduced weight online', () => {
  const features = new Map([
    ['w:ferry', 2],
    ['e:orvik harbour', 3],
  ]);
  const df = new Map([
    ['w:ferry', 5],
    ['e:orvik harbour', 1],
  ]);
  const batch = weighFeatures(features, df, 100, STORIES_DEFAULTS);
  assert.deepEqual([...batch.keys()], ['w:ferry']);
  const full = weighFeatures(features, df, 100, { ...STORIES_DEFAULTS, newNameWeight: 1 });
  const online = weighFeatures(features, df, 100, { ...STORIES_DEFAULTS, newNameWeight: 0.3 });
  const ratio = (v: ReadonlyMap<string, number>): number => (v.get('e:orvik harbour') ?? 0) / (v.get('w:ferry') ?? 1);
  assert.ok(Math.abs(ratio(online) - 0.3 * ratio(full)) < 1e-9);
  // A word seen once stays out whatever the setting: only names mark a new event.
  assert.ok(!weighFeatures(new Map([['w:orvik', 1]]), new Map([['w:orvik', 1]]), 100, { ...STORIES_DEFAULTS, newNameWeight: 1 }).size);
});

test('in a corpus of a test split\'s size, a name most of one story\'s articles share keeps half the weight of a name two share', () => {
  // 100 articles: the names of one story (40 of its articles) against a name only two articles have. With the IDF of
  // the corpus alone (or a floor of 150, the setting before) the story's own names fell to under a third of it.
  const features = new Map([
    ['e:story name', 1],
    ['e:rare name', 1],
  ]);
  const df = new Map([
    ['e:story name', 40],
    ['e:rare name', 2],
  ]);
  const v = weighFeatures(features, df, 100, STORIES_DEFAULTS);
  const ratio = (v.get('e:story name') ?? 0) / (v.get('e:rare name') ?? 1);
  assert.ok(ratio >= 0.45 && ratio < 1, `ratio ${ratio}`);
  const before = weighFeatures(features, df, 100, { ...STORIES_DEFAULTS, idfMinDocuments: { word: 40, instance: 150 } });
  assert.ok((before.get('e:story name') ?? 0) / (before.get('e:rare name') ?? 1) < 0.35);
});

test('in a small corpus, dates and years keep the corpus\'s own frequencies: a day most articles name weighs less than a word two share', () => {
  // 10 articles, as in a served corpus's first hours: a day 6 of them name (resolved from "on Thursday"), the year all
  // 10 name, and a word only two share. Names keep their floor; dates and years are shared by all of a day's news.
  const features = new Map([
    ['d:2027-05-13', 1],
    ['y:2027', 1],
    ['w:quay', 1],
    ['e:brennick', 1],
  ]);
  const df = new Map([
    ['d:2027-05-13', 6],
    ['y:2027', 10],
    ['w:quay', 2],
    ['e:brennick', 2],
  ]);
  const v = weighFeatures(features, df, 10, STORIES_DEFAULTS);
  assert.ok((v.get('d:2027-05-13') ?? 0) < (v.get('w:quay') ?? 0), `date ${v.get('d:2027-05-13')} word ${v.get('w:quay')}`);
  assert.ok((v.get('y:2027') ?? 0) < 0.1 * (v.get('w:quay') ?? 0), `year ${v.get('y:2027')}`);
  assert.ok((v.get('e:brennick') ?? 0) > (v.get('w:quay') ?? 0), 'a name keeps its floor');
  // At the names' floor the shared day outweighed the word (the served UI joined a harbour accident to a ferry fire).
  const floored = weighFeatures(features, df, 10, { ...STORIES_DEFAULTS, idfMinDocuments: { ...STORIES_DEFAULTS.idfMinDocuments, time: STORIES_DEFAULTS.idfMinDocuments.instance } });
  assert.ok((floored.get('d:2027-05-13') ?? 0) > (floored.get('w:quay') ?? 0));
});

test('topic vectors: two stories of one kind share lead and body words; a story of another kind stays below the threshold', () => {
  const arts = corpusArticles();
  const groups = [[0, 1, 2], [5, 6], [7, 8]].map((g) => g.map((i) => arts[i]!));
  const vectors = topicVectors(groups, groups.map((g) => g.map((a) => articleFeatures(a))), STORIES_DEFAULTS);
  const cos = (a: number, b: number): number => [...vectors[a]!].reduce((s, [k, w]) => s + w * (vectors[b]!.get(k) ?? 0), 0);
  assert.ok(cos(1, 2) >= STORIES_DEFAULTS.topicThreshold, `quakes ${cos(1, 2)}`);
  assert.ok(cos(0, 1) < STORIES_DEFAULTS.topicThreshold && cos(0, 1) < cos(1, 2) / 2, `ferry-quake ${cos(0, 1)}`);
  assert.ok([...vectors[1]!.keys()].some((k) => k.startsWith('lead:')));
});

test('lead words come from the title and the first sentences only, without numbers or names of other families', () => {
  const text = 'Fire destroys old mill. Crews fought 3 blazes overnight. Later a ferry sank near the harbour.';
  const article = fixtureArticle({
    text,
    meta: { title: 'Mill burns' },
    layers: { sentences: [{ start: 0, end: 23 }, { start: 24, end: 56 }, { start: 57, end: text.length }] },
  });
  const lead = leadWordFeatures(article, 2);
  for (const k of ['w:fire', 'w:mill', 'w:burn', 'w:crew']) assert.ok([...lead.keys()].some((key) => key.startsWith(k)), `${k} in the lead`);
  assert.ok(![...lead.keys()].some((k) => k.startsWith('w:ferr') || k.startsWith('w:harbour')), 'the third sentence is not part of the lead');
  assert.ok([...lead.keys()].every((k) => k.startsWith('w:')), 'only content words');
  assert.ok([...leadWordFeatures(article, 3).keys()].some((k) => k.startsWith('w:ferr')));
});
