// Greedy left-to-right BILOU decoding with valid-transition constraints, shared by training and tagging.
import { documentHistoryFeatures, dynamicFeatures, type DocumentFeatures } from './features.js';

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

/** Feature weights: adds the TAG_COUNT weights of each known key into `scores`. */
export interface WeightTable {
  addScores(keys: ArrayLike<number>, scores: Float64Array): void;
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
  /** own[s][i] = entity type of the first-pass chunk covering token i, or -1. */
  readonly own: readonly Int8Array[];
  readonly tags: readonly Int8Array[];
}

/** Whether any capitalised word of sentence s was labelled somewhere else in the document by the first pass. */
function seesOtherMentions(doc: DocumentFeatures, firstPass: FirstPass, s: number): boolean {
  const caps = doc.capitalised[s]!;
  const lh = doc.lowerHashes[s]!;
  const own = firstPass.own[s]!;
  for (let i = 0; i < caps.length; i++) {
    if (!caps[i]) continue;
    const all = firstPass.counts.get(lh[i]!);
    if (!all) continue;
    let total = 0;
    for (let t = 0; t < all.length; t++) total += all[t]!;
    if (total > (own[i]! >= 0 ? 1 : 0)) return true;
  }
  return false;
}

function firstPassOf(doc: DocumentFeatures, tags: readonly Int8Array[]): FirstPass {
  const counts = new Map<number, Int32Array>();
  const own = tags.map((t, s) => {
    const o = new Int8Array(t.length).fill(-1);
    for (const c of chunksOf(t)) {
      for (let i = c.start; i < c.end; i++) {
        if (!doc.capitalised[s]![i]) continue;
        o[i] = c.type;
        const lh = doc.lowerHashes[s]![i]!;
        let h = counts.get(lh);
        if (!h) counts.set(lh, (h = new Int32Array(ENTITY_TYPES.length)));
        h[c.type]!++;
      }
    }
    return o;
  });
  return { counts, own, tags };
}

/**
 * Decodes a whole document; with hooks it also trains (perceptron updates on predicted history).
 * With two passes, the second also sees how the first pass labelled the same word elsewhere in the
 * document, before and after this sentence (a name tagged confidently once informs its other mentions).
 */
export function decodeDocument(doc: DocumentFeatures, table: WeightTable, hooks?: TrainingHooks, passes = 1): Int8Array[] {
  // Outside training the weights are fixed, so each token's static-feature scores are summed once for both passes.
  const fixedScores = hooks ? null : staticScores(doc, table);
  const first = decodePass(doc, table, hooks, null, fixedScores);
  return passes < 2 ? first : decodePass(doc, table, hooks, firstPassOf(doc, first), fixedScores);
}

/** Per table: a word's own-feature score vector, keyed by its (shared) local key array. */
const LOCAL_SCORES = new WeakMap<WeightTable, WeakMap<Int32Array, Float64Array>>();

function staticScores(doc: DocumentFeatures, table: WeightTable): Float64Array[] {
  let cache = LOCAL_SCORES.get(table);
  if (!cache) LOCAL_SCORES.set(table, (cache = new WeakMap()));
  const words = cache;
  return doc.sentences.map((sent, s) => {
    const out = new Float64Array(sent.length * TAG_COUNT);
    const scratch = new Float64Array(TAG_COUNT);
    sent.forEach((keys, i) => {
      const local = doc.locals[s]![i]!;
      let own = words.get(local);
      if (!own) {
        own = new Float64Array(TAG_COUNT);
        table.addScores(local, own);
        words.set(local, own);
      }
      scratch.set(own);
      table.addScores(keys, scratch);
      out.set(scratch, i * TAG_COUNT);
    });
    return out;
  });
}

