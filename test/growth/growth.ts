// Measures how a function's CPU time grows when its input doubles: the guard every corpus stage must pass.
import { cpuMsOf } from '../helpers/cpu-time.js';

/** Doubling the input may multiply time by at most this: 2 plus room for a shared, noisy machine. */
export const MAX_GROWTH = 2.6;

/**
 * The bound for a stage whose smaller run costs under SHORT_RUN_MS of CPU. Runs that short are ruled by the working
 * set outgrowing the caches and by the collector, not by the stage's own work: the anonymous-claims pass of
 * provenance took 1.4 / 6.5 / 15.8 ms at 700 / 1,400 / 2,800 generated articles for 10k / 20k / 43k attribution
 * lookups (linear work, a x4.8 then x2.4 step). A quadratic stage still shows x4 and fails.
 */
export const MAX_GROWTH_SHORT = 3.5;
export const SHORT_RUN_MS = 30;

/** The bound a measured growth is held to. */
export function growthBound(g: Pick<Growth, 'smallMs'>): number {
  return g.smallMs < SHORT_RUN_MS ? MAX_GROWTH_SHORT : MAX_GROWTH;
}

/** Shortest CPU time of one timed run of the smaller input. */
const MIN_RUN_MS = 200;

/** CPU time (user + system) of one call, in ms. */
export function cpuMs(run: () => void): number {
  return cpuMsOf(run).ms;
}

export interface Growth {
  readonly smallMs: number;
  readonly largeMs: number;
  readonly ratio: number;
  /** The ratio of every measurement taken, in order. */
  readonly attempts: readonly number[];
}

/**
 * What one timed run does: a function called as is, or a cold run, whose `fresh` makes (untimed) a new run over
 * inputs no earlier run has touched, so per-object memos start empty and the whole stage is timed, not only the work
 * left after its memos are filled.
 */
export type Run = (() => void) | { readonly fresh: () => () => void };

/** CPU time of `reps` back-to-back calls of a run; a cold run's fresh inputs are all made before the clock starts. */
function timeReps(run: Run, reps: number): number {
  if (typeof run === 'function') {
    return cpuMs(() => {
      for (let r = 0; r < reps; r++) run();
    });
  }
  const calls = Array.from({ length: reps }, () => run.fresh());
  return cpuMs(() => {
    for (const call of calls) call();
  });
}

function fastest(xs: readonly number[]): number {
  return Math.min(...xs);
}

/**
 * The fastest CPU time of `runs` interleaved runs on each input (after a warm-up of both, so the optimizing
 * compiler has settled), as large / small. Interference from other processes only ever adds time, so the fastest
 * run is the closest to the stage's own cost; runs alternate so a busy spell slows both sizes alike.
 */
function measureOnce(small: Run, large: Run, runs: number): Omit<Growth, 'attempts'> {
  timeReps(large, 1);
  timeReps(small, 1);
  // A fast stage is repeated within each run so a run lasts long enough that timer and collector noise stay small.
  const once = timeReps(small, 1);
  const reps = Math.max(1, Math.ceil(MIN_RUN_MS / Math.max(once, 1)));
  const s: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < runs; i++) {
    s.push(timeReps(small, reps) / reps);
    l.push(timeReps(large, reps) / reps);
  }
  const smallMs = fastest(s);
  const largeMs = fastest(l);
  return { smallMs, largeMs, ratio: largeMs / smallMs };
}

/**
 * Measures growth, and measures again (up to `attempts` times in all) while the ratio is over its bound. A sibling
 * process sharing the core's caches can slow the larger input's runs for seconds on end (measured: the same claims
 * stage read x1.63, x2.79 and x2.46 in three runs beside two busy loops, x2.02 alone); a quadratic stage is over
 * the bound on every attempt. The best attempt is returned, with every attempt's ratio.
 */
export function growth(small: Run, large: Run, runs = 7, attempts = 3): Growth {
  let best = measureOnce(small, large, runs);
  const ratios = [best.ratio];
  while (ratios.length < attempts && best.ratio > growthBound(best)) {
    const next = measureOnce(small, large, runs);
    ratios.push(next.ratio);
    if (next.ratio < best.ratio) best = next;
  }
  return { ...best, attempts: ratios };
}
