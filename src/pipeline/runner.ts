// Applies stages: checks requires/provides before anything runs, then runs article and corpus stages, isolating failures.
import type { Article, LayerName } from '../core/article.js';
import type { Context } from '../core/context.js';
import type { CorpusResult } from '../core/corpus.js';
import { emptyCorpus } from '../core/corpus.js';
import { articleLayer, corpusLayer, type ArticleLayerRef, type CorpusLayerRef } from '../core/layer-ref.js';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import { ParallaxError } from '../core/errors.js';
import { restrictCorpus } from './restrict-corpus.js';
import { contractProblems, guardArticleReads, guardCorpusReads } from './stage-contract.js';
import type { ArticleStage, CorpusStage } from './stage.js';

export interface Pipeline {
  readonly articleStages: readonly ArticleStage<unknown>[];
  readonly corpusStages: readonly CorpusStage<unknown>[];
}

/** Per-stage overrides keyed by stage name; merged over each stage's defaults. */
export type StageConfig = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface PipelineCheck {
  readonly ok: boolean;
  readonly problems: readonly string[];
  /** Stage name -> what it provides, in run order (spaCy analyze_pipes). */
  readonly order: readonly { readonly stage: string; readonly provides: readonly string[] }[];
}

/** Checks that every stage's requirements are provided by an earlier stage. */
export function checkPipeline(pipeline: Pipeline): PipelineCheck {
  const have = new Set<string>();
  const problems: string[] = [];
  const order: { stage: string; provides: readonly string[] }[] = [];
  problems.push(...contractProblems([...pipeline.articleStages, ...pipeline.corpusStages]));
  for (const stage of [...pipeline.articleStages, ...pipeline.corpusStages]) {
    for (const need of stage.requires) {
      if (!have.has(need)) problems.push(`${stage.name} requires "${need}", which no earlier stage provides`);
    }
    for (const p of stage.provides) have.add(p);
    order.push({ stage: stage.name, provides: stage.provides });
  }
  return { ok: problems.length === 0, problems, order };
}

export function assertPipeline(pipeline: Pipeline): void {
  const check = checkPipeline(pipeline);
  if (!check.ok) throw new ParallaxError('PX300', `invalid pipeline: ${check.problems.join('; ')}`);
}

function configFor(defaults: unknown, overrides: StageConfig, name: string): unknown {
  const o = overrides[name];
  if (!o) return defaults;
  return typeof defaults === 'object' && defaults !== null ? { ...defaults, ...o } : defaults;
}

/** Per-stage wall-clock budget on one article, in milliseconds; going over it is recorded, not fatal. */
export const DEFAULT_STAGE_BUDGET_MS = 10_000;

/**
 * Runs the article stages over one article. A stage that throws (or writes an invalid span) becomes an error
 * diagnostic on the article; the stages that require what it provides are skipped with a diagnostic, the others
 * still run. A stage over its time budget gets a warning (synchronous code cannot be stopped from outside).
 */
export function runArticleStages(
  article: Article,
  stages: readonly ArticleStage<unknown>[],
  ctx: Context,
  overrides: StageConfig = {},
  timings?: Map<string, number>,
  budgetMs: number = DEFAULT_STAGE_BUDGET_MS,
): Article {
  let current = article;
  const missing = new Set<ArticleLayerRef>();
  for (const stage of stages) {
    if (current.status === 'failed') break;
    const lacking = stage.requires.filter((need) => missing.has(need));
    if (lacking.length) {
      for (const p of stage.provides) missing.add(p);
      current = withProblem(current, diagnostic('warning', stage.name, 'stage-skipped', `${stage.name} did not run on this article because ${lacking.map((l) => `"${l}"`).join(', ')} failed (see the stage-failed error); its layers are missing.`));
      continue;
    }
    const t0 = performance.now();
    try {
      const out = stage.run(guardArticleReads(stage, current), ctx, configFor(stage.defaults, overrides, stage.name));
      const diagnostics: Diagnostic[] = [...current.diagnostics, ...(out.diagnostics ?? [])];
      const next: Article = { ...current, layers: { ...current.layers, ...out.layers }, diagnostics };
      for (const p of stage.provides) checkLayer(next, articleLayer(p), stage.name);
      current = next;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      ctx.logger.log('error', `${stage.name} failed on ${article.id}: ${message}`);
      for (const p of stage.provides) missing.add(p);
      current = withProblem(current, stageFailed(stage.name, 'this article', message));
    }
    const elapsed = performance.now() - t0;
    timings?.set(stage.name, (timings.get(stage.name) ?? 0) + elapsed);
    if (elapsed > budgetMs) {
      current = withProblem(
        current,
        diagnostic('warning', stage.name, 'stage-over-budget', `${stage.name} took ${Math.round(elapsed)} ms on this article, over its ${budgetMs} ms budget. Split the article or report the text as a performance bug.`),
      );
    }
  }
  return current;
}

function stageFailed(stage: string, where: string, message: string): Diagnostic {
  return diagnostic('error', stage, 'stage-failed', `${stage} failed on ${where} (${message}); what it adds is missing there. Please report this as a bug with the article attached.`);
}

function withProblem(article: Article, problem: Diagnostic): Article {
  const status = problem.severity === 'error' || problem.rule === 'stage-skipped' ? 'partial' : article.status;
  return { ...article, status: article.status === 'failed' ? 'failed' : status, diagnostics: [...article.diagnostics, problem] };
}

