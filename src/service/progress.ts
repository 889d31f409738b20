// How long-running use-cases report progress; faces decide how (a terminal bar, nothing when piped).

export interface Progress {
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

export const noProgress: Progress = { start: () => undefined, update: () => undefined, stop: () => undefined };
