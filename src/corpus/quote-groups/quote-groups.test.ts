import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCorpus } from '../../core/corpus.js';
import { buildArticle } from '../../../test/stories/build-article.js';
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
