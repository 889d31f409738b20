// Cross-article entity merging over plain mention lists: shared keys, acronyms, surnames with context, type votes.
import type { EntityType } from '../../core/article.js';
import { findRoot } from '../../core/find-root.js';
import { cleanName, initials } from '../../stages/entities/within-article-aliases.js';
import { nameKey, normalizeName, type KeyRule } from './name-key.js';

export interface AliasMention {
  readonly article: string;
  /** Within-article canonical name ("Donald Trump" for a bare "Trump"). */
  readonly canonical: string;
  readonly type: EntityType;
  /** The text as written. */
  readonly surface: string;
  /** Within-article rule ("self", "surname", "role", ...); role surfaces never become aliases. */
  readonly how?: string;
}

export interface AliasCluster {
  readonly name: string;
  readonly type: EntityType;
  /** Indexes into the input mention list. */
  readonly mentions: readonly number[];
  readonly aliases: readonly string[];
  readonly merges: readonly { readonly alias: string; readonly reason: string }[];
}

export interface MergeSettings {
  /** A key seen under two non-place types joins the majority type when it has at least this share of mentions. */
  readonly typeVoteShare: number;
}

export const DEFAULT_MERGE_SETTINGS: MergeSettings = { typeVoteShare: 0.5 };

/** Ties in the type vote go to the first: a name seen as often PERSON as ORG is a person. */
const TYPE_PRIORITY: readonly EntityType[] = ['PERSON', 'ORG', 'MISC'];

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    return findRoot(this.parent, i);
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  }
}

interface Group {
  readonly id: number;
  readonly type: EntityType;
  readonly key: string;
  readonly mentions: number[];
  /** Why each written form joined the group's key. */
  readonly rules: Map<string, KeyRule>;
}

