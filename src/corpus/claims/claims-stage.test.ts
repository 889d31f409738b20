import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../core/article.js';
import { emptyCorpus, type Claim, type CorpusResult } from '../../core/corpus.js';
import { buildArticle } from '../../../test/stories/build-article.js';
import { CLAIMS_DEFAULTS, extractClaims } from './claims-stage.js';
import { analyzeTexts } from '../../../test/helpers/corpus.js';

function corpusOf(articles: Article[], duplicates: CorpusResult['duplicates'] = []): CorpusResult {
  return { ...emptyCorpus(articles), duplicates, stories: [{ id: 's1', title: 'T', articles: articles.map((a) => a.id), events: [] }] };
}

function claimWith(claims: readonly Claim[], text: string): Claim {
  const hit = claims.find((c) => c.summary.includes(text));
  if (!hit) throw new Error(`no claim with "${text}" in ${claims.map((c) => c.summary).join(' | ')}`);
  return hit;
}

test('two outlets saying the same thing are one corroborated claim; compatible counts are not flagged', () => {
  const a = buildArticle({
    id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T09:00',
    text: 'At least 17 people were killed when the Corran ferry capsized near Port Alder.',
    quantities: [{ text: 'At least 17 people', value: 17, low: 17, high: null, unit: 'people', qualifier: 'at-least' }],
    entities: [{ text: 'Port Alder', type: 'LOC' }],
  });
  const b = buildArticle({
    id: 'a2', outlet: 'Valley Courier', published: '2026-03-14T09:20',
    text: 'More than a dozen people died after the Corran ferry capsized off Port Alder.',
    quantities: [{ text: 'More than a dozen people', value: 12, low: 12, high: null, unit: 'people', qualifier: 'more-than' }],
    entities: [{ text: 'Port Alder', type: 'LOC' }],
  });
  const claims = extractClaims(corpusOf([a, b]));
  assert.equal(claims.length, 1);
  const [c] = claims;
  assert.equal(c?.status, 'corroborated');
  assert.deepEqual(c?.outlets, ['Harbour Post', 'Valley Courier']);
  assert.equal(c?.id, 'c1');
  assert.deepEqual(c?.conflicts, []);
});

test('"30 minutes" vs "almost two hours" about the same meeting is a number conflict cited both ways', () => {
  const a = buildArticle({
    id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T09:00',
    text: 'The meeting between Mayor Ilse Varga and the port union lasted 30 minutes.',
    quantities: [{ text: '30 minutes', value: 30, low: 30, high: 30, unit: 'minutes', qualifier: 'exact' }],
    entities: [{ text: 'Ilse Varga', type: 'PERSON' }],
  });
  const b = buildArticle({
    id: 'a2', outlet: 'Valley Courier', published: '2026-03-14T09:10',
    text: 'The meeting between Mayor Ilse Varga and the port union lasted almost two hours.',
    quantities: [{ text: 'almost two hours', value: 2, low: null, high: 2, unit: 'hours', qualifier: 'nearly' }],
    entities: [{ text: 'Ilse Varga', type: 'PERSON' }],
  });
  const claims = extractClaims(corpusOf([a, b]));
  assert.equal(claims.length, 2);
  const [c1, c2] = claims;
  assert.equal(c1?.status, 'disputed');
  assert.equal(c2?.status, 'disputed');
  assert.equal(c1?.conflicts[0]?.kind, 'number');
  assert.equal(c1?.conflicts[0]?.claim, 'c2');
  assert.equal(c2?.conflicts[0]?.claim, 'c1');
  // The disputed figures, each with the clause that says what they measure.
  assert.equal(
    c1?.conflicts[0]?.explanation,
    'Harbour Post gives "30 minutes" ("The meeting between Mayor Ilse Varga and the port union lasted 30 minutes.") where Valley Courier gives "almost two hours" ("The meeting between Mayor Ilse Varga and the port union lasted almost two hours."); these figures do not overlap.',
  );
  assert.deepEqual(c1?.conflicts[0]?.cites.map((x) => x.article), ['a1', 'a2']);
});

test('a toll rising between morning and evening reports is an evolution, not a dispute', () => {
  const mk = (id: string, outlet: string, published: string, n: string, v: number): Article =>
    buildArticle({
      id, outlet, published,
      text: `${n} people were killed in the fire at the Brenna textile plant.`,
      quantities: [{ text: `${n} people`, value: v, low: v, high: v, unit: 'people', qualifier: 'exact' }],
    });
  const claims = extractClaims(corpusOf([mk('a1', 'Harbour Post', '2026-03-14T07:40', 'One', 1), mk('a2', 'Valley Courier', '2026-03-14T15:00', '24', 24)]));
  assert.equal(claims.length, 1);
  assert.equal(claims[0]?.evolution?.text, 'rose from 1 to 24 between 07:40 and 15:00');
  assert.notEqual(claims[0]?.status, 'disputed');
});

test('the same toll differing in reports of the same moment is a dispute', () => {
  const mk = (id: string, outlet: string, n: number): Article =>
    buildArticle({
      id, outlet, published: '2026-03-14T15:00',
      text: `${n} people were killed in the fire at the Brenna textile plant.`,
      quantities: [{ text: `${n} people`, value: n, low: n, high: n, unit: 'people', qualifier: 'exact' }],
    });
  const claims = extractClaims(corpusOf([mk('a1', 'Harbour Post', 24), mk('a2', 'Valley Courier', 31)]));
  assert.equal(claims.length, 2);
  assert.ok(claims.every((c) => c.status === 'disputed' && c.conflicts[0]?.kind === 'number'));
});

