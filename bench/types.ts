// The benchmark contract of ../shared/spec/bench.md: one result object per run.

export interface BenchMetrics {
  readonly [name: string]: number;
}

export interface BenchResult {
  readonly bench: string;
  /** The --data path as given, or null for generated data. */
  readonly data: string | null;
  readonly metrics: BenchMetrics;
  readonly baseline?: { readonly name: string; readonly metrics: BenchMetrics };
  /** Extra human-readable lines (error analysis, per-type tables). */
  readonly notes?: readonly string[];
}

export interface BenchOptions {
  /** --data as given; each bench has its own default under ../shared/bench. */
  readonly data: string | undefined;
  readonly json: boolean;
  /** Progress and tables go here (stderr when --json, so stdout ends with the JSON line). */
  readonly log: (line: string) => void;
}

export type BenchRun = (options: BenchOptions) => Promise<BenchResult>;

/** Where the shared benchmark data lives, relative to the repo root. */
export const SHARED_BENCH = new URL('../../shared/bench/', import.meta.url);

export class BenchDataMissing extends Error {
  constructor(path: string, what: string) {
    super(`benchmark data not found at ${path} (${what}); put ../shared/bench beside the repo or pass --data PATH`);
    this.name = 'BenchDataMissing';
  }
}
