// Groups a story's mentions that say the same thing, then splits each group into compatible positions and finds conflicts.
import type { Evolution } from '../../core/corpus.js';
import { compareMentionsAll, deathDisagreement, facetDisagreement, mentionDeathDetails, sequenceDisagreement, superlativeDisagreement, type ComparedMention, type Disagreement } from './compare-mentions.js';
import { PairMemo } from '../../core/text/pair-memo.js';
import { figureFrames, isContextFrame, isCrowdFrame, MONEY_BY, MONEY_FRAME, MONEY_OF_FRAME, RANK_FRAME, sameObjectCount, SEQUENCE_FRAME, WEEKDAY_FRAME } from './event-frame.js';
import { countsPeople, isMoney, quantityInterval } from './intervals.js';
import { MAGNITUDE_UNIT, MEASURE_DIMENSIONS, measureUnit } from '../../stages/quantities/index.js';
import type { QuantitySpan, TimeSpan } from '../../core/article.js';
import { detectEvolution, EVOLUTION_DEFAULTS, type EvolutionConfig } from './evolution.js';
import type { MentionDraft } from './extract-mentions.js';
import { addDayConflicts, addOffsetConflicts, claimLinker, leadEventKeys } from './time-anchors.js';
import { addYearConflicts } from './event-years.js';

export interface AlignConfig extends EvolutionConfig {
  /** Minimum similarity of a pair to join two groups. */
  readonly linkThreshold: number;
  /** Minimum average similarity between all members of two groups to merge them. */
  readonly groupThreshold: number;
  /** Two clauses of one article join one group only when this similar (a lede repeated in the body). */
  readonly sameArticleThreshold: number;
  /** Minimum similarity of two mentions for a disagreement between them to count. */
  readonly conflictThreshold: number;
  /** Negation flips meaning with one word: it needs a closer match. */
  readonly negationThreshold: number;
  /** Share of the text score in the similarity; the rest is entity overlap. */
  readonly textWeight: number;
  /** Mentions of one claim a single article may hold. */
  readonly maxPerArticle: number;
  /** Content words two mentions must share to be the same claim. */
  readonly minSharedWords: number;
  /** Nearest candidates compared per mention. */
  readonly candidates: number;
  /** Words in more than this share of mentions (and more than `minPosting`) do not propose candidates. */
  readonly maxPostingShare: number;
  readonly minPosting: number;
  /**
   * ...and never more than this many, whatever the story's size: a share of the mentions would let every mention
   * read a posting that grows with the story, which makes one long article or one big story quadratic.
   */
  readonly maxPosting: number;
  /**
   * Similarity floor of two mentions sharing an event frame (same unit class or clock time, same event verb, same
   * story): "killing one person" and "three people were killed" say the same kind of thing with few shared words.
   */
  readonly frameScore: number;
  /**
   * Similarity floor for a number conflict between two claims that did not group: clauses giving figures of one
   * unit ("30,000 people" / "as many as 20,000 people") are often worded too differently to group, yet a reader
   * compares their figures. Set at or above `conflictThreshold` to turn the pass off.
   */
  readonly numberScore: number;
}

export const ALIGN_DEFAULTS: AlignConfig = {
  ...EVOLUTION_DEFAULTS,
  linkThreshold: 0.5,
  groupThreshold: 0.4,
  sameArticleThreshold: 0.75,
  conflictThreshold: 0.45,
  negationThreshold: 0.45,
  textWeight: 0.75,
  maxPerArticle: 2,
  minSharedWords: 2,
  candidates: 24,
  maxPostingShare: 0.1,
  minPosting: 64,
  maxPosting: 400,
  frameScore: 0.6,
  numberScore: 0.2,
};

export interface ConflictDraft {
  /** Index of the other claim draft in the returned list. */
  readonly other: number;
  readonly mine: MentionDraft;
  readonly theirs: MentionDraft;
  readonly disagreement: Disagreement;
}

export interface ClaimDraft {
  readonly mentions: readonly MentionDraft[];
  readonly representative: MentionDraft;
  readonly conflicts: ConflictDraft[];
  readonly evolution: Evolution | null;
}

/** Content keys of figures that accumulate as a story unfolds (tolls, arrests, evacuations); others do not evolve. */
const RUNNING_TOTALS = new Set(['die', 'injure', 'missing', 'detain', 'evacuate', 'rescue', 'displac', 'infect', 'case', 'hospitaliz', 'hospitalis', 'casualty', 'victim']);

type Similarity = (i: number, j: number) => number;

/**
 * A count framed the same way ("killed five people") but dated on other days ("In February, ...") is background about
 * another incident, not the same figure: frames of figures hold only when the dated event times share a day, or one
 * side gives none.
 */
/** "killed five people ... in Salt Lake City" and "1 dead, 2 hurt in Mich.": the same frame in two places is two events. */
function samePlaceOrUnplaced(a: MentionDraft, b: MentionDraft): boolean {
  return !a.places.length || !b.places.length || a.places.some((p) => b.places.includes(p));
}

/** The days a mention dates its event to, read once per compared mention (see sameDayOrUndated). */
const EVENT_DAYS = new WeakMap<ComparedMention, readonly string[]>();

