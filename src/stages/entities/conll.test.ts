import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bilouTags, countChunks, iobChunks, parseConll, scoreCounts, splitTraining, TUNING_EVERY, type ConllDocument, type PrfCounts } from './conll.js';
import { allowed, chunksOf } from './decode.js';

test('IOB1 chunks: I- after O starts a chunk, B- splits two adjacent same-type names', () => {
  assert.deepEqual(iobChunks(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-ORG']), [
    { start: 0, end: 2, type: 0 },
    { start: 3, end: 4, type: 2 },
    { start: 4, end: 5, type: 2 },
    { start: 5, end: 6, type: 1 },
  ]);
});

test('documents split at -DOCSTART- and sentences at blank lines', () => {
  const text = '-DOCSTART- -X- O O\n\nOrlan NNP I-NP I-PER\nwins VBZ I-VP O\n\nVeltra NNP I-NP I-LOC\n\n-DOCSTART- -X- O O\n\nHi UH O O\n';
  const docs = parseConll(text);
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[0]!.map((s) => s.tokens), [['Orlan', 'wins'], ['Veltra']]);
});

test('BILOU encoding round-trips any set of non-overlapping chunks and every transition is allowed', () => {
  const chunkSets = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 })), { maxLength: 6 })
    .map((parts) => {
      let at = 0;
      return parts.map(([type, len, gap]) => {
        const start = at + gap;
        at = start + len;
        return { start, end: start + len, type };
      });
    });
  fc.assert(
    fc.property(chunkSets, (chunks) => {
      const length = (chunks.at(-1)?.end ?? 0) + 1;
      const tags = bilouTags(length, chunks);
      assert.deepEqual(chunksOf(tags), chunks);
      let prev = -1;
      tags.forEach((t, i) => {
        assert.ok(allowed(prev, t, i === tags.length - 1));
        prev = t;
      });
    }),
  );
});

test('conlleval counts: a partly right span is one false positive and one false negative', () => {
  const counts = new Map<number, PrfCounts>();
  countChunks(counts, [{ start: 0, end: 2, type: 0 }, { start: 4, end: 5, type: 2 }], [{ start: 1, end: 2, type: 0 }, { start: 4, end: 5, type: 2 }]);
  const s = scoreCounts(counts);
  assert.equal(s.precision, 0.5);
  assert.equal(s.recall, 0.5);
  assert.equal(s.byType.LOC?.f1, 1);
});

test('the five training folds hold out every fifth document, each document exactly once; fold 4 is the tuning slice', () => {
  const docs: ConllDocument[] = Array.from({ length: 23 }, (_, i) => [{ tokens: [`w${i}`], chunks: [] }]);
  const seen = new Map<ConllDocument, number>();
  for (let fold = 0; fold < TUNING_EVERY; fold++) {
    const { fit, tuning } = splitTraining(docs, fold);
    assert.equal(fit.length + tuning.length, docs.length);
    assert.ok(tuning.every((d) => docs.indexOf(d) % TUNING_EVERY === fold));
    for (const d of tuning) seen.set(d, (seen.get(d) ?? 0) + 1);
  }
  assert.equal(seen.size, docs.length);
  assert.ok([...seen.values()].every((n) => n === 1));
  assert.deepEqual(splitTraining(docs).tuning, splitTraining(docs, 4).tuning);
});
