// Corpus work scoped to one story: the corpus stages over its articles alone, into a report whose ids carry the story id.
import type { Article } from '../core/article.js';
import type { Context } from '../core/context.js';
import { emptyCorpus, type CorpusResult, type Story } from '../core/corpus.js';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import { corpusLayer } from '../core/layer-ref.js';
import { storiesStage } from '../corpus/stories/index.js';
import { describePipeline } from '../pipeline/registry.js';
import type { Pipeline, StageConfig } from '../pipeline/runner.js';
import type { CorpusStage } from '../pipeline/stage.js';
import { buildReport, reportOrder } from '../report/build-report.js';
import type { Report } from '../report/schema.js';

/** Longest story title taken from a lead sentence when the article has no title. */
export const MAX_STORY_TITLE = 160;

export interface StoryAnalysisOptions {
  readonly config?: StageConfig;
  /** Receives milliseconds spent per corpus stage. */
  readonly timings?: Map<string, number>;
}

/** The corpus stages that run inside one story: all but the one that finds stories (membership is given). */
export function storyStages(pipeline: Pipeline): readonly CorpusStage<unknown>[] {
  return pipeline.corpusStages.filter((s) => s.name !== storiesStage.name);
}

/** A story's title: its earliest article's title, else that article's lead sentence (a function of membership alone). */
export function storyTitle(articles: readonly Article[]): string {
  const first = reportOrder(articles)[0];
  if (!first) return '';
  const title = first.meta.title?.trim();
  if (title) return title;
  const lead = first.layers.sentences[0];
  const line = (lead ? first.text.slice(lead.start, lead.end) : (first.text.split('\n').find((l) => l.trim()) ?? '')).trim();
  if (line.length <= MAX_STORY_TITLE) return line;
  const cut = line.lastIndexOf(' ', MAX_STORY_TITLE);
  return line.slice(0, cut > 0 ? cut : MAX_STORY_TITLE);
}

function configFor(stage: CorpusStage<unknown>, overrides: StageConfig): unknown {
  const o = overrides[stage.name];
  const d = stage.defaults;
  return o && typeof d === 'object' && d !== null ? { ...d, ...o } : d;
}

/**
 * Runs the story's corpus stages over its articles (in report order, so arrival order never matters). A stage that
 * throws becomes an error diagnostic on the story's articles in this report; the stages after it still run on what
 * the earlier ones built.
 */
export function analyzeStoryCorpus(id: string, members: readonly Article[], pipeline: Pipeline, ctx: Context, options: StoryAnalysisOptions = {}): CorpusResult {
  const articles = reportOrder(members);
  const story: Story = { id, title: storyTitle(articles), articles: articles.map((a) => a.id), events: [] };
  let corpus: CorpusResult = { ...emptyCorpus(articles), stories: [story] };
  const failures: Diagnostic[] = [];
  for (const stage of storyStages(pipeline)) {
    const t0 = performance.now();
    try {
      const out = stage.run(corpus, ctx, configFor(stage, options.config ?? {}));
      const picked: Record<string, unknown> = {};
      for (const key of stage.provides.map(corpusLayer)) if (out[key] !== undefined) picked[key] = out[key];
      corpus = { ...corpus, ...(picked as Partial<CorpusResult>) };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      ctx.logger.log('error', `${stage.name} failed on story ${id}: ${message}`);
      failures.push(
        diagnostic('error', stage.name, 'stage-failed', `${stage.name} failed on story ${id}, which holds this article (${message}); what it adds to the story is missing. Please report this as a bug with the story's articles attached.`),
      );
    }
    options.timings?.set(stage.name, (options.timings.get(stage.name) ?? 0) + performance.now() - t0);
  }
  if (!failures.length) return corpus;
  const failed = corpus.articles.map((a) => ({ ...a, status: a.status === 'failed' ? a.status : ('partial' as const), diagnostics: [...a.diagnostics, ...failures] }));
  return { ...corpus, articles: failed };
}

/** One story's report-v1 subset: every id but article ids is prefixed with the story id, so stories never collide. */
export function analyzeStory(id: string, members: readonly Article[], pipeline: Pipeline, ctx: Context, options: StoryAnalysisOptions = {}): Report {
  const corpus = analyzeStoryCorpus(id, members, pipeline, ctx, options);
  return scopeReportIds(buildReport(corpus, { pipeline: describePipeline(pipeline) }), id);
}

/** Prefixes entity, quote, quote-group, claim and event ids with `story.` (story and article ids stay). */
export function scopeReportIds(report: Report, story: string): Report {
  const p = (id: string): string => `${story}.${id}`;
  const pn = (id: string | null): string | null => (id === null ? null : p(id));
  return {
    ...report,
    entities: report.entities.map((e) => ({ ...e, id: p(e.id) })),
    quotes: report.quotes.map((q) => ({ ...q, id: p(q.id), speaker: { ...q.speaker, entity: pn(q.speaker.entity) } })),
    quoteGroups: report.quoteGroups.map((g) => ({
      ...g,
      id: p(g.id),
      speaker: pn(g.speaker),
      quotes: g.quotes.map(p),
      differences: g.differences.map((d) => ({ ...d, quote: p(d.quote) })),
    })),
    stories: report.stories.map((s) => ({ ...s, events: s.events.map((v) => ({ ...v, id: p(v.id), claims: v.claims.map(p) })) })),
    claims: report.claims.map((c) => ({ ...c, id: p(c.id), conflicts: c.conflicts.map((k) => ({ ...k, claim: p(k.claim) })) })),
    timeline: report.timeline.map((t) => ({ ...t, claims: t.claims.map(p) })),
    coverage: report.coverage.map((c) => ({
      ...c,
      outlets: c.outlets.map((o) => ({ ...o, carries: o.carries.map(p), omits: o.omits.map(p), omitsCorroborated: o.omitsCorroborated.map(p) })),
    })),
  };
}