function eventDays(compared: ComparedMention): readonly string[] {
  let out = EVENT_DAYS.get(compared);
  if (out === undefined) {
    // Resolved values compare by calendar prefix; unresolved ones ("XXXX-02", or none) by what they say.
    out = compared.facts.eventTimes.flatMap((t) => {
      if (t.type === 'DURATION' || t.type === 'SET') return [];
      const resolved = /^\d{4}(?:-\d{2})?(?:-\d{2})?/.exec(t.value ?? '')?.[0];
      const said = compared.text.slice(t.start - compared.cite.start, t.end - compared.cite.start).toLowerCase();
      return [resolved ?? `~${t.value ?? said}`];
    });
    EVENT_DAYS.set(compared, out);
  }
  return out;
}

function sameDayOrUndated(a: MentionDraft, b: MentionDraft): boolean {
  const da = eventDays(a.compared);
  const db = eventDays(b.compared);
  if (!da.length || !db.length) return true;
  return da.some((x) => db.some((y) => x.startsWith(y) || y.startsWith(x)));
}

/**
 * Like `sameDayOrUndated`, on resolved days only: an ordering's own offset ("hours after the leaders spoke") is a time
 * with no day, which says nothing of the event's day.
 */
function sameResolvedDayOrUnknown(a: MentionDraft, b: MentionDraft): boolean {
  const days = (m: MentionDraft): readonly string[] => eventDays(m.compared).filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d));
  const da = days(a);
  const db = days(b);
  return !da.length || !db.length || da.some((x) => db.some((y) => x.slice(0, 10) === y.slice(0, 10)));
}

/** A date value naming a year or a month but no day ("XXXX-09" for "in September", "2008"). */
const COARSE_DATE_RE = /^(?:\d{4}|XXXX)(?:-(\d{2}))?$/;

/**
 * Whether two mentions tell of figures on different occasions, so their figures are not one figure misreported:
 * (1) a clause dated only by a month or a year ("a quake struck in September, killing seven") beside an undated one
 * or one dated to a day or weekday of another month is background, an earlier event: news dates today's event by
 * the day ("on Sunday") and a past one by the month; (2) two such clauses naming different months are two events.
 * A clause that continues its sentence takes the date of the clause it continues (`MentionDraft.occasion`).
 */
export function differentOccasions(a: Pick<MentionDraft, 'occasion'>, b: Pick<MentionDraft, 'occasion'>): boolean {
  const ra = occasionOf(a.occasion);
  const rb = occasionOf(b.occasion);
  const coarse = ra?.coarse ? ra : rb?.coarse ? rb : null;
  if (!coarse) return false;
  const other = coarse === ra ? rb : ra;
  if (!other) return true;
  if (!coarse.months.length || !other.months.length) return !other.coarse;
  return !coarse.months.some((x) => other.months.includes(x));
}

interface Occasion {
  readonly coarse: boolean;
  readonly months: readonly string[];
}

/** An occasion's dates as differentOccasions reads them, once per occasion list (they are immutable); null: undated. */
const OCCASIONS = new WeakMap<readonly TimeSpan[], Occasion | null>();

function occasionOf(occasion: readonly TimeSpan[]): Occasion | null {
  let out = OCCASIONS.get(occasion);
  if (out === undefined) {
    const dates = occasion.filter((t) => t.type !== 'DURATION' && t.type !== 'SET');
    const months = dates.map((t) => /^(?:\d{4}|XXXX)-(\d{2})/.exec(t.value ?? '')?.[1]).filter((x): x is string => x !== undefined);
    out = dates.length ? { coarse: dates.every((t) => COARSE_DATE_RE.test(t.value ?? '')), months } : null;
    OCCASIONS.set(occasion, out);
  }
  return out;
}

/** Both mentions date their event, to the same occasion. */
function datedAlike(a: MentionDraft, b: MentionDraft): boolean {
  const dated = (m: MentionDraft): boolean => m.occasion.some((t) => t.type !== 'DURATION' && t.type !== 'SET' && t.value !== null);
  return dated(a) && dated(b) && !differentOccasions(a, b);
}

/** The frame key of a distance from a named place (see `figureFrames`). */
const PLACE_KEYED = 'from:';

/**
 * Figure pairs proposed by what their figures measure, not by their words: "made off with $137 million of jewels" and
 * "jewellery worth more than $160 million has been stolen" share one word, yet both give the value taken ("usd|steal").
 * Mentions are indexed by their figure frames (see `figureFrames`) of amounts, measures and counts of things: counts
 * of people frame events already (`MentionDraft.frames`), words beside a count of things ("shop|~damag") are a
 * topic, not a measure, and how long something lasted is felt differently by each witness (measured on the tuning
 * sub-events: "felt it for 10 seconds" / "about a minute" were the pass's only false flag there). A measure keyed by
 * its verb alone ("fell 150 metres") is told of whoever did it, and two climbers both fell: only a measure keyed by a
 * place ("1,500 km from Tehran") proposes pairs here (on ECB+ dev the verb-keyed ones added three false flags). Each
 * mention meets at most `candidates` earlier mentions of a frame, frames held by more than `maxPosting` mentions propose
 * none, so the pass stays linear in the story. addFigureConflicts judges every pair.
 */
