// Online story assignment through an inverted index: each new article is re-clustered with a bounded neighbourhood of candidate stories, never the corpus, so membership hardly depends on arrival order.
import type { Article } from '../core/article.js';
import { articleFeatures } from '../corpus/stories/article-features.js';
import { STORIES_DEFAULTS, weighFeatures } from '../corpus/stories/cluster-stories.js';
import { LocalClusterer, runResident, type CandidateWork, type ContrastOptions, type LocalStory, type Placement } from '../corpus/stories/local-clusterer.js';
import { dot } from '../corpus/stories/online-clusterer.js';

export interface StoryIndexConfig {
  /** Mean article-to-article cosine (average link, as in the batch clusterer) a group needs to be one story. */
  readonly threshold: number;
  /**
   * @deprecated Ignored: stories now merge when the local re-clustering around an arrival joins them (average link at
   * `threshold`), as the batch clusterer does. Kept so existing configurations still type-check.
   */
  readonly mergeThreshold?: number;
  /** An article's heaviest keys that go into (and are looked up in) the index. */
  readonly topKeys: number;
  /** Candidate stories that get an exact score per article. */
  readonly maxCandidates: number;
  /** A key's posting keeps its most recently joined stories only, so a lookup stays bounded as the corpus grows. */
  readonly maxPosting: number;
  /** Keys a story centroid keeps (its heaviest), so a story's state stays bounded as it grows. */
  readonly centroidKeys: number;
  /** IDF treats a corpus smaller than this as padded to this size (words, then names, dates and numbers). */
  readonly idfMinDocuments: { readonly word: number; readonly instance: number };
  /** Relative weight of each feature family (`w:` word, `e:` entity, `d:` date, `y:` year, `n:` number). */
  readonly weights: { readonly word: number; readonly entity: number; readonly date: number; readonly year: number; readonly number: number };
  /** Best candidate stories re-clustered together with each arrival (default: the batch clusterer's). */
  readonly neighbourhood?: number;
  /** Stories up to this size are re-clustered member by member; larger ones move as one block (default: batch's). */
  readonly splitLimit?: number;
  /** Raw features an article keeps for re-clustering (default: batch's). */
  readonly featureKeys?: number;
  /** Features seen in fewer articles than this are left out of the vectors (default: batch's). */
  readonly minDocumentFrequency?: number;
  /**
   * Weight of a name no earlier article had, relative to a known one (default 0: left out, as in batch). In a batch
   * run such a name links nothing, but online the next article may share it: left out, the first article of an
   * event is weighed on its generic words alone, joins another event of the same kind, and the story it lands in
   * depends on the arrival order. Fitted on generated news (bench/data/news-stream.ts); neutral on ECB+ train.
   */
  readonly newNameWeight?: number;
  /**
   * Stories re-examined with their own neighbourhood after each arrival, oldest change first (default 1): the online
   * counterpart of the batch clusterer's refining sweeps, at a bounded cost per article.
   */
  readonly reexamine?: number;
  /** When two similar groups are told apart by details of their own (default: the batch clusterer's). */
  readonly contrast?: ContrastOptions;
  /**
   * A story that no arrival re-clustered or scored as a candidate during this many arrivals leaves memory at the next
   * `evictCold` (its row holds all it had, and an assignment that finds it among its candidates reads it back), so
   * memory follows the stories in the news, not the corpus. Default DEFAULT_COLD_AFTER.
   */
  readonly coldAfter?: number;
  /**
   * A story read back from its row (a candidate found out of memory) stays in memory this many arrivals before it
   * may leave again, so an old story that keeps turning up as a candidate is not read and parsed at every batch.
   * Memory stays bounded by the stories read back within that window. Default DEFAULT_VISIT_KEEP.
   */
  readonly visitKeep?: number;
  /**
   * A story out of memory that no arrival changed during this many arrivals is closed: no longer a candidate for new
   * arrivals, and out of the postings, so the candidates scored and the posting entries read per arrival stay bounded
   * as the corpus grows (the stories of the last `closeAfter` arrivals, not every old story of the same kind). Its row
   * stays, and an article of it arriving again reads it back (`load`). Default DEFAULT_CLOSE_AFTER; Infinity: never.
   */
  readonly closeAfter?: number;
}

