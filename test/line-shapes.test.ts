// Property test: scraped line shapes (rules, tables, lists, punctuation runs, control characters, long tokens,
// unicode) mixed with news sentences never make a stage throw, and every span and report stays valid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LAYER_NAMES, type Article } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import type { Span } from '../src/core/span.js';
import { ARTICLE_STAGES, defaultPipeline, describePipeline, runArticleStages } from '../src/pipeline/index.js';
import { buildReport } from '../src/report/index.js';
import { analyzeTexts } from './helpers/corpus.js';
import { makeArticle } from './helpers/make-article.js';
import { assertReportInvariants } from './report-invariants.js';

/** Invented news sentences: names, counts, dates, quotes, attributions. */
const SENTENCES = [
  'Two people were killed and three others wounded in a shooting on Elm Street on Saturday, police said.',
  '"We will rebuild the bridge by spring," Mayor Dana Quill told reporters on Tuesday.',
  'At least 14 people were hurt when the ferry struck the pier at 7:40 a.m., the coast guard said.',
  'The council voted 7 to 2 to close the museum, according to a statement from the city.',
  'Officer Lee Varga, 34, of Northfield, said the suspect fled in a gray sedan.',
  'A 6-year-old girl was killed, and both men died at the scene hours after the call.',
  'The strike was one of the largest attacks on the capital this year, officials said.',
  'EASTBROOK (Daily Ledger) - Firefighters contained the blaze by Friday evening.',
];

const RTL = ['قال رئيس البلدية إن 14 شخصا أصيبوا.', 'אמר ראש העיר כי 14 בני אדם נפצעו.', '\u202eevil\u202c text \u200f.'];

const repeat = (chars: string, min: number, max: number): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...chars), fc.integer({ min, max })).map(([c, n]) => c.repeat(n));

const word = fc.constantFrom('Eastbrook', 'killed', '2', '3', 'injured', 'Quill', 'Monday', 'n/a', '—', '');

const LINE: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SENTENCES), weight: 6 },
  // rule lines, alone or with a heading inside
  repeat('=-*_#+~.', 3, 120),
  fc.tuple(repeat('=-*#', 4, 20), fc.constantFrom(...SENTENCES)).map(([r, s]) => `${r} ${s.slice(0, 30)} ${r}`),
  // tables: pipe rows, separator rows, tab-separated rows
  fc.array(word, { minLength: 1, maxLength: 6 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.integer({ min: 1, max: 6 }).map((n) => `|${'---|'.repeat(n)}`),
  fc.array(word, { minLength: 2, maxLength: 6 }).map((cells) => cells.join('\t')),
  // bullet and numbered lists
  fc.tuple(fc.constantFrom('- ', '* ', '• ', '1. ', '2) ', '-- ', '> '), fc.constantFrom(...SENTENCES)).map(([b, s]) => b + s),
  // punctuation runs, alone or glued to a sentence
  repeat('!?.…,;:"\'()[]', 2, 80),
  fc.tuple(fc.constantFrom(...SENTENCES), repeat('!?.…', 2, 30)).map(([s, p]) => s + p),
  // empty and white-space lines
  fc.constantFrom('', ' ', '\t \t', '\u00a0\u00a0', '\u200b'),
  // very long tokens
  fc.tuple(fc.constantFrom('x', 'Ab', '9', '.', 'é', '😀'), fc.integer({ min: 200, max: 3000 })).map(([c, n]) => c.repeat(n)),
  fc.integer({ min: 20, max: 400 }).map((n) => `https://example.com/${'a/'.repeat(n)}`),
  // control characters mixed with words
  fc.array(fc.oneof(word, fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), fc.constant('\u007f')), { maxLength: 12 }).map((p) => p.join('')),
  // emoji, symbols, right-to-left text, arbitrary unicode (lone surrogates included)
  fc.constantFrom('😀😀😀 🔥', '© ® ™ § ¶', '¯\\_(ツ)_/¯', '🇺🇦🇵🇱', 'e\u0301\u0301', ...RTL),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const BREAK = fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\r', ' ', '\u2028');

/** An article body: lines of the shapes above joined by mixed line breaks. */
const BODY = fc.array(fc.tuple(LINE, BREAK), { minLength: 1, maxLength: 10 }).map((parts) => parts.map(([l, b]) => l + b).join(''));

function assertSpansValid(article: Article): void {
  const n = article.text.length;
  const inside = (where: string, s: Span | null | undefined): void => {
    if (!s) return;
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= n, `${where}: span [${s.start}, ${s.end}) outside a text of ${n}`);
  };
  for (const layer of LAYER_NAMES) {
    const spans: readonly Span[] = article.layers[layer];
    spans.forEach((s, i) => {
      inside(`${layer}[${i}]`, s);
      const prev = spans[i - 1];
      if (prev) assert.ok(prev.start <= s.start, `${layer} not sorted by start at ${i}: ${prev.start} > ${s.start}`);
    });
  }
  for (const layer of ['paragraphs', 'sentences'] as const) {
    const spans = article.layers[layer];
    spans.forEach((s, i) => assert.ok(i === 0 || spans[i - 1]!.end <= s.start, `${layer} overlap at ${i}`));
  }
  article.layers.quotes.forEach((q, i) => {
    inside(`quotes[${i}].speaker`, q.speaker);
    inside(`quotes[${i}].cue`, q.cue);
  });
  article.layers.attributions.forEach((a, i) => inside(`attributions[${i}].claim`, a.claim));
}

function assertNoStageFailed(article: Article): void {
  const failed = article.diagnostics.filter((d) => d.rule === 'stage-failed' || d.rule === 'stage-skipped');
  assert.deepEqual(failed, [], `stage failed on ${JSON.stringify(article.text.slice(0, 200))}`);
}

test('every registered article stage takes any mix of scraped line shapes without throwing, and writes valid sorted spans', () => {
  const ctx = createContext();
  fc.assert(
    fc.property(BODY, (body) => {
      const article = runArticleStages(makeArticle(body), ARTICLE_STAGES, ctx);
      assertNoStageFailed(article);
      assertSpansValid(article);
    }),
    { numRuns: 100 },
  );
});

test('the whole pipeline over small corpora of such articles gives a report that passes the report invariants', () => {
  const doc = fc.tuple(fc.constantFrom('Daily Ledger', 'Northfield Courier', 'Eastbrook Post'), BODY, fc.constantFrom(...SENTENCES)).map(
    ([outlet, body, lead]) => `date 2026-03-02 ${outlet}\nA headline about Eastbrook\n\n${lead}\n${body}\n${lead}`,
  );
  fc.assert(
    fc.property(fc.array(doc, { minLength: 1, maxLength: 3 }), (texts) => {
      const corpus = analyzeTexts(texts.map((text, i) => ({ path: `doc${i}.txt`, text })));
      for (const article of corpus.articles) {
        assertNoStageFailed(article);
        assertSpansValid(article);
      }
      assertReportInvariants(buildReport(corpus, { pipeline: describePipeline(defaultPipeline()) }));
    }),
    { numRuns: 20 },
  );
});
