// Keeps story ids stable across re-assignments: each new group takes the id of the old story it overlaps most.
import type { AssignedStory } from '../store/postgres/work-state.js';

export interface StoryGroup {
  readonly title: string;
  /** Member article ids, sorted. */
  readonly articleIds: readonly string[];
}

export interface MatchedStories {
  readonly stories: readonly AssignedStory[];
  /** Ids of stories that are new or whose members, title or absorbed ids changed: they need a fresh analysis. */
  readonly changed: readonly string[];
  /** Old ids that no longer name a story (absorbed by a merge, or emptied). */
  readonly removed: readonly string[];
}

/**
 * Greedy maximum overlap: (group, old story) pairs by shared articles, most first, ties by old id then group order,
 * so the outcome depends only on the two inputs. An old story that wins no group was merged into the group holding
 * most of its articles, which records it as absorbed; a group that wins no old id gets a new one.
 */
export async function matchStoryIds(previous: readonly AssignedStory[], groups: readonly StoryGroup[], nextId: () => Promise<string>): Promise<MatchedStories> {
  const oldOf = new Map<string, string>();
  for (const s of previous) for (const a of s.articleIds) oldOf.set(a, s.id);
  const overlaps = groups.map((g) => {
    const counts = new Map<string, number>();
    for (const a of g.articleIds) {
      const old = oldOf.get(a);
      if (old !== undefined) counts.set(old, (counts.get(old) ?? 0) + 1);
    }
    return counts;
  });
  const pairs = overlaps.flatMap((counts, group) => [...counts].map(([old, shared]) => ({ group, old, shared })));
  pairs.sort((x, y) => y.shared - x.shared || (x.old < y.old ? -1 : x.old > y.old ? 1 : 0) || x.group - y.group);
  const idOf = new Map<number, string>();
  const taken = new Set<string>();
  for (const p of pairs) {
    if (idOf.has(p.group) || taken.has(p.old)) continue;
    idOf.set(p.group, p.old);
    taken.add(p.old);
  }
  const before = new Map(previous.map((s) => [s.id, s]));
  const absorbedBy = new Map<number, string[]>();
  for (const s of previous) {
    if (taken.has(s.id)) continue;
    let best = -1;
    let most = 0;
    overlaps.forEach((counts, group) => {
      const shared = counts.get(s.id) ?? 0;
      if (shared > most) [best, most] = [group, shared];
    });
    if (best >= 0) absorbedBy.set(best, [...(absorbedBy.get(best) ?? []), s.id]);
  }
  const stories: AssignedStory[] = [];
  const changed: string[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const kept = idOf.get(g);
    const id = kept ?? (await nextId());
    const old = kept !== undefined ? before.get(kept) : undefined;
    const newlyAbsorbed = absorbedBy.get(g) ?? [];
    const absorbed = [...new Set([...(old?.absorbed ?? []), ...newlyAbsorbed, ...newlyAbsorbed.flatMap((a) => before.get(a)?.absorbed ?? [])])].sort();
    const same = old !== undefined && old.title === group.title && sameList(old.articleIds, group.articleIds) && sameList(old.absorbed, absorbed);
    stories.push({ id, title: group.title, articleIds: group.articleIds, absorbed, revision: same ? old.revision : (old?.revision ?? 0) + 1 });
    if (!same) changed.push(id);
  }
  const kept = new Set(stories.map((s) => s.id));
  return { stories, changed, removed: previous.map((s) => s.id).filter((id) => !kept.has(id)) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
