// Story clustering that re-examines a bounded neighbourhood on each arrival: average link over the new item and the members of its candidate stories (found through an inverted index), so membership hardly depends on arrival order.
import type { FeatureCounts } from './article-features.js';
import { dot, numberKeys, pairwiseDots, sumVectors, topKeys, type NumberedVectors, type SparseVector } from './online-clusterer.js';

/** Turns an item's raw feature counts into a unit vector under the current document frequencies. */
export type Weigher = (features: ReadonlyMap<string, number>) => SparseVector;

export interface LocalClustererOptions {
  /** Mean article-to-article cosine (average link) two groups need to be one story. */
  readonly threshold: number;
  /** An item's heaviest keys that go into (and are looked up in) the inverted index. */
  readonly topKeys: number;
  /** Candidate stories (most shared key weight first) scored exactly per arrival. */
  readonly maxCandidates: number;
  /** Best-scoring candidate stories re-clustered together with the arrival. */
  readonly neighbourhood: number;
  /**
   * Stories up to this many members are re-clustered member by member (they may split or lose members); larger ones
   * enter as one block that can absorb or be absorbed but not split, so the work per arrival stays bounded.
   */
  readonly splitLimit: number;
  /** A key's posting keeps its most recently touched stories only, so a lookup stays bounded as the corpus grows. */
  readonly maxPosting: number;
  /** Keys a story's summed vector keeps (its heaviest), so a story's state stays bounded as it grows. */
  readonly centroidKeys: number;
  /** Raw features an item keeps for later re-clustering: those of its vector's heaviest keys when it arrived. */
  readonly featureKeys: number;
  /** When two groups are told apart although similar enough to merge (absent: never). */
  readonly contrast?: ContrastOptions;
  /**
   * A story out of memory (`evict`) that no step changed during this many arrivals is closed: it is no longer a
   * candidate, and its entries leave the postings, so the candidates of an arrival and the postings held follow the
   * stories of the last `closeAfter` arrivals, not the corpus (absent: never closed). Taken back by `reviveStory`
   * (an article of it arriving again), it is a candidate again while in memory.
   */
  readonly closeAfter?: number;
}

/**
 * Two events of one kind with the same actors (a boxer's two title fights, a company's two patches) share most of
 * their words and names, so their average link can pass the threshold. What tells them apart is that each has
 * details of its own that most of its articles report and none of the other's do (the opponent, the date, the
 * score). Two groups of one event rarely both have such details: its articles share its specifics.
 */
export interface ContrastOptions {
  /** Both groups need at least this many items (a lone article always has details of its own). */
  readonly minSize: number;
  /** Share of a group's items a key needs to count as the group's own detail. */
  readonly share: number;
  /** Mean weight (in the members' unit vectors) of own details, absent from the other group, that both groups must reach. */
  readonly limit: number;
}

/**
 * Work done by candidate generation and scoring since the clusterer was made, counted (never timed): what the index's
 * growth test bounds per arrival, robust under any load.
 */
export interface CandidateWork {
  /** Candidate lookups (one per arrival or re-examined story). */
  lookups: number;
  /** Posting entries read by those lookups. */
  postingEntries: number;
  /** Stories that got a vote (shared a looked-up key and could be a candidate). */
  voted: number;
  /** Candidate stories scored exactly (average link against the arrival or the re-examined story). */
  scored: number;
  /** Units (items, or whole large stories) re-clustered by average link. */
  units: number;
}

export interface LocalStory {
  readonly seq: number;
  /** Member items in arrival order. */
  readonly members: string[];
  /** Sequence numbers of the stories merged into this one. */
  readonly absorbed: number[];
  /** Sum of the members' unit vectors (average link needs only sums), cut to the heaviest `centroidKeys` keys. */
  readonly sum: Map<string, number>;
}

export interface Placement {
  /** Story now holding the item (for a sweep: the first story examined). */
  readonly story: number;
  /** True when the item's story was opened by this step. */
  readonly created: boolean;
  /** Stories merged away by this step, with those they had absorbed before (their members now belong to survivors). */
  readonly absorbed: readonly number[];
  /** Surviving or new stories, other than `story`, whose members changed in this step. */
  readonly changed: readonly number[];
}

