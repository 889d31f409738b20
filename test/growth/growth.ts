// Measures how a function's CPU time grows when its input doubles: the guard every corpus stage must pass.

/** Doubling the input may multiply time by at most this: 2 plus room for a shared, noisy machine. */
export const MAX_GROWTH = 2.6;

/** Shortest CPU time of one timed run of the smaller input. */
const MIN_RUN_MS = 200;

function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export interface Growth {
  readonly smallMs: number;
  readonly largeMs: number;
  readonly ratio: number;
}

/**
 * The median CPU time of `runs` interleaved runs on each input (after a warm-up of both, so the optimizing
 * compiler has settled), as large / small. A busy machine slows both sizes alike when runs alternate.
 */
export function growth(small: () => void, large: () => void, runs = 5): Growth {
  large();
  // A fast stage is repeated within each run so a run lasts long enough that timer and collector noise stay small.
  const once = cpuMs(small);
  const reps = Math.max(1, Math.ceil(MIN_RUN_MS / Math.max(once, 1)));
  const repeated = (f: () => void) => () => {
    for (let r = 0; r < reps; r++) f();
  };
  const s: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < runs; i++) {
    s.push(cpuMs(repeated(small)) / reps);
    l.push(cpuMs(repeated(large)) / reps);
  }
  const smallMs = median(s);
  const largeMs = median(l);
  return { smallMs, largeMs, ratio: largeMs / smallMs };
}
