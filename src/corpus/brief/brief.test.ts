import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../core/article.js';
import { emptyCorpus, type CorpusResult } from '../../core/corpus.js';
import { buildArticle } from '../../../test/stories/build-article.js';
import { extractClaims } from '../claims/claims-stage.js';
import { provenanceEdges } from '../provenance/provenance.js';
import { groupQuotes } from '../quote-groups/quote-groups.js';
import { buildBrief, BRIEF_DEFAULTS } from './brief.js';
import { buildTimeline } from './timeline.js';

const a = buildArticle({
  id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T07:40', credits: ['Meridian Press'],
  text: 'One person was killed in the fire at the Brenna textile plant.\nThe plant had passed a safety inspection on March 2.\n"We will not sign it this week," union leader Dara Holm said.\nThe meeting with the owners lasted 30 minutes.',
  quantities: [
    { text: 'One person', value: 1, low: 1, high: 1, unit: 'person', qualifier: 'exact' },
    { text: '30 minutes', value: 30, low: 30, high: 30, unit: 'minutes', qualifier: 'exact' },
  ],
  times: [{ text: 'March 2', value: '2026-03-02' }],
  quotes: [{ text: '"We will not sign it this week,"', speakerName: 'Dara Holm' }],
});
const b = buildArticle({
  id: 'a2', outlet: 'Valley Courier', published: '2026-03-14T15:00',
  text: '24 people were killed in the fire at the Brenna textile plant.\nThe plant had passed a safety inspection on March 2.\n"We will not sign it at all," union leader Dara Holm said.\nThe meeting with the owners lasted almost two hours.',
  quantities: [
    { text: '24 people', value: 24, low: 24, high: 24, unit: 'people', qualifier: 'exact' },
    { text: 'almost two hours', value: 2, low: null, high: 2, unit: 'hours', qualifier: 'nearly' },
  ],
  times: [{ text: 'March 2', value: '2026-03-02' }],
  quotes: [{ text: '"We will not sign it at all,"', speakerName: 'Dara Holm' }],
});

function analysed(articles: Article[]): CorpusResult {
  let c: CorpusResult = { ...emptyCorpus(articles), stories: [{ id: 's1', title: 'Brenna', articles: articles.map((x) => x.id), events: [] }] };
  c = { ...c, quoteGroups: groupQuotes(c) };
  c = { ...c, claims: extractClaims(c), provenance: provenanceEdges(c) };
  c = { ...c, timeline: buildTimeline(c) };
  return { ...c, brief: buildBrief(c) };
}

test('every brief sentence cites at least one non-empty passage, and sections come in reading order', () => {
  const c = analysed([a, b]);
  assert.ok(c.brief.length > 0);
  const texts = new Map(c.articles.map((x) => [x.id, x.text]));
  for (const s of c.brief) {
    assert.ok(s.cites.length > 0, s.text);
    for (const cite of s.cites) assert.ok((texts.get(cite.article) ?? '').slice(cite.start, cite.end).trim().length > 0, s.text);
  }
  const order = ['confirmed', 'disputed', 'single-source', 'quotes', 'timeline', 'sources'];
  const ranks = c.brief.map((s) => order.indexOf(s.section));
  assert.deepEqual(ranks, [...ranks].sort((x, y) => x - y));
});

test('the brief holds the confirmed fact, the disagreements, the quote variant, the evolution and the wire credit', () => {
  const c = analysed([a, b]);
  const by = (section: string): string[] => c.brief.filter((s) => s.section === section).map((s) => s.text);
  assert.deepEqual(by('confirmed'), ['Reported by Harbour Post and Valley Courier (2 independent sources): The plant had passed a safety inspection on March 2.']);
  assert.equal(by('disputed').length, 2);
  assert.ok(by('disputed').some((t) => t.includes('"30 minutes"') && t.includes('"almost two hours"')));
  assert.ok(by('quotes')[0]?.includes('Harbour Post has "We will not sign it this week"'));
  // An evolving toll reads as its latest report.
  assert.ok(by('timeline').includes('Rose from 1 to 24 between 07:40 and 15:00: 24 people were killed in the fire at the Brenna textile plant.'));
  assert.ok(by('sources').includes('Harbour Post credits Meridian Press.'));
});

test('timeline dates a claim by its own time expression before the publication day', () => {
  const c = analysed([a, b]);
  const inspection = c.timeline.find((t) => t.label.includes('inspection'));
  assert.equal(inspection?.date, '2026-03-02');
  assert.equal(c.timeline[0]?.date, '2026-03-02');
  assert.deepEqual(analysed([a, b]).brief, c.brief);
});