/** Keys are per type so that Washington the city (LOC) and Washington the government (ORG) stay apart. */
function groupByKey(mentions: readonly AliasMention[]): Group[] {
  const groups = new Map<string, Group>();
  mentions.forEach((m, i) => {
    const k = nameKey(m.canonical, m.type);
    const id = `${m.type}\u0000${k.key}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id: groups.size, type: m.type, key: k.key, mentions: [], rules: new Map() }));
    g.mentions.push(i);
    if (!g.rules.has(m.canonical)) g.rules.set(m.canonical, k.rule);
  });
  return [...groups.values()];
}

/**
 * Merges mentions into entities. Order:
 * 1. shared key per type (normalization, transliteration, exonyms, organisation synonyms);
 * 2. type vote: a key seen as PERSON/ORG/MISC joins its majority type, ties to PERSON, then ORG (never across
 *    LOC: metonymy stays apart);
 * 3. acronym: an all-caps ORG/MISC name equal to the initials of exactly one longer name of that type;
 * 4. surname: a one-word PERSON joins the only full name ending in it, or, when several share the surname,
 *    the one whose articles share the most other entities with its articles (strictly more than the runner-up);
 * 5. given name / short form: a one-word PERSON (ORG/MISC) that opens (opens or closes) exactly one longer name
 *    of its type, when their articles share at least one other entity.
 */
export function mergeAliases(mentions: readonly AliasMention[], settings: MergeSettings = DEFAULT_MERGE_SETTINGS): AliasCluster[] {
  const groups = groupByKey(mentions);
  const uf = new UnionFind(groups.length);
  const reasons = new Map<number, string>(); // group id -> reason it joined its cluster

  // 2. type vote
  const byKey = new Map<string, Group[]>();
  for (const g of groups) byKey.set(g.key, [...(byKey.get(g.key) ?? []), g]);
  for (const same of byKey.values()) {
    const movable = same.filter((g) => g.type !== 'LOC');
    if (movable.length < 2) continue;
    const total = movable.reduce((n, g) => n + g.mentions.length, 0);
    const rank = (g: Group): number => TYPE_PRIORITY.indexOf(g.type);
    const major = [...movable].sort((a, b) => b.mentions.length - a.mentions.length || rank(a) - rank(b))[0]!;
    if (major.mentions.length / total < settings.typeVoteShare) continue;
    for (const g of movable) {
      if (g !== major && uf.union(major.id, g.id)) reasons.set(g.id, `type-vote: ${g.type} -> ${major.type}`);
    }
  }

  // 3. acronyms, looked up by the initials of every multi-word name (an index, not a scan per acronym)
  const byInitials = indexGroups(
    groups.filter((o) => o.key.includes(' ')),
    (o) => [...o.rules.keys()].map((n) => `${o.type}\u0000${initials(n)}`),
  );
  for (const g of groups) {
    if ((g.type !== 'ORG' && g.type !== 'MISC') || !/^[a-z]{2,6}$/.test(g.key)) continue;
    const written = [...g.rules.keys()].some((n) => /^[A-Z][A-Z.&]+$/.test(n));
    if (!written) continue;
    const letters = g.key.toUpperCase();
    const targets = (byInitials.get(`${g.type}\u0000${letters}`) ?? []).filter((o) => o !== g);
    if (targets.length === 1 && uf.union(targets[0]!.id, g.id)) reasons.set(g.id, `acronym: ${letters} = ${targets[0]!.key}`);
  }

  // 4. surnames
  const articleKeys = new Map<string, Set<number>>();
  for (const g of groups) for (const i of g.mentions) {
    const a = mentions[i]!.article;
    let s = articleKeys.get(a);
    if (!s) articleKeys.set(a, (s = new Set()));
    s.add(g.id);
  }
  const contextOf = (g: Group): Set<number> => {
    const out = new Set<number>();
    for (const i of g.mentions) for (const other of articleKeys.get(mentions[i]!.article) ?? []) out.add(other);
    return out;
  };
  const persons = groups.filter((g) => g.type === 'PERSON');
  const bySurname = indexGroups(persons, (o) => [o.key.split(' ').at(-1) ?? '']);
  for (const g of persons) {
    if (g.key.includes(' ') || !g.key) continue;
    const candidates = (bySurname.get(g.key) ?? []).filter((o) => o !== g);
    if (candidates.length === 1) {
      if (uf.union(candidates[0]!.id, g.id)) reasons.set(g.id, `surname: only ${candidates[0]!.key} ends in ${g.key}`);
      continue;
    }
    if (candidates.length < 2) continue;
    const mine = contextOf(g);
    const excluded = new Set([g.id, ...candidates.map((c) => c.id)]);
    const scored = candidates
      .map((c) => ({ c, overlap: [...contextOf(c)].filter((x) => mine.has(x) && !excluded.has(x)).length }))
      .sort((a, b) => b.overlap - a.overlap);
    const [best, second] = scored;
    if (best && best.overlap > 0 && best.overlap > (second?.overlap ?? 0) && uf.union(best.c.id, g.id)) {
      reasons.set(g.id, `surname-context: ${best.c.key} shares ${best.overlap} co-mentioned entities (runner-up ${second?.overlap ?? 0})`);
    }
  }

  // 5. given names and organisation short forms: only a unique candidate, and only when the articles overlap.
  const overlap = (a: Group, b: Group): number => {
    const mine = contextOf(a);
    return [...contextOf(b)].filter((x) => mine.has(x) && x !== a.id && x !== b.id).length;
  };
  const edgeWords = (o: Group): string[] => o.key.split(' ').filter((x) => !STOP.has(x));
  const multiWord = groups.filter((o) => o.key.includes(' '));
  const byFirst = indexGroups(multiWord, (o) => [`${o.type}\u0000${edgeWords(o)[0] ?? ''}`]);
  const byLast = indexGroups(multiWord, (o) => [`${o.type}\u0000${edgeWords(o).at(-1) ?? ''}`]);
  for (const g of groups) {
    if (g.key.includes(' ') || !g.key || reasons.has(g.id) || g.type === 'LOC') continue;
    const key = `${g.type}\u0000${g.key}`;
    const opening = byFirst.get(key) ?? [];
    const found = g.type === 'PERSON' ? opening : [...new Set([...opening, ...(byLast.get(key) ?? [])])].sort((a, b) => a.id - b.id);
    const candidates = found.filter((o) => o !== g);
    if (candidates.length !== 1) continue;
    const target = candidates[0]!;
    const shared = overlap(g, target);
    if (shared > 0 && uf.union(target.id, g.id)) {
      reasons.set(g.id, `${g.type === 'PERSON' ? 'given-name' : 'short-form'}: only ${target.key} (${shared} co-mentioned entities)`);
    }
  }

  return buildClusters(mentions, groups, uf, reasons);
}

const STOP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de']);

/** Groups under each of their keys, in input order (each group once per key). */
function indexGroups(groups: readonly Group[], keysOf: (g: Group) => readonly string[]): Map<string, Group[]> {
  const index = new Map<string, Group[]>();
  for (const g of groups) {
    for (const key of new Set(keysOf(g))) {
      const list = index.get(key);
      if (list) list.push(g);
      else index.set(key, [g]);
    }
  }
  return index;
}

function buildClusters(mentions: readonly AliasMention[], groups: readonly Group[], uf: UnionFind, reasons: ReadonlyMap<number, string>): AliasCluster[] {
  const members = new Map<number, Group[]>();
  for (const g of groups) {
    const r = uf.find(g.id);
    members.set(r, [...(members.get(r) ?? []), g]);
  }
  const clusters: AliasCluster[] = [];
  for (const [root, gs] of members) {
    const idx = gs.flatMap((g) => g.mentions).sort((a, b) => a - b);
    const type = majorityType(gs, groups[root]!.type);
    const name = displayName(idx.map((i) => mentions[i]!), type, gs);
    const merges: { alias: string; reason: string }[] = [];
    const seen = new Set([name]);
    for (const g of gs) {
      for (const i of g.mentions) {
        const m = mentions[i]!;
        const forms: [string, string][] = [[m.canonical, groupReason(g, m.canonical, name, reasons)]];
        // Surfaces are aliases without their titles: "Mayor Dmytro Kovalsky" adds nothing to "Dmytro Kovalsky".
        const surface = cleanName(m.surface, m.type);
        if (m.how !== 'role' && surface !== m.canonical) forms.push([surface, `within-article: ${m.how ?? 'self'} (${m.canonical})`]);
        for (const [form, reason] of forms) {
          if (seen.has(form)) continue;
          seen.add(form);
          merges.push({ alias: form, reason });
        }
      }
    }
    merges.sort((a, b) => a.alias.localeCompare(b.alias));
    clusters.push({ name, type, mentions: idx, aliases: merges.map((m) => m.alias), merges });
  }
  return clusters.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

/** The type most of a cluster's mentions carry; ties by TYPE_PRIORITY, LOC clusters stay LOC. */
function majorityType(gs: readonly Group[], fallback: EntityType): EntityType {
  const counts = new Map<EntityType, number>();
  for (const g of gs) counts.set(g.type, (counts.get(g.type) ?? 0) + g.mentions.length);
  const rank = (t: EntityType): number => (TYPE_PRIORITY.includes(t) ? TYPE_PRIORITY.indexOf(t) : TYPE_PRIORITY.length);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0]?.[0] ?? fallback;
}

const TRIVIAL: ReadonlySet<KeyRule> = new Set(['exact', 'normalized']);

/** Why `form` sits with `name`: the non-trivial key rule on either side wins ("exonym: Kiev ~ Kyiv"). */
function groupReason(g: Group, form: string, name: string, reasons: ReadonlyMap<number, string>): string {
  const own = g.rules.get(form) ?? 'exact';
  const other = g.rules.get(name);
  const rule = !TRIVIAL.has(own) ? own : other && !TRIVIAL.has(other) ? other : own;
  const keyed = `${rule}: ${form} ~ ${g.rules.has(name) ? name : g.key}`;
  const joined = reasons.get(g.id);
  return joined ? `${joined}; ${keyed}` : keyed;
}

/**
 * Most frequent full form: PERSON names prefer several words; then more mentions, then the form a key rule
 * maps others onto ("Kyiv" over "Kiev", "Department of Defense" over "Pentagon"), then longer, then alphabetical.
 */
function displayName(ms: readonly AliasMention[], type: EntityType, groups: readonly Group[]): string {
  const counts = new Map<string, number>();
  for (const m of ms) counts.set(m.canonical, (counts.get(m.canonical) ?? 0) + 1);
  const multi = (s: string): number => (type === 'PERSON' && s.includes(' ') ? 1 : 0);
  const target = (s: string): number => (groups.some((g) => g.key === normalizeName(s)) ? 1 : 0);
  return [...counts.entries()].sort(
    (a, b) =>
      multi(b[0]) - multi(a[0]) || b[1] - a[1] || target(b[0]) - target(a[0]) || b[0].length - a[0].length || a[0].localeCompare(b[0]),
  )[0]![0];
}