/**
 * Arrivals a story stays in memory untouched. Generated news (bench/data/news-stream.ts, 200 stories open at once)
 * sends a story an article every 200 arrivals on average; a 50-article story lives about 10,000 arrivals.
 */
export const DEFAULT_COLD_AFTER = 4000;

/** Arrivals a story read back stays in memory (see StoryIndexConfig.visitKeep). */
export const DEFAULT_VISIT_KEEP = 1000;

/** Arrivals after which a story out of memory that nothing changed is no longer a candidate (see StoryIndexConfig.closeAfter). */
export const DEFAULT_CLOSE_AFTER = 10_000;

/** The batch clusterer's settings (fitted on ECB+ train), so online and batch membership agree; `newNameWeight` is the index's own. */
export const STORY_INDEX_DEFAULTS: StoryIndexConfig = {
  threshold: STORIES_DEFAULTS.storyThreshold,
  topKeys: STORIES_DEFAULTS.topKeys,
  maxCandidates: STORIES_DEFAULTS.maxCandidates,
  maxPosting: STORIES_DEFAULTS.maxPosting,
  centroidKeys: STORIES_DEFAULTS.centroidKeys,
  idfMinDocuments: STORIES_DEFAULTS.idfMinDocuments,
  weights: STORIES_DEFAULTS.weights,
  neighbourhood: STORIES_DEFAULTS.neighbourhood,
  splitLimit: STORIES_DEFAULTS.splitLimit,
  featureKeys: STORIES_DEFAULTS.featureKeys,
  minDocumentFrequency: STORIES_DEFAULTS.minDocumentFrequency,
  newNameWeight: 0.3,
};

export interface IndexedStory {
  readonly id: string;
  /** Member article ids in arrival order. */
  readonly articles: string[];
  /** Ids of the stories merged into this one. */
  readonly absorbed: string[];
  /** Sum of the members' unit vectors, cut to the heaviest `centroidKeys` keys. */
  readonly centroid: Map<string, number>;
  normSq: number;
}

export interface Assignment {
  readonly story: string;
  /** True when the article opened a new story. */
  readonly created: boolean;
  /** Stories merged into others by this article (their ids now redirect to the story that absorbed them). */
  readonly absorbed: readonly string[];
  /**
   * Other stories whose members changed because of this article (an article moved between them, or a story split
   * off a new one): their reports are stale too.
   */
  readonly changed: readonly string[];
}

/** Key prefix of the index's rows in the store's engine state. */
export const STORY_INDEX_PREFIX = 'story-index/';

/** Key of the row naming the story that absorbed `id` (read by a point lookup: an absorbed id still finds its story). */
export function absorbedKey(id: string): string {
  return `${STORY_INDEX_PREFIX}r/${id}`;
}

/** Document frequencies are kept in this many rows, so a change rewrites a slice of them, not all. */
const DF_SHARDS = 64;

/** A member's vector is re-weighed once the corpus grew by this factor since it was weighed. */
const EPOCH_GROWTH = 1.02;

type Entries = readonly (readonly [string, number])[];

interface StoryRow {
  readonly articles: readonly string[];
  readonly absorbed: readonly string[];
  readonly centroid: Entries;
  /** Raw features per member, while the story is small enough to be re-clustered member by member. */
  readonly features?: readonly (readonly [string, Entries])[];
  /** Arrival number of each member, in `articles` order (absent in rows written before stories left memory). */
  readonly arrivals?: readonly number[];
  /** The epoch `centroid` was weighed in. */
  readonly epoch?: number;
  /** Members' cached weighed vectors with their epochs: written when the story leaves memory, so it comes back as it was. */
  readonly vectors?: readonly (readonly [string, number, Entries])[];
}

