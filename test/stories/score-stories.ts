// Runs the planted stories (five tuned on, one held out) through the full pipeline and totals conflict precision/recall and status agreement.
import { analyzeTexts } from '../helpers/corpus.js';
import { PLANTED_STORIES } from './planted.js';
import { loadStory, scoreStory, totalScore, type StoryScore, type TotalScore } from './score.js';

export function scoreStories(): { stories: StoryScore[]; total: TotalScore } {
  const stories = PLANTED_STORIES.map((p) => scoreStory(analyzeTexts(loadStory(p.name)), p));
  return { stories, total: totalScore(stories) };
}

/** Human-readable lines: totals, per-status precision/recall, then every miss. */
export function scoreLines(result: { stories: readonly StoryScore[]; total: TotalScore }): string[] {
  const f = (x: number): string => x.toFixed(3);
  const { total } = result;
  const lines = [
    `conflicts: precision ${f(total.conflictPrecision)} recall ${f(total.conflictRecall)}`,
    `status accuracy ${f(total.statusAccuracy)}`,
    ...Object.entries(total.byStatus).map(([k, v]) => `  ${k.padEnd(14)} precision ${f(v.precision)} recall ${f(v.recall)} (n=${v.support})`),
  ];
  for (const s of result.stories) {
    for (const m of s.missedConflicts) lines.push(`  ${s.story}: missed ${m}`);
    for (const m of s.falseConflicts) lines.push(`  ${s.story}: false ${m}`);
    for (const m of s.statuses.filter((x) => x.gold !== x.predicted)) lines.push(`  ${s.story}: "${m.text}" ${m.gold} -> ${m.predicted}`);
  }
  return lines;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) {
  process.stdout.write(`${scoreLines(scoreStories()).join('\n')}\n`);
}
