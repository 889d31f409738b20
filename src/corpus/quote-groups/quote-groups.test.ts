import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCorpus } from '../../core/corpus.js';
import { buildArticle } from '../../../test/stories/build-article.js';
import { createContext } from '../../core/context.js';
import { aliasesStage } from '../aliases/index.js';
import { groupQuotes } from './quote-groups.js';

const holmA = buildArticle({
  id: 'a1', outlet: 'Harbour Post', published: '2026-03-14T09:00',
  text: '"We will not sign it this week," Dara Holm said. "The harbour stays shut," she added.',
  quotes: [
    { text: '"We will not sign it this week,"', speakerName: 'Dara Holm' },
    { text: '"The harbour stays shut,"', speakerName: 'Dara Holm' },
  ],
  entities: [{ text: 'Dara Holm', type: 'PERSON' }],
});
const holmB = buildArticle({
  id: 'a2', outlet: 'Valley Courier', published: '2026-03-14T10:00',
  text: 'Union leader Dara Holm said: "We will not sign it at all." Another speaker, Piet Lund, said "we will not sign it this week".',
  quotes: [
    { text: '"We will not sign it at all."', speakerName: 'Dara Holm' },
    { text: '"we will not sign it this week"', speakerName: 'Piet Lund' },
  ],
  entities: [{ text: 'Dara Holm', type: 'PERSON' }, { text: 'Piet Lund', type: 'PERSON' }],
});

test('quotes of one speaker across outlets form a variant group with from/to words', () => {
  const groups = groupQuotes(emptyCorpus([holmA, holmB]));
  assert.equal(groups.length, 1);
  const [g] = groups;
  assert.equal(g?.id, 'g1');
  assert.equal(g?.relation, 'variant');
  assert.deepEqual(g?.quotes, [{ article: 'a1', index: 0 }, { article: 'a2', index: 0 }]);
  assert.deepEqual(g?.differences, [{ quote: { article: 'a2', index: 0 }, from: 'this week', to: 'at all' }]);
});

test('the same words from a different speaker are not grouped with the first speaker', () => {
  const groups = groupQuotes(emptyCorpus([holmA, holmB]));
  assert.ok(!groups.some((g) => g.quotes.some((q) => q.article === 'a2' && q.index === 1)));
});

test('speaker entity ids come from corpus entities when their mentions cover the speaker', () => {
  const entities = [{ id: 'e7', name: 'Dara Holm', type: 'PERSON' as const, aliases: ['Holm'], mentions: [], merges: [] }];
  const groups = groupQuotes({ ...emptyCorpus([holmA, holmB]), entities });
  assert.equal(groups[0]?.speaker, 'e7');
});

test('narrative the quote finder took for an unattributed indirect quote is not grouped, even when copied word for word', () => {
  const line = 'Rescuers saved more than a dozen people from the water.';
  const mk = (id: string) => buildArticle({ id, outlet: id, published: null, text: line, quotes: [{ text: line, speakerName: null, kind: 'indirect' }] });
  assert.deepEqual(groupQuotes(emptyCorpus([mk('a1'), mk('a2')])), []);
  const direct = (id: string) => buildArticle({ id, outlet: id, published: null, text: `"${line}"`, quotes: [{ text: `"${line}"`, speakerName: null }] });
  assert.equal(groupQuotes(emptyCorpus([direct('a1'), direct('a2')])).length, 1);
});

// ---------- traps of real coverage, in invented wording ----------

type Hand = Parameters<typeof buildArticle>[0];
const article = (id: string, text: string, quotes: NonNullable<Hand['quotes']>, entities: Hand['entities'] = []): ReturnType<typeof buildArticle> =>
  buildArticle({ id, outlet: `Outlet ${id}`, published: null, text, quotes, entities });
const refsOf = (groups: readonly { quotes: readonly { article: string; index: number }[] }[]): string[][] =>
  groups.map((g) => g.quotes.map((q) => `${q.article}#${q.index}`));

