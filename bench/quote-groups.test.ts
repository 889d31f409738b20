import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuoteSpan } from '../src/core/article.js';
import type { EcbDocument } from './data/ecbplus.js';
import { ecbQuoteArticle, goldPairs, loadGold, scoreGroups, sentencesOf, type EcbQuoteArticle } from './quote-groups.js';

function doc(name: string, sentences: readonly (readonly string[])[]): EcbDocument {
  let id = 0;
  const tokens = sentences.flatMap((words, sentence) => words.map((text) => ({ id: ++id, sentence, text, start: 0, end: 0 })));
  return { name, topic: '1', subtopic: '1_ecb', text: '', tokens, mentions: [], chains: new Map() };
}

test('Penn Treebank quote tokens and bare or glued " become opening and closing marks; each sentence keeps its number', () => {
  const a = ecbQuoteArticle(doc('1_1ecb', [['``', 'We', 'stay', ',', "''", 'she', 'said', '.'], ['"We', 'go', '.'], ['Now', '.', '"']]));
  assert.equal(a.article.text, '“We stay,” she said. “We go. Now.”');
  assert.deepEqual(sentencesOf(a, a.article.text.indexOf('We go'), a.article.text.length), [1, 2]);
});

test('gold pairs are cross-document pairs of one remark; a grouped pair is right when its sentences form one', () => {
  const one = ecbQuoteArticle(doc('1_1ecb', [['``', 'We', 'stay', '.', "''"], ['Other', '.']]));
  const two = ecbQuoteArticle(doc('1_2ecb', [['Intro', '.'], ['``', 'We', 'stay', '.', "''"]]));
  const quote = (a: EcbQuoteArticle, from: string): EcbQuoteArticle => {
    const start = a.article.text.indexOf(from);
    const q: QuoteSpan = { start, end: start + from.length, kind: 'direct', speaker: null, speakerName: null, speakerHow: 'none', cue: null };
    return { ...a, article: { ...a.article, layers: { ...a.article.layers, quotes: [q] } } };
  };
  const byId = new Map([['1_1ecb', quote(one, 'We stay.')], ['1_2ecb', quote(two, 'We stay.')]]);
  const gold = goldPairs([{ label: 'verbatim', at: ['1_1ecb:0', '1_2ecb:1', '1_1ecb:1'] }]);
  assert.deepEqual([...gold].sort(), ['1_1ecb:0|1_2ecb:1', '1_1ecb:1|1_2ecb:1']);
  const group = { id: 'g1', speaker: null, relation: 'identical' as const, differences: [], quotes: [{ article: '1_1ecb', index: 0 }, { article: '1_2ecb', index: 0 }] };
  assert.deepEqual(scoreGroups([group], byId, gold), { goldPairs: 2, found: 1, predicted: 1, correct: 1, reachable: 1 });
});

test('the committed annotation holds only document ids, sentence numbers, labels and roles', () => {
  const gold = loadGold();
  const roles = new Set(['tune', 'confirm', 'untouched']);
  for (const [sub, g] of Object.entries(gold.subEvents)) {
    assert.ok(roles.has(g.role), `${sub}: role ${g.role}`);
    for (const r of g.remarks) {
      assert.deepEqual(Object.keys(r).sort(), ['at', 'label']);
      assert.ok(/^[a-z -]+$/.test(r.label), `${sub}: label ${r.label}`);
      for (const at of r.at) assert.ok(new RegExp(`^${sub.split('_')[0]}_\\d+ecb(?:plus)?:\\d+$`).test(at), `${sub}: ${at}`);
      assert.ok(new Set(r.at.map((o) => o.split(':')[0])).size >= 2, `${sub}: a remark in one document only`);
    }
  }
  assert.ok(Object.values(gold.subEvents).some((g) => g.role === 'untouched'));
});
