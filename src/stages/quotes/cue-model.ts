// Reporting-word weights learned from annotated news (bench/quotes-learn.ts): how often a word is a speech cue, and how often a cue's prose attribution is right.
import { LEARNED_CUE_COUNTS } from './learned-cues.js';
import { LEARNED_CUE_PRECISION } from './learned-cue-precision.js';
import { LEARNED_ATTRIBUTION_BIAS, LEARNED_ATTRIBUTION_WEIGHTS } from './learned-attribution-model.js';
import { LEARNED_CONTENT_END_BIAS, LEARNED_CONTENT_END_WEIGHTS } from './learned-content-end-model.js';
import { LEARNED_CUE_PROPOSER_BIAS, LEARNED_CUE_PROPOSER_WEIGHTS } from './learned-cue-proposer.js';
import { LEARNED_SOURCE_BOUNDS_BIAS, LEARNED_SOURCE_BOUNDS_WEIGHTS } from './learned-source-bounds-model.js';
import type { AttributionModel } from './attribution-model.js';

export interface CueModel {
  /**
   * Share of the word's lower-case occurrences that were inside an annotated cue, or for a word and a preposition
   * ("criticism of") of the pair's occurrences that ended one; 0 for unseen words.
   */
  readonly rate: (word: string) => number;
  /**
   * Estimated share of the stage's own prose (indirect) attributions with this cue, in lower case, whose content and
   * speaker were both right; cues never measured get the mean over all cues, and 1 without precision rows.
   */
  readonly precision: (cue: string) => number;
  /** The learned keep-or-drop model for prose attributions (attribution-model.ts); null keeps the cue-precision filter. */
  readonly attribution: AttributionModel | null;
  /** The learned model of where prose content after its cue ends (content-end.ts); null keeps the rules' end. */
  readonly contentEnd: AttributionModel | null;
  /** The learned cue proposer (cue-classifier.ts): judges every open-class word, seen or not; null proposes none. */
  readonly proposer: AttributionModel | null;
  /** The learned model of where a speaker span starts and ends (source-bounds.ts); null keeps the rules' span. */
  readonly sourceBounds: AttributionModel | null;
}

/** Pseudo-counts of the mean precision added to every cue's counts (a cue seen twice is not trusted as 0 or 1). */
const PRECISION_SMOOTHING = 3;

/**
 * Builds a model from [word, times inside a cue, times seen] rows (smoothed by one unseen occurrence) and
 * [cue, attributions with content and speaker right, attributions with a speaker] rows.
 */
export function cueModelOf(
  rows: readonly (readonly [string, number, number])[],
  precisionRows: readonly (readonly [string, number, number])[] = [],
  attribution: AttributionModel | null = null,
  contentEnd: AttributionModel | null = null,
  proposer: AttributionModel | null = null,
  sourceBounds: AttributionModel | null = null,
): CueModel {
  const rates = new Map(rows.map(([word, cue, seen]) => [word, cue / (seen + 1)] as const));
  const right = precisionRows.reduce((n, [, r]) => n + r, 0);
  const total = precisionRows.reduce((n, [, , t]) => n + t, 0);
  const mean = total ? right / total : 1;
  const precisions = new Map(precisionRows.map(([cue, r, t]) => [cue, (r + PRECISION_SMOOTHING * mean) / (t + PRECISION_SMOOTHING)] as const));
  return { rate: (word) => rates.get(word) ?? 0, precision: (cue) => precisions.get(cue) ?? mean, attribution, contentEnd, proposer, sourceBounds };
}

export const LEARNED_CUES: CueModel = cueModelOf(
  LEARNED_CUE_COUNTS,
  LEARNED_CUE_PRECISION,
  { bias: LEARNED_ATTRIBUTION_BIAS, weights: new Map(LEARNED_ATTRIBUTION_WEIGHTS) },
  LEARNED_CONTENT_END_WEIGHTS.length ? { bias: LEARNED_CONTENT_END_BIAS, weights: new Map(LEARNED_CONTENT_END_WEIGHTS) } : null,
  LEARNED_CUE_PROPOSER_WEIGHTS.length ? { bias: LEARNED_CUE_PROPOSER_BIAS, weights: new Map(LEARNED_CUE_PROPOSER_WEIGHTS) } : null,
  LEARNED_SOURCE_BOUNDS_WEIGHTS.length ? { bias: LEARNED_SOURCE_BOUNDS_BIAS, weights: new Map(LEARNED_SOURCE_BOUNDS_WEIGHTS) } : null,
);