interface Unit {
  readonly items: readonly string[];
  readonly sum: ReadonlyMap<string, number>;
  /** The story the unit came from (-1: the arrival). */
  readonly from: number;
}

/**
 * Average-link (UPGMA) agglomeration of a few units, best pair first while the mean item-to-item cosine meets the
 * threshold. A unit of n items with summed unit vectors S has mean cosine S_a·S_b / (n_a n_b) with another, and the
 * Lance-Williams update keeps merged similarities exact. Returns unit indices per group, ordered by first unit.
 */
export function averageLink(
  units: readonly { readonly sum: ReadonlyMap<string, number>; readonly size: number }[],
  threshold: number,
  contrast?: ContrastOptions,
  numbered: NumberedVectors = numberKeys(units.map((u) => u.sum)),
): number[][] {
  const n = units.length;
  // Pairs the contrast check kept apart, until one of the two groups grows.
  const blocked = new Uint8Array(contrast ? n * n : 0);
  const sim = pairwiseDots(numbered);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = sim[i * n + j]! / (units[i]!.size * units[j]!.size);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  const size = units.map((u) => u.size);
  const members = units.map((_, i) => [i]);
  const alive = new Array<boolean>(n).fill(true);
  for (;;) {
    let best = threshold;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (alive[j] && !blocked[i * n + j] && sim[i * n + j]! >= best && (bi < 0 || sim[i * n + j]! > best)) [best, bi, bj] = [sim[i * n + j]!, i, j];
      }
    }
    if (bi < 0) break;
    if (contrast && size[bi]! >= contrast.minSize && size[bj]! >= contrast.minSize) {
      const x = profile(units, members[bi]!);
      const y = profile(units, members[bj]!);
      if (x && y && Math.min(ownDetail(x, y, size[bi]!, contrast.share), ownDetail(y, x, size[bj]!, contrast.share)) >= contrast.limit) {
        blocked[bi * n + bj] = 1;
        continue;
      }
    }
    // The merged group is new: pairs it was kept apart in are checked again.
    if (contrast) for (let k = 0; k < n; k++) blocked[Math.min(k, bi) * n + Math.max(k, bi)] = 0;
    const si = size[bi]!;
    const sj = size[bj]!;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const s = (sim[k * n + bi]! * si + sim[k * n + bj]! * sj) / (si + sj);
      sim[k * n + bi] = s;
      sim[bi * n + k] = s;
    }
    size[bi] = si + sj;
    members[bi]!.push(...members[bj]!);
    alive[bj] = false;
  }
  return members.filter((_, i) => alive[i]).map((m) => m.sort((a, b) => a - b));
}

/** Runs a clustering step that needs no story brought back into memory (it yields the stories it needs otherwise). */
export function runResident<T>(steps: Generator<readonly number[], T, void>): T {
  const next = steps.next();
  if (!next.done) throw new Error(`stories ${next.value.join(', ')} are out of memory: bring them back with reviveStory (an async driver) first`);
  return next.value;
}

