// The explicit, versioned list of stages Parallax runs, in order.
import { aliasesStage } from '../corpus/aliases/index.js';
import { briefStage, timelineStage } from '../corpus/brief/index.js';
import { claimsStage } from '../corpus/claims/index.js';
import { duplicatesStage } from '../corpus/duplicates/index.js';
import { eventsStage } from '../corpus/events/index.js';
import { provenanceStage } from '../corpus/provenance/index.js';
import { quoteGroupsStage } from '../corpus/quote-groups/index.js';
import { storiesStage } from '../corpus/stories/index.js';
import { attributionsStage } from '../stages/attributions/index.js';
import { entitiesStage } from '../stages/entities/index.js';
import { quantitiesStage } from '../stages/quantities/index.js';
import { quotesStage } from '../stages/quotes/index.js';
import { sentencesStage } from '../stages/sentences/index.js';
import { timesStage } from '../stages/times/index.js';
import type { Pipeline } from './runner.js';
import type { ArticleStage, CorpusStage } from './stage.js';

/** Per-article stages: each adds span layers to one article. */
export const ARTICLE_STAGES: readonly ArticleStage<unknown>[] = [
  sentencesStage,
  entitiesStage,
  quotesStage,
  attributionsStage,
  timesStage,
  quantitiesStage,
];

/** Whole-corpus stages: each reads all articles and what earlier corpus stages built. */
export const CORPUS_STAGES: readonly CorpusStage<unknown>[] = [
  duplicatesStage,
  aliasesStage,
  storiesStage,
  quoteGroupsStage,
  claimsStage,
  eventsStage,
  provenanceStage,
  timelineStage,
  briefStage,
];

export function defaultPipeline(): Pipeline {
  return { articleStages: ARTICLE_STAGES, corpusStages: CORPUS_STAGES };
}

export function describePipeline(pipeline: Pipeline): { stage: string; version: string }[] {
  return [...pipeline.articleStages, ...pipeline.corpusStages].map((s) => ({ stage: s.name, version: s.version }));
}
