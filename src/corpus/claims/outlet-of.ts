// Who published an article, and which independent source its reporting counts as.
import type { Article } from '../../core/article.js';
import type { DuplicateLink } from '../../core/corpus.js';

/** The outlet name; unknown outlets fall back to the source file's base name, then the URL host, then the id. */
export function outletOf(article: Article): string {
  if (article.meta.outlet) return article.meta.outlet;
  const path = article.source.path;
  if (path) return path.split(/[\\/]/).pop() ?? path;
  const url = article.source.url;
  if (url) {
    const host = /^[a-z]+:\/\/([^/]+)/i.exec(url)?.[1];
    if (host) return host;
  }
  return article.id;
}

/**
 * The independent source an article counts as:
 * (1) a near-copy counts as the root of its cluster (then steps 2-3 on the root);
 * (2) the first wire agency it credits ("wire:reuters"), so every relay of one agency counts once;
 * (3) else its outlet (two pieces by one outlet are one source).
 */
export function sourceKeyOf(article: Article, duplicateOf: ReadonlyMap<string, string>, byId: ReadonlyMap<string, Article>): string {
  const rootId = duplicateOf.get(article.id);
  const root = rootId && rootId !== article.id ? byId.get(rootId) ?? article : article;
  const credit = root.meta.credits[0] ?? article.meta.credits[0];
  if (credit) return `wire:${credit.toLowerCase()}`;
  return `outlet:${outletOf(root).toLowerCase()}`;
}

export function duplicateIndex(links: readonly DuplicateLink[]): Map<string, string> {
  return new Map(links.map((l) => [l.article, l.duplicateOf]));
}
