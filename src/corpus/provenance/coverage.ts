// Coverage per outlet: which claims of each story it carries and which it leaves out.
import type { Claim, CorpusResult, StoryCoverage } from '../../core/corpus.js';

export type { OutletCoverage, StoryCoverage } from '../../core/corpus.js';
import { outletOf } from '../claims/outlet-of.js';

export function coverage(corpus: CorpusResult): StoryCoverage[] {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const storyById = new Map(corpus.stories.map((s) => [s.id, s]));
  const claimsOf = new Map<string, Claim[]>();
  for (const c of corpus.claims) {
    const list = claimsOf.get(c.story);
    if (list) list.push(c);
    else claimsOf.set(c.story, [c]);
  }
  const storyIds = [...new Set([...corpus.stories.map((s) => s.id), ...claimsOf.keys()])];
  return storyIds.map((story) => {
    const claims = claimsOf.get(story) ?? [];
    const articleIds = storyById.get(story)?.articles ?? [...new Set(claims.flatMap((c) => c.mentions.map((m) => m.article)))];
    const outlets = new Map<string, string[]>();
    const outletOfArticle = new Map<string, string>();
    for (const id of articleIds) {
      const article = byId.get(id);
      if (!article) continue;
      const name = outletOf(article);
      outletOfArticle.set(id, name);
      outlets.set(name, [...(outlets.get(name) ?? []), id]);
    }
    // which outlets carry each claim, read off the claims' mentions once (not every claim per outlet)
    const carriedBy = new Map<string, Set<string>>();
    for (const c of claims) {
      for (const m of c.mentions) {
        const outlet = outletOfArticle.get(m.article);
        if (outlet === undefined) continue;
        const set = carriedBy.get(outlet) ?? new Set<string>();
        set.add(c.id);
        carriedBy.set(outlet, set);
      }
    }
    return {
      story,
      outlets: [...outlets].map(([outlet, articles]) => {
        const carried = carriedBy.get(outlet) ?? new Set<string>();
        const carries = claims.filter((c) => carried.has(c.id)).map((c) => c.id);
        const omitted = claims.filter((c) => !carried.has(c.id));
        return {
          outlet,
          articles,
          carries,
          omits: omitted.map((c) => c.id),
          omitsCorroborated: omitted.filter((c) => c.status === 'corroborated').map((c) => c.id),
        };
      }),
    };
  });
}
