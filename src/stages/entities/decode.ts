// Greedy left-to-right BILOU decoding with valid-transition constraints, shared by training and tagging.
import {
  documentHistoryFeatures,
  dynamicFeatures,
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

/** ALLOWED[(prev + 1) * TAG_COUNT + next] for inner tokens, ALLOWED_LAST for the final token. */
const ALLOWED = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT);
const ALLOWED_LAST = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT);
for (let p = -1; p < TAG_COUNT; p++) {
  for (let n = 0; n < TAG_COUNT; n++) {
    ALLOWED[(p + 1) * TAG_COUNT + n] = allowed(p, n, false) ? 1 : 0;
    ALLOWED_LAST[(p + 1) * TAG_COUNT + n] = allowed(p, n, true) ? 1 : 0;
  }
}

export interface TrainingHooks {
  readonly gold: readonly Int8Array[];
  /** Called on every token whose best valid tag differs from gold. */
  update(keys: readonly number[], gold: number, predicted: number): void;
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
 * Decodes a whole document; with hooks it also trains (perceptron updates on predicted history).
 * With two passes, the second also sees how the first pass labelled the same word elsewhere in the
 * document, before and after this sentence (a name tagged confidently once informs its other mentions).
 * When tagging, the second pass replays the first pass's decision where its inputs are unchanged (`replay = false`
 * recomputes every token: same output, for tests). Returns one tag array per sentence (views into one buffer).
 */
export function decodeDocument(doc: DocumentFeatures, table: WeightTable, hooks?: TrainingHooks, passes = 1, replay = true): Int8Array[] {
  // Outside training the weights are fixed, so each token's static-feature scores are summed once for both passes.
  const trans = hooks ? null : transitionScores(table);
  const fixed = trans ? staticScores(doc, table, trans) : null;
  const trace = fixed && passes >= 2 && replay ? traceFor(doc.words.length) : null;
  const first = decodePass(doc, table, hooks, null, fixed, trans, trace);
  const tags = passes < 2 ? first : decodePass(doc, table, hooks, firstPassOf(doc, first), fixed, trans, trace);
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
  w.scores = out;
  w.scoresOf = table;
  return out;
}

/** Reused across documents: tagging is synchronous. */
let staticBuffer = new Float64Array(1 << 17);

/** Row of the transition scores after tags `prev` and `prev2` (-1 = none). */
function transitionRow(prev: number, prev2: number): number {
  return ((prev + 1) * (TAG_COUNT + 1) + prev2 + 1) * TAG_COUNT;
}

/**
 * Every token's scores in the common case that its previous tags are "nothing" (first token) or O (the rest, with
 * "nothing" before a second token): its word's own, its neighbours' role scores, its context keys, its dynamic features
 * after that tag, and the transitions; most tokens decode with one copy. Other cases subtract the common-case dynamic
 * and transition rows and add their own: the shipped model's weights are integers (quantised) and every sum stays far
 * below 2^24, so its scores are exact whatever the order of additions. (Float weights, as in training's dev evaluation,
 * can differ in the last bits, as the Float32 word-score cache already made them.)
 */
function staticScores(doc: DocumentFeatures, table: WeightTable, trans: Float64Array): Float64Array {
  const { words, sentenceStart, keys, keyStart } = doc;
  const need = words.length * TAG_COUNT;
  if (staticBuffer.length < need) staticBuffer = new Float64Array(Math.max(need, staticBuffer.length * 2));
  const out = staticBuffer;
  const sum = SUM;
  const edge = wordScores(BOUNDARY, table, sum);
  // rows[j + 2] = cached scores of token j of the sentence; two boundary rows pad each side.
  const rows = ROWS;
  for (let s = 0; s + 1 < sentenceStart.length; s++) {
    const a = sentenceStart[s]!;
    const n = sentenceStart[s + 1]! - a;
    rows.length = 0;
    rows.push(edge, edge);
    for (let i = 0; i < n; i++) rows.push(wordScores(words[a + i]!, table, sum));
    rows.push(edge, edge);
    for (let i = 0; i < n; i++) {
      const t = a + i;
      const own = rows[i + 2]!;
      const p1 = rows[i + 1]!;
      const n1 = rows[i + 3]!;
      const p2 = rows[i]!;
      const n2 = rows[i + 4]!;
      const at = t * TAG_COUNT;
      const dyn = AFTER_NOTHING + (i === 0 ? 0 : TAG_COUNT);
      const tr = transitionRow(i === 0 ? -1 : 0, i <= 1 ? -1 : 0);
      for (let k = 0; k < TAG_COUNT; k++) {
        out[at + k] = own[k]! + p1[TAG_COUNT + k]! + n1[2 * TAG_COUNT + k]! + p2[3 * TAG_COUNT + k]! + n2[4 * TAG_COUNT + k]! + own[dyn + k]! + trans[tr + k]!;
      }
      table.addScores(keys, keyStart[t]!, keyStart[t + 1]!, out, at);
    }
  }
  return out;
}

