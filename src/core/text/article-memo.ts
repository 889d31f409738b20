// Values derived from one article alone, computed once per article object and reused while that object lives.
import type { Article } from '../article.js';

/**
 * One derived value per article, tagged with a key naming everything else it depends on (configuration, a stage
 * version, what the rest of its story says about it). A lookup with another key recomputes and replaces the entry.
 * Articles are immutable, so the object is the identity; entries go with their article when it is collected, so a
 * long stream holds only the values of the articles still in memory (the engine's bounded article cache).
 */
export class ArticleMemo<T> {
  private readonly entries = new WeakMap<Article, { readonly key: string; readonly value: T }>();

  get(article: Article, key: string, compute: () => T): T {
    const hit = this.entries.get(article);
    if (hit !== undefined && hit.key === key) return hit.value;
    const value = compute();
    this.entries.set(article, { key, value });
    return value;
  }
}
