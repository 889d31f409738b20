// Groups quotes of one speaker across articles that are the same utterance: identical, trimmed or variant.
import type { Article, QuoteSpan } from '../../core/article.js';
import type { CorpusResult, Entity, QuoteDifference, QuoteGroup, QuoteRef } from '../../core/corpus.js';
import { spansOverlap } from '../../core/span.js';
import { defineCorpusStage } from '../../pipeline/stage.js';
import { alignQuotes, DEFAULT_ALIGNMENT, quoteWords, type AlignmentThresholds, type QuoteRelation } from './word-diff.js';

export interface QuoteGroupsConfig extends AlignmentThresholds {
  /** Quotes with no resolved speaker join a group only when identical or trimmed and at least this many words long. */
  readonly minWordsUnattributed: number;
}

export const QUOTE_GROUPS_DEFAULTS: QuoteGroupsConfig = { ...DEFAULT_ALIGNMENT, minWordsUnattributed: 6 };

interface Item {
  readonly ref: QuoteRef;
  readonly words: readonly string[];
  readonly speakerKey: string | null;
  readonly entity: string | null;
  readonly direct: boolean;
}

/** Finds the corpus entity a speaker belongs to: by mention offsets first, then by name or alias. */
function speakerEntity(article: Article, quote: QuoteSpan, byArticle: Map<string, { span: { start: number; end: number }; id: string }[]>, byName: Map<string, string>): string | null {
  if (quote.speaker) {
    const hit = byArticle.get(article.id)?.find((m) => quote.speaker !== null && spansOverlap(m.span, quote.speaker));
    if (hit) return hit.id;
  }
  return quote.speakerName ? byName.get(quote.speakerName.toLowerCase()) ?? null : null;
}

function entityIndexes(entities: readonly Entity[]): {
  byArticle: Map<string, { span: { start: number; end: number }; id: string }[]>;
  byName: Map<string, string>;
} {
  const byArticle = new Map<string, { span: { start: number; end: number }; id: string }[]>();
  const byName = new Map<string, string>();
  for (const e of entities) {
    for (const m of e.mentions) {
      const list = byArticle.get(m.article) ?? [];
      list.push({ span: m, id: e.id });
      byArticle.set(m.article, list);
    }
    for (const name of [e.name, ...e.aliases]) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), e.id);
  }
  return { byArticle, byName };
}

function itemsOf(corpus: CorpusResult): Item[] {
  const { byArticle, byName } = entityIndexes(corpus.entities);
  const items: Item[] = [];
  for (const article of corpus.articles) {
    article.layers.quotes.forEach((quote, index) => {
      const entity = speakerEntity(article, quote, byArticle, byName);
      const speakerKey = entity ?? (quote.speakerName ? `name:${quote.speakerName.toLowerCase()}` : null);
      items.push({
        ref: { article: article.id, index },
        words: quoteWords(article.text.slice(quote.start, quote.end)),
        speakerKey,
        entity,
        direct: quote.kind === 'direct',
      });
    });
  }
  return items;
}

function find(parent: number[], i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r] ?? r;
  while (parent[i] !== r) {
    const next = parent[i] ?? r;
    parent[i] = r;
    i = next;
  }
  return r;
}

const SEVERITY: Record<QuoteRelation, number> = { identical: 0, trimmed: 1, variant: 2 };

/** Builds one group from linked items, comparing each member with the first (the reference). */
function groupOf(members: readonly Item[], config: AlignmentThresholds): Omit<QuoteGroup, 'id'> {
  const [reference, ...rest] = members;
  let relation: QuoteRelation = 'identical';
  const differences: QuoteDifference[] = [];
  for (const item of rest) {
    if (!reference) break;
    const aligned = alignQuotes(reference.words, item.words, config);
    const rel = aligned.relation ?? 'variant';
    if (SEVERITY[rel] > SEVERITY[relation]) relation = rel;
    if (rel === 'variant') for (const c of aligned.changes) differences.push({ quote: item.ref, from: c.from, to: c.to });
  }
  return {
    speaker: members.find((m) => m.entity !== null)?.entity ?? null,
    quotes: members.map((m) => m.ref),
    relation,
    differences,
  };
}