/** Scratch for staticScores. */
const ROWS: Float32Array[] = [];

/** Per table: scores of the tag-transition features for every (previous, before-previous) tag pair. */
const TRANSITIONS = new WeakMap<WeightTable, Float64Array>();

function transitionScores(table: WeightTable): Float64Array {
  const hit = TRANSITIONS.get(table);
  if (hit) return hit;
  const out = new Float64Array((TAG_COUNT + 1) * (TAG_COUNT + 1) * TAG_COUNT);
  const keys: number[] = [];
  for (let p = -1; p < TAG_COUNT; p++) {
    for (let p2 = -1; p2 < TAG_COUNT; p2++) {
      keys.length = 0;
      transitionFeatures(keys, p, p2);
      table.addScores(keys, 0, keys.length, out, ((p + 1) * (TAG_COUNT + 1) + p2 + 1) * TAG_COUNT);
    }
  }
  TRANSITIONS.set(table, out);
  return out;
}

/** All static keys of token t, for a training update. */
function staticKeys(out: number[], doc: DocumentFeatures, t: number, a: number, b: number): void {
  for (const k of doc.words[t]!.local) out.push(k);
  for (let r = 0; r < ROLE_COUNT; r++) for (const k of neighbour(doc.words, t, a, b, r).roles[r]!) out.push(k);
  for (let k = doc.keyStart[t]!; k < doc.keyStart[t + 1]!; k++) out.push(doc.keys[k]!);
}

/**
 * What the first pass saw and did at each token, so the second pass can replay it: TRACE_SLOTS bytes per token
 * (previous tag, tag before it, whether it closed the previous name, chosen tag). A token's decision depends only on
 * those previous tags and on its history keys, so where the second pass arrives with the same previous tags and has no
 * history keys for it (lower-case words never do), the first pass's decision is the second pass's too. (Had the first
 * pass history keys for a word, it labelled the word somewhere, so the second pass has document-history keys for it.)
 */
const TRACE_SLOTS = 4;
const TRACE_CLOSED = 1;
let traceBuffer = new Int8Array(TRACE_SLOTS << 14);

function traceFor(tokens: number): Int8Array {
  if (traceBuffer.length < tokens * TRACE_SLOTS) traceBuffer = new Int8Array(Math.max(tokens * TRACE_SLOTS, traceBuffer.length * 2));
  return traceBuffer;
}

