// The spans of a layer that lie inside one span, found by binary search when the layer is sorted by start.
import type { Span } from '../span.js';
import { spanContains } from '../span.js';

/** Whether each layer array is sorted by start with no span ending before it starts (layers are immutable arrays, so checked once each). */
const SORTED = new WeakMap<readonly Span[], boolean>();

function sortedByStart(spans: readonly Span[]): boolean {
  let sorted = SORTED.get(spans);
  if (sorted === undefined) {
    sorted = true;
    for (let i = 0; i < spans.length && sorted; i++) if (spans[i]!.end < spans[i]!.start || (i > 0 && spans[i]!.start < spans[i - 1]!.start)) sorted = false;
    SORTED.set(spans, sorted);
  }
  return sorted;
}

/**
 * `spans.filter((s) => spanContains(outer, s))`, the same spans in the same order, without reading the whole layer for
 * every clause of an article when the layer is sorted by start (as the stages write them): only the spans starting
 * between the outer span's ends are tested. An unsorted layer is filtered as a whole.
 */
export function spansInside<T extends Span>(spans: readonly T[], outer: Span): T[] {
  if (!sortedByStart(spans)) return spans.filter((s) => spanContains(outer, s));
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < outer.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < spans.length && spans[i]!.start <= outer.end; i++) if (spanContains(outer, spans[i]!)) out.push(spans[i]!);
  return out;
}
