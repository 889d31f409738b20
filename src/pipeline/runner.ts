// Applies stages: checks requires/provides before anything runs, then runs article stages and corpus stages.
import type { Article, LayerName } from '../core/article.js';
import type { Context } from '../core/context.js';
import type { CorpusLayerName, CorpusResult } from '../core/corpus.js';
import { emptyCorpus } from '../core/corpus.js';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import { ParallaxError } from '../core/errors.js';
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
  const names = new Set<string>();
  for (const stage of [...pipeline.articleStages, ...pipeline.corpusStages]) {
    if (names.has(stage.name) && stage.kind === 'article') problems.push(`${stage.name} appears twice`);
    names.add(stage.name);
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

/** Runs the article stages over one article. A crashing stage is recorded on the article, not thrown. */
export function runArticleStages(
  article: Article,
  stages: readonly ArticleStage<unknown>[],
  ctx: Context,
  overrides: StageConfig = {},
  timings?: Map<string, number>,
): Article {
  let current = article;
  for (const stage of stages) {
    if (current.status === 'failed') break;
    const t0 = timings ? performance.now() : 0;
    try {
      const out = stage.run(current, ctx, configFor(stage.defaults, overrides, stage.name));
      const diagnostics: Diagnostic[] = [...current.diagnostics, ...(out.diagnostics ?? [])];
      const next: Article = { ...current, layers: { ...current.layers, ...out.layers }, diagnostics };
      for (const p of stage.provides) checkLayer(next, p as LayerName, stage.name);
      current = next;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      ctx.logger.log('error', `${stage.name} crashed on ${article.id}: ${message}`);
      current = {
        ...current,
        status: 'partial',
        diagnostics: [
          ...current.diagnostics,
          diagnostic('error', stage.name, 'stage-crashed', `${stage.name} failed on this article (${message}); its layers are missing. Please report this as a bug.`),
        ],
      };
    }
    if (timings) timings.set(stage.name, (timings.get(stage.name) ?? 0) + performance.now() - t0);
  }
  return current;
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
}

/** The whole pipeline over a set of articles: article stages per article, then corpus stages in order. */
export function runPipeline(pipeline: Pipeline, articles: readonly Article[], ctx: Context, options: RunOptions = {}): CorpusResult {
  assertPipeline(pipeline);
  const overrides = options.config ?? {};
  const annotated: Article[] = [];
  for (const article of articles) {
    annotated.push(runArticleStages(article, pipeline.articleStages, ctx, overrides, options.timings));
    options.onArticle?.(annotated.length, articles.length);
  }
  let corpus: CorpusResult = emptyCorpus(annotated);
  for (const stage of pipeline.corpusStages) {
    options.onStage?.(stage.name);
    const t0 = performance.now();
    const out = stage.run(corpus, ctx, configFor(stage.defaults, overrides, stage.name));
    options.timings?.set(stage.name, (options.timings.get(stage.name) ?? 0) + performance.now() - t0);
    corpus = { ...corpus, ...pick(out, stage.provides) };
  }
  return corpus;
}

/** Only what a corpus stage declares it provides is applied. */
function pick(out: Partial<Omit<CorpusResult, 'articles'>>, provides: readonly CorpusLayerName[]): Partial<CorpusResult> {
  const result: Record<string, unknown> = {};
  for (const key of provides) if (out[key] !== undefined) result[key] = out[key];
  return result as Partial<CorpusResult>;
}
