// Scores a story's claims against planted answers: conflict precision/recall and claim-status agreement.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim, ClaimStatus, ConflictKind, CorpusResult } from '../../src/core/corpus.js';

export interface PlantedConflict {
  readonly kind: ConflictKind;
  /** A passage of one side, as written in its article. */
  readonly a: string;
  readonly b: string;
}

export type PlantedStatusValue = ClaimStatus | 'evolving';

export interface PlantedStatus {
  /** A passage the claim's mention holds. */
  readonly text: string;
  readonly status: PlantedStatusValue;
}

export interface PlantedStory {
  readonly name: string;
  readonly conflicts: readonly PlantedConflict[];
  readonly statuses: readonly PlantedStatus[];
}

export interface StoryScore {
  readonly story: string;
  readonly conflictTp: number;
  readonly conflictFp: number;
  readonly conflictFn: number;
  readonly falseConflicts: readonly string[];
  readonly missedConflicts: readonly string[];
  readonly statuses: readonly { readonly text: string; readonly gold: PlantedStatusValue; readonly predicted: PlantedStatusValue | 'missing' }[];
}

/** Fixture texts of one story folder, in file-name order. */
export function loadStory(name: string): { path: string; text: string }[] {
  const dir = new URL(`./${name}/`, import.meta.url).pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

function mentionTexts(claim: Claim, texts: ReadonlyMap<string, string>): string[] {
  return claim.mentions.map((m) => (texts.get(m.article) ?? '').slice(m.start, m.end));
}

function claimsHolding(claims: readonly Claim[], texts: ReadonlyMap<string, string>, passage: string): Set<string> {
  return new Set(claims.filter((c) => mentionTexts(c, texts).some((t) => t.includes(passage))).map((c) => c.id));
}

export function scoreStory(corpus: CorpusResult, planted: PlantedStory): StoryScore {
  const texts = new Map(corpus.articles.map((a) => [a.id, a.text]));
  const byId = new Map(corpus.claims.map((c) => [c.id, c]));
  const predicted = new Map<string, { a: string; b: string; kind: ConflictKind }>();
  for (const c of corpus.claims) {
    for (const k of c.conflicts) {
      const [a, b] = [c.id, k.claim].sort();
      predicted.set(`${a}|${b}|${k.kind}`, { a: a ?? '', b: b ?? '', kind: k.kind });
    }
  }
  const sides = planted.conflicts.map((p) => ({ p, a: claimsHolding(corpus.claims, texts, p.a), b: claimsHolding(corpus.claims, texts, p.b) }));
  const matched = new Set<number>();
  const falseConflicts: string[] = [];
  let tp = 0;
  for (const pair of predicted.values()) {
    const hit = sides.findIndex(
      (s) => s.p.kind === pair.kind && ((s.a.has(pair.a) && s.b.has(pair.b)) || (s.a.has(pair.b) && s.b.has(pair.a))),
    );
    if (hit >= 0) {
      if (!matched.has(hit)) tp++;
      matched.add(hit);
    } else {
      falseConflicts.push(`${pair.kind}: "${byId.get(pair.a)?.summary}" vs "${byId.get(pair.b)?.summary}"`);
    }
  }
  const missedConflicts = sides.filter((_, i) => !matched.has(i)).map((s) => `${s.p.kind}: "${s.p.a}" vs "${s.p.b}"`);
  const statuses = planted.statuses.map((s) => {
    const claim = corpus.claims.find((c) => mentionTexts(c, texts).some((t) => t.includes(s.text)));
    const predictedStatus: PlantedStatusValue | 'missing' = !claim ? 'missing' : claim.evolution ? 'evolving' : claim.status;
    return { text: s.text, gold: s.status, predicted: predictedStatus };
  });
  return {
    story: planted.name,
    conflictTp: tp,
    conflictFp: falseConflicts.length,
    conflictFn: missedConflicts.length,
    falseConflicts,
    missedConflicts,
    statuses,
  };
}

export interface TotalScore {
  readonly conflictPrecision: number;
  readonly conflictRecall: number;
  readonly statusAccuracy: number;
  /** Per status: precision and recall over the planted claims. */
  readonly byStatus: Readonly<Record<PlantedStatusValue, { readonly precision: number; readonly recall: number; readonly support: number }>>;
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

export function totalScore(scores: readonly StoryScore[]): TotalScore {
  const tp = scores.reduce((s, x) => s + x.conflictTp, 0);
  const fp = scores.reduce((s, x) => s + x.conflictFp, 0);
  const fn = scores.reduce((s, x) => s + x.conflictFn, 0);
  const all = scores.flatMap((s) => s.statuses);
  const classes: PlantedStatusValue[] = ['corroborated', 'single-source', 'disputed', 'evolving'];
  const byStatus = Object.fromEntries(
    classes.map((k) => {
      const hit = all.filter((s) => s.gold === k && s.predicted === k).length;
      const pred = all.filter((s) => s.predicted === k).length;
      const gold = all.filter((s) => s.gold === k).length;
      return [k, { precision: ratio(hit, pred), recall: ratio(hit, gold), support: gold }];
    }),
  ) as TotalScore['byStatus'];
  return {
    conflictPrecision: ratio(tp, tp + fp),
    conflictRecall: ratio(tp, tp + fn),
    statusAccuracy: ratio(all.filter((s) => s.gold === s.predicted).length, all.length),
    byStatus,
  };
}
