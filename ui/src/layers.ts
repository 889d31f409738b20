// Cuts an article's text into runs at every span boundary, so overlapping layers (entities, quotes, times, quantities) render flat.

export type LayerName = 'entities' | 'quotes' | 'times' | 'quantities';

export interface LayerSpan {
  readonly layer: LayerName;
  readonly start: number;
  readonly end: number;
  /** Short visible tag shown where the span starts (e.g. "PERSON", "quote: Kovalsky"). */
  readonly tag: string;
}

export interface TextRun {
  readonly start: number;
  readonly end: number;
  /** Spans covering this run. */
  readonly spans: readonly LayerSpan[];
  /** Spans that begin at this run (their tags are shown before it). */
  readonly opens: readonly LayerSpan[];
}

/** Runs covering [0, length); spans outside the text or empty are ignored. Sorts once, then one sweep. */
export function textRuns(length: number, spans: readonly LayerSpan[]): TextRun[] {
  const valid = spans.filter((s) => s.start < s.end && s.start >= 0 && s.end <= length);
  const cuts = new Set<number>([0, length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  const byStart = [...valid].sort((x, y) => x.start - y.start || y.end - x.end);
  const runs: TextRun[] = [];
  let active: LayerSpan[] = [];
  let next = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k]!;
    const end = bounds[k + 1]!;
    active = active.filter((s) => s.end > start);
    const opens: LayerSpan[] = [];
    while (next < byStart.length && byStart[next]!.start === start) {
      opens.push(byStart[next]!);
      active.push(byStart[next]!);
      next++;
    }
    runs.push({ start, end, spans: [...active], opens });
  }
  return runs;
}
