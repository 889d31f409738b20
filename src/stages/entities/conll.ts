// CoNLL-2003 reading (IOB1 column files) and conlleval-style entity-level scoring, for training and the bench.
import { ENTITY_TYPES, makeTag, type Chunk } from './decode.js';

export interface ConllSentence {
  readonly tokens: readonly string[];
  /** Gold entity chunks (token ranges, exclusive end; type indexes ENTITY_TYPES). */
  readonly chunks: readonly Chunk[];
}

export type ConllDocument = readonly ConllSentence[];

/** Chunks of an IOB1/IOB2 label column ("I-PER", "B-LOC", "O"). */
export function iobChunks(labels: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let start = -1;
  let type = -1;
  labels.forEach((label, i) => {
    const t = label === 'O' ? -1 : ENTITY_TYPES.indexOf(label.slice(2) as (typeof ENTITY_TYPES)[number]);
    const begins = t >= 0 && (t !== type || label.startsWith('B-') || start < 0);
    if (start >= 0 && (t !== type || begins)) {
      out.push({ start, end: i, type });
      start = -1;
    }
    if (begins) start = i;
    type = t;
  });
  if (start >= 0) out.push({ start, end: labels.length, type });
  return out;
}

/** Parses a CoNLL-2003 file into documents split at -DOCSTART- lines. */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllSentence[][] = [];
  let doc: ConllSentence[] = [];
  let tokens: string[] = [];
  let labels: string[] = [];
  const flushSentence = (): void => {
    if (tokens.length) doc.push({ tokens, chunks: iobChunks(labels) });
    tokens = [];
    labels = [];
  };
  for (const line of text.split('\n')) {
    const cols = line.trim().split(' ');
    if (cols[0] === '-DOCSTART-') {
      flushSentence();
      if (doc.length) docs.push(doc);
      doc = [];
    } else if (!cols[0]) flushSentence();
    else {
      tokens.push(cols[0]);
      labels.push(cols[cols.length - 1] ?? 'O');
    }
  }
  flushSentence();
  if (doc.length) docs.push(doc);
  return docs;
}

/** BILOU tag indices for a sentence's gold chunks. */
export function bilouTags(length: number, chunks: readonly Chunk[]): Int8Array {
  const tags = new Int8Array(length);
  for (const c of chunks) {
    if (c.end - c.start === 1) tags[c.start] = makeTag(c.type, 3);
    else {
      tags[c.start] = makeTag(c.type, 0);
      for (let i = c.start + 1; i < c.end - 1; i++) tags[i] = makeTag(c.type, 1);
      tags[c.end - 1] = makeTag(c.type, 2);
    }
  }
  return tags;
}

export interface PrfCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface EntityScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly byType: Readonly<Record<string, { precision: number; recall: number; f1: number }>>;
  /** PER/ORG/LOC only, for tools that have no MISC type. */
  readonly withoutMisc: { precision: number; recall: number; f1: number };
}

/** Accumulates exact-match chunk counts per type (conlleval semantics). */
export function countChunks(counts: Map<number, PrfCounts>, gold: readonly Chunk[], predicted: readonly Chunk[]): void {
  const key = (c: Chunk): string => `${c.start}:${c.end}:${c.type}`;
  const goldSet = new Set(gold.map(key));
  const predSet = new Set(predicted.map(key));
  const get = (t: number): PrfCounts => {
    let c = counts.get(t);
    if (!c) counts.set(t, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (const p of predicted) {
    if (goldSet.has(key(p))) get(p.type).tp++;
    else get(p.type).fp++;
  }
  for (const g of gold) if (!predSet.has(key(g))) get(g.type).fn++;
}

function prf(c: PrfCounts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function scoreCounts(counts: ReadonlyMap<number, PrfCounts>): EntityScores {
  const all: PrfCounts = { tp: 0, fp: 0, fn: 0 };
  const noMisc: PrfCounts = { tp: 0, fp: 0, fn: 0 };
  const byType: Record<string, { precision: number; recall: number; f1: number }> = {};
  ENTITY_TYPES.forEach((name, t) => {
    const c = counts.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
    byType[name] = prf(c);
    if (name !== 'MISC') {
      noMisc.tp += c.tp;
      noMisc.fp += c.fp;
      noMisc.fn += c.fn;
    }
  });
  return { ...prf(all), byType, withoutMisc: prf(noMisc) };
}

/** Every TUNING_EVERY-th training document (counting from 0, the last of each group) is the tuning slice. */
export const TUNING_EVERY = 5;

/**
 * The three-way split of the data: training documents fit the weights except the tuning slice (every fifth
 * document), which picks settings; a dev file's even-numbered documents confirm a change and its odd-numbered ones
 * stay untouched until the end.
 */
export function splitTraining(docs: readonly ConllDocument[], fold = TUNING_EVERY - 1): { fit: ConllDocument[]; tuning: ConllDocument[] } {
  const fit: ConllDocument[] = [];
  const tuning: ConllDocument[] = [];
  // `fold` (0 .. TUNING_EVERY - 1) picks which document of each group is held out: the five folds of a cross-validation.
  docs.forEach((d, i) => (i % TUNING_EVERY === fold ? tuning : fit).push(d));
  return { fit, tuning };
}

export function splitDev(docs: readonly ConllDocument[]): { confirm: ConllDocument[]; untouched: ConllDocument[] } {
  return { confirm: docs.filter((_, i) => i % 2 === 0), untouched: docs.filter((_, i) => i % 2 === 1) };
}
