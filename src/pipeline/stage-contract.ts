// The pipeline contract the runner enforces: one stage per name, scoped layer names that exist, and a stage that reads a layer it did not declare is refused at run time.
import type { Article, Layers } from '../core/article.js';
import { LAYER_NAMES } from '../core/article.js';
import type { CorpusResult } from '../core/corpus.js';
import { ParallaxError } from '../core/errors.js';
import { parseLayer } from '../core/layer-ref.js';
import type { ArticleStage, CorpusStage } from '../core/stage.js';

type AnyStage = ArticleStage<unknown> | CorpusStage<unknown>;

const ARTICLE_LAYERS: ReadonlySet<string> = new Set(LAYER_NAMES);

/**
 * Problems with the list itself: a stage name twice (whatever its kind), a layer name without a known scope or that
 * names no layer, an article stage reading or writing a corpus layer, a corpus stage writing an article layer.
 */
export function contractProblems(stages: readonly AnyStage[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) problems.push(`${stage.name} appears twice`);
    names.add(stage.name);
    const declared: readonly (readonly [string, 'requires' | 'provides'])[] = [
      ...stage.requires.map((l) => [l, 'requires'] as const),
      ...stage.provides.map((l) => [l, 'provides'] as const),
    ];
    for (const [layer, role] of declared) {
      const parsed = parseLayer(layer);
      if (!parsed) {
        problems.push(`${stage.name} names "${layer}", which is no layer (write "article.<layer>" or "corpus.<layer>")`);
      } else if (stage.kind === 'article' && parsed.scope === 'corpus') {
        problems.push(`${stage.name} is a per-article stage but ${role} the corpus layer "${layer}"`);
      } else if (stage.kind === 'corpus' && role === 'provides' && parsed.scope === 'article') {
        problems.push(`${stage.name} is a corpus stage but provides the article layer "${layer}"`);
      }
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

/** What a stage may read, split by scope: its declared layers, plus each article's structure. */
interface Allowed {
  readonly article: ReadonlySet<string>;
  readonly corpus: ReadonlySet<string>;
}

/** An article whose layers throw when the stage reads one it neither requires nor provides. */
function guardedArticle(stage: AnyStage, article: Article, allowed: ReadonlySet<string>): Article {
  const layers = new Proxy(article.layers, {
    get(target, key, receiver) {
      if (typeof key === 'string' && ARTICLE_LAYERS.has(key) && !allowed.has(key)) throw undeclared(stage, `article.${key}`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as Layers;
  return { ...article, layers };
}

function allowedOf(stage: AnyStage): Allowed {
  // Paragraphs and sentences are the document's structure: every stage may read them once the sentences stage ran.
  const article = new Set<string>(['paragraphs', 'sentences']);
  const corpus = new Set<string>();
  for (const ref of [...stage.requires, ...stage.provides]) {
    const parsed = parseLayer(ref);
    if (parsed) (parsed.scope === 'article' ? article : corpus).add(parsed.name);
  }
  return { article, corpus };
}

/** The article as an article stage may see it. */
export function guardArticleReads(stage: ArticleStage<unknown>, article: Article): Article {
  return guardedArticle(stage, article, allowedOf(stage).article);
}

/** The corpus as a corpus stage may see it: its declared corpus layers, and its declared layers of each article. */
export function guardCorpusReads(stage: CorpusStage<unknown>, corpus: CorpusResult): CorpusResult {
  const allowed = allowedOf(stage);
  const articles = corpus.articles.map((a) => guardedArticle(stage, a, allowed.article));
  return new Proxy(corpus, {
    get(target, key, receiver) {
      if (key === 'articles') return articles;
      if (typeof key === 'string' && key in target && !allowed.corpus.has(key)) throw undeclared(stage, `corpus.${key}`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