/** A story put out of memory, as `reviveStory` takes it back. */
export interface ParkedStory {
  readonly story: LocalStory;
  /** Raw features of the members that had them. */
  readonly features: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Arrival number of each member (their order against every other item's). */
  readonly arrivals: ReadonlyMap<string, number>;
  /** The epoch its sum was weighed in, when known. */
  readonly epoch?: number;
  /** Members' weighed vectors as they were cached, with their epochs. */
  readonly vectors?: ReadonlyMap<string, { readonly epoch: number; readonly vector: SparseVector }>;
}

function addInto(target: Map<string, number>, vector: ReadonlyMap<string, number>): void {
  // forEach, not for-of over entries: no [key, weight] array per entry in the hottest loop of re-clustering.
  vector.forEach((w, k) => target.set(k, (target.get(k) ?? 0) + w));
}

interface Profile {
  /** The group's summed unit vectors. */
  readonly sum: Map<string, number>;
  /** How many of the group's items have each key. */
  readonly count: Map<string, number>;
}

/**
 * Summed vector and key counts of a group built from single items; null when a member unit is a block of many items
 * (it enters without per-item counts, so its group is never checked). Built only for the rare pairs of large groups.
 */
function profile(units: readonly { readonly sum: ReadonlyMap<string, number>; readonly size: number }[], members: readonly number[]): Profile | null {
  const sum = new Map<string, number>();
  const count = new Map<string, number>();
  for (const u of members) {
    const unit = units[u]!;
    if (unit.size !== 1) return null;
    addInto(sum, unit.sum);
    for (const k of unit.sum.keys()) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return { sum, count };
}

/** Mean weight per item of the keys at least `share` of a group's `size` items have and no item of the other has. */
function ownDetail(group: Profile, other: Profile, size: number, share: number): number {
  let weight = 0;
  for (const [k, c] of group.count) if (c >= share * size && !other.count.has(k)) weight += group.sum.get(k) ?? 0;
  return weight / size;
}

export class LocalClusterer {
  private readonly storyMap = new Map<number, LocalStory>();
  private readonly storyOfItem = new Map<string, number>();
  private readonly arrival = new Map<string, number>();
  /** Raw features of the members of stories small enough to be re-clustered member by member. */
  private readonly featuresOf = new Map<string, ReadonlyMap<string, number>>();
  private readonly postings = new Map<string, number[]>();
  /** Item vectors weighed under the weigher's current epoch (document frequencies close enough to reuse them). */
  private readonly vectors = new Map<string, { readonly epoch: number; readonly vector: SparseVector }>();
  /** The epoch each story's sum was weighed in. */
  private readonly sumEpoch = new Map<number, number>();
  private nextSeq = 1;
  private arrivals = 0;
  /**
   * Stories put out of memory (`evict`): their ids stay in the postings, and a step that finds one among its
   * candidates yields it so the driver brings it back (`reviveStory`) before the step goes on, as if it had stayed.
   */
  private readonly parked = new Map<number, number>();
  /** Stories closed so far (see LocalClustererOptions.closeAfter): out of memory and no longer candidates. */
  private closed = 0;
  /** Stories closed (or merged away and dropped from the postings) since the last `takeClosed`. */
  private closedSince: number[] = [];
  /** Stories merged away, with the arrival they were, until `close` takes them out of the postings `closeAfter` arrivals later. */
  private readonly mergedAt = new Map<number, number>();
  /** Arrivals counted when each resident story last changed or took an arrival, least recently first. */
  private readonly touched = new Map<number, number>();
  /**
   * Stories read back only to be scored or re-clustered unchanged: they leave memory again at the next `evict`, so an
   * old story that keeps turning up as a candidate costs a read each time, never memory that grows with the corpus.
   */
  private readonly visiting = new Map<number, number>();
  /** Candidate work counted since the clusterer was made (see CandidateWork). */
  readonly work: CandidateWork = { lookups: 0, postingEntries: 0, voted: 0, scored: 0, units: 0 };

  /**
   * `epoch` names the state of the document frequencies: a member's vector is re-weighed only when it changed
   * (a batch run has one epoch; the online index starts a new one as the corpus grows by a few percent).
   * `indexWeigh` picks the keys an arrival keeps and posts: online, it must not drop features no earlier article
   * had, since the next article may share them.
   */
  constructor(
    private readonly options: LocalClustererOptions,
    private readonly weigh: Weigher,
    private readonly epoch: () => number = () => 0,
    private readonly indexWeigh: Weigher = weigh,
  ) {}

  private vectorOf(item: string, features: ReadonlyMap<string, number>): SparseVector {
    const epoch = this.epoch();
    const cached = this.vectors.get(item);
    if (cached && cached.epoch === epoch) return cached.vector;
    const vector = this.weigh(features);
    this.vectors.set(item, { epoch, vector });
    return vector;
  }

  get stories(): ReadonlyMap<number, LocalStory> {
    return this.storyMap;
  }

  storyOf(item: string): number | undefined {
    return this.storyOfItem.get(item);
  }

  /** Raw features kept for an item (only while its story is small enough to be re-clustered member by member). */
  features(item: string): ReadonlyMap<string, number> | undefined {
    return this.featuresOf.get(item);
  }

  /** Arrival number of an item held in memory (its order against every other item). */
  arrivalOf(item: string): number | undefined {
    return this.arrival.get(item);
  }

  /** The epoch a resident story's sum was weighed in. */
  epochOf(seq: number): number | undefined {
    return this.sumEpoch.get(seq);
  }

  /** Items that arrived so far (the next arrival number). */
  get arrived(): number {
    return this.arrivals;
  }

  /** An item's weighed vector as cached, with the epoch it was weighed in (saved with a story put out of memory). */
  cachedVector(item: string): { readonly epoch: number; readonly vector: SparseVector } | undefined {
    return this.vectors.get(item);
  }

  /** Stories out of memory and still candidates (see `evict`). */
  get parkedCount(): number {
    return this.parked.size;
  }

  /** Stories closed (see LocalClustererOptions.closeAfter). */
  get closedCount(): number {
    return this.closed;
  }

  /** Stories still open, in memory or out of it (not closed), in creation order: all that a restart needs back. */
  openStories(): number[] {
    return [...this.storyMap.keys(), ...this.parked.keys()].sort((a, b) => a - b);
  }

  /** The stories closed since the last call (merged-away ones included, once they leave the postings). */
  takeClosed(): number[] {
    const out = this.closedSince;
    this.closedSince = [];
    return out;
  }

  /** Whether a story is out of memory (see `evict`). */
  isParked(seq: number): boolean {
    return this.parked.has(seq);
  }

  /** Entries held in memory, by structure: what the growth test counts (never bytes). */
  entryCounts(): Record<string, number> {
    let sumKeys = 0;
    let members = 0;
    for (const s of this.storyMap.values()) {
      sumKeys += s.sum.size;
      members += s.members.length;
    }
    let features = 0;
    for (const f of this.featuresOf.values()) features += f.size;
    let vectorKeys = 0;
    for (const v of this.vectors.values()) vectorKeys += v.vector.size;
    let postingEntries = 0;
    for (const p of this.postings.values()) postingEntries += p.length;
    return {
      stories: this.storyMap.size,
      members,
      sumKeys,
      items: this.storyOfItem.size,
      arrivals: this.arrival.size,
      featureItems: this.featuresOf.size,
      features,
      vectorItems: this.vectors.size,
      vectorKeys,
      postingKeys: this.postings.size,
      postingEntries,
      parked: this.parked.size,
      closed: this.closed,
    };
  }

  /**
   * Puts the stories no step touched since arrival number `before` out of memory, except those `keep` names, and
   * returns their sequence numbers (oldest touch first). `save` sees each just before it goes, to keep what
   * `reviveStory` needs to take it back.
   */
  evict(before: number, keep: (seq: number) => boolean, save: (story: LocalStory) => void): number[] {
    const cold: number[] = [];
    for (const [seq, at] of this.touched) {
      if (at >= before) break;
      if (!keep(seq)) cold.push(seq);
    }
    for (const seq of this.visiting.keys()) if (!keep(seq)) cold.push(seq);
    const gone: number[] = [];
    for (const seq of cold) {
      const story = this.storyMap.get(seq);
      // A story read back and left unchanged keeps the arrival of its last change.
      const changedAt = this.touched.get(seq) ?? this.visiting.get(seq) ?? 0;
      this.touched.delete(seq);
      this.visiting.delete(seq);
      if (!story) continue;
      save(story);
      for (const m of story.members) {
        this.storyOfItem.delete(m);
        this.arrival.delete(m);
        this.featuresOf.delete(m);
        this.vectors.delete(m);
      }
      this.storyMap.delete(seq);
      this.sumEpoch.delete(seq);
      this.parked.set(seq, changedAt);
      gone.push(seq);
    }
    this.close();
    return gone;
  }

  /**
   * Closes the stories out of memory that no step changed during the last `closeAfter` arrivals, and takes their
   * entries, and those of stories merged away as long ago, out of the postings (keys left empty go too). Costs the
   * postings held, which follow the stories of the last `closeAfter` arrivals.
   */
  private close(): void {
    const after = this.options.closeAfter;
    if (after === undefined) return;
    const before = this.arrivals - after;
    const dead = new Set<number>();
    for (const [seq, at] of this.parked) {
      if (at >= before) continue;
      this.parked.delete(seq);
      dead.add(seq);
    }
    this.closed += dead.size;
    for (const [seq, at] of this.mergedAt) {
      if (at >= before) continue;
      this.mergedAt.delete(seq);
      dead.add(seq);
    }
    if (!dead.size) return;
    this.closedSince.push(...dead);
    for (const [key, posting] of this.postings) {
      if (!posting.some((s) => dead.has(s))) continue;
      const live = posting.filter((s) => !dead.has(s));
      if (!live.length) this.postings.delete(key);
      else this.postings.set(key, live);
    }
  }

  /** Takes back a story put out of memory, as it was: postings already name it, so they are left alone. */
  reviveStory(parked: ParkedStory): void {
    const { story } = parked;
    // A closed story (no longer parked) comes back with the arrival of its newest member as its last change.
    const changedAt = this.parked.get(story.seq) ?? Math.max(0, ...parked.arrivals.values());
    this.parked.delete(story.seq);
    this.storyMap.set(story.seq, story);
    for (const m of story.members) {
      this.storyOfItem.set(m, story.seq);
      this.arrival.set(m, parked.arrivals.get(m) ?? this.arrivals++);
      const f = parked.features.get(m);
      if (f) this.featuresOf.set(m, f);
      const v = parked.vectors?.get(m);
      if (v) this.vectors.set(m, v);
    }
    if (parked.epoch !== undefined) this.sumEpoch.set(story.seq, parked.epoch);
    this.visiting.set(story.seq, changedAt);
  }

  /** Forgets that a story was put out of memory (its saved state is gone: it was merged away meanwhile). */
  dropParked(seq: number): void {
    this.parked.delete(seq);
  }

  private touch(seq: number): void {
    this.visiting.delete(seq);
    this.touched.delete(seq);
    this.touched.set(seq, this.arrivals);
  }

  /** The next story sequence number (for saving state). */
  get nextStory(): number {
    return this.nextSeq;
  }

  /**
   * Puts back a saved story. `features` holds its members' raw features when it had them; restore stories in
   * creation order, then call `finishRestore`.
   */
  restoreStory(story: LocalStory, features: ReadonlyMap<string, ReadonlyMap<string, number>>, arrivals?: ReadonlyMap<string, number>): void {
    this.storyMap.set(story.seq, story);
    this.touch(story.seq);
    for (const m of story.members) {
      this.storyOfItem.set(m, story.seq);
      const at = arrivals?.get(m);
      if (at === undefined) this.arrival.set(m, this.arrivals++);
      else {
        this.arrival.set(m, at);
        this.arrivals = Math.max(this.arrivals, at + 1);
      }
      const f = features.get(m);
      if (f) this.featuresOf.set(m, f);
    }
    for (const key of topKeys(story.sum, this.options.topKeys)) this.post(key, story.seq);
    // A member's own keys too: its story's sum may predate the articles that gave those keys their weight.
    for (const m of story.members) {
      const f = this.featuresOf.get(m);
      if (f) for (const key of topKeys(this.indexWeigh(f), this.options.topKeys)) this.post(key, story.seq);
    }
    this.nextSeq = Math.max(this.nextSeq, story.seq + 1);
  }

  finishRestore(nextSeq: number, arrivals = 0): void {
    this.nextSeq = Math.max(this.nextSeq, nextSeq);
    this.arrivals = Math.max(this.arrivals, arrivals);
  }

  /** Adds one item: re-clusters it with the best candidate stories from the index. */
  add(item: string, features: FeatureCounts): Placement {
    return runResident(this.addSteps(item, features));
  }

  /** `add`, yielding first the stories out of memory it needs back (see `evict`). */
  *addSteps(item: string, features: FeatureCounts): Generator<readonly number[], Placement, void> {
    const held = this.storyOfItem.get(item);
    if (held !== undefined) return { story: held, created: false, absorbed: [], changed: [] };
    this.arrival.set(item, this.arrivals++);
    const indexed = this.indexWeigh(features);
    const heaviest = topKeys(indexed, Math.max(this.options.featureKeys, this.options.topKeys));
    const kept = new Map(heaviest.slice(0, this.options.featureKeys).map((k) => [k, features.get(k) ?? 0] as const));
    this.featuresOf.set(item, kept);
    const vector = this.vectorOf(item, kept);
    const candidates = this.strongest(vector, undefined);
    const away = candidates.filter((s) => this.parked.has(s));
    if (away.length) yield away;
    const local = this.neighbours(candidates, vector, 1);
    const placed = this.recluster(local, { items: [item], sum: vector, from: -1 }, item);
    // topKeys breaks ties by key, so the heaviest few are the head of the heaviest many: one sort, not two.
    for (const key of heaviest.slice(0, this.options.topKeys)) this.post(key, placed.story);
    return placed;
  }

  /** Re-clusters one story with its best candidate stories (a sweep over all stories refines a batch run). */
  reexamine(seq: number): Placement | null {
    return runResident(this.reexamineSteps(seq));
  }

  /** `reexamine`, yielding first the stories out of memory it needs back (see `evict`). */
  *reexamineSteps(seq: number): Generator<readonly number[], Placement | null, void> {
    if (this.parked.has(seq)) yield [seq];
    const story = this.storyMap.get(seq);
    if (!story) return null;
    const candidates = this.strongest(story.sum, seq);
    const away = candidates.filter((s) => this.parked.has(s));
    if (away.length) yield away;
    const local = this.neighbours(candidates, story.sum, story.members.length);
    return this.recluster([seq, ...local], null, story.members[0] ?? '');
  }

  /**
   * Stories sharing the heaviest keys of `sum`, by shared key weight, the `maxCandidates` strongest: in memory or out
   * of it (a step brings those back before it scores them, so the candidates are those of an index that kept them all).
   */
  private strongest(sum: SparseVector, self: number | undefined): number[] {
    const votes = new Map<number, number>();
    this.work.lookups++;
    for (const key of topKeys(sum, this.options.topKeys)) {
      const w = sum.get(key) ?? 0;
      const posting = this.postings.get(key);
      if (!posting) continue;
      this.work.postingEntries += posting.length;
      for (const s of posting) if (s !== self && (this.storyMap.has(s) || this.parked.has(s))) votes.set(s, (votes.get(s) ?? 0) + w);
    }
    this.work.voted += votes.size;
    return [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, this.options.maxCandidates).map(([s]) => s);
  }

  /**
   * Of the candidate stories (`strongest`, now in memory), the `neighbourhood` best by average link with `sum` (the
   * summed unit vectors of `size` items), in creation order.
   */
  private neighbours(candidates: readonly number[], sum: SparseVector, size: number): number[] {
    return candidates
      .filter((s) => this.storyMap.has(s))
      .map((s) => {
        const story = this.fresh(this.storyMap.get(s)!);
        this.work.scored++;
        return { s, score: dot(sum, story.sum) / (size * story.members.length) };
      })
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.s - b.s)
      .slice(0, this.options.neighbourhood)
      .map((x) => x.s)
      .sort((a, b) => a - b);
  }

  /** A small story's sum re-weighed from its members when the epoch moved on since it was summed. */
  private fresh(story: LocalStory): LocalStory {
    const epoch = this.epoch();
    if (this.sumEpoch.get(story.seq) === epoch) return story;
    if (story.members.length <= this.options.splitLimit && story.members.every((m) => this.featuresOf.has(m))) {
      story.sum.clear();
      for (const m of story.members) addInto(story.sum, this.vectorOf(m, this.featuresOf.get(m)!));
      this.trim(story);
    }
    this.sumEpoch.set(story.seq, epoch);
    return story;
  }

  private recluster(local: readonly number[], arrival: Unit | null, anchor: string): Placement {
    const units: Unit[] = [];
    for (const seq of local) {
      const story = this.storyMap.get(seq)!;
      const split = story.members.length <= this.options.splitLimit && story.members.every((m) => this.featuresOf.has(m));
      if (split) for (const m of story.members) units.push({ items: [m], sum: this.vectorOf(m, this.featuresOf.get(m)!), from: seq });
      else units.push({ items: story.members, sum: story.sum, from: seq });
    }
    if (arrival) units.push(arrival);
    this.work.units += units.length;
    const numbered = numberKeys(units.map((u) => u.sum));
    const groups = averageLink(
      units.map((u) => ({ sum: u.sum, size: u.items.length })),
      this.options.threshold,
      this.options.contrast,
      numbered,
    );

    // The oldest story keeps its id on the group holding most of its members; the others follow in creation order.
    const owner = new Map<number, number>();
    const taken = new Set<number>();
    const count = (g: readonly number[], seq: number): number => g.reduce((n, u) => n + (units[u]!.from === seq ? units[u]!.items.length : 0), 0);
    for (const seq of local) {
      let best = -1;
      let bestCount = 0;
      groups.forEach((g, gi) => {
        if (taken.has(gi)) return;
        const c = count(g, seq);
        if (c > bestCount) [best, bestCount] = [gi, c];
      });
      if (best >= 0) {
        owner.set(best, seq);
        taken.add(best);
      }
    }
    const absorbed: number[] = [];
    const changed = new Set<number>();
    const survivors = new Set(owner.values());
    // A story that kept no group of its own is absorbed by the group holding most of its members.
    const absorber = new Map<number, number>();
    for (const seq of local) {
      if (survivors.has(seq)) continue;
      let best = -1;
      let bestCount = 0;
      groups.forEach((g, gi) => {
        const c = count(g, seq);
        if (c > bestCount) [best, bestCount] = [gi, c];
      });
      absorber.set(seq, best);
    }
    const before = new Map(local.map((seq) => [seq, this.storyMap.get(seq)!] as const));
    let placed = -1;
    let created = false;
    groups.forEach((g, gi) => {
      let seq = owner.get(gi);
      const fresh = seq === undefined;
      if (seq === undefined) seq = this.nextSeq++;
      const old = before.get(seq);
      const items = g.flatMap((u) => units[u]!.items).sort((a, b) => (this.arrival.get(a) ?? 0) - (this.arrival.get(b) ?? 0));
      const sum = sumVectors(numbered, g);
      const absorbedHere = old ? [...old.absorbed] : [];
      for (const [gone, into] of absorber) {
        if (into !== gi) continue;
        const goneStory = before.get(gone)!;
        absorbedHere.push(gone, ...goneStory.absorbed);
        absorbed.push(gone, ...goneStory.absorbed);
      }
      const story: LocalStory = { seq, members: items, absorbed: absorbedHere, sum };
      this.trim(story);
      this.sumEpoch.set(seq, this.epoch());
      this.storyMap.set(seq, story);
      const same = old !== undefined && old.members.length === items.length && old.members.every((m, i) => items[i] === m) && absorbedHere.length === old.absorbed.length;
      for (const m of items) this.storyOfItem.set(m, seq);
      if (items.length > this.options.splitLimit) {
        for (const m of items) {
          this.featuresOf.delete(m);
          this.vectors.delete(m);
        }
      }
      if (!same) {
        for (const key of topKeys(sum, this.options.topKeys)) this.post(key, seq);
      }
      // Only a story that changed or took the arrival was used: one merely examined may go cold.
      if (!same || items.includes(anchor)) this.touch(seq);
      if (items.includes(anchor)) {
        placed = seq;
        created = fresh && arrival !== null;
      } else if (!same) changed.add(seq);
    });
    for (const gone of absorbed) {
      if (this.options.closeAfter !== undefined) this.mergedAt.set(gone, this.arrivals);
      this.storyMap.delete(gone);
      this.sumEpoch.delete(gone);
      this.touched.delete(gone);
      this.visiting.delete(gone);
      changed.delete(gone);
    }
    changed.delete(placed);
    return { story: placed, created, absorbed: absorbed.sort((a, b) => a - b), changed: [...changed].sort((a, b) => a - b) };
  }

  /** Keeps the heaviest keys once the sum holds twice its budget (amortized). */
  private trim(story: LocalStory): void {
    if (story.sum.size <= 2 * this.options.centroidKeys) return;
    const keep = topKeys(story.sum, this.options.centroidKeys);
    const kept = new Map(keep.map((k) => [k, story.sum.get(k) ?? 0] as const));
    story.sum.clear();
    for (const [k, w] of kept) story.sum.set(k, w);
  }

  private post(key: string, seq: number): void {
    let posting = this.postings.get(key);
    if (!posting) this.postings.set(key, (posting = []));
    const at = posting.indexOf(seq);
    if (at >= 0) posting.splice(at, 1);
    posting.push(seq);
    if (posting.length > this.options.maxPosting) posting.shift();
  }
}