function decodePass(
  doc: DocumentFeatures,
  table: WeightTable,
  hooks: TrainingHooks | undefined,
  firstPass: FirstPass | null,
  fixed: Float64Array | null,
  trans: Float64Array | null,
  trace: Int8Array | null,
): Int8Array {
  const { words, sentenceStart, titles } = doc;
  const history = new Map<number, Int32Array>();
  const scores = new Float64Array(TAG_COUNT);
  const others = new Int32Array(ENTITY_TYPES.length);
  const keys: number[] = [];
  const all: number[] = [];
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
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      const t = a + i;
      const w = words[t]!;
      const past = w.upper ? history.get(w.lowerHash) : undefined;
      const seen = firstPass && w.upper ? firstPass.counts.get(w.lowerHash) : undefined;
      const at4 = t * TRACE_SLOTS;
      if (trace) {
        if (firstPass === null) {
          trace[at4] = prev;
          trace[at4 + 1] = prev2;
          trace[at4 + 2] = 0;
        } else if (!past && !seen && trace[at4]! === prev && trace[at4 + 1]! === prev2) {
          if ((trace[at4 + 2]! & TRACE_CLOSED) !== 0) {
            const closed = makeTag(tagType(prev), tagPosition(prev) === B ? U : L);
            out[t - 1] = closed;
            prev = closed;
          }
          const best = trace[at4 + 3]!;
          out[t] = best;
          prev2 = prev;
          prev = best;
          continue;
        }
      }
      keys.length = 0;
      // Tagging: after no tag or O the word's dynamic scores are cached with its static ones.
      const cached = fixed !== null && prev <= 0;
      if (!cached) dynamicFeatures(keys, prev, w.lowerHash, w.shapeHash);
      if (past) predictionHistoryFeatures(keys, past);
      if (seen) {
        others.set(seen);
        const mine = firstPass!.own[t]!;
        if (mine >= 0) others[mine]!--;
        documentHistoryFeatures(keys, others);
      }
      if (fixed && trans) {
        const at = t * TAG_COUNT;
        if (prev === (i === 0 ? -1 : 0) && prev2 === (i <= 1 ? -1 : 0)) {
          for (let k = 0; k < TAG_COUNT; k++) scores[k] = fixed[at + k]!;
        } else {
          // Not the common case, so i > 0: swap the common case's rows (dynamic after O, transitions) for this one's.
          const mine = wordScores(w, table, SUM);
          const dyn = AFTER_NOTHING + TAG_COUNT;
          const common = transitionRow(0, i <= 1 ? -1 : 0);
          const tr = transitionRow(prev, prev2);
          for (let k = 0; k < TAG_COUNT; k++) scores[k] = fixed[at + k]! - mine[dyn + k]! - trans[common + k]! + trans[tr + k]!;
          if (cached) {
            const row = AFTER_NOTHING + (prev + 1) * TAG_COUNT;
            for (let k = 0; k < TAG_COUNT; k++) scores[k] = scores[k]! + mine[row + k]!;
          }
        }
      } else {
        scores.fill(0);
        transitionFeatures(keys, prev, prev2);
        const d = doc.words[t]!;
        table.addScores(d.local, 0, d.local.length, scores, 0);
        for (let r = 0; r < ROLE_COUNT; r++) {
          const rk = neighbour(words, t, a, b, r).roles[r]!;
          table.addScores(rk, 0, rk.length, scores, 0);
        }
        table.addScores(doc.keys, doc.keyStart[t]!, doc.keyStart[t + 1]!, scores, 0);
      }
      table.addScores(keys, 0, keys.length, scores, 0);
      const ok = i === n - 1 ? ALLOWED_LAST : ALLOWED;
      // An open name (B/I) forces I or L next, and greedy decoding can run on for words ("Academy has seemed
      // hell"). When the model's free choice is O, close the name at the previous token instead.
      // Names only run on over capitalised words, numbers and connectors: "Obama has" ends at "Obama".
      // Applied when tagging, not while training: as a training constraint it cost 0.5 F1 on CoNLL dev.
      const here = hooks !== undefined || w.continues;
      const next = hooks !== undefined ? i + 1 < n : i + 1 < n && words[t + 1]!.continues;
      let free = 0;
      for (let k = 1; k < TAG_COUNT; k++) if (scores[k]! > scores[free]!) free = k;
      if ((free === 0 || !here) && prev > 0 && (tagPosition(prev) === B || tagPosition(prev) === I)) {
        const closed = makeTag(tagType(prev), tagPosition(prev) === B ? U : L);
        out[t - 1] = closed;
        prev = closed;
        if (trace && firstPass === null) trace[at4 + 2] = TRACE_CLOSED;
      }
      const row = (prev + 1) * TAG_COUNT;
      // "Mayor Dmytro Kovalskyy": a title before a name is never part of a person span (tagging only).
      const noPerson = hooks === undefined && titles[t] === 1;
      let best = -1;
      for (let k = 0; k < TAG_COUNT; k++) {
        if (!ok[row + k]) continue;
        const p = k === 0 ? -1 : (k - 1) & 3;
        if ((p === B || p === I) && !next) continue;
        if ((p === I || p === L) && !here) continue;
        if (noPerson && k > 0 && (k - 1) >> 2 === 0) continue;
        if (best < 0 || scores[k]! > scores[best]!) best = k;
      }
      if (hooks) {
        const gold = hooks.gold[s]![i]!;
        if (gold !== best) {
          all.length = 0;
          staticKeys(all, doc, t, a, b);
          for (const k of keys) all.push(k);
          hooks.update(all, gold, best);
        }
      }
      out[t] = best;
      if (trace && firstPass === null) trace[at4 + 3] = best;
      prev2 = prev;
      prev = best;
    }
    countChunkWords(words, out, a, b, history, null);
  }
  return out;
}
