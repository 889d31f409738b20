// Greedy left-to-right BILOU decoding with valid-transition constraints, shared by training and tagging.
import { dynamicFeatures, type DocumentFeatures } from './features.js';

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

/** Decodes a whole document; with hooks it also trains (perceptron updates on predicted history). */
export function decodeDocument(doc: DocumentFeatures, table: WeightTable, hooks?: TrainingHooks): Int8Array[] {
  const history = new Map<number, Int32Array>();
  const scores = new Float64Array(TAG_COUNT);
  const keys: number[] = [];
  const out: Int8Array[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s]!;
    const lh = doc.lowerHashes[s]!;
    const sh = doc.shapeHashes[s]!;
    const caps = doc.capitalised[s]!;
    const tags = new Int8Array(sent.length);
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < sent.length; i++) {
      keys.length = 0;
      const fixed = sent[i]!;
      dynamicFeatures(keys, prev, prev2, lh[i]!, sh[i]!, caps[i] ? history.get(lh[i]!) : undefined);
      scores.fill(0);
      table.addScores(fixed, scores);
      table.addScores(keys, scores);
      const ok = i === sent.length - 1 ? ALLOWED_LAST : ALLOWED;
      const row = (prev + 1) * TAG_COUNT;
      let best = -1;
      for (let t = 0; t < TAG_COUNT; t++) {
        if (ok[row + t] && (best < 0 || scores[t]! > scores[best]!)) best = t;
      }
      if (hooks) {
        const gold = hooks.gold[s]![i]!;
        if (gold !== best) hooks.update([...fixed, ...keys], gold, best);
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