test('a timeline entry shows the words of the passage it cites; a contradicted date is marked disputed', () => {
  const post = buildArticle({
    id: 'p1', outlet: 'Harbour Post', published: '2026-03-14T09:00',
    text: 'The Brenna plant fire broke out on Tuesday night in the dye hall.',
    times: [{ text: 'Tuesday night', value: '2026-03-10TNI' }],
  });
  const courier = buildArticle({
    id: 'p2', outlet: 'Valley Courier', published: '2026-03-14T10:00',
    text: 'Fire broke out in the dye hall of the Brenna plant on Tuesday night, the owners said.',
    times: [{ text: 'Tuesday night', value: '2026-03-10TNI' }],
  });
  const ledger = buildArticle({
    id: 'p3', outlet: 'Morning Ledger', published: '2026-03-14T11:00',
    text: 'The Brenna plant fire broke out on Monday night in the dye hall.',
    times: [{ text: 'Monday night', value: '2026-03-09TNI' }],
  });
  const c = analysed([post, courier, ledger]);
  const texts = new Map(c.articles.map((x) => [x.id, x.text]));
  for (const entry of c.timeline) {
    const [cite] = entry.cites;
    assert.ok(entry.label.startsWith((texts.get(cite?.article ?? '') ?? '').slice(cite?.start ?? 0, cite?.end ?? 0).trim()), entry.label);
  }
  const lines = c.brief.filter((s) => s.section === 'timeline').map((s) => s.text);
  assert.ok(lines.some((t) => t.startsWith('2026-03-09 (date disputed): The Brenna plant fire broke out on Monday night')), JSON.stringify(lines));
});

test('copies of one report are one source; short fragments and reported speech are not presented as quotes', () => {
  const wire = buildArticle({
    id: 'w1', outlet: 'Meridian Press', published: '2026-03-14T07:00',
    text: 'Owner Lena Brask praised the crew. The dye hall had no sprinklers, according to Lena Brask.',
    quotes: [
      { text: 'the crew', speakerName: 'Lena Brask', kind: 'indirect' },
      { text: 'The dye hall had no sprinklers', speakerName: 'Lena Brask', kind: 'indirect' },
    ],
  });
  const copy = buildArticle({
    id: 'w2', outlet: 'Coast Daily', published: '2026-03-14T07:30',
    text: 'Owner Lena Brask praised the crew. The dye hall had no sprinklers, according to Lena Brask.',
    quotes: [
      { text: 'the crew', speakerName: 'Lena Brask', kind: 'indirect' },
      { text: 'The dye hall had no sprinklers', speakerName: 'Lena Brask', kind: 'indirect' },
    ],
  });
  const c = analysed([wire, copy]);
  const withCopy: CorpusResult = { ...c, duplicates: [{ article: 'w2', duplicateOf: 'w1', similarity: 1 }] };
  const brief = buildBrief({ ...withCopy, claims: extractClaims(withCopy) });
  const single = brief.filter((s) => s.section === 'single-source').map((s) => s.text);
  assert.ok(single.every((t) => t.startsWith('Reported by one source, carried by Meridian Press and Coast Daily: ')), JSON.stringify(single));
  const quotes = brief.filter((s) => s.section === 'quotes').map((s) => s.text);
  assert.deepEqual(quotes, ['Lena Brask: "The dye hall had no sprinklers" (reported, not quoted verbatim, by Meridian Press and Coast Daily).']);
});

test('single-outlet wording reads right and a quoted abbreviation keeps its full stop', () => {
  const post = buildArticle({
    id: 'r1', outlet: 'Harbour Post', published: '2026-03-14T09:00',
    text: '"The shift ended at 6 p.m.," plant manager Ivo Sand said. The Brenna plant employs 400 weavers.',
    quotes: [{ text: '"The shift ended at 6 p.m.,"', speakerName: 'Ivo Sand' }],
  });
  const courier = buildArticle({
    id: 'r2', outlet: 'Valley Courier', published: '2026-03-14T09:30',
    text: '"The shift ended at 6 p.m.," plant manager Ivo Sand told the Courier.',
    quotes: [{ text: '"The shift ended at 6 p.m.,"', speakerName: 'Ivo Sand' }],
  });
  const c = analysed([post, courier]);
  const single = c.brief.filter((s) => s.section === 'single-source').map((s) => s.text);
  assert.ok(single.includes('Reported only by Harbour Post: The Brenna plant employs 400 weavers.'), JSON.stringify(single));
  const quotes = c.brief.filter((s) => s.section === 'quotes').map((s) => s.text);
  assert.deepEqual(quotes, ['Ivo Sand: "The shift ended at 6 p.m." (quoted by Harbour Post and Valley Courier).']);
});

test('a past event is not dated after the report that tells it; a plan may be', () => {
  const post = buildArticle({
    id: 't1', outlet: 'Harbour Post', published: '2026-03-14T07:40',
    text: 'The fire broke out in the dye hall shortly after 8 p.m. Inspectors will visit the Brenna plant on Monday.',
    // As a resolver anchored on the publication day would read "8 p.m.": after the report itself, so misresolved.
    times: [{ text: '8 p.m.', value: '2026-03-14T20:00' }, { text: 'Monday', value: '2026-03-16' }],
  });
  const courier = buildArticle({
    id: 't2', outlet: 'Valley Courier', published: '2026-03-14T08:00',
    text: 'Fire broke out in the dye hall of the Brenna plant shortly after 8 p.m. Inspectors will visit the plant on Monday.',
    times: [{ text: '8 p.m.', value: '2026-03-14T20:00' }, { text: 'Monday', value: '2026-03-16' }],
  });
  const c = analysed([post, courier]);
  const lines = c.brief.filter((s) => s.section === 'timeline').map((s) => s.text);
  assert.ok(!lines.some((t) => /8 p\.m\./.test(t)), JSON.stringify(lines));
  assert.ok(lines.some((t) => t.startsWith('2026-03-16: Inspectors will visit')), JSON.stringify(lines));
});

