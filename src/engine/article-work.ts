// Per-article work done once: runs only the stages whose version (or input) changed since the article's last analysis.
import { createHash } from 'node:crypto';
import type { Article } from '../core/article.js';
import type { Context } from '../core/context.js';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import { articleLayer, type ArticleLayerRef } from '../core/layer-ref.js';
import { DEFAULT_STAGE_BUDGET_MS, runArticleStages, type StageConfig } from '../pipeline/runner.js';
import type { ArticleStage } from '../pipeline/stage.js';
import type { StageVersions } from '../store/store.js';

/** Longest article text the stages read, in UTF-16 code units; a longer text is cut with a warning. */
export const DEFAULT_ARTICLE_CHAR_BUDGET = 200_000;

/** Stage name used on diagnostics about budgets the engine enforces. */
export const BUDGET_STAGE = 'parallax.budget';

export interface ArticleWorkOptions {
  readonly config?: StageConfig;
  /** Per-stage time budget on one article (ms). */
  readonly stageBudgetMs?: number;
  /** Per-article character budget (see DEFAULT_ARTICLE_CHAR_BUDGET). */
  readonly charBudget?: number;
  /** Receives milliseconds spent per stage (summed over articles). */
  readonly timings?: Map<string, number>;
}

export interface ArticleWork {
  readonly article: Article;
  /** Version fingerprints of every stage whose layers the article now holds. */
  readonly stages: StageVersions;
  /** Names of the stages that ran on it this time (empty when nothing changed). */
  readonly ran: readonly string[];
}

/**
 * What identifies a stage's output on an unchanged text: its version and its effective configuration.
 * Two runs with the same fingerprint produce the same layers, so the second can be skipped.
 */
export function stageFingerprint(stage: ArticleStage<unknown>, overrides: StageConfig = {}): string {
  const override = overrides[stage.name];
  if (!override) return stage.version;
  const digest = createHash('sha256').update(JSON.stringify(override)).digest('hex').slice(0, 12);
  return `${stage.version}+${digest}`;
}

export function stageFingerprints(stages: readonly ArticleStage<unknown>[], overrides: StageConfig = {}): StageVersions {
  return Object.fromEntries(stages.map((s) => [s.name, stageFingerprint(s, overrides)]));
}

/**
 * The stages to run on an article whose layers came from `prior`, in pipeline order:
 * a stage runs when its fingerprint differs from the recorded one, or when a layer it requires is rebuilt this time;
 * every stage runs when the article was never analyzed or a stage it was analyzed with left the pipeline.
 */
export function stagesToRun(stages: readonly ArticleStage<unknown>[], current: StageVersions, prior: StageVersions | undefined): ArticleStage<unknown>[] {
  // Layers from a stage no longer in the pipeline cannot be told apart from the others': start over.
  if (!prior || Object.keys(prior).some((name) => !(name in current))) return [...stages];
  const rebuilt = new Set<ArticleLayerRef>();
  const run: ArticleStage<unknown>[] = [];
  for (const stage of stages) {
    if (prior[stage.name] === current[stage.name] && !stage.requires.some((r) => rebuilt.has(r))) continue;
    run.push(stage);
    for (const p of stage.provides) rebuilt.add(p);
  }
  return run;
}

/**
 * Cuts a text longer than the budget at the last paragraph, sentence or word break in the budget's final fifth
 * (a hard cut otherwise, never inside a surrogate pair). Returns null when the text fits.
 */
export function truncateText(text: string, budget: number): string | null {
  if (text.length <= budget) return null;
  const floor = Math.floor(budget * 0.8);
  const head = text.slice(0, budget);
  // 1. paragraph break, 2. sentence end, 3. white space, 4. hard cut.
  const paragraph = head.lastIndexOf('\n');
  if (paragraph >= floor) return head.slice(0, paragraph).trimEnd();
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  if (sentence >= floor) return head.slice(0, sentence + 1);
  const space = head.search(/\s\S*$/);
  if (space >= floor) return head.slice(0, space);
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}

/** The article with its text cut to the budget and a warning saying so; unchanged when it fits. */
export function withinCharBudget(article: Article, budget: number): Article {
  const cut = truncateText(article.text, budget);
  if (cut === null) return article;
  const problem = diagnostic(
    'warning',
    BUDGET_STAGE,
    'article-truncated',
    `the article's text has ${article.text.length} characters, over the ${budget}-character budget; only the first ${cut.length} were kept and analyzed. Raise it with --max-article-chars if the whole text matters.`,
  );
  return { ...article, text: cut, status: article.status === 'failed' ? 'failed' : 'partial', diagnostics: [...article.diagnostics, problem] };
}

function statusOf(article: Article, diagnostics: readonly Diagnostic[]): Article['status'] {
  if (article.status === 'failed') return 'failed';
  return diagnostics.some((d) => d.severity !== 'info') ? 'partial' : 'ok';
}

/** The article without what the given stages added: their layers emptied and their diagnostics dropped. */
function withoutStages(article: Article, stages: readonly ArticleStage<unknown>[]): Article {
  if (!stages.length) return article;
  const names = new Set(stages.map((s) => s.name));
  const layers = { ...article.layers };
  for (const s of stages) for (const p of s.provides) layers[articleLayer(p)] = [];
  const diagnostics = article.diagnostics.filter((d) => !names.has(d.stage));
  return { ...article, layers, diagnostics, status: statusOf(article, diagnostics) };
}

/**
 * Brings one article's layers up to date with the stages. `prior` holds the fingerprints its stored layers were made
 * with (absent: never analyzed, so every stage runs on the text as ingested). A text over the character budget is
 * cut first; that changes the text, so every stage runs again.
 */
export function updateArticle(
  article: Article,
  prior: StageVersions | undefined,
  stages: readonly ArticleStage<unknown>[],
  ctx: Context,
  options: ArticleWorkOptions = {},
): ArticleWork {
  const overrides = options.config ?? {};
  const current = stageFingerprints(stages, overrides);
  const budgeted = withinCharBudget(article, options.charBudget ?? DEFAULT_ARTICLE_CHAR_BUDGET);
  const known = budgeted === article ? prior : undefined;
  const run = stagesToRun(stages, current, known);
  if (!run.length) return { article, stages: current, ran: [] };
  const base = withoutStages(budgeted, run);
  const updated = runArticleStages(base, run, ctx, overrides, options.timings, options.stageBudgetMs ?? DEFAULT_STAGE_BUDGET_MS);
  return { article: updated, stages: current, ran: run.map((s) => s.name) };
}