interface MetaRow {
  readonly docs: number;
  readonly nextId: number;
  /** Items that arrived so far (absent in older rows). */
  readonly arrivals?: number;
  /** Next document-frequency delta row (see `changes`). */
  readonly nextDelta?: number;
  /**
   * Sequence numbers of the stories not closed when it was written (in memory or out of it): the only story rows
   * `StoryIndex.open` reads, so a restart reads the stories of the last `closeAfter` arrivals, not the corpus.
   * Absent in older rows: every story row is read.
   */
  readonly open?: readonly number[];
}

/** Reads the index's saved rows: by key prefix (the document frequencies) and by key (meta, open stories). */
export interface StateReader {
  list(prefix: string): Promise<readonly { readonly key: string; readonly value: string }[]>;
  get(keys: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** Reads saved rows by key (the store's point lookup); keys absent from the result have no row. */
export type RowLoader = (keys: readonly string[]) => Promise<ReadonlyMap<string, string>>;

const storyKey = (id: string): string => `${STORY_INDEX_PREFIX}s/${id}`;

function shardOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % DF_SHARDS;
}

const storyId = (seq: number): string => `s${seq}`;

/** A story of `closedIndexRows`: its members in arrival order, their arrival numbers and its summed feature weights. */
export interface ClosedStory {
  readonly articles: readonly string[];
  readonly arrivals: readonly number[];
  readonly centroid: ReadonlyMap<string, number>;
}

/**
 * The rows of an index whose `docs` earlier arrivals all belong to closed stories (ids s1, s2... in the order given):
 * the meta row (no open story), the document frequencies and one row per story, as `changes` writes them. Lets a
 * bench or test fill a large store's index without assigning every article; `StoryIndex.open` reads none of the
 * story rows, and an article of one of those stories arriving again reads its row back as for any closed story.
 */
export function closedIndexRows(docs: number, df: ReadonlyMap<string, number>, stories: readonly ClosedStory[]): { key: string; value: string }[] {
  const meta: MetaRow = { docs, nextId: stories.length + 1, arrivals: docs, nextDelta: 0, open: [] };
  const shards = Array.from({ length: DF_SHARDS }, (): [string, number][] => []);
  for (const [k, n] of df) shards[shardOf(k)]!.push([k, n]);
  return [
    { key: `${STORY_INDEX_PREFIX}meta`, value: JSON.stringify(meta) },
    ...shards.map((entries, n) => ({ key: `${STORY_INDEX_PREFIX}df/${n}`, value: JSON.stringify(entries) })),
    ...stories.map((s, i) => {
      const row: StoryRow = { articles: s.articles, absorbed: [], centroid: [...s.centroid], arrivals: [...s.arrivals] };
      return { key: storyKey(storyId(i + 1)), value: JSON.stringify(row) };
    }),
  ];
}

export class StoryIndex {
  /**
   * Absorbed story id -> the open story that absorbed it. Once that story closes its entries go (their rows stay in
   * the store, where `absorbedKey` finds them), so redirects follow the open stories, not every merge ever made.
   */
  private readonly redirects = new Map<string, string>();
  /** Open story id -> the ids redirected to it (some may redirect elsewhere since: checked when it closes). */
  private readonly redirectedTo = new Map<string, string[]>();
  private readonly df = new Map<string, number>();
  private docs = 0;
  private readonly clusterer: LocalClusterer;
  /** Stories changed since the last `changes()` (deleted when merged away). */
  private readonly dirtyStories = new Set<string>();
  /** Redirects to write with the next `changes`, with their target then (the entry may be dropped before). */
  private readonly dirtyRedirects = new Map<string, string>();
  /** Stories closed since the last `changes`: the meta row's list of open stories must be written again. */
  private closedSinceWrite = false;
  /** Stories changed since they were last re-examined, oldest change first (bounded: at most one per story). */
  private readonly pending = new Set<number>();
  /** Document-frequency increments not yet written, and the delta rows written since the last full write. */
  private readonly dfDelta = new Map<string, number>();
  private readonly deltaRows: string[] = [];
  private deltaEntries = 0;
  private nextDelta = 0;
  /** Rows of the stories that left memory, to write with the next `changes`. */
  private readonly parkedRows = new Map<string, string>();
  /** Stories read back from their rows (see `evictCold`), for the bench's counts. */
  revived = 0;
  /**
   * Stories read back and not changed since, by sequence number: the story object taken back, the epoch of its sum
   * and of each member's cached vector then, and the arrival it came back at. A story that leaves memory again as it
   * came needs no new row (its row already says all it has); one still here `visitKeep` arrivals later may leave.
   */
  private readonly visitors = new Map<number, { readonly story: LocalStory; readonly epochs: string; readonly at: number }>();
  /** Stories that left memory again as they came back, with no new row (theirs was still right), for the bench's counts. */
  unchangedVisits = 0;

  constructor(private readonly config: StoryIndexConfig = STORY_INDEX_DEFAULTS) {
    const weighting = {
      weights: config.weights,
      idfMinDocuments: config.idfMinDocuments,
      minDocumentFrequency: config.minDocumentFrequency ?? STORIES_DEFAULTS.minDocumentFrequency,
      newNameWeight: config.newNameWeight ?? 0,
    };
    const contrast = config.contrast ?? STORIES_DEFAULTS.contrast;
    const closeAfter = config.closeAfter ?? DEFAULT_CLOSE_AFTER;
    this.clusterer = new LocalClusterer(
      {
        threshold: config.threshold,
        topKeys: config.topKeys,
        maxCandidates: config.maxCandidates,
        maxPosting: config.maxPosting,
        centroidKeys: config.centroidKeys,
        neighbourhood: config.neighbourhood ?? STORIES_DEFAULTS.neighbourhood,
        splitLimit: config.splitLimit ?? STORIES_DEFAULTS.splitLimit,
        featureKeys: config.featureKeys ?? STORIES_DEFAULTS.featureKeys,
        ...(contrast ? { contrast } : {}),
        ...(Number.isFinite(closeAfter) ? { closeAfter } : {}),
      },
      (features) => weighFeatures(features, this.df, this.docs, weighting),
      () => Math.floor(Math.log(Math.max(1, this.docs)) / Math.log(EPOCH_GROWTH)),
      (features) => weighFeatures(features, this.df, this.docs, { ...weighting, minDocumentFrequency: 1 }),
    );
  }

  /** Rebuilds the index from its rows (see `changes`); postings come from each story centroid's heaviest keys. */
  static restore(rows: readonly { readonly key: string; readonly value: string }[], config: StoryIndexConfig = STORY_INDEX_DEFAULTS): StoryIndex {
    const index = new StoryIndex(config);
    let nextId = 1;
    let arrivals = 0;
    const deltas: { key: string; value: string }[] = [];
    const stories: { seq: number; row: StoryRow }[] = [];
    for (const row of rows) {
      const key = row.key.slice(STORY_INDEX_PREFIX.length);
      if (key === 'meta') {
        const meta = JSON.parse(row.value) as MetaRow;
        index.docs = meta.docs;
        nextId = meta.nextId;
        arrivals = meta.arrivals ?? 0;
        index.nextDelta = meta.nextDelta ?? 0;
      } else if (key.startsWith('df/d/')) {
        deltas.push(row);
      } else if (key.startsWith('df/')) {
        for (const [k, n] of JSON.parse(row.value) as [string, number][]) index.df.set(k, n);
      } else if (key.startsWith('s/')) {
        stories.push({ seq: storySeq(key.slice(2)), row: JSON.parse(row.value) as StoryRow });
      }
    }
    // Increments written since the last full write of the frequencies.
    for (const row of deltas) {
      for (const [k, n] of JSON.parse(row.value) as [string, number][]) index.df.set(k, (index.df.get(k) ?? 0) + n);
      index.deltaRows.push(row.key);
    }
    // Posting order is creation order, whatever order the rows came in.
    for (const { seq, row } of stories.sort((a, b) => a.seq - b.seq)) {
      const story: LocalStory = { seq, members: [...row.articles], absorbed: row.absorbed.map(storySeq), sum: new Map(row.centroid) };
      const at = row.arrivals ? new Map(row.articles.map((a, i) => [a, row.arrivals?.[i] ?? 0] as const)) : undefined;
      index.clusterer.restoreStory(story, new Map((row.features ?? []).map(([a, f]) => [a, new Map(f)] as const)), at);
      for (const gone of row.absorbed) index.redirect(gone, storyId(seq));
    }
    index.clusterer.finishRestore(nextId, arrivals);
    return index;
  }

  /**
   * Opens an index from its saved rows, reading the meta row, the document frequencies and the rows of the stories
   * still open when it was written (MetaRow.open), never those of closed stories: an article of a closed story that
   * arrives again reads its row then (`load`), as it would have without the restart. Rows written before the meta
   * row listed its open stories are read whole (`restore`).
   */
  static async open(read: StateReader, config: StoryIndexConfig = STORY_INDEX_DEFAULTS): Promise<StoryIndex> {
    const metaKey = `${STORY_INDEX_PREFIX}meta`;
    const meta = (await read.get([metaKey])).get(metaKey);
    const open = meta === undefined ? undefined : (JSON.parse(meta) as MetaRow).open;
    if (meta === undefined || !open) return StoryIndex.restore(await read.list(STORY_INDEX_PREFIX), config);
    const frequencies = await read.list(`${STORY_INDEX_PREFIX}df/`);
    const stories = await read.get(open.map((seq) => storyKey(storyId(seq))));
    return StoryIndex.restore([{ key: metaKey, value: meta }, ...frequencies, ...[...stories].map(([key, value]) => ({ key, value }))], config);
  }

  /** Records that `gone` now redirects to `to` (to be written with the next `changes` when `dirty`). */
  private redirect(gone: string, to: string, dirty = false): void {
    this.redirects.set(gone, to);
    const list = this.redirectedTo.get(to);
    if (list) list.push(gone);
    else this.redirectedTo.set(to, [gone]);
    if (dirty) this.dirtyRedirects.set(gone, to);
  }

  /** Drops the redirects to stories that closed (their rows hold them): they are no longer held in memory. */
  private dropClosedRedirects(): void {
    for (const seq of this.clusterer.takeClosed()) {
      this.closedSinceWrite = true;
      const id = storyId(seq);
      for (const gone of this.redirectedTo.get(id) ?? []) if (this.redirects.get(gone) === id) this.redirects.delete(gone);
      this.redirectedTo.delete(id);
    }
  }

  /** One story's row: all `reviveStory` needs, with the members' cached vectors when it leaves memory. */
  private rowOf(s: LocalStory, withVectors: boolean): string {
    const features = s.members.map((a) => [a, this.clusterer.features(a)] as const);
    const arrivals = s.members.map((a) => this.clusterer.arrivalOf(a));
    const epoch = this.clusterer.epochOf(s.seq);
    const vectors = withVectors ? s.members.flatMap((a) => {
      const v = this.clusterer.cachedVector(a);
      return v ? [[a, v.epoch, [...v.vector]] as const] : [];
    }) : [];
    const row: StoryRow = {
      articles: s.members,
      absorbed: s.absorbed.map(storyId),
      centroid: [...s.sum],
      ...(features.every(([, f]) => f) ? { features: features.map(([a, f]) => [a, [...(f ?? [])]] as const) } : {}),
      ...(arrivals.every((n) => n !== undefined) ? { arrivals: arrivals as number[] } : {}),
      ...(epoch !== undefined ? { epoch } : {}),
      ...(vectors.length ? { vectors } : {}),
    };
    return JSON.stringify(row);
  }

  /**
   * Puts out of memory the stories no arrival re-clustered or scored during the last `coldAfter` arrivals, except
   * those `keep` names (e.g. stories whose report waits); their rows go out with the next `changes`. Returns how many left.
   */
  evictCold(keep: (id: string) => boolean = () => false): number {
    const before = this.clusterer.arrived - (this.config.coldAfter ?? DEFAULT_COLD_AFTER);
    if (before <= 0) return 0;
    const visitSince = this.clusterer.arrived - (this.config.visitKeep ?? DEFAULT_VISIT_KEEP);
    const stay = (seq: number): boolean => {
      const visit = this.visitors.get(seq);
      return visit !== undefined && visit.at > visitSince && this.clusterer.stories.get(seq) === visit.story;
    };
    const gone = this.clusterer.evict(before, (seq) => keep(storyId(seq)) || this.pending.has(seq) || stay(seq), (story) => {
      const id = storyId(story.seq);
      const visit = this.visitors.get(story.seq);
      this.visitors.delete(story.seq);
      if (visit && visit.story === story && !this.dirtyStories.has(id) && visit.epochs === this.epochsOf(story)) {
        this.unchangedVisits++;
        return;
      }
      this.parkedRows.set(id, this.rowOf(story, true));
      this.dirtyStories.delete(id);
    });
    // Stories merged away or changed since they came back are ordinary stories now.
    for (const [seq, visit] of this.visitors) if (this.clusterer.stories.get(seq) !== visit.story) this.visitors.delete(seq);
    this.dropClosedRedirects();
    return gone.length;
  }

  /** The epochs of a story's sum and of its members' cached vectors (-1: none): what its row's weights depend on. */
  private epochsOf(story: LocalStory): string {
    const vectors = story.members.map((a) => this.clusterer.cachedVector(a)?.epoch ?? -1);
    return `${this.clusterer.epochOf(story.seq) ?? -1}:${vectors.join(',')}`;
  }

  /** Reads back the stories (by sequence number) that left memory, from their rows. */
  private async revive(seqs: readonly number[], load: RowLoader): Promise<void> {
    const ids = seqs.map(storyId);
    const pendingRows = new Map(ids.flatMap((id) => {
      const v = this.parkedRows.get(id);
      return v === undefined ? [] : [[storyKey(id), v] as const];
    }));
    const missing = ids.map(storyKey).filter((k) => !pendingRows.has(k));
    const rows = missing.length ? await load(missing) : new Map<string, string>();
    for (const seq of seqs) {
      const id = storyId(seq);
      const value = pendingRows.get(storyKey(id)) ?? rows.get(storyKey(id));
      if (value === undefined) {
        // No row: the story is gone (it cannot be, but an assignment must not wait for it forever).
        this.clusterer.dropParked(seq);
        continue;
      }
      const row = JSON.parse(value) as StoryRow;
      const story: LocalStory = { seq, members: [...row.articles], absorbed: row.absorbed.map(storySeq), sum: new Map(row.centroid) };
      this.clusterer.reviveStory({
        story,
        features: new Map((row.features ?? []).map(([a, f]) => [a, new Map(f)] as const)),
        arrivals: new Map(row.arrivals ? row.articles.map((a, i) => [a, row.arrivals?.[i] ?? 0] as const) : []),
        ...(row.epoch !== undefined ? { epoch: row.epoch } : {}),
        vectors: new Map((row.vectors ?? []).map(([a, epoch, v]) => [a, { epoch, vector: new Map(v) }] as const)),
      });
      // A row still waiting to be written goes out as it is; a row read from the store is already there.
      this.visitors.set(seq, { story, epochs: this.epochsOf(story), at: this.clusterer.arrived });
      this.revived++;
    }
  }

  /** Brings the named stories (absorbed ids follow their redirects) back into memory when they left it (closed ones too). */
  async load(ids: readonly string[], load: RowLoader): Promise<void> {
    const seqs = [...new Set(ids.map((id) => storySeq(this.redirects.get(id) ?? id)))].filter((seq) => seq > 0 && seq < this.clusterer.nextStory && !this.clusterer.stories.has(seq));
    if (seqs.length) await this.revive(seqs, load);
  }

  /** Stories out of memory (see `evictCold`), closed ones included (see StoryIndexConfig.closeAfter). */
  get parked(): number {
    return this.clusterer.parkedCount + this.clusterer.closedCount;
  }

  /** Candidate work counted so far (posting entries read, candidates scored...): what the growth test bounds per arrival. */
  get work(): Readonly<CandidateWork> {
    return this.clusterer.work;
  }

  /** Entries held in memory by structure (never bytes): what the growth test counts. */
  entryCounts(): Record<string, number> {
    return { ...this.clusterer.entryCounts(), df: this.df.size, redirects: this.redirects.size, redirectedTo: this.redirectedTo.size, pending: this.pending.size, parkedRows: this.parkedRows.size, visitors: this.visitors.size };
  }

  /** The rows to write for what changed since the last call (value null: delete), then forgets the changes. */
  changes(): { key: string; value: string | null }[] {
    const rows: { key: string; value: string | null }[] = [];
    for (const [id, to] of this.dirtyRedirects) rows.push({ key: absorbedKey(id), value: to });
    this.dirtyRedirects.clear();
    if (!this.dirtyStories.size && !this.dfDelta.size && !this.parkedRows.size && !this.closedSinceWrite) return rows;
    this.closedSinceWrite = false;
    if (this.dfDelta.size) rows.push(...this.frequencyRows());
    rows.push({
      key: `${STORY_INDEX_PREFIX}meta`,
      value: JSON.stringify({ docs: this.docs, nextId: this.clusterer.nextStory, arrivals: this.clusterer.arrived, nextDelta: this.nextDelta, open: this.clusterer.openStories() } satisfies MetaRow),
    });
    for (const id of [...this.dirtyStories].sort((a, b) => storySeq(a) - storySeq(b))) {
      const s = this.clusterer.stories.get(storySeq(id));
      rows.push({ key: storyKey(id), value: s ? this.rowOf(s, false) : null });
      // Its stored row now lacks the members' vectors: leaving memory, it writes them again.
      this.visitors.delete(storySeq(id));
    }
    for (const [id, value] of this.parkedRows) rows.push({ key: storyKey(id), value });
    this.dirtyStories.clear();
    this.parkedRows.clear();
    return rows;
  }

  /**
   * Rows for the document frequencies changed since the last call: a delta row of the increments, or, once the deltas
   * written since the last full write outgrow the table, the whole table in DF_SHARDS rows and the deltas deleted.
   * Each write costs what changed (amortized: the table is rewritten after as many delta entries), never the vocabulary.
   */
  private frequencyRows(): { key: string; value: string | null }[] {
    const rows: { key: string; value: string | null }[] = [];
    this.deltaEntries += this.dfDelta.size;
    if (this.deltaEntries >= this.df.size) {
      const shards = Array.from({ length: DF_SHARDS }, (): [string, number][] => []);
      for (const [k, n] of this.df) shards[shardOf(k)]!.push([k, n]);
      shards.forEach((entries, n) => rows.push({ key: `${STORY_INDEX_PREFIX}df/${n}`, value: JSON.stringify(entries) }));
      for (const key of this.deltaRows) rows.push({ key, value: null });
      this.deltaRows.length = 0;
      this.deltaEntries = 0;
    } else {
      const key = `${STORY_INDEX_PREFIX}df/d/${this.nextDelta++}`;
      rows.push({ key, value: JSON.stringify([...this.dfDelta]) });
      this.deltaRows.push(key);
    }
    this.dfDelta.clear();
    return rows;
  }

  /** The story holding an article, if it was assigned. */
  storyOfArticle(id: string): string | undefined {
    const seq = this.clusterer.storyOf(id);
    return seq === undefined ? undefined : storyId(seq);
  }

  story(id: string): IndexedStory | undefined {
    const s = this.clusterer.stories.get(storySeq(this.redirects.get(id) ?? id));
    if (!s) return undefined;
    const centroid = new Map(s.sum);
    return { id: storyId(s.seq), articles: [...s.members], absorbed: s.absorbed.map(storyId), centroid, normSq: dot(centroid, centroid) };
  }

  get size(): number {
    return this.clusterer.stories.size;
  }

  /**
   * Assigns one article (again: an article already held keeps its story). The article is re-clustered, average link
   * as in the batch clusterer, with the few stories the index finds for it: it may join one, bridge several into the
   * oldest (which records the absorbed ids), or pull members of a small story over to a better one.
   */
  assign(article: Article): Assignment {
    return runResident(this.assignSteps(article));
  }

  /**
   * `assign` when stories may have left memory (`evictCold`): the stories a step finds among its candidates are read
   * back through `load` first, so the assignment is the one an index that kept every story in memory would make.
   * An article assigned before whose story left memory must have that story brought back first (`load` by story id,
   * as StoryEngine does from the store's story rows): otherwise it is taken for a new article.
   */
  async assignLoading(article: Article, load: RowLoader): Promise<Assignment> {
    const steps = this.assignSteps(article);
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) return next.value;
      await this.revive(next.value, load);
    }
  }

