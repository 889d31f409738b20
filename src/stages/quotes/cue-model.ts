// Reporting-word weights learned from annotated news (bench/quotes-learn.ts): how often a word is a speech cue.
import { LEARNED_CUE_COUNTS } from './learned-cues.js';

export interface CueModel {
  /** Share of the word's lower-case occurrences that were inside an annotated cue; 0 for unseen words. */
  readonly rate: (word: string) => number;
}

/** Builds a model from [word, times inside a cue, times seen] rows (smoothed by one unseen occurrence). */
export function cueModelOf(rows: readonly (readonly [string, number, number])[]): CueModel {
  const rates = new Map(rows.map(([word, cue, seen]) => [word, cue / (seen + 1)] as const));
  return { rate: (word) => rates.get(word) ?? 0 };
}

export const LEARNED_CUES: CueModel = cueModelOf(LEARNED_CUE_COUNTS);
