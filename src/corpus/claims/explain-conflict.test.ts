import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildArticle } from '../../../test/stories/build-article.js';
import { clauseFacts } from './clause-facts.js';
import { compareMentions, type ComparedMention } from './compare-mentions.js';
import { contentWords } from './content-words.js';
import { explainConflict } from './explain-conflict.js';

function mention(text: string, outlet: string, times: { text: string; value: string }[] = []): ComparedMention {
  const article = buildArticle({ id: outlet, outlet, published: null, text, times });
  const cite = { article: article.id, start: 0, end: text.length };
  return { cite, text, outlet, published: null, facts: clauseFacts(article, cite), words: contentWords(text, cite), quotes: [] };
}

test('a negated state is explained as two wordings, not as something that "happened"', () => {
  const a = mention('The flood alarm at the pumping station was working when the river rose.', 'Harbour Post');
  const b = mention('The flood alarm at the pumping station was not working when the river rose.', 'Valley Courier');
  const d = compareMentions(a, b);
  if (d?.kind !== 'negation') return assert.fail(`expected a negation, got ${d?.kind}`);
  assert.equal(
    explainConflict(a, b, d),
    'Harbour Post reports "The flood alarm at the pumping station was working when the river rose." where Valley Courier reports the opposite: "The flood alarm at the pumping station was not working when the river rose."',
  );
});

test('a time conflict names the disputed days inside the clauses that give them', () => {
  const a = mention('The pumping station flooded on Tuesday night.', 'Harbour Post', [{ text: 'Tuesday night', value: '2026-03-10TNI' }]);
  const b = mention('The pumping station flooded on Monday night.', 'Valley Courier', [{ text: 'Monday night', value: '2026-03-09TNI' }]);
  const d = compareMentions(a, b);
  if (d?.kind !== 'time') return assert.fail(`expected a time conflict, got ${d?.kind}`);
  assert.equal(
    explainConflict(a, b, d),
    'Harbour Post says it happened "Tuesday night" ("The pumping station flooded on Tuesday night.") where Valley Courier says "Monday night" ("The pumping station flooded on Monday night."); both cannot be true.',
  );
});

test('a sequence conflict cites both orderings in one sentence', () => {
  const a = mention('Drones struck the port during the phone call with Vell.', 'Harbour Post');
  const b = mention('Drones struck the port hours after the call with Vell.', 'Valley Courier');
  const d = compareMentions(a, b);
  if (d?.kind !== 'sequence') return assert.fail(`expected a sequence conflict, got ${d?.kind}`);
  assert.equal(
    explainConflict(a, b, d),
    'Harbour Post places it "during the phone call" ("Drones struck the port during the phone call with Vell.") where Valley Courier places it "hours after the call" ("Drones struck the port hours after the call with Vell."); the two orderings cannot both be true.',
  );
});

test('a superlative conflict says what each outlet calls it, across near-synonyms', () => {
  const a = mention('Officials called it one of the largest air assaults on the port.', 'Harbour Post');
  const b = mention('It was the largest drone attack on the port.', 'Valley Courier');
  const d = compareMentions(a, b);
  if (d?.kind !== 'superlative') return assert.fail(`expected a superlative conflict, got ${d?.kind}`);
  assert.equal(
    explainConflict(a, b, d),
    'Harbour Post calls it "one of the largest air assaults" ("Officials called it one of the largest air assaults on the port."); Valley Courier calls it "the largest drone attack" ("It was the largest drone attack on the port.").',
  );
});