function addFrameFigurePairs(mentions: readonly MentionDraft[], hasFigure: readonly boolean[], figurePairs: [number, number][], maxPosting: number, candidates: number): void {
  const frames = figureFramesOf();
  const byFrame = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    if (!hasFigure[i]) return;
    for (const f of frames(m)) {
      const unit = f.slice(0, f.indexOf('|'));
      const key = f.slice(f.indexOf('|') + 1);
      if (isContextFrame(f) || countsPeople(unit) || unit === 'duration' || f.endsWith('|')) continue;
      if (MEASURE_DIMENSIONS.has(unit) && !key.startsWith(PLACE_KEYED)) continue;
      (byFrame.get(f) ?? byFrame.set(f, []).get(f))?.push(i);
    }
  });
  const seen = new Set(figurePairs.map(([x, y]) => `${x}:${y}`));
  for (const list of byFrame.values()) {
    if (list.length > maxPosting) continue;
    list.forEach((j, n) => {
      for (const i of list.slice(Math.max(0, n - candidates), n)) {
        if (mentions[i]?.compared.cite.article === mentions[j]?.compared.cite.article || seen.has(`${i}:${j}`)) continue;
        seen.add(`${i}:${j}`);
        figurePairs.push([i, j]);
      }
    });
  }
}

/**
 * What similarityOf derives from a mention's own word and frame lists, once per list: a story re-analyzed as it grows
 * aligns the same mentions again (their lists come from the claims stage's per-article memo).
 */
const WORD_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();
const FRAME_KEYS = new WeakMap<readonly string[], readonly string[]>();
const POSTING_KEYS = new WeakMap<readonly string[], WeakMap<readonly string[], readonly string[]>>();

function wordSetOf(words: readonly string[]): ReadonlySet<string> {
  let set = WORD_SETS.get(words);
  if (set === undefined) WORD_SETS.set(words, (set = new Set(words)));
  return set;
}

/** Frames as posting keys ("frame:" + frame), apart from the words. */
function frameKeysOf(frames: readonly string[]): readonly string[] {
  let keys = FRAME_KEYS.get(frames);
  if (keys === undefined) FRAME_KEYS.set(frames, (keys = frames.map((f) => `frame:${f}`)));
  return keys;
}

/** A mention's words, then its frame keys: the postings it reads candidates from. */
function postingKeysOf(m: Pick<MentionDraft, 'words' | 'frames'>): readonly string[] {
  let row = POSTING_KEYS.get(m.words);
  if (row === undefined) POSTING_KEYS.set(m.words, (row = new WeakMap()));
  let keys = row.get(m.frames);
  if (keys === undefined) row.set(m.frames, (keys = [...m.words, ...frameKeysOf(m.frames)]));
  return keys;
}