test('an anonymous source opening with a capital reads mid-sentence in lower case; a named one keeps its capital', () => {
  const post = buildArticle({
    id: 's1', outlet: 'Harbour Post', published: '2026-03-14T09:00',
    text: 'One of the officials said the dye hall sprinklers had been switched off.',
    attributions: [{ text: 'One of the officials said the dye hall sprinklers had been switched off.', claimant: 'Harbour Post', via: 'One of the officials', anonymous: true }],
  });
  const c = analysed([post]);
  const lines = c.brief.filter((s) => s.section === 'sources').map((s) => s.text);
  assert.ok(lines.includes('Harbour Post cites an anonymous source, one of the officials.'), JSON.stringify(lines));
});

test('outlets with the same wording of a remark share one version; past maxWordings the other wordings are counted', () => {
  const said = (id: string, outlet: string, words: string): Article =>
    buildArticle({ id, outlet, published: '2026-03-14T09:00', text: `"${words}," union leader Dara Holm said.`, quotes: [{ text: `"${words},"`, speakerName: 'Dara Holm' }] });
  const c = analysed([
    said('q1', 'Harbour Post', 'We will not sign it this week'),
    said('q2', 'Valley Courier', 'We will not sign it this week'),
    said('q3', 'Morning Ledger', 'We will not sign it at all'),
  ]);
  const quotes = c.brief.filter((s) => s.section === 'quotes').map((s) => s.text);
  assert.deepEqual(quotes, [
    'Dara Holm is quoted differently: Harbour Post and Valley Courier have "We will not sign it this week" and Morning Ledger has "We will not sign it at all".',
  ]);
  const capped = buildBrief(c, { ...BRIEF_DEFAULTS, maxWordings: 1 }).filter((s) => s.section === 'quotes');
  assert.equal(capped[0]?.text, 'Dara Holm is quoted differently: Harbour Post and Valley Courier have "We will not sign it this week" and 1 other wording.');
  assert.equal(capped[0]?.cites.length, 3, 'every version stays cited');
});

test('single-source lines come grouped by outlet, the outlet with the most important line first, each line scored', () => {
  const post = buildArticle({
    id: 'g1', outlet: 'Harbour Post', published: '2026-03-14T09:00',
    text: 'The Brenna plant fire destroyed the dye hall on Tuesday.\nThe canteen menu changed in May.\nThe fire at the Brenna plant spread to the warehouse.',
  });
  const courier = buildArticle({
    id: 'g2', outlet: 'Valley Courier', published: '2026-03-14T10:00',
    text: 'The town band played at the fair.\nFirefighters fought the Brenna plant fire for six hours.',
  });
  const c = analysed([courier, post]);
  const single = c.brief.filter((s) => s.section === 'single-source');
  const outlets = single.map((s) => s.outlet);
  assert.deepEqual(outlets, ['Harbour Post', 'Harbour Post', 'Harbour Post', 'Valley Courier', 'Valley Courier'], JSON.stringify(single.map((s) => s.text)));
  assert.ok(single[0]?.text.includes('destroyed the dye hall'), single[0]?.text);
  const scores = single.slice(0, 3).map((s) => s.score ?? -1);
  assert.deepEqual(scores, [...scores].sort((x, y) => y - x));
});

test('a quotation longer than maxCite is cited and shown by its first sentence', () => {
  const remark =
    '"We will keep the dye hall closed until every sprinkler head in the building has been replaced and tested by the fire brigade. ' +
    'Nobody will work in that hall again before the inspectors are satisfied, and I will not apologise for the delay this causes to our customers,"';
  const said = (id: string, outlet: string): Article =>
    buildArticle({ id, outlet, published: '2026-03-14T09:00', text: `${remark} plant manager Ivo Sand said.`, quotes: [{ text: remark, speakerName: 'Ivo Sand' }] });
  const c = analysed([said('l1', 'Harbour Post'), said('l2', 'Valley Courier')]);
  const line = c.brief.find((s) => s.section === 'quotes');
  assert.ok(line, JSON.stringify(c.brief.map((s) => s.text)));
  for (const cite of line.cites) assert.ok(cite.end - cite.start <= BRIEF_DEFAULTS.maxCite, `${cite.end - cite.start}`);
  assert.ok(line.text.includes('tested by the fire brigade'), line.text);
  assert.ok(!line.text.includes('apologise'), line.text);
});