function decodePass(
  doc: DocumentFeatures,
  table: WeightTable,
  hooks: TrainingHooks | undefined,
  firstPass: FirstPass | null,
  fixedScores: readonly Float64Array[] | null,
): Int8Array[] {
  const history = new Map<number, Int32Array>();
  const scores = new Float64Array(TAG_COUNT);
  const others = new Int32Array(ENTITY_TYPES.length);
  const keys: number[] = [];
  const out: Int8Array[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s]!;
    const lh = doc.lowerHashes[s]!;
    const sh = doc.shapeHashes[s]!;
    const caps = doc.capitalised[s]!;
    const cont = doc.continues[s]!;
    const titles = doc.titles[s]!;
    // The second pass only changes sentences whose names occur elsewhere; the rest keep their first-pass tags.
    const skip = firstPass !== null && !seesOtherMentions(doc, firstPass, s);
    const tags = skip ? Int8Array.from(firstPass.tags[s]!) : new Int8Array(sent.length);
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < (skip ? 0 : sent.length); i++) {
      keys.length = 0;
      const fixed = sent[i]!;
      dynamicFeatures(keys, prev, prev2, lh[i]!, sh[i]!, caps[i] ? history.get(lh[i]!) : undefined);
      const all = firstPass && caps[i] ? firstPass.counts.get(lh[i]!) : undefined;
      if (all) {
        others.set(all);
        const mine = firstPass!.own[s]![i]!;
        if (mine >= 0) others[mine]!--;
        documentHistoryFeatures(keys, others);
      }
      const pre = fixedScores?.[s];
      if (pre) scores.set(pre.subarray(i * TAG_COUNT, (i + 1) * TAG_COUNT));
      else {
        scores.fill(0);
        table.addScores(doc.locals[s]![i]!, scores);
        table.addScores(fixed, scores);
      }
      table.addScores(keys, scores);
      const ok = i === sent.length - 1 ? ALLOWED_LAST : ALLOWED;
      // An open name (B/I) forces I or L next, and greedy decoding can run on for words ("Academy has seemed
      // hell"). When the model's free choice is O, close the name at the previous token instead.
      // Names only run on over capitalised words, numbers and connectors: "Obama has" ends at "Obama".
      // Applied when tagging, not while training: as a training constraint it cost 0.5 F1 on CoNLL dev.
      const here = hooks !== undefined || cont[i] === 1;
      const next = hooks !== undefined ? i + 1 < sent.length : i + 1 < sent.length && cont[i + 1] === 1;
      let free = 0;
      for (let t = 1; t < TAG_COUNT; t++) if (scores[t]! > scores[free]!) free = t;
      if ((free === 0 || !here) && prev > 0 && (tagPosition(prev) === B || tagPosition(prev) === I)) {
        const closed = makeTag(tagType(prev), tagPosition(prev) === B ? U : L);
        tags[i - 1] = closed;
        prev = closed;
      }
      const row = (prev + 1) * TAG_COUNT;
      // "Mayor Dmytro Kovalskyy": a title before a name is never part of a person span (tagging only).
      const noPerson = hooks === undefined && titles[i] === 1;
      let best = -1;
      for (let t = 0; t < TAG_COUNT; t++) {
        if (!ok[row + t]) continue;
        const p = t === 0 ? -1 : (t - 1) & 3;
        if ((p === B || p === I) && !next) continue;
        if ((p === I || p === L) && !here) continue;
        if (noPerson && t > 0 && (t - 1) >> 2 === 0) continue;
        if (best < 0 || scores[t]! > scores[best]!) best = t;
      }
      if (hooks) {
        const gold = hooks.gold[s]![i]!;
        if (gold !== best) hooks.update([...doc.locals[s]![i]!, ...fixed, ...keys], gold, best);
      }
      tags[i] = best;
      prev2 = prev;
      prev = best;
    }
    for (const c of chunksOf(tags)) {
      for (let i = c.start; i < c.end; i++) {
        if (!caps[i]) continue;
        let h = history.get(lh[i]!);
        if (!h) history.set(lh[i]!, (h = new Int32Array(ENTITY_TYPES.length)));
        h[c.type]!++;
      }
    }
    out.push(tags);
  }
  return out;
}
