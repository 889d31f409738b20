// The political-story traps on invented wire and scraped copy, through the analyze path: orderings of one event told differently are `sequence` conflicts and rankings across near-synonyms `superlative` ones, each explained in one sentence citing both passages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { analyzeFolder } from './helpers/corpus.js';

const folder = fileURLToPath(new URL('./fixtures/ordering-traps', import.meta.url));
const { report } = await analyzeFolder([folder]);
const outletOf = new Map(report.articles.map((a) => [a.id, a.outlet ?? a.id]));
const textOf = new Map(report.articles.map((a) => [a.id, a.text]));

interface Found {
  readonly kind: string;
  readonly explanation: string;
  readonly outlets: string[];
  readonly passages: string[];
}

const conflicts: Found[] = report.claims.flatMap((c) =>
  c.conflicts.map((k) => ({
    kind: k.kind,
    explanation: k.explanation,
    outlets: k.cites.map((x) => outletOf.get(x.article) ?? ''),
    passages: k.cites.map((x) => (textOf.get(x.article) ?? '').slice(x.start, x.end)),
  })),
);

/** The conflict of `kind` whose explanation quotes both phrases, one from each side. */
function find(kind: string, a: string, b: string): Found | undefined {
  return conflicts.find((k) => k.kind === kind && k.explanation.includes(`"${a}`) && k.explanation.includes(`"${b}`));
}

function assertExplained(k: Found | undefined, what: string): void {
  assert.ok(k, `${what} not found among ${JSON.stringify(conflicts.map((c) => [c.kind, c.explanation]), null, 1)}`);
  // One sentence: nothing but the quoted passages carries a full stop before the closing one.
  assert.equal(k.explanation.replace(/"[^"]*"/g, '""').replace(/\.$/, '').includes('.'), false, k.explanation);
  assert.equal(new Set(k.outlets).size, 2, 'both outlets cited');
  for (const p of k.passages) assert.ok(k.explanation.includes(p), `cited passage "${p}" is in the explanation`);
}

test('a strike "during a phone call" and "hours after" the leaders spoke by phone is a sequence conflict', () => {
  assertExplained(find('sequence', 'during a phone call', 'hours after President Halvard Sen'), 'during vs hours after the call');
});

test('"just hours after the two leaders spoke", worded too differently to group with "during a phone call", is a sequence conflict too', () => {
  assertExplained(find('sequence', 'during a phone call', 'just hours after the two leaders spoke'), 'during the call vs hours after the leaders spoke');
});

test('"the capital\'s largest drone attack" sits in the claim disputed by "one of the largest aerial assaults"', () => {
  const own = report.claims.find((c) => c.mentions.some((m) => (textOf.get(m.article) ?? '').slice(m.start, m.end).includes("the capital's largest drone attack")));
  assert.ok(own, 'claim not found');
  assert.ok(own.conflicts.some((k) => k.kind === 'superlative' && k.explanation.includes('"one of the largest aerial assaults"')), JSON.stringify(own.conflicts));
});

test('shelling "as the talks went on" and "after the talks ended" is a sequence conflict; "after the talks began" is none', () => {
  assertExplained(find('sequence', 'as the ceasefire talks in Lindau went on', 'after the ceasefire talks in Lindau ended'), 'as talks went on vs after they ended');
  const began = conflicts.filter((k) => k.explanation.includes('after the ceasefire talks in Lindau began'));
  assert.deepEqual(began.map((k) => k.explanation), []);
});

test('a strike "a day before the vote" and "hours after the vote" is a sequence conflict', () => {
  assertExplained(find('sequence', 'a day before the parliamentary vote', 'hours after the parliamentary vote'), 'a day before vs hours after the vote');
});

test('"one of the largest aerial assaults" and "the largest missile raid" is a superlative conflict across near-synonyms; rankings of narrower scope are none', () => {
  assertExplained(find('superlative', 'one of the largest aerial assaults', 'the largest missile raid'), 'one of the largest vs the largest');
  const scoped = conflicts.filter((k) => /this year|of the spring/.test(k.explanation));
  assert.deepEqual(scoped.map((k) => k.explanation), []);
});

test('"during a phone call" and "while the leaders were speaking by phone" agree, and no other conflict is reported', () => {
  assert.deepEqual(conflicts.filter((k) => k.explanation.includes('were speaking by phone') && k.explanation.includes('during a phone call')), []);
  assert.deepEqual([...new Set(conflicts.map((k) => k.kind))].sort(), ['sequence', 'superlative']);
});

test('"on Thursday", "Thursday night" and "yesterday" resolve against each article\'s own publication date', () => {
  const days = new Set<string>();
  for (const t of report.times) {
    if (/^(?:on )?Thursday(?: night)?$|^yesterday$/i.test(t.text) && t.value) days.add(t.value.slice(0, 10));
  }
  assert.deepEqual([...days], ['2026-05-14']);
});
