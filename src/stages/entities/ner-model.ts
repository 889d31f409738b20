// The trained NER model: compact binary weights plus clusters and gazetteers, loaded once and cached.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chunksOf, decodeDocument, ENTITY_TYPES, TAG_COUNT, TAGS, type Chunk, type WeightTable } from './decode.js';
import { documentFeatures, hashString, type FeatureResources, type TokenDocument } from './features.js';
import { parseGazetteer } from './gazetteer.js';
import { refineDocument, refineSentence, type NameRule } from './name-rules.js';

export const MODEL_FORMAT = 'parallax-ner-1';

/** Where the committed model lives: models/ner at the repo root, seen from src/ (tsx) or from dist/src/ (built). */
export const DEFAULT_MODEL_DIR =
  ['../../../models/ner/', '../../../../models/ner/']
    .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
    .find((dir) => existsSync(join(dir, 'model.bin.gz'))) ?? fileURLToPath(new URL('../../../models/ner/', import.meta.url));

/** The eng.train-only model `npm run train:ner` writes beside a shipped model that also learned from eng.testa's confirm half (read by the NER bench only). */
export const TRAIN_ONLY_MODEL_FILE = 'model-train-only.bin.gz';

export interface NerModel {
  readonly resources: FeatureResources;
  readonly table: WeightTable;
  readonly features: number;
  /** Decoding passes the model was trained for (2 = document-level second pass). */
  readonly passes: number;
}

/**
 * Open-addressing hash table from feature key to weight row; built at load time, no strings. Slots hold
 * (key, row) pairs side by side so a probe touches one cache line. Weights stay quantised: every row shares one
 * positive scale, which cannot change an argmax.
 */
export function buildTable(keys: Int32Array, weights: Int16Array | Float32Array): WeightTable {
  let size = 1;
  while (size < keys.length * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size * 2);
  for (let s = 0; s < size; s++) slots[2 * s + 1] = -1;
  for (let r = 0; r < keys.length; r++) {
    let s = Math.imul(keys[r]!, 0x9e3779b1) & mask;
    while (slots[2 * s + 1]! >= 0) s = (s + 1) & mask;
    slots[2 * s] = keys[r]!;
    slots[2 * s + 1] = r;
  }
  // A 2^20-bit presence filter (128 KB, cache-resident): most context keys (bigrams) are not in the model, and the
  // filter turns their probe of the multi-megabyte slot table into one bit test (about 1 in 10 false positives).
  const filter = new Int32Array(1 << 15);
  for (let r = 0; r < keys.length; r++) {
    const bit = Math.imul(keys[r]!, 0x85ebca6b) >>> 12;
    filter[bit >>> 5] = filter[bit >>> 5]! | (1 << (bit & 31));
  }
  return {
    addScores(list: ArrayLike<number>, from: number, to: number, scores: Float64Array, at: number): void {
      for (let k = from; k < to; k++) {
        const key = list[k]!;
        const bit = Math.imul(key, 0x85ebca6b) >>> 12;
        if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
        let s = Math.imul(key, 0x9e3779b1) & mask;
        let row = slots[2 * s + 1]!;
        while (row >= 0 && slots[2 * s] !== key) {
          s = (s + 1) & mask;
          row = slots[2 * s + 1]!;
        }
        if (row < 0) continue;
        const base = row * TAG_COUNT;
        for (let t = 0; t < TAG_COUNT; t++) scores[at + t] = scores[at + t]! + weights[base + t]!;
      }
    },
  };
}

interface Header {
  readonly format: string;
  readonly tags: readonly string[];
  readonly features: number;
  readonly scale: number;
  readonly passes: number;
}

/** Serialises weights as gzip(header JSON line + Int32 keys + Int16 quantised weights). */
export function encodeModel(keys: Int32Array, weights: Float32Array, passes: number): Buffer {
  let maxAbs = 0;
  for (const v of weights) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i]! / scale);
  const header: Header = { format: MODEL_FORMAT, tags: TAGS, features: keys.length, scale, passes };
  const head = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  const pad = Buffer.alloc((4 - (head.length % 4)) % 4, 0x20);
  return gzipSync(
    Buffer.concat([head.subarray(0, head.length - 1), pad, Buffer.from('\n'), Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength), Buffer.from(q.buffer, q.byteOffset, q.byteLength)]),
    { level: 9 },
  );
}

export function decodeModel(gz: Buffer): { keys: Int32Array; weights: Int16Array; scale: number; passes: number } {
  const raw = gunzipSync(gz);
  const nl = raw.indexOf(10);
  const header = JSON.parse(raw.subarray(0, nl).toString('utf8')) as Header;
  if (header.format !== MODEL_FORMAT || header.tags.join() !== TAGS.join()) {
    throw new Error(`PX401: NER model format ${header.format} does not match this code (${MODEL_FORMAT}); run npm run train:ner`);
  }
  const body = raw.subarray(nl + 1);
  const aligned = new Uint8Array(body.length);
  aligned.set(body);
  const keys = new Int32Array(aligned.buffer, 0, header.features);
  const weights = new Int16Array(aligned.buffer, header.features * 4, header.features * TAG_COUNT);
  return { keys, weights, scale: header.scale, passes: header.passes ?? 1 };
}