test('curly and straight quotation marks do not keep the same words apart', () => {
  const a = article('a1', '“The pier will be rebuilt before the autumn storms,” Ines Varga said.', [
    { text: '“The pier will be rebuilt before the autumn storms,”', speakerName: 'Ines Varga' },
  ]);
  const b = article('a2', '"The pier will be rebuilt before the autumn storms," Ines Varga said.', [
    { text: '"The pier will be rebuilt before the autumn storms,"', speakerName: 'Ines Varga' },
  ]);
  const groups = groupQuotes(emptyCorpus([a, b]));
  assert.deepEqual(refsOf(groups), [['a1#0', 'a2#0']]);
  assert.equal(groups[0]?.relation, 'identical');
});

test('an elision ("…" or "...") or a bracketed insertion is a cut, so the shortened quote is a trim of the full one', () => {
  const full = article('a1', 'Ines Varga said: "We told the harbour board in March that the old pier would fail in the first big storm."', [
    { text: '"We told the harbour board in March that the old pier would fail in the first big storm."', speakerName: 'Ines Varga' },
  ]);
  const ellipsis = article('a2', 'Varga said: "We told the harbour board … that the old pier would fail in the first big storm."', [
    { text: '"We told the harbour board … that the old pier would fail in the first big storm."', speakerName: null },
  ]);
  const dots = article('a3', 'She said: "We told the harbour board in March that the old pier would fail..."', [
    { text: '"We told the harbour board in March that the old pier would fail..."', speakerName: null },
  ]);
  const bracket = article('a4', 'She said: "We told [the board] in March that the old pier would fail in the first big storm."', [
    { text: '"We told [the board] in March that the old pier would fail in the first big storm."', speakerName: null },
  ]);
  const groups = groupQuotes(emptyCorpus([full, ellipsis, dots, bracket]));
  assert.deepEqual(refsOf(groups), [['a1#0', 'a2#0', 'a3#0', 'a4#0']]);
  assert.equal(groups[0]?.relation, 'trimmed');
});

test('a phrase quoted inside indirect speech joins the full direct quote of the same speaker', () => {
  const said = 'the city would, once the insurers paid and the engineers signed off, "rebuild every flooded home by spring"';
  const indirect = article('a1', `Mayor Ines Varga said ${said}.`, [{ text: said, speakerName: 'Ines Varga', kind: 'indirect' }]);
  const direct = article('a2', '"We will rebuild every flooded home by spring," Varga told reporters.', [
    { text: '"We will rebuild every flooded home by spring,"', speakerName: 'Ines Varga' },
  ]);
  assert.deepEqual(refsOf(groupQuotes(emptyCorpus([indirect, direct]))), [['a1#0', 'a2#0']]);
});

test('a phrase quoted in one outlet and a full quote with no speaker in another group within one story', () => {
  const partial = article('a1', 'Varga called the repairs "a race against the tides" on Monday.', [
    { text: '"a race against the tides"', speakerName: 'Ines Varga', kind: 'partial' },
  ]);
  const unattributed = article('a2', '"This is a race against the tides." The works start on Monday.', [
    { text: '"This is a race against the tides."', speakerName: null },
  ]);
  const stories = [{ id: 's1', title: 'pier', articles: ['a1', 'a2'], events: [] }];
  assert.equal(groupQuotes({ ...emptyCorpus([partial, unattributed]), stories }).length, 1);
  const apart = [{ ...stories[0]!, articles: ['a1'] }, { id: 's2', title: 'other', articles: ['a2'], events: [] }];
  assert.equal(groupQuotes({ ...emptyCorpus([partial, unattributed]), stories: apart }).length, 0, 'a short phrase with no speaker does not reach across stories');
});

test('a short quoted title ("Harbour Lights") is not a remark', () => {
  const mk = (id: string) => article(id, 'The mayor, a fan of "Harbour Lights", spoke.', [{ text: '"Harbour Lights"', speakerName: 'Ines Varga', kind: 'partial' }]);
  assert.deepEqual(groupQuotes(emptyCorpus([mk('a1'), mk('a2')])), []);
});

test('a quote of two remarks joins the group of each without chaining the two groups into one', () => {
  const both = article('a1', '"The pier is closed. Nobody may fish from it until May," Varga said.', [
    { text: '"The pier is closed. Nobody may fish from it until May,"', speakerName: 'Ines Varga' },
  ]);
  const first = article('a2', '"The pier is closed," Varga said.', [{ text: '"The pier is closed,"', speakerName: 'Ines Varga' }]);
  const second = article('a3', '"Nobody may fish from it until May," Varga said.', [{ text: '"Nobody may fish from it until May,"', speakerName: 'Ines Varga' }]);
  assert.deepEqual(refsOf(groupQuotes(emptyCorpus([both, first, second]))), [['a1#0', 'a2#0'], ['a1#0', 'a3#0']]);
});