/** Pairwise similarity over shared content words (IDF-weighted Dice) and shared actors (Jaccard). */
export function similarityOf(
  mentions: readonly MentionDraft[],
  config: AlignConfig,
): { sim: Similarity; pairs: [number, number, number][]; figurePairs: [number, number][] } {
  // Document frequency: each article's words counted once (a set per article, not one per word).
  const wordsOfArticle = new Map<string, Set<string>>();
  for (const m of mentions) {
    const article = m.compared.cite.article;
    let set = wordsOfArticle.get(article);
    if (set === undefined) wordsOfArticle.set(article, (set = new Set()));
    for (const w of m.words) set.add(w);
  }
  const docs = wordsOfArticle.size;
  const df = new Map<string, number>();
  for (const set of wordsOfArticle.values()) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = new Map<string, number>();
  df.forEach((n, w) => idf.set(w, Math.log(1 + docs / n)));
  const weight = mentions.map((m) => m.words.reduce((s, w) => s + (idf.get(w) ?? 0), 0));
  const hasFigure = mentions.map((m) => m.compared.facts.quantities.some((q) => q.unit !== null));
  const wordSets = mentions.map((m) => wordSetOf(m.words));
  const score = (i: number, j: number): number => {
    const a = mentions[i];
    const b = mentions[j];
    const wa = wordSets[i];
    // Figures of two occasions (the quake in September, Sunday's quake) are two claims however alike the wording.
    if (!a || !b || !wa || (hasFigure[i] && hasFigure[j] && differentOccasions(a, b))) return 0;
    let shared = 0;
    let count = 0;
    for (const w of b.words) {
      if (!wa.has(w)) continue;
      shared += idf.get(w) ?? 0;
      count++;
    }
    const framed =
      samePlaceOrUnplaced(a, b) && a.frames.some((f) => b.frames.includes(f) && (f.startsWith('clock|') || f.startsWith(WEEKDAY_FRAME) || sameDayOrUndated(a, b)));
    // One shared word ("scene") is a topic, not a proposition; a shared event frame is.
    if (count < config.minSharedWords) return framed ? config.frameScore : 0;
    const wi = weight[i] ?? 0;
    const wj = weight[j] ?? 0;
    // Dice punishes a paraphrase that adds detail; containment forgives it. Half of each.
    const text = wi && wj ? (shared / (wi + wj)) + (0.5 * shared) / Math.min(wi, wj) : 0;
    const floor = framed ? config.frameScore : 0;
    if (!a.entityKeys.length || !b.entityKeys.length) return Math.max(text, floor);
    const common = a.entityKeys.filter((k) => b.entityKeys.includes(k)).length;
    const ent = common / (a.entityKeys.length + b.entityKeys.length - common);
    // Shared actors raise the score; different actors named in passing do not lower it.
    return Math.max(text, config.textWeight * text + (1 - config.textWeight) * ent, floor);
  };
  const cache = new Map<number, number>();
  const n = mentions.length;
  const sim: Similarity = (i, j) => {
    if (i === j) return 1;
    const key = i < j ? i * n + j : j * n + i;
    let v = cache.get(key);
    if (v === undefined) {
      v = score(Math.min(i, j), Math.max(i, j));
      cache.set(key, v);
    }
    return v;
  };
  // Candidates: for each mention, the K mentions sharing the most IDF weight through words that are not everywhere.
  const byWord = new Map<string, number[]>();
  mentions.forEach((m, i) => m.words.forEach((w) => (byWord.get(w) ?? byWord.set(w, []).get(w))?.push(i)));
  // Frames propose candidates too, as strongly as the rarest word.
  const frameWeight = Math.log(1 + docs);
  mentions.forEach((m, i) => frameKeysOf(m.frames).forEach((f) => (byWord.get(f) ?? byWord.set(f, []).get(f))?.push(i)));
  const maxPosting = Math.min(config.maxPosting, Math.max(config.minPosting, Math.ceil(n * config.maxPostingShare)));
  const acc = new Float64Array(n);
  const seen = new Set<number>();
  const pairs: [number, number, number][] = [];
  const figurePairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    const m = mentions[i];
    for (const w of m ? postingKeysOf(m) : []) {
      const list = byWord.get(w) ?? [];
      if (list.length > maxPosting) continue;
      const weightOfWord = idf.get(w) ?? frameWeight;
      for (const j of list) {
        if (j === i) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] = (acc[j] ?? 0) + weightOfWord;
      }
    }
    touched.sort((x, y) => (acc[y] ?? 0) - (acc[x] ?? 0) || x - y);
    for (const j of touched.slice(0, config.candidates)) {
      const key = i < j ? i * n + j : j * n + i;
      if (seen.has(key)) continue;
      seen.add(key);
      const s = sim(i, j);
      if (s >= config.linkThreshold) pairs.push([Math.min(i, j), Math.max(i, j), s]);
      // Linked pairs are figure pairs too: average-link grouping may still leave them in two claims (see addFigureConflicts).
      if (s >= config.numberScore && hasFigure[i] && hasFigure[j]) figurePairs.push([Math.min(i, j), Math.max(i, j)]);
    }
    for (const j of touched) acc[j] = 0;
  }
  addFrameFigurePairs(mentions, hasFigure, figurePairs, maxPosting, config.candidates);
  pairs.sort((p, q) => q[2] - p[2] || p[0] - q[0] || p[1] - q[1]);
  figurePairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return { sim, pairs, figurePairs };
}

/** Greedy average-link merging over candidate pairs, strongest first. */
function groupMentions(mentions: readonly MentionDraft[], sim: Similarity, pairs: readonly [number, number, number][], config: AlignConfig): number[][] {
  const groupOf = mentions.map((_, i) => i);
  const members = new Map<number, number[]>(mentions.map((_, i) => [i, [i]]));
  for (const [i, j] of pairs) {
    const gi = groupOf[i] ?? i;
    const gj = groupOf[j] ?? j;
    if (gi === gj) continue;
    const a = members.get(gi) ?? [];
    const b = members.get(gj) ?? [];
    let total = 0;
    // A claim is said at most `maxPerArticle` times by one article (a lede repeated in the body).
    const perArticle = new Map<string, number>();
    for (const x of [...a, ...b]) {
      const article = mentions[x]?.compared.cite.article ?? '';
      perArticle.set(article, (perArticle.get(article) ?? 0) + 1);
    }
    let blocked = [...perArticle.values()].some((k) => k > config.maxPerArticle);
    for (const x of blocked ? [] : a) {
      for (const y of b) {
        const s = sim(x, y);
        total += s;
        if (mentions[x]?.compared.cite.article === mentions[y]?.compared.cite.article && s < config.sameArticleThreshold) blocked = true;
      }
    }
    if (blocked || total / (a.length * b.length) < config.groupThreshold) continue;
    for (const y of b) groupOf[y] = gi;
    members.set(gi, [...a, ...b]);
    members.delete(gj);
  }
  return [...members.values()].map((g) => g.sort((x, y) => x - y));
}

/**
 * compareMentionsAll per ordered pair of compared mentions. A mention's `compared` is made once per article and story
 * context (the claims stage's per-article memo), so a story re-analyzed as it grows compares only its new pairs again.
 */
const COMPARED = new PairMemo<ComparedMention, readonly Disagreement[]>();

function compareAll(a: ComparedMention, b: ComparedMention): readonly Disagreement[] {
  return COMPARED.get(a, b, () => compareMentionsAll(a, b));
}

/** Every kind of disagreement between two mentions of different articles close enough to be one claim. */
function disagreementsOf(mentions: readonly MentionDraft[], sim: Similarity, x: number, y: number, config: AlignConfig): Disagreement[] {
  const s = sim(x, y);
  const a = mentions[x];
  const b = mentions[y];
  if (!a || !b || s < config.conflictThreshold || a.compared.cite.article === b.compared.cite.article) return [];
  const apart = differentOccasions(a, b);
  return compareAll(a.compared, b.compared).filter((d) => (d.kind !== 'negation' || s >= config.negationThreshold) && (d.kind !== 'number' || !apart));
}

