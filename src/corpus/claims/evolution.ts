// Tells an evolving figure (a toll updated between reports) from a disagreement between reports of the same moment.
import type { QuantitySpan } from '../../core/article.js';
import type { Evolution } from '../../core/corpus.js';
import type { ComparedMention } from './compare-mentions.js';
import { countKey, countsComparable } from './intervals.js';

export interface EvolutionConfig {
  /** Reports closer than this (minutes) describe the same moment: differing figures are a disagreement. */
  readonly minGapMinutes: number;
}

export const EVOLUTION_DEFAULTS: EvolutionConfig = { minGapMinutes: 60 };

/** When a mention's figure held: an "officials said on Tuesday" anchor on another day, else publication time. */
export function reportTime(m: ComparedMention): string | null {
  const anchor = m.facts.asOf?.value ?? null;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(anchor ?? '')?.[0] ?? null;
  if (day && (!m.published || !m.published.startsWith(day))) return day;
  return m.published;
}

function minutesOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) / 60000;
}

function label(iso: string, sameDay: boolean): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return sameDay && m[2] ? m[2] : m[2] ? `${m[1]} ${m[2]}` : (m[1] ?? iso);
}

/**
 * An evolution when: (1) every mention has one figure of the given unit and a report time;
 * (2) durations are excluded (a past meeting's length does not evolve);
 * (3) figures ordered by report time move one way only, and different figures are at least `minGapMinutes` apart.
 */
export function detectEvolution(
  mentions: readonly ComparedMention[],
  unit: string | null,
  config: EvolutionConfig = EVOLUTION_DEFAULTS,
): Evolution | null {
  if (countKey(unit) === 'duration') return null;
  const points: { q: QuantitySpan; at: number; iso: string }[] = [];
  for (const m of mentions) {
    const qs = m.facts.quantities.filter((q) => countsComparable(q.unit, unit));
    const iso = reportTime(m);
    const at = iso ? minutesOf(iso) : null;
    if (qs.length !== 1 || at === null || !iso || !qs[0]) return null;
    points.push({ q: qs[0], at, iso });
  }
  points.sort((x, y) => x.at - y.at);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || first.q.value === last.q.value) return null;
  const rising = last.q.value > first.q.value;
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1];
    const cur = points[i];
    if (!prev || !cur || prev.q.value === cur.q.value) continue;
    if (cur.q.value > prev.q.value !== rising) return null;
    if (cur.at - prev.at < config.minGapMinutes) return null;
  }
  // The figure is dated by the first report that gave its final value.
  const reached = points.find((p) => p.q.value === last.q.value) ?? last;
  const sameDay = first.iso.slice(0, 10) === reached.iso.slice(0, 10);
  const from = first.q.value;
  const to = last.q.value;
  const firstLabel = label(first.iso, sameDay);
  const lastLabel = label(reached.iso, sameDay);
  return {
    text: `${rising ? 'rose' : 'fell'} from ${from} to ${to} between ${firstLabel} and ${lastLabel}`,
    from,
    to,
    first: first.iso,
    last: reached.iso,
  };
}