// ---------- speaker forms ----------

const remark = 'We will not accept any ceasefire that freezes the front line';
const saidBy = (id: string, name: string | null, how?: 'pronoun' | 'role'): ReturnType<typeof buildArticle> => {
  const text = `"${remark}," ${name ?? 'the president'} said.`;
  const built = article(id, text, [{ text: `"${remark},"`, speakerName: name }], name ? [{ text: name, type: 'PERSON' }] : []);
  if (!how) return built;
  const quotes = built.layers.quotes.map((q) => ({ ...q, speakerHow: how }));
  return { ...built, layers: { ...built.layers, quotes } };
};

test('spellings of one surname group even when the alias stage left them two entities', () => {
  const entities = [
    { id: 'e1', name: 'Bohdan Vasylevsky', type: 'PERSON' as const, aliases: [], mentions: [], merges: [] },
    { id: 'e2', name: 'President Vasylevskyy', type: 'PERSON' as const, aliases: [], mentions: [], merges: [] },
  ];
  const groups = groupQuotes({ ...emptyCorpus([saidBy('a1', 'Bohdan Vasylevsky'), saidBy('a2', 'President Vasylevskyy'), saidBy('a3', 'Vasylevskiy')]), entities });
  assert.deepEqual(refsOf(groups), [['a1#0', 'a2#0', 'a3#0']]);
  assert.equal(groups[0]?.speaker, 'e1');
});

test('the alias stage output: "Vasylevsky", "Vasylevskiy" and an unresolved "the president" quote one remark', () => {
  const articles = [saidBy('a1', 'Bohdan Vasylevsky'), saidBy('a2', 'Vasylevskiy'), saidBy('a3', null, 'role')];
  const corpus = emptyCorpus(articles);
  const { entities = [] } = aliasesStage.run(corpus, createContext(), aliasesStage.defaults);
  const groups = groupQuotes({ ...corpus, entities });
  assert.deepEqual(refsOf(groups), [['a1#0', 'a2#0', 'a3#0']]);
  assert.ok(groups[0]?.speaker);
});

test('an unresolved speaker joins only a copy or near-copy, not a loose variant', () => {
  const loose = (id: string, words: string, name: string | null) => article(id, `"${words}," she said.`, [{ text: `"${words},"`, speakerName: name }]);
  const named = loose('a1', 'We will reopen the harbour to fishing boats next week', 'Ines Varga');
  const variant = loose('a2', 'We will reopen the harbour to all boats in the spring', null);
  assert.deepEqual(groupQuotes(emptyCorpus([named, variant])), []);
  const sameSpeaker = loose('a3', 'We will reopen the harbour to all boats in the spring', 'Ines Varga');
  assert.equal(groupQuotes(emptyCorpus([named, sameSpeaker]))[0]?.relation, 'variant');
});

test('two named speakers share a quote only when it is long (a joint statement), and a pronoun guess never blocks', () => {
  assert.deepEqual(refsOf(groupQuotes(emptyCorpus([saidBy('a1', 'Bohdan Vasylevsky'), saidBy('a2', 'Mara Quist')]))), [['a1#0', 'a2#0']]);
  const short = (id: string, name: string, how?: 'pronoun') => {
    const built = article(id, `"The port stays shut," ${name} said.`, [{ text: '"The port stays shut,"', speakerName: name }]);
    return how ? { ...built, layers: { ...built.layers, quotes: built.layers.quotes.map((q) => ({ ...q, speakerHow: how })) } } : built;
  };
  assert.deepEqual(groupQuotes(emptyCorpus([short('a1', 'Ines Varga'), short('a2', 'Mara Quist')])), []);
  assert.equal(groupQuotes(emptyCorpus([short('a1', 'Ines Varga'), short('a2', 'Mara Quist', 'pronoun')])).length, 0, 'four words are too few without a speaker');
});