  private *assignSteps(article: Article): Generator<readonly number[], Assignment, void> {
    const held = this.storyOfArticle(article.id);
    if (held) return { story: held, created: false, absorbed: [], changed: [] };
    const features = articleFeatures(article);
    this.docs++;
    for (const k of features.keys()) {
      this.df.set(k, (this.df.get(k) ?? 0) + 1);
      this.dfDelta.set(k, (this.dfDelta.get(k) ?? 0) + 1);
    }
    const placed = yield* this.clusterer.addSteps(article.id, features);
    const absorbed = new Set<number>();
    const changed = new Set<number>();
    this.record(placed, absorbed, changed);
    this.pending.delete(placed.story);
    this.pending.add(placed.story);
    for (let i = 0; i < (this.config.reexamine ?? 1) && this.pending.size; i++) {
      const seq = this.pending.values().next().value ?? placed.story;
      this.pending.delete(seq);
      const before = this.clusterer.stories.get(seq)?.members;
      const step = yield* this.clusterer.reexamineSteps(seq);
      if (!step) continue;
      // A sweep names the story it examined even when it left it as it was: that story's report is not stale.
      const after = this.clusterer.stories.get(step.story)?.members;
      const kept = step.story === seq && !step.absorbed.length && before !== undefined && after !== undefined && sameList(before, after);
      this.record(step, absorbed, changed, kept ? seq : undefined);
    }
    const story = this.clusterer.storyOf(article.id) ?? placed.story;
    changed.delete(story);
    for (const gone of absorbed) changed.delete(gone);
    for (const seq of changed) this.dirtyStories.add(storyId(seq));
    this.dirtyStories.add(storyId(story));
    return {
      story: storyId(story),
      created: placed.created && !absorbed.has(placed.story) && story === placed.story,
      absorbed: [...absorbed].sort((a, b) => a - b).map(storyId),
      changed: [...changed].sort((a, b) => a - b).map(storyId),
    };
  }

  /**
   * Folds one clustering step into the assignment's changes; absorbed ids redirect to the story that holds them.
   * `unchanged` names a story the step examined but left with the same members: its row is rewritten (its summed
   * vector may have been re-weighed) but it is not reported as changed.
   */
  private record(step: Placement, absorbed: Set<number>, changed: Set<number>, unchanged?: number): void {
    for (const gone of step.absorbed) {
      absorbed.add(gone);
      this.pending.delete(gone);
      this.dirtyStories.add(storyId(gone));
    }
    for (const seq of [step.story, ...step.changed]) {
      if (seq === unchanged) this.dirtyStories.add(storyId(seq));
      else changed.add(seq);
      // Each survivor lists what it absorbed, earlier merges included: those ids now redirect to it.
      for (const gone of this.clusterer.stories.get(seq)?.absorbed ?? []) {
        if (this.redirects.get(storyId(gone)) === storyId(seq)) continue;
        this.redirect(storyId(gone), storyId(seq), true);
      }
      if (seq !== step.story) {
        this.pending.delete(seq);
        this.pending.add(seq);
      }
    }
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Creation order of a story id ("s12" -> 12). */
function storySeq(id: string): number {
  return Number(id.slice(1)) || 0;
}
