// Viterbi decoding over BILOU tags with valid-transition constraints, shared by structured-perceptron training and tagging.
import {
  documentHistoryFeatures,
  dynamicFeatures,
  dynamicLowerKey,
  dynamicShapeKey,
  predictionHistoryFeatures,
  BOUNDARY,
  neighbour,
  ROLE_COUNT,
  transitionFeatures,
  type DocumentFeatures,
  type WordInfo,
} from './features.js';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof ENTITY_TYPES)[number];

/** Tag index: 0 = O, else 1 + type * 4 + position (B, I, L, U). */
export const TAGS: readonly string[] = [
  'O',
  ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`]),
];
export const TAG_COUNT = TAGS.length;
const B = 0;
const I = 1;
const L = 2;
const U = 3;

export function tagType(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 2;
}

export function tagPosition(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) & 3;
}

export function makeTag(type: number, position: number): number {
  return 1 + type * 4 + position;
}

/** Whether `next` may follow `prev` (-1 = sentence start); at the last token nothing may stay open. */
export function allowed(prev: number, next: number, isLast: boolean): boolean {
  const open = prev > 0 && (tagPosition(prev) === B || tagPosition(prev) === I);
  const np = tagPosition(next);
  if (open) {
    if (tagType(next) !== tagType(prev)) return false;
    return isLast ? np === L : np === I || np === L;
  }
  if (np === I || np === L) return false;
  return !(isLast && np === B);
}

/** Feature weights: adds the TAG_COUNT weights of each known key in keys[from..to) into scores[at..at + TAG_COUNT). */
export interface WeightTable {
  addScores(keys: ArrayLike<number>, from: number, to: number, scores: Float64Array, at: number): void;
}

/** NEXT[prev + 1] = the tags that may follow prev inside a sentence, NEXT_LAST[prev + 1] at its last token. */
const NEXT: readonly Int8Array[] = Array.from({ length: TAG_COUNT + 1 }, (_, p) => Int8Array.from(TAGS.keys()).filter((n) => allowed(p - 1, n, false)));
const NEXT_LAST: readonly Int8Array[] = Array.from({ length: TAG_COUNT + 1 }, (_, p) => Int8Array.from(TAGS.keys()).filter((n) => allowed(p - 1, n, true)));

export interface TrainingHooks {
  readonly gold: readonly Int8Array[];
  /** Structured-perceptron step: adds `delta` to the weight of `tag` for every key. */
  update(keys: readonly number[], tag: number, delta: number): void;
}

export interface Chunk {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly type: number;
}

/** Entity chunks of a BILOU tag sequence (tolerates broken sequences by closing at type changes). */
export function chunksOf(tags: ArrayLike<number>): Chunk[] {
  const out: Chunk[] = [];
  let start = -1;
  let type = -1;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : 0;
    const t = tagType(tag);
    const p = tagPosition(tag);
    if (start >= 0 && (t !== type || p === B || p === U)) {
      out.push({ start, end: i, type });
      start = -1;
    }
    if (t >= 0 && start < 0) {
      start = i;
      type = t;
    }
    if (start >= 0 && (p === L || p === U)) {
      out.push({ start, end: i + 1, type });
      start = -1;
    }
  }
  return out;
}

/** First-pass labels of each capitalised word over the whole document, and each token's own share of them. */
interface FirstPass {
  readonly counts: ReadonlyMap<number, Int32Array>;
  /** own[t] = entity type of the first-pass chunk covering token t, or -1. */
  readonly own: Int8Array;
  readonly tags: Int8Array;
}

/** Whether any capitalised word of tokens [a, b) was labelled somewhere else in the document by the first pass. */
function seesOtherMentions(words: readonly WordInfo[], firstPass: FirstPass, a: number, b: number): boolean {
  for (let t = a; t < b; t++) {
    const w = words[t]!;
    if (!w.upper) continue;
    const all = firstPass.counts.get(w.lowerHash);
    if (!all) continue;
    let total = 0;
    for (let k = 0; k < all.length; k++) total += all[k]!;
    if (total > (firstPass.own[t]! >= 0 ? 1 : 0)) return true;
  }
  return false;
}

/** Adds the entity types of the chunks of tags[a..b) to `counts`, per capitalised word; marks `own` when given. */
function countChunkWords(words: readonly WordInfo[], tags: Int8Array, a: number, b: number, counts: Map<number, Int32Array>, own: Int8Array | null): void {
  // Every token inside a chunk carries its chunk's type, so counting per token equals counting per chunk (as chunksOf reads them).
  for (let t = a; t < b; t++) {
    const tag = tags[t]!;
    if (tag === 0) continue;
    const w = words[t]!;
    if (!w.upper) continue;
    const type = tagType(tag);
    if (own) own[t] = type;
    let h = counts.get(w.lowerHash);
    if (!h) counts.set(w.lowerHash, (h = new Int32Array(ENTITY_TYPES.length)));
    h[type]!++;
  }
}

function firstPassOf(doc: DocumentFeatures, tags: Int8Array): FirstPass {
  const counts = new Map<number, Int32Array>();
  const own = new Int8Array(tags.length).fill(-1);
  for (let s = 0; s + 1 < doc.sentenceStart.length; s++) countChunkWords(doc.words, tags, doc.sentenceStart[s]!, doc.sentenceStart[s + 1]!, counts, own);
  return { counts, own, tags };
}

/**
 * Decodes a whole document, each sentence by Viterbi over first-order BILOU transitions; with hooks it also trains
 * (structured perceptron: the gold path's features up, the predicted path's down, where they differ).
 * With two passes, the second also sees how the first pass labelled the same word elsewhere in the document, before
 * and after this sentence (a name tagged confidently once informs its other mentions); sentences whose words have no
 * other labelled mention keep their first-pass tags. Returns one tag array per sentence (views into one buffer).
 */
export function decodeDocument(doc: DocumentFeatures, table: WeightTable, hooks?: TrainingHooks, passes = 1): Int8Array[] {
  // Outside training the weights are fixed, so each token's static-feature scores are summed once for both passes.
  const fixed = hooks ? null : staticScores(doc, table);
  const first = decodePass(doc, table, hooks, null, fixed);
  const tags = passes < 2 ? first : decodePass(doc, table, hooks, firstPassOf(doc, first), fixed);
  const out: Int8Array[] = [];
  for (let s = 0; s + 1 < doc.sentenceStart.length; s++) out.push(tags.subarray(doc.sentenceStart[s]!, doc.sentenceStart[s + 1]!));
  return out;
}

/** Rows of a word's cached scores: own keys, the four roles, then its dynamic features after no tag and after O. */
const SCORE_ROWS = 1 + ROLE_COUNT + 2;
const AFTER_NOTHING = (1 + ROLE_COUNT) * TAG_COUNT;

/** Scratch for wordScores. */
const SUM = new Float64Array(SCORE_ROWS * TAG_COUNT);

/** A word's cached scores for this table (SCORE_ROWS x TAG_COUNT). */
function wordScores(w: WordInfo, table: WeightTable, sum: Float64Array): Float32Array {
  if (w.scoresOf === table && w.scores) return w.scores;
  const out = new Float32Array(SCORE_ROWS * TAG_COUNT);
  sum.fill(0);
  const keys: number[] = [];
  for (let prev = -1; prev <= 0; prev++) {
    keys.length = 0;
    dynamicFeatures(keys, prev, w.lowerHash, w.shapeHash);
    table.addScores(keys, 0, keys.length, sum, AFTER_NOTHING + (prev + 1) * TAG_COUNT);
  }
  table.addScores(w.local, 0, w.local.length, sum, 0);
  for (let r = 0; r < ROLE_COUNT; r++) {
    const keys = w.roles[r]!;
    table.addScores(keys, 0, keys.length, sum, (r + 1) * TAG_COUNT);
  }
  out.set(sum);
  // Dynamic features after the other tags, for Viterbi: the shape's rows are shared by every word of that shape; the
  // word's own rows are looked up only after the tags where the model has one.
  let mask = 0;
  const one = LOWER_KEY;
  for (let prev = 1; prev < TAG_COUNT; prev++) {
    one[0] = dynamicLowerKey(prev, w.lowerHash);
    PROBE.fill(0);
    table.addScores(one, 0, 1, PROBE, 0);
    if (PROBE.some((x) => x !== 0)) mask |= 1 << (prev + 1);
  }
  w.lowerMask = mask;
  w.shapeRows = shapeRows(table, w.shapeHash);
  w.scores = out;
  w.scoresOf = table;
  return out;
}

const LOWER_KEY = new Int32Array(1);
const PROBE = new Float64Array(TAG_COUNT);

/** Per table: each word shape's dynamic-feature scores after every previous tag (row prev + 1). */
const SHAPE_ROWS = new WeakMap<WeightTable, Map<number, Float32Array>>();

function shapeRows(table: WeightTable, shapeHash: number): Float32Array {
  let byShape = SHAPE_ROWS.get(table);
  if (!byShape) SHAPE_ROWS.set(table, (byShape = new Map()));
  const hit = byShape.get(shapeHash);
  if (hit) return hit;
  const sum = new Float64Array((TAG_COUNT + 1) * TAG_COUNT);
  const key = new Int32Array(1);
  for (let prev = -1; prev < TAG_COUNT; prev++) {
    key[0] = dynamicShapeKey(prev, shapeHash);
    table.addScores(key, 0, 1, sum, (prev + 1) * TAG_COUNT);
  }
  const rows = Float32Array.from(sum);
  byShape.set(shapeHash, rows);
  return rows;
}

/** Reused across documents: tagging is synchronous. */
let staticBuffer = new Float64Array(1 << 17);

/**
 * Every token's static scores (tagging only): its word's own, its neighbours' role scores and its context keys. The
 * shipped model's weights are integers (quantised) and every sum stays far below 2^24, so the order of additions
 * cannot change a score.
 */
function staticScores(doc: DocumentFeatures, table: WeightTable): Float64Array {
  const { words, sentenceStart, keys, keyStart } = doc;
  const need = words.length * TAG_COUNT;
  if (staticBuffer.length < need) staticBuffer = new Float64Array(Math.max(need, staticBuffer.length * 2));
  const out = staticBuffer;
  const edge = wordScores(BOUNDARY, table, SUM);
  // rows[j + 2] = cached scores of token j of the sentence; two boundary rows pad each side.
  const rows = ROWS;
  for (let s = 0; s + 1 < sentenceStart.length; s++) {
    const a = sentenceStart[s]!;
    const n = sentenceStart[s + 1]! - a;
    rows.length = 0;
    rows.push(edge, edge);
    for (let i = 0; i < n; i++) rows.push(wordScores(words[a + i]!, table, SUM));
    rows.push(edge, edge);
    for (let i = 0; i < n; i++) {
      const t = a + i;
      const own = rows[i + 2]!;
      const p1 = rows[i + 1]!;
      const n1 = rows[i + 3]!;
      const p2 = rows[i]!;
      const n2 = rows[i + 4]!;
      const at = t * TAG_COUNT;
      for (let k = 0; k < TAG_COUNT; k++) {
        out[at + k] = own[k]! + p1[TAG_COUNT + k]! + n1[2 * TAG_COUNT + k]! + p2[3 * TAG_COUNT + k]! + n2[4 * TAG_COUNT + k]!;
      }
      table.addScores(keys, keyStart[t]!, keyStart[t + 1]!, out, at);
    }
  }
  return out;
}

/** Scratch for staticScores. */
const ROWS: Float32Array[] = [];

/** Per table: scores of the transition features for every previous tag (row prev + 1). */
const TRANSITIONS = new WeakMap<WeightTable, Float64Array>();

function transitionScores(table: WeightTable, cache: boolean): Float64Array {
  const hit = cache ? TRANSITIONS.get(table) : undefined;
  if (hit) return hit;
  const out = new Float64Array((TAG_COUNT + 1) * TAG_COUNT);
  const keys: number[] = [];
  for (let p = -1; p < TAG_COUNT; p++) {
    keys.length = 0;
    transitionFeatures(keys, p);
    table.addScores(keys, 0, keys.length, out, (p + 1) * TAG_COUNT);
  }
  if (cache) TRANSITIONS.set(table, out);
  return out;
}

/** All static keys of token t, for a training update. */
function staticKeys(out: number[], doc: DocumentFeatures, t: number, a: number, b: number): void {
  for (const k of doc.words[t]!.local) out.push(k);
  for (let r = 0; r < ROLE_COUNT; r++) for (const k of neighbour(doc.words, t, a, b, r).roles[r]!) out.push(k);
  for (let k = doc.keyStart[t]!; k < doc.keyStart[t + 1]!; k++) out.push(doc.keys[k]!);
}

/** Viterbi scratch, grown as needed (tagging and training are synchronous). */
let emission = new Float64Array(TAG_COUNT * 256);
let best = new Float64Array(TAG_COUNT * 256);
let back = new Int8Array(TAG_COUNT * 256);
const DYN = new Float64Array(TAG_COUNT);
const PERMITTED = new Uint8Array(TAG_COUNT);

function ensureScratch(n: number): void {
  if (emission.length >= n * TAG_COUNT) return;
  const size = Math.max(n * TAG_COUNT, emission.length * 2);
  emission = new Float64Array(size);
  best = new Float64Array(size);
  back = new Int8Array(size);
}

function decodePass(doc: DocumentFeatures, table: WeightTable, hooks: TrainingHooks | undefined, firstPass: FirstPass | null, fixed: Float64Array | null): Int8Array {
  const { words, sentenceStart, titles } = doc;
  const history = new Map<number, Int32Array>();
  const others = new Int32Array(ENTITY_TYPES.length);
  const trans = transitionScores(table, hooks === undefined);
  const keys: number[] = [];
  const histKeys: number[] = [];
  const histStart: number[] = [];
  const out = new Int8Array(words.length);
  for (let s = 0; s + 1 < sentenceStart.length; s++) {
    const a = sentenceStart[s]!;
    const b = sentenceStart[s + 1]!;
    const n = b - a;
    // The second pass only changes sentences whose names occur elsewhere; the rest keep their first-pass tags.
    if (firstPass !== null && !seesOtherMentions(words, firstPass, a, b)) {
      out.set(firstPass.tags.subarray(a, b), a);
      countChunkWords(words, out, a, b, history, null);
      continue;
    }
    ensureScratch(n);
    // Emission scores: static features plus how this pass (earlier sentences) and the first pass (the whole document) labelled the word.
    histKeys.length = 0;
    histStart.length = 0;
    for (let i = 0; i < n; i++) {
      const t = a + i;
      const w = words[t]!;
      const at = i * TAG_COUNT;
      histStart.push(histKeys.length);
      if (w.upper) {
        const past = history.get(w.lowerHash);
        if (past) predictionHistoryFeatures(histKeys, past);
        const seen = firstPass?.counts.get(w.lowerHash);
        if (seen) {
          others.set(seen);
          const mine = firstPass!.own[t]!;
          if (mine >= 0) others[mine]!--;
          documentHistoryFeatures(histKeys, others);
        }
      }
      if (fixed) {
        for (let k = 0; k < TAG_COUNT; k++) emission[at + k] = fixed[t * TAG_COUNT + k]!;
      } else {
        emission.fill(0, at, at + TAG_COUNT);
        keys.length = 0;
        staticKeys(keys, doc, t, a, b);
        table.addScores(keys, 0, keys.length, emission, at);
      }
      table.addScores(histKeys, histStart[i]!, histKeys.length, emission, at);
    }
    histStart.push(histKeys.length);
    viterbi(doc, table, trans, fixed !== null, a, n, titles);
    for (let i = n - 1, k = argmaxLast(n); i >= 0; i--) {
      out[a + i] = k;
      k = back[i * TAG_COUNT + k]!;
    }
    if (hooks) update(doc, hooks, hooks.gold[s]!, out, a, b, histKeys, histStart);
    countChunkWords(words, out, a, b, history, null);
  }
  return out;
}

/** The best final tag (O when constraints left nothing, which valid transitions never do). */
function argmaxLast(n: number): number {
  const at = (n - 1) * TAG_COUNT;
  let k = 0;
  for (let t = 1; t < TAG_COUNT; t++) if (best[at + t]! > best[at + k]!) k = t;
  return k;
}

/**
 * Fills best/back for tokens a..a+n-1 from `emission`. When tagging (`tagging`), three constraints hold besides valid
 * transitions: names only run on over capitalised words, numbers and connectors ("Obama has" ends at "Obama"), and a
 * capitalised title before another capitalised word is never part of a person ("Mayor Dmytro Kovalskyy"). Training
 * sees only valid transitions.
 */
function viterbi(doc: DocumentFeatures, table: WeightTable, trans: Float64Array, tagging: boolean, a: number, n: number, titles: Uint8Array): void {
  const { words } = doc;
  const keys: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = a + i;
    const w = words[t]!;
    const nextTags = i === n - 1 ? NEXT_LAST : NEXT;
    const here = !tagging || w.continues;
    const next = !tagging || (i + 1 < n && words[t + 1]!.continues);
    const noPerson = tagging && titles[t] === 1;
    for (let k = 0; k < TAG_COUNT; k++) {
      const p = k === 0 ? -1 : (k - 1) & 3;
      PERMITTED[k] = ((p === B || p === I) && !next) || ((p === I || p === L) && !here) || (noPerson && k > 0 && (k - 1) >> 2 === 0) ? 0 : 1;
    }
    const at = i * TAG_COUNT;
    best.fill(-Infinity, at, at + TAG_COUNT);
    const cached = tagging ? wordScores(w, table, SUM) : null;
    const firstPrev = i === 0 ? -1 : 0;
    const lastPrev = i === 0 ? -1 : TAG_COUNT - 1;
    for (let prev = firstPrev; prev <= lastPrev; prev++) {
      const from = i === 0 ? 0 : best[at - TAG_COUNT + prev]!;
      if (from === -Infinity) continue;
      // Dynamic features (previous tag with this word and its shape): cached per word after no tag and after O.
      if (cached && prev <= 0) {
        const row = AFTER_NOTHING + (prev + 1) * TAG_COUNT;
        for (let k = 0; k < TAG_COUNT; k++) DYN[k] = cached[row + k]!;
      } else if (cached) {
        const rows = w.shapeRows!;
        const row = (prev + 1) * TAG_COUNT;
        for (let k = 0; k < TAG_COUNT; k++) DYN[k] = rows[row + k]!;
        if ((w.lowerMask & (1 << (prev + 1))) !== 0) {
          LOWER_KEY[0] = dynamicLowerKey(prev, w.lowerHash);
          table.addScores(LOWER_KEY, 0, 1, DYN, 0);
        }
      } else {
        DYN.fill(0);
        keys.length = 0;
        dynamicFeatures(keys, prev, w.lowerHash, w.shapeHash);
        table.addScores(keys, 0, keys.length, DYN, 0);
      }
      const row = (prev + 1) * TAG_COUNT;
      const list = nextTags[prev + 1]!;
      for (let j = 0; j < list.length; j++) {
        const k = list[j]!;
        if (!PERMITTED[k]) continue;
        const v = from + DYN[k]! + trans[row + k]!;
        if (v > best[at + k]!) {
          best[at + k] = v;
          back[at + k] = prev;
        }
      }
    }
    for (let k = 0; k < TAG_COUNT; k++) best[at + k] = best[at + k]! + emission[at + k]!;
  }
}

/** Structured-perceptron update for one sentence: at each token where the gold and predicted paths differ (in the tag or the tag before), gold features up, predicted down. */
function update(doc: DocumentFeatures, hooks: TrainingHooks, gold: Int8Array, out: Int8Array, a: number, b: number, histKeys: readonly number[], histStart: readonly number[]): void {
  const keys: number[] = [];
  for (let i = 0; i < b - a; i++) {
    const g = gold[i]!;
    const p = out[a + i]!;
    const gPrev = i === 0 ? -1 : gold[i - 1]!;
    const pPrev = i === 0 ? -1 : out[a + i - 1]!;
    if (g === p && gPrev === pPrev) continue;
    const w = doc.words[a + i]!;
    if (g !== p) {
      keys.length = 0;
      staticKeys(keys, doc, a + i, a, b);
      for (let k = histStart[i]!; k < histStart[i + 1]!; k++) keys.push(histKeys[k]!);
      hooks.update(keys, g, 1);
      hooks.update(keys, p, -1);
    }
    keys.length = 0;
    dynamicFeatures(keys, gPrev, w.lowerHash, w.shapeHash);
    transitionFeatures(keys, gPrev);
    hooks.update(keys, g, 1);
    keys.length = 0;
    dynamicFeatures(keys, pPrev, w.lowerHash, w.shapeHash);
    transitionFeatures(keys, pPrev);
    hooks.update(keys, p, -1);
  }
}
