// The pipeline contract the runner enforces: one stage per name, reads declared, and a stage that reads a layer it did not declare is refused at run time.
import type { Article, Layers } from '../core/article.js';
import { LAYER_NAMES } from '../core/article.js';
import type { CorpusResult } from '../core/corpus.js';
import { ParallaxError } from '../core/errors.js';
import type { ArticleStage, CorpusStage } from '../core/stage.js';

type AnyStage = ArticleStage<unknown> | CorpusStage<unknown>;

const ARTICLE_LAYERS: ReadonlySet<string> = new Set(LAYER_NAMES);

/** Problems with the list itself: a stage name twice (whatever its kind), a read or write of a layer that does not exist. */
export function contractProblems(stages: readonly AnyStage[], corpusLayers: readonly string[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const known = new Set([...ARTICLE_LAYERS, ...corpusLayers]);
  for (const stage of stages) {
    if (names.has(stage.name)) problems.push(`${stage.name} appears twice`);
    names.add(stage.name);
    for (const layer of [...stage.requires, ...stage.provides]) {
      if (!known.has(layer)) problems.push(`${stage.name} names "${layer}", which is no layer`);
    }
  }
  return problems;
}

function undeclared(stage: AnyStage, layer: string): ParallaxError {
  return new ParallaxError(
    'PX300',
    `${stage.name} read the layer "${layer}" without declaring it. Add "${layer}" to its requires so the runner can order it and know what to recompute when that layer changes.`,
  );
}

/** An article whose layers throw when the stage reads one it neither requires nor provides. */
function guardedArticle(stage: AnyStage, article: Article, allowed: ReadonlySet<string>): Article {
  const layers = new Proxy(article.layers, {
    get(target, key, receiver) {
      if (typeof key === 'string' && ARTICLE_LAYERS.has(key) && !allowed.has(key)) throw undeclared(stage, key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as Layers;
  return { ...article, layers };
}

function allowedOf(stage: AnyStage): Set<string> {
  // Paragraphs and sentences are the document's structure: every stage may read them once the sentences stage ran.
  return new Set<string>([...stage.requires, ...stage.provides, 'paragraphs', 'sentences']);
}

/** The article as an article stage may see it. */
export function guardArticleReads(stage: ArticleStage<unknown>, article: Article): Article {
  return guardedArticle(stage, article, allowedOf(stage));
}

/** The corpus as a corpus stage may see it: its declared corpus layers, and its declared layers of each article. */
export function guardCorpusReads(stage: CorpusStage<unknown>, corpus: CorpusResult): CorpusResult {
  const allowed = allowedOf(stage);
  const articles = corpus.articles.map((a) => guardedArticle(stage, a, allowed));
  return new Proxy(corpus, {
    get(target, key, receiver) {
      if (key === 'articles') return articles;
      if (typeof key === 'string' && key in target && !allowed.has(key)) throw undeclared(stage, key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