/** Parses `word<TAB>fine<TAB>coarse` lines into hashed-word -> packed cluster ids (no per-word strings kept). */
export function parseClusters(tsv: string): Map<number, number> {
  const out = new Map<number, number>();
  let at = 0;
  while (at < tsv.length) {
    let nl = tsv.indexOf('\n', at);
    if (nl < 0) nl = tsv.length;
    const t1 = tsv.indexOf('\t', at);
    const t2 = t1 < 0 ? -1 : tsv.indexOf('\t', t1 + 1);
    if (t1 > at && t2 > t1 && t2 < nl) {
      out.set(hashString(tsv.slice(at, t1)), Number(tsv.slice(t1 + 1, t2)) * 1024 + Number(tsv.slice(t2 + 1, nl)));
    }
    at = nl + 1;
  }
  return out;
}

/** The shipped cluster table: sorted Int32 word hashes followed by their Int32 packed cluster ids. */
export function encodeClusters(clusters: ReadonlyMap<number, number>): Buffer {
  const keys = Int32Array.from([...clusters.keys()].sort((a, b) => a - b));
  const values = Int32Array.from(keys, (k) => clusters.get(k)!);
  return Buffer.concat([Buffer.from(keys.buffer), Buffer.from(values.buffer)]);
}

/** Binary-search lookup over encodeClusters output; loading is a copy, not a parse. */
export function decodeClusters(buf: Buffer): { get(wordHash: number): number | undefined } {
  const n = buf.length / 8;
  const aligned = new Uint8Array(buf.length);
  aligned.set(buf);
  const keys = new Int32Array(aligned.buffer, 0, n);
  const values = new Int32Array(aligned.buffer, n * 4, n);
  return {
    get(h: number): number | undefined {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const k = keys[mid]!;
        if (k === h) return values[mid]!;
        if (k < h) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
  };
}

/** Clusters and gazetteers, shared by training and tagging. */
export function loadResources(dir = DEFAULT_MODEL_DIR): FeatureResources {
  const read = (name: string): Buffer => {
    try {
      return readFileSync(join(dir, name));
    } catch {
      throw new Error(`PX402: missing ${join(dir, name)}; run npx tsx scripts/build-ner-gazetteers.ts / build-ner-clusters.ts, then npm run train:ner`);
    }
  };
  return { gazetteer: parseGazetteer(read('gazetteers.tsv').toString('utf8')), clusters: decodeClusters(read('clusters.bin')) };
}

const cache = new Map<string, NerModel>();

/** Loads (once per file) the committed model, `file` in `dir` beside its clusters and gazetteers; throws PX40x with the fix when files are missing. */
export function loadNerModel(dir = DEFAULT_MODEL_DIR, file = 'model.bin.gz'): NerModel {
  const path = join(dir, file);
  const hit = cache.get(path);
  if (hit) return hit;
  let gz: Buffer;
  try {
    gz = readFileSync(path);
  } catch {
    throw new Error(`PX403: missing NER model ${path}; run npm run train:ner`);
  }
  const { keys, weights, passes } = decodeModel(gz);
  const model: NerModel = { resources: loadResources(dir), table: buildTable(keys, weights), features: keys.length, passes };
  cache.set(path, model);
  return model;
}

export interface TaggedChunk extends Chunk {
  readonly label: (typeof ENTITY_TYPES)[number];
}

/** Entity chunks (token ranges) for each sentence of one document; document context informs every mention. `rulesOff` switches name rules off (for measuring them). */
export function tagDocument(doc: TokenDocument, model: NerModel = loadNerModel(), rulesOff?: ReadonlySet<NameRule>): TaggedChunk[][] {
  const tags = decodeDocument(documentFeatures(doc, model.resources), model.table, undefined, model.passes);
  const chunks = refineDocument(doc, tags.map((t, s) => refineSentence(doc[s]!, chunksOf(t), model.resources, rulesOff)), model.resources, rulesOff);
  const out: TaggedChunk[][] = [];
  for (const sent of chunks) {
    const labelled: TaggedChunk[] = [];
    for (const c of sent) labelled.push({ start: c.start, end: c.end, type: c.type, label: ENTITY_TYPES[c.type]! });
    out.push(labelled);
  }
  return out;
}

/** IOB2 tags ("B-PER", "I-PER", "O") for one sentence of tokens. */
export function tagTokens(tokens: readonly string[], model: NerModel = loadNerModel()): string[] {
  const out = tokens.map(() => 'O');
  for (const c of tagDocument([tokens], model)[0] ?? []) {
    for (let i = c.start; i < c.end; i++) out[i] = `${i === c.start ? 'B' : 'I'}-${c.label}`;
  }
  return out;
}