test('negation, superlative and ordering disagreements get their own kinds', () => {
  const negA = 'The pension reform was on the agenda of the Tuesday cabinet session in Lismore.';
  const negB = 'The pension reform was not on the agenda of the Tuesday cabinet session in Lismore.';
  const supA = 'Organisers called the Lismore march one of the largest protests in the region since 1990.';
  const supB = 'Organisers called the Lismore march the largest protests in the region since 1990.';
  const ordA = 'Finance minister Arno Kell resigned before the vote on the Lismore budget.';
  const ordB = 'Finance minister Arno Kell resigned hours after the vote on the Lismore budget.';
  const a = buildArticle({ id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T09:00', text: `${negA}\n${supA}\n${ordA}` });
  const b = buildArticle({ id: 'a2', outlet: 'Valley Courier', published: '2026-03-14T09:05', text: `${negB}\n${supB}\n${ordB}` });
  const claims = extractClaims(corpusOf([a, b]));
  const kinds = new Set(claims.flatMap((c) => c.conflicts.map((k) => k.kind)));
  assert.deepEqual([...kinds].sort(), ['negation', 'sequence', 'superlative']);
  assert.equal(claims.length, 6);
  assert.ok(claimWith(claims, 'was not on the agenda').conflicts.some((k) => k.kind === 'negation'));
});

test('wire copies count once: two outlets crediting one agency stay single-source', () => {
  const text = 'Customs officers seized 40 tonnes of counterfeit fertiliser at the Brenna border crossing.';
  const a = buildArticle({ id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T09:00', text, credits: ['Meridian Press'] });
  const b = buildArticle({ id: 'a2', outlet: 'Valley Courier', published: '2026-03-14T09:30', text, credits: ['Meridian Press'] });
  const c = buildArticle({ id: 'a3', outlet: null, path: 'in/north-gazette.txt', published: '2026-03-14T10:00', text });
  const two = extractClaims(corpusOf([a, b]));
  assert.equal(two[0]?.independentSources, 1);
  assert.equal(two[0]?.status, 'single-source');
  const three = extractClaims(corpusOf([a, b, c]));
  assert.equal(three[0]?.independentSources, 2);
  assert.equal(three[0]?.status, 'corroborated');
  assert.deepEqual(three[0]?.outlets, ['Harbour Post', 'Valley Courier', 'north-gazette.txt']);
});

test('the same utterance worded differently is a quote conflict naming the changed words', () => {
  const a = buildArticle({
    id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T09:00',
    text: '"We will not sign it this week," union leader Dara Holm said of the port contract.',
    quotes: [{ text: '"We will not sign it this week,"', speakerName: 'Dara Holm' }],
    entities: [{ text: 'Dara Holm', type: 'PERSON' }],
  });
  const b = buildArticle({
    id: 'a2', outlet: 'Valley Courier', published: '2026-03-14T09:30',
    text: '"We will not sign it at all," union leader Dara Holm said of the port contract.',
    quotes: [{ text: '"We will not sign it at all,"', speakerName: 'Dara Holm' }],
    entities: [{ text: 'Dara Holm', type: 'PERSON' }],
  });
  const claims = extractClaims(corpusOf([a, b]));
  const conflict = claims[0]?.conflicts[0];
  assert.equal(conflict?.kind, 'quote');
  // Both wordings in full, then the words that differ; no arrow a Markdown or HTML renderer would mangle.
  assert.equal(
    conflict?.explanation,
    'Harbour Post quotes "We will not sign it this week" where Valley Courier quotes "We will not sign it at all" (words that differ: "this week" / "at all").',
  );
});

test('every mention slices back to its clause and ids are deterministic', () => {
  const text = 'Rescuers reached the Corran mine at dawn; two miners were still missing, and officials said the shaft had flooded.';
  const a = buildArticle({ id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T09:00', text });
  const first = extractClaims(corpusOf([a]));
  const second = extractClaims(corpusOf([a]));
  assert.deepEqual(first, second);
  assert.deepEqual(first.map((c) => text.slice(c.mentions[0]?.start, c.mentions[0]?.end)), [
    'Rescuers reached the Corran mine at dawn',
    'two miners were still missing',
    'officials said the shaft had flooded.',
  ]);
});

test('a dateline made only of time expressions is not a claim', () => {
  const text = 'Sun, 15 Sep 2013\nRescuers reached the Corran mine at dawn on Sunday.';
  const a = buildArticle({ id: 'a1', outlet: 'Harbour Post', published: '2013-09-15T09:00', text, times: [{ text: 'Sun, 15 Sep 2013', value: '2013-09-15' }] });
  const claims = extractClaims(corpusOf([a]));
  assert.deepEqual(claims.map((c) => c.summary), ['Rescuers reached the Corran mine at dawn on Sunday.']);
});

test('a loosely worded denial still disputes the plain statement it links to (regression: read as corroboration)', () => {
  const corpus = analyzeTexts([
    { path: 'herald.txt', text: 'date 2026-03-11 09:30 Harbour Herald\nPump blaze\n\nMayor Olga Brandt, who has run the town since 2019, said the flood alarm at the station was working when the river burst its banks.\n' },
    { path: 'gazette.txt', text: 'date 2026-03-11 11:00 Valley Gazette\nPump blaze\n\nAccording to the engineers, the flood alarm on the lower weir was not working when the river burst its banks.\n' },
  ]);
  const alarm = corpus.claims.filter((c) => /flood alarm/.test(c.summary));
  assert.equal(alarm.length, 2, JSON.stringify(alarm.map((c) => c.summary)));
  assert.ok(alarm.every((c) => c.status === 'disputed' && c.conflicts.some((k) => k.kind === 'negation')));
});

test('a toll given in a participial lead and restated later is an evolving figure, not a dispute or a superlative group', () => {
  const corpus = analyzeTexts([
    {
      path: 'wire.txt',
      text: 'date 2026-05-03 06:30 Coastline Wire\nLandslide on Kestrel road\n\nA landslide buried the mountain road above Kestrel Falls on Sunday night, trapping at least 12 drivers and killing two people, the regional police said.\n\nRescue teams worked through the night with floodlights.\n',
    },
    {
      path: 'tribune.txt',
      text: 'date 2026-05-03 13:10 Upland Tribune\nKestrel landslide toll rises to four\n\nFour people were killed in Sunday night\'s landslide above Kestrel Falls after two drivers died in hospital on Monday, according to the regional police.\n\nThe landslide was the worst on the Kestrel road in the history of the valley, local officials said.\n',
    },
  ]);
  const toll = corpus.claims.filter((c) => c.evolution);
  assert.equal(toll.length, 1, JSON.stringify(corpus.claims.map((c) => [c.summary, c.status, c.evolution?.text])));
  assert.equal(toll[0]?.evolution?.text, 'rose from 2 to 4 between 06:30 and 13:10');
  assert.deepEqual(toll[0]?.conflicts, []);
  // The toll mentions are the exact clauses, not the whole lead.
  const texts = toll[0]?.mentions.map((m) => corpus.articles.find((a) => a.id === m.article)?.text.slice(m.start, m.end)) ?? [];
  assert.ok(texts.some((t) => t?.startsWith('killing two people')), JSON.stringify(texts));
  assert.ok(!texts.some((t) => /worst/.test(t ?? '')), 'the superlative sentence is another claim');
});

test('two accounts of when the same event happened align through its frame though they share few words', () => {
  const corpus = analyzeTexts([
    {
      path: 'courier.txt',
      text: 'date 2026-05-03 18:00 Upland Courier\nOrrin dam fails\n\nThe Orrin dam collapsed in the Tamar valley on Sunday, the water board said.\nThe dam collapsed shortly after 6 p.m. as fishermen were packing up.\nThe Orrin dam had been repaired in 2021.\n',
    },
    {
      path: 'wire.txt',
      text: 'date 2026-05-04 09:00 Coastline Wire\nOrrin dam failure floods farms\n\nThe Orrin dam in the Tamar valley collapsed, flooding farms, the water board said.\nThe dam collapsed at around 8 a.m., when the valley was still asleep.\n',
    },
  ]);
  const timed = corpus.claims.filter((c) => c.conflicts.some((k) => k.kind === 'time'));
  assert.equal(timed.length, 2, JSON.stringify(corpus.claims.map((c) => [c.summary, c.status])));
  assert.ok(timed.some((c) => /6 p\.m\./.test(c.summary)) && timed.some((c) => /8 a\.m\./.test(c.summary)));
});

test('an evolving toll is summarised by its latest whole sentence; calls to the reader are not claims', () => {
  const corpus = analyzeTexts([
    {
      path: 'wire.txt',
      text: 'date 2026-05-03 06:30 Coastline Wire\nLandslide on Kestrel road\n\nA landslide buried the mountain road above Kestrel Falls on Sunday night, trapping at least 12 drivers and killing two people, the regional police said.\n',
    },
    {
      path: 'tribune.txt',
      text: "date 2026-05-03 13:10 Upland Tribune\nKestrel landslide toll rises to four\n\nFour people were killed in Sunday night's landslide above Kestrel Falls after two drivers died in hospital on Monday, according to the regional police.\n\nListen to the full report on Upland Radio at 6 p.m.\n",
    },
  ]);
  const toll = corpus.claims.find((c) => c.evolution);
  assert.match(toll?.summary ?? '', /^Four people were killed/);
  assert.ok(!corpus.claims.some((c) => /Listen to/.test(c.summary)), JSON.stringify(corpus.claims.map((c) => c.summary)));
});

test('a disputed claim is summarised by the passage in dispute, not by a member that never names the disputed day', () => {
  const corpus = analyzeTexts([
    { path: 'post.txt', text: 'date 2026-05-05 09:00 Harbour Post\nFerry fire\n\nAt least 17 people were injured in the ferry fire at Port Alder.\n' },
    { path: 'news.txt', text: 'date 2026-05-05 10:00 Eastline News\nFerry fire\n\nSeventeen people were injured in the ferry fire at Port Alder on Sunday evening.\n' },
    { path: 'daily.txt', text: 'date 2026-05-05 11:00 Coastal Daily\nFerry fire\n\nAt least 17 people were injured in the ferry fire at Port Alder on Monday evening.\n' },
  ]);
  const disputed = corpus.claims.filter((c) => c.conflicts.some((k) => k.kind === 'time'));
  assert.equal(disputed.length, 2, JSON.stringify(corpus.claims.map((c) => [c.summary, c.status])));
  for (const claim of disputed) {
    const mine = claim.conflicts[0]?.cites[0];
    const article = corpus.articles.find((a) => a.id === mine?.article);
    assert.equal(claim.summary, article?.text.slice(mine?.start ?? 0, mine?.end ?? 0).trim());
    assert.match(claim.summary, /Sunday|Monday/);
  }
});

test('a casualty count framed like the story\'s own but set in another place or month is background, not a conflicting figure', () => {
  const a = buildArticle({
    id: 'a1', outlet: 'Harbour Post', published: '2026-03-10T09:00',
    text: 'Two people were killed when the market hall roof fell in Dunmore on Monday.',
    quantities: [{ text: 'Two people', value: 2, low: 2, high: 2, unit: 'people', qualifier: 'exact' }],
    entities: [{ text: 'Dunmore', type: 'LOC' }],
    times: [{ text: 'Monday', value: '2026-03-09' }],
  });
  const b = buildArticle({
    id: 'a2', outlet: 'Valley Courier', published: '2026-03-10T09:30',
    text: 'In February, a crane collapse killed five people at a building site in Port Alder.',
    quantities: [{ text: 'five people', value: 5, low: 5, high: 5, unit: 'people', qualifier: 'exact' }],
    entities: [{ text: 'Port Alder', type: 'LOC' }],
    times: [{ text: 'February', value: '2026-02' }],
  });
  const claims = extractClaims(corpusOf([a, b]));
  assert.deepEqual(claims.flatMap((c) => c.conflicts.map((k) => k.explanation)), []);
  assert.equal(claims.length, 2);
});

test('rankings and orderings worded with near-synonyms are compared (regression: too few shared words, never aligned)', () => {
  const a = buildArticle({
    id: 'a1', outlet: 'Meridian Wire', published: '2026-04-09T18:00',
    text: 'Missiles pounded Calvera while the two presidents spoke by phone.\nOfficials called it one of the largest air assaults on the capital.',
  });
  const b = buildArticle({
    id: 'a2', outlet: 'Coastal Herald', published: '2026-04-09T21:00',
    text: 'The bombardment of Calvera came hours after the call.\nIt was the biggest drone attack yet, the air force said.',
  });
  const claims = extractClaims(corpusOf([a, b]));
  assert.deepEqual(claimWith(claims, 'while the two presidents').conflicts.map((k) => k.kind), ['sequence']);
  assert.deepEqual(claimWith(claims, 'one of the largest air assaults').conflicts.map((k) => k.kind), ['superlative']);
});

test('figures of one measure of one event conflict even when the clauses are worded too differently to group', () => {
  const a = buildArticle({
    id: 'a1', outlet: 'Harbour Post', published: null,
    text: 'A 36-year-old skier from Port Alder died on Friday after he fell about 150 metres at Brenna Peak.',
    quantities: [{ text: 'about 150 metres', value: 150, low: null, high: null, unit: 'metres', qualifier: 'about' }],
  });
  const b = buildArticle({
    id: 'a2', outlet: 'Valley Courier', published: null,
    text: 'Rescuers said the skier slipped on ice near the hut and fell some 60 metres down a steep gully.',
    quantities: [{ text: 'some 60 metres', value: 60, low: null, high: null, unit: 'metres', qualifier: 'about' }],
  });
  const claims = extractClaims(corpusOf([a, b]));
  assert.equal(claims.length, 2);
  assert.equal(claims[0]?.conflicts[0]?.kind, 'number');
  assert.equal(claims[1]?.conflicts[0]?.claim, 'c1');
  // The pass can be turned off; then the two clauses are just two claims.
  const off = extractClaims(corpusOf([a, b]), { ...CLAIMS_DEFAULTS, numberScore: 1 });
  assert.deepEqual(off.map((c) => c.conflicts.length), [0, 0]);
});

test('falls in feet and metres compare after conversion; figures an order of magnitude apart are two falls', () => {
  const fall = (id: string, outlet: string, text: string, figure: string, value: number, unit: string, qualifier: 'exact' | 'about') =>
    buildArticle({
      id, outlet, published: null, text,
      quantities: [{ text: figure, value, low: qualifier === 'about' ? value * 0.9 : value, high: qualifier === 'about' ? value * 1.1 : value, unit, qualifier }],
    });
  const feet = fall('a1', 'Harbour Post', 'Tomas Ferrin slipped near the saddle and fell about 2,000ft to his death.', 'about 2,000ft', 2000, 'foot', 'about');
  const metres = fall('a2', 'Valley Courier', 'Rescuers said Tomas Ferrin slipped and fell some 600 metres into the gorge.', 'some 600 metres', 600, 'metre', 'about');
  const further = fall('a3', 'Ridge Gazette', 'Police said Tomas Ferrin fell 700 metres after losing his footing on ice.', '700 metres', 700, 'metre', 'exact');
  const other = fall('a4', 'Alder Times', 'The day before, another walker slipped and fell about 200 feet from the same ridge.', 'about 200 feet', 200, 'foot', 'about');
  const explanations = (articles: Parameters<typeof corpusOf>[0]): string[] =>
    extractClaims(corpusOf(articles)).flatMap((c) => c.conflicts.map((k) => k.explanation));
  assert.deepEqual(explanations([feet, metres]), []);
  assert.equal(explanations([feet, further]).length, 2);
  assert.deepEqual(explanations([feet, other]), []);
  // Beyond a unit mix-up (feet read as metres is 3.28 times) two measures are two falls, not one misreported.
  const short = fall('a5', 'Coast Ledger', 'A 36-year-old skier died after he fell about 150 metres at Brenna Peak.', 'about 150 metres', 150, 'metre', 'about');
  assert.deepEqual(explanations([short, metres]), []);
  const mixUp = fall('a6', 'Hill Review', 'Tomas Ferrin slipped and fell about 200 feet near the hut.', 'about 200 feet', 200, 'foot', 'about');
  const sameInMetres = fall('a7', 'Bay Notes', 'Rescuers said Tomas Ferrin fell about 200 metres down a gully.', 'about 200 metres', 200, 'metre', 'about');
  assert.equal(explanations([mixUp, sameInMetres]).length, 2);
});

test('two figures of one unit about different happenings do not conflict on weak word overlap', () => {
  const a = buildArticle({
    id: 'a1', outlet: 'Harbour Post', published: null,
    text: 'Police said 12 people were injured as the protest turned violent.',
    quantities: [{ text: '12 people', value: 12, low: 12, high: 12, unit: 'people', qualifier: 'exact' }],
  });
  const b = buildArticle({
    id: 'a2', outlet: 'Valley Courier', published: null,
    text: 'About 30,000 people marched through Port Alder in the protest.',
    quantities: [{ text: 'About 30,000 people', value: 30000, low: null, high: null, unit: 'people', qualifier: 'about' }],
  });
  const claims = extractClaims(corpusOf([a, b]));
  assert.ok(claims.every((c) => c.conflicts.length === 0), claims.map((c) => c.conflicts.map((k) => k.explanation).join()).join(' | '));
  // Without the shared figure frame ("person|injure" vs "person|march") the weak overlap alone would have flagged them.
  assert.equal(claims.length, 2);
});

test('counts of things tied by the words beside them conflict though worded apart; a shared topic word alone does not', () => {
  const count = (id: string, outlet: string, text: string, figure: string, value: number, unit: string, qualifier: 'exact' | 'at-least' = 'exact') =>
    buildArticle({
      id, outlet, published: null, text,
      quantities: [{ text: figure, value, low: value, high: qualifier === 'exact' ? value : null, unit, qualifier }],
    });
  const explanations = (articles: Parameters<typeof corpusOf>[0]): string[] =>
    extractClaims(corpusOf(articles)).flatMap((c) => c.conflicts.map((k) => k.explanation));
  // "damaged" is the state the other clause gives its shops ("suffering serious damage"): one figure told twice.
  const suffered = count('a1', 'Harbour Post', '"In Velmar, we had 460 shops suffering serious damage or being destroyed," the traders said.', '460 shops', 460, 'shops');
  const damaged = count('a2', 'Valley Courier', 'Otherwise we would not have 270 damaged shops in Velmar.', '270 damaged shops', 270, 'damaged shops');
  assert.equal(explanations([suffered, damaged]).length, 2);
  // A modifier the other clause never says of its figure is a subset ("damaged shops" among all shops attacked).
  const attacked = count('a3', 'Ridge Gazette', 'Late on Saturday masked youths attacked a ministry building and four shops near the port.', 'four shops', 4, 'shops');
  assert.deepEqual(explanations([attacked, damaged]), []);
  // The same modifier ("strong") ties two counts of aftershocks told in other words.
  const three = count('a4', 'Alder Times', 'State radio said three strong aftershocks were felt in the valley.', 'three strong aftershocks', 3, 'strong aftershocks');
  const four = count('a5', 'Coast Ledger', 'The quake was followed by at least four strong aftershocks, the agency reported.', 'at least four strong aftershocks', 4, 'strong aftershocks', 'at-least');
  assert.equal(explanations([three, four]).length, 2);
});

test('crowd sizes in clauses too unlike to group conflict unless only one of them names the town', () => {
  const crowd = (id: string, outlet: string, text: string, figure: string, value: number, town: string | null) =>
    buildArticle({
      id, outlet, published: null, text,
      quantities: [{ text: figure, value, low: value * 0.9, high: value * 1.1, unit: 'people', qualifier: 'about' }],
      ...(town ? { entities: [{ text: town, type: 'LOC' as const }] } : {}),
    });
  const police = crowd('a1', 'Harbour Post', 'Police put the march against the cuts at roughly 30,000 people.', 'roughly 30,000 people', 30000, null);
  const estimate = crowd('a2', 'Valley Courier', 'An estimated 90,000 people took to the streets against the cuts.', 'An estimated 90,000 people', 90000, null);
  const elsewhere = crowd('a3', 'Ridge Gazette', 'Trains stood idle across the country and in Brenna about 10,000 people marched.', 'about 10,000 people', 10000, 'Brenna');
  const explanations = (articles: Parameters<typeof corpusOf>[0]): string[] =>
    extractClaims(corpusOf(articles)).flatMap((c) => c.conflicts.map((k) => k.explanation));
  assert.equal(explanations([police, estimate]).length, 2);
  assert.deepEqual(explanations([police, elsewhere]), []);
});

test('a place the injured were taken to is not where the event happened: the counts still corroborate', () => {
  const a = buildArticle({
    id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T09:00',
    text: 'At least 30 people were injured and taken to Marrow General Hospital.',
    quantities: [{ text: 'At least 30 people', value: 30, low: 30, high: null, unit: 'people', qualifier: 'at-least' }],
    entities: [{ text: 'Marrow General Hospital', type: 'LOC' }],
  });
  const b = buildArticle({
    id: 'a2', outlet: 'Valley Courier', published: '2026-03-14T09:20',
    text: 'Dozens of people were injured when the bridge over the Kell river gave way.',
    quantities: [{ text: 'Dozens of people', value: 24, low: 24, high: null, unit: 'people', qualifier: 'about' }],
    entities: [{ text: 'Kell', type: 'LOC' }],
  });
  const claims = extractClaims(corpusOf([a, b]));
  const c = claimWith(claims, 'At least 30 people were injured');
  assert.equal(c.status, 'corroborated');
  assert.deepEqual(c.outlets, ['Harbour Post', 'Valley Courier']);
});

test('figures of an earlier event dated by its month are not compared with today\'s event (regression: "..., injuring 30" lost its month)', () => {
  const corpus = analyzeTexts([
    {
      path: 'wire.txt',
      text: 'date 2026-05-03 18:00 Coastline Wire\nQuake on Varnel island\n\nA moderate earthquake shook Varnel island on Sunday, injuring six people, officials said.\n\nA stronger quake struck the Varnel coast in March, killing at least nine people and injuring 30, most of them on Varnel island.\n',
    },
    {
      path: 'tribune.txt',
      text: 'date 2026-05-03 18:00 Upland Tribune\nVarnel quake\n\nThe tremor struck near the town of Orsk on Varnel island, injuring six people and damaging buildings.\n',
    },
  ]);
  const numbers = corpus.claims.flatMap((c) => c.conflicts).filter((k) => k.kind === 'number');
  assert.deepEqual(numbers.map((k) => k.explanation), []);
});

test('a quote stretched over its attribution by a badly spaced closing mark compares only the words inside marks (regression)', () => {
  const a = buildArticle({
    id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T09:00',
    text: '"We will not sign it this week, "Dara Holm told reporters at the gate.',
    quotes: [{ text: 'We will not sign it this week, "Dara Holm told reporters at the gate', speakerName: 'Dara Holm' }],
    entities: [{ text: 'Dara Holm', type: 'PERSON' }],
  });
  const b = buildArticle({
    id: 'a2', outlet: 'Valley Courier', published: '2026-03-14T09:30',
    text: '"We will not sign it this week, "Dara Holm said as she left the talks.',
    quotes: [{ text: 'We will not sign it this week, "Dara Holm said as she left the talks', speakerName: 'Dara Holm' }],
    entities: [{ text: 'Dara Holm', type: 'PERSON' }],
  });
  const conflicts = extractClaims(corpusOf([a, b])).flatMap((c) => c.conflicts);
  assert.deepEqual(conflicts.map((c) => c.explanation), []);
});

test('two home towns of one named person, said in passing in unrelated clauses, are an `other` conflict', () => {
  const corpus = analyzeTexts([
    { path: 'herald.txt', text: 'date 2026-03-11 09:30 Harbour Herald\nDriver charged\n\nPolice stopped Marten Krey, 41, of Dunmore, when his van hit a parked car on Quay Street.\n' },
    { path: 'gazette.txt', text: 'date 2026-03-11 11:00 Valley Gazette\nDriver charged\n\nAccording to police, Marten Krey, 41, of Eastbrook, drove into the market square on Tuesday night.\n' },
  ]);
  const disputed = corpus.claims.filter((c) => c.conflicts.some((k) => k.kind === 'other'));
  assert.equal(disputed.length, 2, JSON.stringify(corpus.claims.map((c) => [c.summary, c.conflicts])));
  assert.match(disputed[0]?.conflicts[0]?.explanation ?? '', /Dunmore|Eastbrook/);
});

test('"well equipped" and "insufficiently equipped" of the same climbers are an `other` conflict; "fully equipped" is not', () => {
  const doc = (path: string, outlet: string, line: string) => ({ path, text: `date 2026-02-02 10:00 ${outlet}\nClimber dies\n\n${line}\n` });
  const clash = analyzeTexts([
    doc('a.txt', 'Alpine Post', 'Inspector Dara Holm said the climber Tomas Reyn was well equipped but new to the range.'),
    doc('b.txt', 'Valley Courier', 'Police said the climber Tomas Reyn and his party appeared insufficiently equipped for the ascent.'),
  ]);
  assert.ok(clash.claims.some((c) => c.conflicts.some((k) => k.kind === 'other')), JSON.stringify(clash.claims.map((c) => c.summary)));
  const agree = analyzeTexts([
    doc('a.txt', 'Alpine Post', 'Inspector Dara Holm said the climber Tomas Reyn was well equipped but new to the range.'),
    doc('b.txt', 'Valley Courier', 'Police said the climber Tomas Reyn and his party appeared fully equipped for the ascent.'),
  ]);
  assert.ok(agree.claims.every((c) => c.conflicts.length === 0));
});

test('the same remark quoted word for word but put to two differently named people is an `other` conflict', () => {
  const remark = 'We are aware of the matter involving our goalkeeper and are gathering facts';
  const corpus = analyzeTexts([
    { path: 'a.txt', text: `date 2026-04-01 09:00 Harbour Herald\nKeeper arrested\n\n"${remark}," club director Ilse Varga said in a statement.\n` },
    { path: 'b.txt', text: `date 2026-04-01 09:30 Valley Gazette\nKeeper arrested\n\n"${remark}," club director Ilse Brandt said in a statement.\n` },
  ]);
  assert.ok(corpus.claims.some((c) => c.conflicts.some((k) => k.kind === 'other')), JSON.stringify(corpus.claims.map((c) => [c.summary, c.conflicts])));
  const same = analyzeTexts([
    { path: 'a.txt', text: `date 2026-04-01 09:00 Harbour Herald\nKeeper arrested\n\n"${remark}," club director Ilse Varga said in a statement.\n` },
    { path: 'b.txt', text: `date 2026-04-01 09:30 Valley Gazette\nKeeper arrested\n\n"${remark}," director Varga said.\n` },
  ]);
  assert.ok(same.claims.every((c) => c.conflicts.length === 0), JSON.stringify(same.claims.map((c) => c.conflicts)));
  // The organisation before the name in one outlet and after it in another is one speaker.
  const titled = analyzeTexts([
    { path: 'a.txt', text: `date 2026-04-01 09:00 Harbour Herald\nKeeper arrested\n\n"${remark}," said Lt. Ilse Varga of the Kestrel State Police.\n` },
    { path: 'b.txt', text: `date 2026-04-01 09:30 Valley Gazette\nKeeper arrested\n\n"${remark}," said Kestrel State Police Lt. Ilse Varga.\n` },
  ]);
  assert.ok(titled.claims.every((c) => c.conflicts.length === 0), JSON.stringify(titled.claims.map((c) => c.conflicts)));
});

test('words a reporter inserts in brackets into a quote are not a misquote', () => {
  const corpus = analyzeTexts([
    { path: 'a.txt', text: 'date 2026-04-01 09:00 Harbour Herald\nPatrol boat\n\n"The patrol boat immediately altered (its course) towards the suspicious skiffs and challenged them," the navy said.\n' },
    { path: 'b.txt', text: 'date 2026-04-01 09:30 Valley Gazette\nPatrol boat\n\n"The patrol boat immediately altered towards the suspicious skiffs and challenged them," the navy said.\n' },
  ]);
  assert.ok(corpus.claims.every((c) => c.conflicts.length === 0), JSON.stringify(corpus.claims.map((c) => c.conflicts)));
});

test('a re-analyzed mention that quotes someone keeps its compared object while its quotes\' groups and speakers stay, so pair comparisons are found again', async () => {
  const { storyCompared } = await import('./claims-stage.js');
  const quote = { ref: { article: 'a1', index: 0 }, span: { start: 0, end: 30 }, direct: true, group: '\u00010', speaker: { entity: '\u00010', keys: ['holm'], named: true }, speakerName: 'Dara Holm', words: ['we', 'will', 'sign'] };
  const compared = {
    cite: { article: 'a1', start: 0, end: 40 },
    text: '"We will sign," Dara Holm said on Friday.',
    outlet: 'Harbour Post',
    published: '2026-03-14T09:00',
    facts: { negated: false, negation: null, negatedKeys: [], superlatives: [], orderings: [], quantities: [], eventTimes: [], asOf: null, times: [], facets: [], persons: [], organizations: [] },
    quotes: [quote],
    words: ['sign'],
  };
  const ids = (group: string, entity: string) => () => ({ group, speaker: { entity, keys: ['holm'], named: true } });
  const first = storyCompared(compared, ids('qg1', 'e4'));
  assert.equal(first.quotes[0]?.group, 'qg1');
  assert.equal(first.quotes[0]?.speaker?.entity, 'e4');
  // The story grew, its ids did not change: the very same object, which the pair memo knows.
  assert.equal(storyCompared(compared, ids('qg1', 'e4')), first);
  // A new group or speaker makes a new object carrying them (never the stale one).
  const renumbered = storyCompared(compared, ids('qg2', 'e4'));
  assert.notEqual(renumbered, first);
  assert.equal(renumbered.quotes[0]?.group, 'qg2');
  const otherSpeaker = storyCompared(compared, ids('qg2', 'e7'));
  assert.equal(otherSpeaker.quotes[0]?.speaker?.entity, 'e7');
  // A mention without quotes is its own story form.
  const plain = { ...compared, quotes: [] };
  assert.equal(storyCompared(plain, ids('qg1', 'e4')), plain);
});

/** One article per (outlet, text), each opening with a quote of Dara Holm, published an hour apart: fresh objects each call. */
function quotedByHolm(texts: readonly (readonly [string, string])[], entities: NonNullable<Parameters<typeof buildArticle>[0]['entities']>): Article[] {
  return texts.map(([outlet, text], i) =>
    buildArticle({
      id: `a${i + 1}`, outlet, published: `2026-03-14T0${i + 7}:00`, text,
      quotes: [{ text: text.slice(0, text.indexOf(',"') + 2), speakerName: 'Dara Holm' }],
      entities,
    }),
  );
}

test('claims of a story re-analyzed as it grows equal those of a fresh analysis (memos reused across analyses)', () => {
  const texts = [
    ['Harbour Post', '"We will not sign it this week," Dara Holm told reporters. At least 17 people were killed when the Corran ferry capsized.'],
    ['Valley Courier', '"We will not sign it at all," Dara Holm said. More than 20 people were killed when the Corran ferry capsized.'],
    ['Coast Ledger', '"We will not sign it this week," Dara Holm said on Friday. At least 17 people died after the Corran ferry capsized.'],
  ] as const;
  const make = (): Article[] => quotedByHolm(texts, [{ text: 'Dara Holm', type: 'PERSON' }]);
  const grown = make();
  const before = extractClaims(corpusOf(grown.slice(0, 2)));
  assert.ok(before.length > 0);
  const again = extractClaims(corpusOf(grown));
  const fresh = extractClaims(corpusOf(make()));
  assert.equal(JSON.stringify(again), JSON.stringify(fresh));
});

test('memoized mentions follow the story when it reorders its entities or groups a quote anew: the same claims as a fresh analysis', () => {
  const texts = [
    ['Harbour Post', '"We will not sign it this week," Dara Holm of Corran Ferries told reporters in Port Alder.'],
    ['Valley Courier', '"We will not sign it at all," Corran Ferries chief Dara Holm said in Port Alder.'],
  ] as const;
  const make = (): Article[] =>
    quotedByHolm(texts, [{ text: 'Dara Holm', type: 'PERSON' }, { text: 'Corran Ferries', type: 'ORG' }, { text: 'Port Alder', type: 'LOC' }]);
  const entity = (id: string, name: string, type: 'PERSON' | 'ORG' | 'LOC', articles: readonly Article[]) => ({
    id, name, type, aliases: [], merges: [],
    mentions: articles.map((a) => {
      const start = a.text.indexOf(name);
      return { article: a.id, start, end: start + name.length };
    }),
  });
  const corpus = (articles: Article[], order: 'person-first' | 'org-first', grouped: boolean): CorpusResult => {
    const names = [['Dara Holm', 'PERSON'], ['Corran Ferries', 'ORG'], ['Port Alder', 'LOC']] as const;
    const listed = order === 'person-first' ? names : [names[2], names[1], names[0]];
    return {
      ...corpusOf(articles),
      entities: listed.map(([name, type], i) => entity(`e${i + 1}`, name, type, articles)),
      quoteGroups: grouped ? [{ id: 'qg1', speaker: null, quotes: [{ article: 'a1', index: 0 }, { article: 'a2', index: 0 }], relation: 'variant', differences: [] }] : [],
    };
  };
  const kept = make();
  const first = extractClaims(corpus(kept, 'person-first', false));
  assert.ok(first.some((c) => c.mentions.some((m) => m.actors.length >= 2)), 'a clause names two corpus entities');
  for (const [order, grouped] of [['org-first', false], ['org-first', true], ['person-first', true]] as const) {
    const again = extractClaims(corpus(kept, order, grouped));
    const fresh = extractClaims(corpus(make(), order, grouped));
    assert.equal(JSON.stringify(again), JSON.stringify(fresh), `${order}, grouped ${grouped}`);
  }
  // The actors read in the story's entity order, whatever order the memo made them in.
  const reordered = extractClaims(corpus(kept, 'org-first', false)).flatMap((c) => c.mentions).find((m) => m.actors.length >= 2);
  assert.deepEqual(reordered?.actors.slice(0, 2), ['Port Alder', 'Corran Ferries']);
});

test('a cause and a place of death said in unrelated clauses are `other` conflicts, each once, beside a claim already disputed', () => {
  const doc = (path: string, outlet: string, body: string) => ({ path, text: `date 2026-05-08 10:00 ${outlet}\nFormer minister dies\n\n${body}\n` });
  const corpus = analyzeTexts([
    doc('herald.txt', 'Harbour Herald', 'Ivo Brandt, the former trade minister, died early on Monday from a stroke in a hospice outside Dunmore, the Courier reports.'),
    doc('gazette.txt', 'Valley Gazette', 'Brandt died at his house in Dunmore on Monday.\nAccording to his family, Brandt died of liver failure.'),
  ]);
  const other = corpus.claims.flatMap((c) => c.conflicts.filter((k) => k.kind === 'other').map((k) => k.explanation));
  assert.ok(other.some((e) => e.includes('"stroke"') && e.includes('"liver failure"')), other.join('\n'));
  assert.ok(other.some((e) => e.includes('"hospice"') && e.includes('"house"')), other.join('\n'));
  // Each dispute is listed on both of its claims, once.
  assert.equal(other.length, 4, other.join('\n'));
});

test('a short clause carrying a count of people is a claim and meets the other outlet\'s count (regression: "and wounding two others" was dropped)', () => {
  const corpus = analyzeTexts([
    { path: 'post.txt', text: 'date 2026-06-02 08:00 Harbour Post\nPlant shooting\n\nA suspended worker opened fire at the Dunmore bakery plant on Thursday, killing two workers and wounding two others.\n' },
    { path: 'courier.txt', text: 'date 2026-06-02 08:05 Valley Courier\nPlant shooting\n\nPolice say two people have been killed and another wounded in a shooting at the Dunmore bakery plant.\n' },
  ]);
  const wounded = corpus.claims.filter((c) => c.conflicts.some((k) => k.kind === 'number'));
  assert.ok(wounded.length >= 1, JSON.stringify(corpus.claims.map((c) => [c.summary, c.status])));
  assert.ok(corpus.claims.some((c) => /wounding two others/.test(c.summary)), JSON.stringify(corpus.claims.map((c) => c.summary)));
});

test('the value taken, worded apart by two outlets sharing one word, is compared through what the figures measure', () => {
  const corpus = analyzeTexts([
    { path: 'herald.txt', text: 'date 2026-04-02 09:30 Harbour Herald\nGem heist in Velmar\n\nThree masked robbers made off with $40 million of gems from a famed Velmar store.\n' },
    { path: 'gazette.txt', text: 'date 2026-04-02 11:00 Valley Gazette\nVelmar boutique robbed\n\nJewellery worth more than $75 million has been stolen from a Velmar boutique, prosecutors said.\n' },
  ]);
  const disputed = corpus.claims.filter((c) => c.conflicts.some((k) => k.kind === 'number'));
  assert.equal(disputed.length, 2, JSON.stringify(corpus.claims.map((c) => [c.summary, c.status])));
});

test('two falls measured by their verb alone, in clauses sharing one word, stay two facts (two climbers may both fall)', () => {
  const corpus = analyzeTexts([
    { path: 'herald.txt', text: 'date 2026-04-02 09:30 Harbour Herald\nClimbers hurt on Mount Orla\n\nA guide from Brenna fell 150 metres into a crevasse.\n' },
    { path: 'gazette.txt', text: 'date 2026-04-02 11:00 Valley Gazette\nOrla rescue\n\nHis companion slipped and fell about 600 metres down the north face.\n' },
  ]);
  assert.deepEqual(corpus.claims.flatMap((c) => c.conflicts.map((k) => k.kind)), [], JSON.stringify(corpus.claims.map((c) => [c.summary, c.status])));
});

test('a share named by its subject ("turnout reached 71.4 percent" / "turnout was almost 64%") is one figure two outlets dispute', () => {
  const corpus = analyzeTexts([
    { path: 'herald.txt', text: 'date 2026-04-02 09:30 Harbour Herald\nVelmar votes\n\nOfficials said turnout reached 71.4 percent in the vote for 90 council seats in Velmar.\n' },
    { path: 'gazette.txt', text: 'date 2026-04-02 11:00 Valley Gazette\nVelmar poll\n\nThe electoral board said that turnout was almost 64%.\n' },
  ]);
  const disputed = corpus.claims.filter((c) => c.conflicts.some((k) => k.kind === 'number'));
  assert.equal(disputed.length, 2, JSON.stringify(corpus.claims.map((c) => [c.summary, c.status])));
});

test("one organisation's sum told two ways conflicts across claims; two organisations' sums are two facts", () => {
  const sum = (id: string, outlet: string, text: string, figure: string, value: number, org: string) =>
    buildArticle({
      id, outlet, published: null, text,
      quantities: [{ text: figure, value, low: value, high: value, unit: '$', qualifier: 'exact' }],
      entities: [{ text: org, type: 'ORG' }, { text: 'Ivo Sand', type: 'PERSON' }],
    });
  const high = sum('a1', 'Harbour Post', 'Radio hosts say the Harbours offer Ivo Sand $200 million', '$200 million', 200e6, 'Harbours');
  const low = sum('a2', 'Valley Courier', 'The Harbours team put an eight-year deal worth $184 million before Ivo Sand on Thursday.', '$184 million', 184e6, 'Harbours');
  const other = sum('a3', 'Ridge Gazette', 'The Pilots put an eight-year deal worth $184 million before Ivo Sand on Thursday.', '$184 million', 184e6, 'Pilots');
  const kinds = (articles: Parameters<typeof corpusOf>[0]): string[] => extractClaims(corpusOf(articles)).flatMap((c) => c.conflicts.map((k) => k.kind));
  // A round sum is the sum as offered, not a rounding of one 8 % away.
  assert.deepEqual(kinds([high, low]), ['number', 'number']);
  assert.deepEqual(kinds([high, other]), []);
});

test('a sum of one thing told in two currencies a hundredfold apart conflicts; unframed sums that far apart are two sums', () => {
  const sum = (id: string, outlet: string, text: string, figure: string, value: number, unit: string, qualifier: 'exact' | 'about' = 'exact') =>
    buildArticle({ id, outlet, published: null, text, quantities: [{ text: figure, value, low: value, high: value, unit, qualifier }] });
  const euros = sum('a1', 'Harbour Post', 'The cost of damage to shops in the old town was put by traders at 200 million euros.', '200 million euros', 200e6, 'euros');
  const dollars = sum('a2', 'Valley Courier', 'Property damage is an estimated $2 million, shop owners in the old town said.', 'an estimated $2 million', 2e6, '$', 'about');
  const converted = sum('a3', 'Ridge Gazette', 'The riots left $260 million of damage in the old town, shop owners said.', '$260 million', 260e6, '$');
  const cleanup = sum('a4', 'Alder Times', 'Shop owners in the old town said the city spent $2 million on the riots.', '$2 million', 2e6, '$');
  const kinds = (articles: Parameters<typeof corpusOf>[0]): string[] => extractClaims(corpusOf(articles)).flatMap((c) => c.conflicts.map((k) => k.kind));
  assert.deepEqual(kinds([euros, dollars]), ['number', 'number']);
  assert.deepEqual(kinds([euros, converted]), []);
  assert.deepEqual(kinds([euros, cleanup]), []);
});

test("one organisation's two sums a hundredfold apart are two sums (a fee and a budget), not one misreported", () => {
  const sum = (id: string, outlet: string, text: string, figure: string, value: number) =>
    buildArticle({ id, outlet, published: null, text, quantities: [{ text: figure, value, low: value, high: value, unit: '$', qualifier: 'exact' }], entities: [{ text: 'Harbours', type: 'ORG' }] });
  const fee = sum('a1', 'Harbour Post', 'The Harbours paid a transfer fee of $2 million for the young keeper.', '$2 million', 2e6);
  const budget = sum('a2', 'Valley Courier', 'The Harbours have a wage budget of $200 million for the young squad.', '$200 million', 200e6);
  assert.deepEqual(extractClaims(corpusOf([fee, budget])).flatMap((c) => c.conflicts.map((k) => k.kind)), []);
});