function trigramAt(words: readonly string[], k: number): string {
  return `${words[k]}\u0000${words[k + 1]}\u0000${words[k + 2]}`;
}

function trigramIndexes(items: readonly Item[]): { byTrigram: Map<string, number[]>; byFirst: Map<string, number[]> } {
  const byTrigram = new Map<string, number[]>();
  const byFirst = new Map<string, number[]>();
  items.forEach((item, i) => {
    if (item.words.length < 3) return;
    const first = trigramAt(item.words, 0);
    (byFirst.get(first) ?? byFirst.set(first, []).get(first))?.push(i);
    const seen = new Set<string>();
    for (let k = 0; k + 3 <= item.words.length; k++) {
      const t = trigramAt(item.words, k);
      if (seen.has(t)) continue;
      seen.add(t);
      (byTrigram.get(t) ?? byTrigram.set(t, []).get(t))?.push(i);
    }
  });
  return { byTrigram, byFirst };
}

/** Groups quotes across articles; ids g1.. follow the order of each group's first quote in the corpus. */
export function groupQuotes(corpus: CorpusResult, config: QuoteGroupsConfig = QUOTE_GROUPS_DEFAULTS): QuoteGroup[] {
  const items = itemsOf(corpus);
  const parent = items.map((_, i) => i);
  const bySpeaker = new Map<string, number[]>();
  const unattributed: number[] = [];
  items.forEach((item, i) => {
    // Without a speaker only a direct quotation can be recognised as the same utterance; narrative is not a quote.
    if (item.speakerKey === null) {
      if (item.direct) unattributed.push(i);
    }
    else bySpeaker.set(item.speakerKey, [...(bySpeaker.get(item.speakerKey) ?? []), i]);
  });
  const link = (i: number, j: number, strictOnly: boolean): void => {
    const a = items[i];
    const b = items[j];
    if (!a || !b || a.ref.article === b.ref.article) return;
    const { relation } = alignQuotes(a.words, b.words, config);
    if (relation === null) return;
    if (strictOnly && (relation === 'variant' || Math.min(a.words.length, b.words.length) < config.minWordsUnattributed)) return;
    parent[find(parent, j)] = find(parent, i);
  };
  for (const list of bySpeaker.values()) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) link(list[x] ?? 0, list[y] ?? 0, false);
  }
  // An unattributed quote may join any quote, but only as an identical or trimmed copy: the shorter one's
  // first three words then stand in the longer one, so an index of word trigrams finds every candidate.
  const { byTrigram, byFirst } = trigramIndexes(items);
  for (const u of unattributed) {
    const words = items[u]?.words ?? [];
    const candidates = new Set<number>(byTrigram.get(trigramAt(words, 0)) ?? []);
    for (let k = 0; k + 3 <= words.length; k++) for (const j of byFirst.get(trigramAt(words, k)) ?? []) candidates.add(j);
    for (const j of [...candidates].sort((x, y) => x - y)) if (j !== u) link(j, u, true);
  }
  const clusters = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(parent, i);
    clusters.set(root, [...(clusters.get(root) ?? []), item]);
  });
  const groups: QuoteGroup[] = [];
  for (const members of clusters.values()) {
    if (new Set(members.map((m) => m.ref.article)).size < 2) continue;
    groups.push({ id: `g${groups.length + 1}`, ...groupOf(members, config) });
  }
  return groups;
}

export const quoteGroupsStage = defineCorpusStage<QuoteGroupsConfig>({
  name: 'parallax.quote-groups.v1',
  version: '1.0.0',
  requires: ['quotes', 'entities'],
  provides: ['quoteGroups'],
  defaults: QUOTE_GROUPS_DEFAULTS,
  run(corpus, _ctx, config) {
    return { quoteGroups: groupQuotes(corpus, config) };
  },
});
