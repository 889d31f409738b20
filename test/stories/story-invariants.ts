// Checks every planted-story run must pass: conflicts symmetric and cited, brief sentences cited, mentions slice back.
import assert from 'node:assert/strict';
import type { CorpusResult } from '../../src/core/corpus.js';

export function assertCitedAndExplained(corpus: CorpusResult): void {
  const texts = new Map(corpus.articles.map((a) => [a.id, a.text]));
  const slice = (c: { article: string; start: number; end: number }): string => (texts.get(c.article) ?? '').slice(c.start, c.end);
  const claims = new Map(corpus.claims.map((c) => [c.id, c]));
  for (const claim of corpus.claims) {
    for (const m of claim.mentions) assert.ok(slice(m).trim(), `${claim.id} has an empty mention`);
    for (const k of claim.conflicts) {
      assert.equal(k.cites.length, 2, `${claim.id} conflict cites both passages`);
      assert.notEqual(k.cites[0]?.article, k.cites[1]?.article);
      for (const c of k.cites) assert.ok(slice(c).trim());
      assert.ok(k.explanation.length > 0 && !k.explanation.includes('undefined'));
      assert.ok(claims.get(k.claim)?.conflicts.some((back) => back.claim === claim.id && back.kind === k.kind), `${claim.id} -> ${k.claim} is mirrored`);
    }
    if (claim.conflicts.length) assert.equal(claim.status, 'disputed');
  }
  assert.ok(corpus.brief.length > 0);
  for (const s of corpus.brief) {
    assert.ok(s.cites.length > 0, s.text);
    for (const c of s.cites) assert.ok(slice(c).trim(), s.text);
  }
}