function chronological(mentions: readonly MentionDraft[]): (x: number, y: number) => number {
  return (x, y) => {
    const a = mentions[x];
    const b = mentions[y];
    const pa = a?.compared.published ?? '';
    const pb = b?.compared.published ?? '';
    return pa < pb ? -1 : pa > pb ? 1 : (a?.articleOrder ?? 0) - (b?.articleOrder ?? 0) || (a?.compared.cite.start ?? 0) - (b?.compared.cite.start ?? 0);
  };
}

/** A clause that opens like a sentence (capital, digit or quotation mark), not a split-off "killing one person". */
function opensSentence(m: MentionDraft | undefined): boolean {
  return /^[\p{Lu}\p{N}"\u201c\u2018']/u.test(m?.compared.text.trimStart() ?? '');
}

/** The member most similar to the rest of its claim, whole sentences before fragments; the earliest wins ties. */
function representativeOf(group: readonly number[], mentions: readonly MentionDraft[], sim: Similarity): MentionDraft {
  const whole = group.filter((x) => opensSentence(mentions[x]));
  const pool = whole.length ? whole : group;
  let best = pool[0] ?? 0;
  let bestScore = -1;
  for (const x of pool) {
    let s = 0;
    for (const y of group) if (x !== y) s += sim(x, y);
    if (s > bestScore + 1e-9) {
      best = x;
      bestScore = s;
    }
  }
  return mentions[best] as MentionDraft;
}

/** Splits one topic group into positions that can all be true; records what separates them. */
function splitGroup(group: readonly number[], mentions: readonly MentionDraft[], sim: Similarity, config: AlignConfig): ClaimDraft[] {
  const order = [...group].sort(chronological(mentions));
  const positions: number[][] = [];
  for (const m of order) {
    const fits = positions.find((p) => p.every((x) => disagreementsOf(mentions, sim, x, m, config).length === 0));
    if (fits) fits.push(m);
    else positions.push([m]);
  }
  const between: { p: number; q: number; x: number; y: number; d: Disagreement }[] = [];
  for (let p = 0; p < positions.length; p++) {
    for (let q = p + 1; q < positions.length; q++) {
      // The first two mentions that disagree give every way they do: one clause may be disputed on its ordering and
      // its ranking at once. Other pairs of the same positions restate those words and would repeat the dispute, unless
      // they disagree in another kind: a climber's age and his equipment are two disputes of one claim.
      const kinds = new Set<string>();
      for (const x of positions[p] ?? []) {
        for (const y of positions[q] ?? []) {
          const ds = disagreementsOf(mentions, sim, x, y, config).filter((d) => !kinds.has(d.kind));
          for (const d of ds) between.push({ p, q, x, y, d });
          for (const d of ds) kinds.add(d.kind);
        }
      }
    }
  }
  const firstNumber = between[0]?.d.quantities;
  const running = group.some((i) => mentions[i]?.words.some((w) => RUNNING_TOTALS.has(w)));
  if (running && positions.length > 1 && firstNumber && between.every((b) => b.d.kind === 'number')) {
    const all = order.map((i) => mentions[i] as MentionDraft);
    const evolution = detectEvolution(
      all.map((m) => m.compared),
      firstNumber.a.unit,
      config,
    );
    // An evolving figure reads as its latest report ("Three people were killed ..."), a whole sentence when there is one.
    const latest = [...order].reverse();
    const shown = latest.find((i) => opensSentence(mentions[i])) ?? latest[0];
    const representative = shown === undefined ? representativeOf(group, mentions, sim) : (mentions[shown] as MentionDraft);
    if (evolution) return [{ mentions: sortByPosition(all), representative, conflicts: [], evolution }];
  }
  const drafts: ClaimDraft[] = positions.map((p) => ({
    mentions: sortByPosition(p.map((i) => mentions[i] as MentionDraft)),
    representative: representativeOf(p, mentions, sim),
    conflicts: [],
    evolution: null,
  }));
  return drafts.map((draft, index) => ({
    ...draft,
    conflicts: between.flatMap((b): ConflictDraft[] => {
      const x = mentions[b.x] as MentionDraft;
      const y = mentions[b.y] as MentionDraft;
      if (b.p === index) return [{ other: b.q, mine: x, theirs: y, disagreement: b.d }];
      if (b.q === index) return [{ other: b.p, mine: y, theirs: x, disagreement: { ...b.d, a: b.d.b, b: b.d.a, ...swapQuantities(b.d) } }];
      return [];
    }),
  }));
}

function swapQuantities(d: Disagreement): Pick<Disagreement, 'quantities' | 'changes'> {
  return {
    ...(d.quantities ? { quantities: { a: d.quantities.b, b: d.quantities.a } } : {}),
    ...(d.changes ? { changes: d.changes.map((c) => ({ from: c.to, to: c.from })) } : {}),
  };
}

function sortByPosition(list: readonly MentionDraft[]): MentionDraft[] {
  return [...list].sort((a, b) => a.articleOrder - b.articleOrder || a.compared.cite.start - b.compared.cite.start);
}

/**
 * Aligns one story's mentions into claim drafts, ordered by first mention position.
 * Conflict `other` indices point into the returned array.
 */
export function alignClaims(mentions: readonly MentionDraft[], config: AlignConfig = ALIGN_DEFAULTS): ClaimDraft[] {
  const { sim, pairs, figurePairs } = similarityOf(mentions, config);
  const groups = groupMentions(mentions, sim, pairs, config);
  const drafts: { draft: ClaimDraft; local: number; base: number }[] = [];
  for (const group of groups) {
    const split = splitGroup(group, mentions, sim, config);
    const base = drafts.length;
    split.forEach((draft, local) => drafts.push({ draft, local, base }));
  }
  const key = (d: ClaimDraft): [number, number] => [d.mentions[0]?.articleOrder ?? 0, d.mentions[0]?.compared.cite.start ?? 0];
  const order = drafts.map((_, i) => i).sort((x, y) => {
    const [ax, as] = key((drafts[x] as { draft: ClaimDraft }).draft);
    const [bx, bs] = key((drafts[y] as { draft: ClaimDraft }).draft);
    return ax - bx || as - bs || x - y;
  });
  const newIndex = new Map<number, number>(order.map((old, i) => [old, i]));
  const out = order.map((old) => {
    const { draft, base } = drafts[old] as { draft: ClaimDraft; base: number };
    return { ...draft, conflicts: draft.conflicts.map((c) => ({ ...c, other: newIndex.get(base + c.other) ?? 0 })) };
  });
  addFigureConflicts(out, mentions, figurePairs, sim, config.linkThreshold);
  addFacetConflicts(out, mentions, config);
  addDayConflicts(out, mentions, config.candidates);
  addOffsetConflicts(out, mentions, config.candidates);
  addYearConflicts(out, mentions, config.candidates);
  addRankAndSequenceConflicts(out, mentions, config.candidates);
  return out;
}

/**
 * Ranking and ordering conflicts between claims that did not group: "the strike was launched hours after the two
 * leaders spoke" and "missiles struck Tarsk during a phone call between Sen and Oss" are worded too differently to
 * align, yet a reader sets the two orderings side by side. Candidates come from an index of rank and sequence frames
 * (see `rankAndSequenceFrames`) whose ranked or ordered event is the story's lead event (see `leadEventKeys`), each
 * mention checked against at most `candidates` earlier mentions of its frame, and a pair counts when the mentions come from different articles and sit in different claims with no conflict yet, name
 * a place in common or one names none, date their events to one day or leave the day unresolved (see
 * `sameResolvedDayOrUnknown`), and the orderings or rankings clash.
 */
function addRankAndSequenceConflicts(drafts: ClaimDraft[], mentions: readonly MentionDraft[], candidates: number): void {
  const link = claimLinker(drafts);
  const byFrame = new Map<string, MentionDraft[]>();
  for (const m of mentions) {
    for (const f of m.frames) if (f.startsWith(SEQUENCE_FRAME) || f.startsWith(RANK_FRAME)) (byFrame.get(f) ?? byFrame.set(f, []).get(f))?.push(m);
  }
  if (!byFrame.size) return;
  const lead = leadEventKeys(mentions);
  for (const [frame, list] of byFrame) {
    // The event ranked or ordered ("rank|largest|attack", "seq|call|attack") must be the story's lead event.
    if (!lead.has(frame.slice(frame.lastIndexOf('|') + 1))) continue;
    const disagree = frame.startsWith(SEQUENCE_FRAME) ? sequenceDisagreement : superlativeDisagreement;
    list.forEach((b, n) => {
      for (const a of list.slice(Math.max(0, n - candidates), n)) {
        if (a.compared.cite.article === b.compared.cite.article || !samePlaceOrUnplaced(a, b) || !sameResolvedDayOrUnknown(a, b)) continue;
        link(a, b, () => disagree(a.compared, b.compared));
      }
    });
  }
}

/**
 * Facet conflicts between claims that did not group: a home town or a state is said in passing, in clauses about
 * other things ("Police stopped Krey, of Dunmore, when ..." / "Krey, of Eastbrook, drove ..."), so their
 * clauses rarely align. Candidates come from an index of facet keys, each mention checked against at most
 * `config.candidates` earlier mentions of its key, and a pair counts when:
 * (1) the mentions come from different articles and sit in different claims with no conflict between them yet;
 * (2) a state's clauses are about the same subject: they share an actor or `minSharedWords` content words besides the
 * state's own word ("Reyn was well equipped" / "Reyn's party appeared insufficiently equipped"); a home
 * town's key already names its person;
 * (3) the two facets clash (see `facetsClash`).
 */
function addFacetConflicts(drafts: ClaimDraft[], mentions: readonly MentionDraft[], config: AlignConfig): void {
  const claimOf = new Map<MentionDraft, number>();
  drafts.forEach((d, i) => d.mentions.forEach((m) => claimOf.set(m, i)));
  const linked = new Set<string>();
  drafts.forEach((d, i) => d.conflicts.forEach((c) => linked.add(`${Math.min(i, c.other)}:${Math.max(i, c.other)}`)));
  const byKey = new Map<string, MentionDraft[]>();
  for (const m of mentions) {
    // A cause or a place of death is said in passing too ("SKY reports the workers were burnt to death").
    const keys = [...m.compared.facts.facets.map((f) => f.key), ...mentionDeathDetails(m.compared).map((d) => `death|${d.kind}`)];
    for (const key of new Set(keys)) (byKey.get(key) ?? byKey.set(key, []).get(key))?.push(m);
  }
  const sameSubject = (a: MentionDraft, b: MentionDraft, key: string): boolean => {
    if (key.startsWith('home|')) return true;
    if (a.entityKeys.some((k) => b.entityKeys.includes(k))) return true;
    const own = key.slice(key.indexOf('|') + 1);
    return a.words.filter((w) => w !== own && b.words.includes(w)).length >= config.minSharedWords;
  };
  for (const [key, list] of byKey) {
    list.forEach((b, n) => {
      for (const a of list.slice(Math.max(0, n - config.candidates), n)) {
        if (a.compared.cite.article === b.compared.cite.article || !sameSubject(a, b, key)) continue;
        const p = claimOf.get(a);
        const q = claimOf.get(b);
        const pair = p === undefined || q === undefined ? '' : `${Math.min(p, q)}:${Math.max(p, q)}`;
        // A cause and a place of death are two facts: claims already in conflict may still differ on the other one.
        const death = key.startsWith('death|') ? (key.slice('death|'.length) as 'cause' | 'place') : null;
        if (p === undefined || q === undefined || p === q || (linked.has(pair) && death === null)) continue;
        const d = death ? deathDisagreement(a.compared, b.compared, death) : facetDisagreement(a.compared, b.compared);
        const dp = drafts[p];
        const dq = drafts[q];
        if (!d || !dp || !dq) continue;
        const at = (m: MentionDraft, s: { start: number }): string => `${m.compared.cite.article}@${s.start}`;
        const restated = dp.conflicts.some((c) => c.other === q && c.disagreement.kind === d.kind && (at(c.mine, c.disagreement.a) === at(a, d.a) || at(c.theirs, c.disagreement.b) === at(b, d.b)));
        if (death && restated) continue;
        linked.add(pair);
        dp.conflicts.push({ other: q, mine: a, theirs: b, disagreement: d });
        dq.conflicts.push({ other: p, mine: b, theirs: a, disagreement: { ...d, a: d.b, b: d.a } });
      }
    });
  }
}

/**
 * Two figures far apart ("fell 2,000 feet" / "fell 200 feet") in clauses that did not group measure two things (two
 * climbers' falls), not one misreported. A misreported count stays within a few times the figure; a measurement
 * misreported is at worst a unit mix-up, and feet read as metres is 3.28 times, so measurements further apart than
 * that are two measures (measured on ECB+ dev: the second climber's 600 m fall met the first climber's 150 m).
 */
const MAGNITUDE_APART = 5;

/** The shared frame of two counts of things tied to one fact by the words beside them (see `sameObjectCount`). */
const OBJECT_COUNT = 'object|';
const MEASURE_APART = 3.5;

export function apartByMagnitude(a: QuantitySpan, b: QuantitySpan): boolean {
  const mid = (q: QuantitySpan): number | null => {
    const i = quantityInterval(q);
    if (i.low === null || i.high === null) return null;
    return (i.low + i.high) / 2;
  };
  const x = mid(a);
  const y = mid(b);
  if (x === null || y === null || x <= 0 || y <= 0) return false;
  const measured = measureUnit(a.unit) !== null && measureUnit(b.unit) !== null;
  return Math.max(x, y) / Math.min(x, y) >= (measured ? MEASURE_APART : MAGNITUDE_APART);
}

/** A preposition (and an article) right before a name: "in the", "of", "from the". */
const PREPOSITION_BEFORE_RE = /\b(?:in|of|for|from|to|with|at|by|against|over)\s+(?:the\s+)?$/i;

/**
 * Two sums of money of the same thing ("money|of:damag"): however far apart, they are one sum misreported ("200
 * million euros" / "an estimated $2 million" of damage), not two sums. One organisation's sums far apart stay two (a
 * fee and a budget).
 */
function sameSum(a: QuantitySpan, b: QuantitySpan, framesA: readonly string[], framesB: readonly string[]): boolean {
  return isMoney(a.unit) && isMoney(b.unit) && framesA.some((f) => f.startsWith(MONEY_OF_FRAME) && framesB.includes(f));
}

/**
 * Whether two mentions were reported at different times: their publication times, else their datelines, differ (by the
 * day when either gives no clock time: "2005-11-28" is not apart from "2005-11-28T02:24").
 */
function reportedApart(a: ComparedMention, b: ComparedMention): boolean {
  const pa = a.published ?? a.dateline ?? null;
  const pb = b.published ?? b.dateline ?? null;
  if (!pa || !pb) return false;
  return pa.length > 10 && pb.length > 10 ? pa !== pb : pa.slice(0, 10) !== pb.slice(0, 10);
}

/** The figure frames of a mention's clause (see `figureFrames`), memoized per mention. */
export function figureFramesOf(): (m: MentionDraft) => string[] {
  const framesOf = new Map<MentionDraft, string[]>();
  return (m) => {
    let f = framesOf.get(m);
    if (!f) {
      const shift = m.compared.cite.start;
      const local = m.compared.facts.quantities.map((q) => ({ ...q, start: q.start - shift, end: q.end - shift }));
      f = figureFrames(m.compared.text, { start: 0, end: m.compared.text.length }, local);
      // A sum told of the one organisation a clause names ("the Harbours offered $184 million") is its own, whatever
      // the words; a clause naming two ("the Pilots matched the Harbours' offer") may tell of either's.
      // Only an organisation named before any person ("Reyn's $161 million from the Harbours" is Reyn's), and not
      // inside a prepositional phrase ("the largest contract in the Harbours' history" tells of another's deal).
      const orgs = new Set(m.compared.facts.organizations.map((o) => o.key));
      const [org] = m.compared.facts.organizations;
      const [person] = m.compared.facts.persons;
      const actor =
        org !== undefined &&
        (person === undefined || org.start < person.start) &&
        !PREPOSITION_BEFORE_RE.test(m.compared.text.slice(Math.max(0, org.start - shift - 12), org.start - shift));
      if (orgs.size === 1 && org !== undefined && actor && local.some((q) => isMoney(q.unit))) f.push(`${MONEY_FRAME}${MONEY_BY}${org.key}`);
      framesOf.set(m, f);
    }
    return f;
  };
}

/**
 * Why two mentions of different articles are not compared on their figures across claims (see addFigureConflicts),
 * null when they are: no shared frame, grouping kept them apart, an update of a running total, another occasion.
 */
export function figurePairVerdict(a: MentionDraft, b: MentionDraft, similarity: number, linkThreshold: number, frames: (m: MentionDraft) => string[]): string | null {
  // Marches are held in many towns at once, and the towns beside the main one are named ("in Brenna, 10,000
  // marched"): a crowd's size given for a named town is not compared with one given for none.
  const shared = frames(a).filter((f) => frames(b).includes(f) && !isContextFrame(f) && (!isCrowdFrame(f) || !a.places.length === !b.places.length));
  if (sameObjectCount(frames(a), frames(b))) shared.push(OBJECT_COUNT);
  // A linked pair that grouping left in two claims is compared only on a measurement: counts of people are already
  // event frames of the grouping, which kept them apart for a reason (another day's toll, another quake's injured).
  // Unless both clauses date their figures to the same occasion: "killed seven and injured 40" in September, stated
  // twice, is one toll however grouping split its clauses.
  const measured = shared.some((f) => MEASURE_DIMENSIONS.has(f.split('|')[0] ?? '') || f.startsWith(`${MAGNITUDE_UNIT}|`) || f.startsWith(MONEY_FRAME));
  if (!shared.length) return 'no shared figure frame';
  if (similarity >= linkThreshold && !measured && !datedAlike(a, b)) return 'grouping kept them apart';
  const running = [a, b].some((m) => m.words.some((w) => RUNNING_TOTALS.has(w)));
  if (running && reportedApart(a.compared, b.compared)) return 'update: a running total reported at different times';
  if (differentOccasions(a, b)) return 'update: different occasions';
  return null;
}

/**
 * Number conflicts between claims that did not group (see AlignConfig.numberScore), at most one per pair of claims:
 * (1) the two mentions come from different articles and sit in different claims with no conflict between them yet;
 * (2) they give a figure of the same unit next to the same event verb ("fell 150 metres" / "falling 60 metres"), so a
 * weak word overlap is backed by what the figures measure ("12 people were injured" and "30,000 people marched" are
 * not); (3) neither claim is an evolving figure, and reports of a running total at different times are an update,
 * not a conflict; (4) the comparison finds a number disagreement.
 */
function addFigureConflicts(
  drafts: ClaimDraft[],
  mentions: readonly MentionDraft[],
  figurePairs: readonly [number, number][],
  sim: Similarity,
  linkThreshold: number,
): void {
  const claimOf = new Map<MentionDraft, number>();
  drafts.forEach((d, i) => d.mentions.forEach((m) => claimOf.set(m, i)));
  const linked = new Set<string>();
  drafts.forEach((d, i) => d.conflicts.forEach((c) => linked.add(`${Math.min(i, c.other)}:${Math.max(i, c.other)}`)));
  const frames = figureFramesOf();
  for (const [x, y] of figurePairs) {
    const a = mentions[x];
    const b = mentions[y];
    if (!a || !b || a.compared.cite.article === b.compared.cite.article) continue;
    if (figurePairVerdict(a, b, sim(x, y), linkThreshold, frames) !== null) continue;
    const p = claimOf.get(a);
    const q = claimOf.get(b);
    if (p === undefined || q === undefined || p === q) continue;
    const key = `${Math.min(p, q)}:${Math.max(p, q)}`;
    const dp = drafts[p];
    const dq = drafts[q];
    if (!dp || !dq || linked.has(key) || dp.evolution || dq.evolution) continue;
    const d = compareAll(a.compared, b.compared)[0] ?? null;
    if (d?.kind !== 'number' || (d.quantities && apartByMagnitude(d.quantities.a, d.quantities.b) && !sameSum(d.quantities.a, d.quantities.b, frames(a), frames(b)))) continue;
    linked.add(key);
    dp.conflicts.push({ other: q, mine: a, theirs: b, disagreement: d });
    dq.conflicts.push({ other: p, mine: b, theirs: a, disagreement: { ...d, a: d.b, b: d.a, ...swapQuantities(d) } });
  }
}