/** Spans must slice to non-empty text of their article: a broken stage is a bug, caught here. */
function checkLayer(article: Article, layer: LayerName, stage: string): void {
  for (const span of article.layers[layer]) {
    if (!(span.start >= 0 && span.end > span.start && span.end <= article.text.length)) {
      throw new Error(`${stage} produced an invalid span [${span.start}, ${span.end}) in layer ${layer}`);
    }
  }
}

export interface RunOptions {
  readonly config?: StageConfig;
  /** Called after each article's stages ran (for progress bars). */
  readonly onArticle?: (done: number, total: number) => void;
  readonly onStage?: (stage: string) => void;
  /** When given, receives milliseconds spent per stage (summed over articles). */
  readonly timings?: Map<string, number>;
  /** Per-stage time budget on one article (ms); defaults to DEFAULT_STAGE_BUDGET_MS. */
  readonly stageBudgetMs?: number;
}

/** The whole pipeline over a set of articles: article stages per article, then corpus stages in order. */
export function runPipeline(pipeline: Pipeline, articles: readonly Article[], ctx: Context, options: RunOptions = {}): CorpusResult {
  assertPipeline(pipeline);
  const overrides = options.config ?? {};
  const annotated: Article[] = [];
  for (const article of articles) {
    annotated.push(runArticleStages(article, pipeline.articleStages, ctx, overrides, options.timings, options.stageBudgetMs));
    options.onArticle?.(annotated.length, articles.length);
  }
  let corpus: CorpusResult = emptyCorpus(annotated);
  for (const stage of pipeline.corpusStages) {
    options.onStage?.(stage.name);
    const t0 = performance.now();
    corpus = runCorpusStage(stage, corpus, ctx, configFor(stage.defaults, overrides, stage.name));
    options.timings?.set(stage.name, (options.timings.get(stage.name) ?? 0) + performance.now() - t0);
  }
  return corpus;
}

type Attempt = { readonly out: Partial<Omit<CorpusResult, 'articles'>> } | { readonly error: string };

/**
 * Runs one corpus stage. When it throws, the stage is isolated to the part of the corpus it fails on:
 * 1. run it on each story (each article when there are no stories yet) alone, to find the ones it fails on;
 * 2. run it once more on the corpus without those, and keep what earlier stages built for them;
 * 3. when no single story fails alone, or the rest fails too, keep what earlier stages built for the whole corpus.
 * The articles it failed on get a stage-failed error; the report is produced either way.
 */
function runCorpusStage(stage: CorpusStage<unknown>, corpus: CorpusResult, ctx: Context, config: unknown): CorpusResult {
  const attempt = (input: CorpusResult): Attempt => {
    try {
      return { out: stage.run(guardCorpusReads(stage, input), ctx, config) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  };
  const whole = attempt(corpus);
  if ('out' in whole) return { ...corpus, ...pick(whole.out, stage.provides) };
  ctx.logger.log('error', `${stage.name} failed on the corpus: ${whole.error}`);
  const failures = new Map<string, Diagnostic>();
  const units = corpusUnits(corpus);
  if (units.length > 1) {
    for (const unit of units) {
      const alone = attempt(restrictCorpus(corpus, new Set(unit.articles)));
      if ('error' in alone) for (const id of unit.articles) failures.set(id, stageFailed(stage.name, unit.label, alone.error));
    }
  }
  if (failures.size > 0 && failures.size < corpus.articles.length) {
    const good = new Set(corpus.articles.filter((a) => !failures.has(a.id)).map((a) => a.id));
    const rest = attempt(restrictCorpus(corpus, good));
    if ('out' in rest) {
      const kept = restrictCorpus(corpus, new Set(failures.keys()));
      return withFailures({ ...corpus, ...merge(rest.out, kept, stage.provides) }, failures);
    }
  }
  const everywhere = stageFailed(stage.name, 'the corpus as a whole', whole.error);
  return withFailures(corpus, new Map(corpus.articles.map((a) => [a.id, everywhere])));
}

/** The parts a corpus stage can run on alone: its stories (plus each article no story holds), else its articles. */
function corpusUnits(corpus: CorpusResult): { readonly label: string; readonly articles: readonly string[] }[] {
  const held = new Set(corpus.stories.flatMap((s) => s.articles));
  return [
    ...corpus.stories.map((s) => ({ label: `story ${s.id}, which holds this article`, articles: s.articles })),
    ...corpus.articles.filter((a) => !held.has(a.id)).map((a) => ({ label: 'this article', articles: [a.id] })),
  ];
}

/** What the stage built for the rest, followed by what earlier stages built for the part it failed on. */
function merge(out: Partial<Omit<CorpusResult, 'articles'>>, failed: CorpusResult, provides: readonly CorpusLayerRef[]): Partial<CorpusResult> {
  const result: Record<string, readonly unknown[]> = {};
  for (const key of provides.map(corpusLayer)) {
    const built = out[key];
    if (built !== undefined) result[key] = [...built, ...failed[key]];
  }
  return result as Partial<CorpusResult>;
}

function withFailures(corpus: CorpusResult, failures: ReadonlyMap<string, Diagnostic>): CorpusResult {
  const articles = corpus.articles.map((a) => {
    const problem = failures.get(a.id);
    return problem ? withProblem(a, problem) : a;
  });
  return { ...corpus, articles };
}

/** Only what a corpus stage declares it provides is applied. */
function pick(out: Partial<Omit<CorpusResult, 'articles'>>, provides: readonly CorpusLayerRef[]): Partial<CorpusResult> {
  const result: Record<string, unknown> = {};
  for (const key of provides.map(corpusLayer)) if (out[key] !== undefined) result[key] = out[key];
  return result as Partial<CorpusResult>;
}
