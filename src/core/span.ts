// Character spans: UTF-16 offsets into an article's clean text, end exclusive.

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The exact characters a span covers. */
export function sliceSpan(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function spanLength(span: Span): number {
  return span.end - span.start;
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function spanContains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Sorts by start, then longer first; returns a new array. */
export function sortSpans<T extends Span>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Index of the last span starting at or before `offset` in spans sorted by start, or -1 (binary search). */
export function lastSpanStartingAtOrBefore(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.start ?? Infinity) <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Index of the span holding `offset` in non-overlapping spans sorted by start, or -1 (binary search). */
export function spanIndexHolding(spans: readonly Span[], offset: number): number {
  const i = lastSpanStartingAtOrBefore(spans, offset);
  return i >= 0 && offset < (spans[i]?.end ?? -Infinity) ? i : -1;
}

/** Shrinks a span so it neither starts nor ends with white space. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
