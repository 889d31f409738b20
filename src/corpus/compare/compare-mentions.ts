// Decides whether two mentions about the same thing disagree, and on what: quote, negation, number, time, superlative.
import type { ConflictKind, Cite, QuoteRef } from '../../core/corpus.js';
import type { QuantitySpan, TimeSpan } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { alignQuotes, type WordChange } from '../quote-groups/word-diff.js';
import type { ClauseFacts } from './clause-facts.js';
import { intervalsOverlap, quantityInterval, unitKey, unitsComparable } from './intervals.js';

/** One clause of one article, as the comparison sees it. */
export interface ComparedMention {
  readonly cite: Cite;
  readonly text: string;
  readonly outlet: string;
  /** Publication time of the article (ISO), null when unknown. */
  readonly published: string | null;
  readonly facts: ClauseFacts;
  readonly quotes: readonly QuotedWords[];
}

export interface QuotedWords {
  readonly ref: QuoteRef;
  /** The quote's own span in its article. */
  readonly span: Span;
  /** Quote group id when the quote belongs to one. */
  readonly group: string | null;
  readonly words: readonly string[];
}

export interface Disagreement {
  readonly kind: ConflictKind;
  /** The passage of each mention that carries the disagreement (inside its clause). */
  readonly a: Span;
  readonly b: Span;
  /** For number disagreements: the two quantities, so updates can be told from contradictions. */
  readonly quantities?: { readonly a: QuantitySpan; readonly b: QuantitySpan };
  /** For quote disagreements: the changed words. */
  readonly changes?: readonly WordChange[];
}

function quoteDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  for (const qa of a.quotes) {
    for (const qb of b.quotes) {
      if (qa.group === null || qa.group !== qb.group) continue;
      const aligned = alignQuotes(qa.words, qb.words);
      if (aligned.relation === 'identical' || aligned.relation === 'trimmed') continue;
      return { kind: 'quote', a: qa.span, b: qb.span, changes: aligned.changes };
    }
  }
  return null;
}

/** Pairs quantities of comparable units; a unit class present several times in one clause is ambiguous and skipped. */
function numberDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  const counted = (qs: readonly QuantitySpan[]): Map<string, QuantitySpan[]> => {
    const m = new Map<string, QuantitySpan[]>();
    for (const q of qs) {
      const k = unitKey(q.unit) ?? '';
      m.set(k, [...(m.get(k) ?? []), q]);
    }
    return m;
  };
  const ca = counted(a.facts.quantities);
  const cb = counted(b.facts.quantities);
  for (const qa of a.facts.quantities) {
    if ((ca.get(unitKey(qa.unit) ?? '')?.length ?? 0) > 1) continue;
    for (const qb of b.facts.quantities) {
      if ((cb.get(unitKey(qb.unit) ?? '')?.length ?? 0) > 1) continue;
      if (!unitsComparable(qa.unit, qb.unit)) continue;
      if (intervalsOverlap(quantityInterval(qa), quantityInterval(qb))) continue;
      return { kind: 'number', a: qa, b: qb, quantities: { a: qa, b: qb } };
    }
  }
  return null;
}

const DATE_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?/;

function dated(times: readonly TimeSpan[]): { span: TimeSpan; day: string; minutes: number | null }[] {
  const out: { span: TimeSpan; day: string; minutes: number | null }[] = [];
  for (const t of times) {
    const m = t.value ? DATE_RE.exec(t.value) : null;
    if (!m || t.type === 'DURATION' || t.type === 'SET') continue;
    out.push({ span: t, day: m[1] ?? '', minutes: m[2] ? Number(m[2]) * 60 + Number(m[3]) : null });
  }
  return out;
}

/** Minimum gap between two clock times of the same day to call them incompatible. */
const CLOCK_TOLERANCE_MINUTES = 60;

function timeDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  for (const oa of a.facts.orderings) {
    const ob = b.facts.orderings.find((o) => o.anchor === oa.anchor && o.kind !== oa.kind);
    if (ob) return { kind: 'time', a: oa, b: ob };
  }
  const da = dated(a.facts.eventTimes);
  const db = dated(b.facts.eventTimes);
  if (!da.length || !db.length) return null;
  const shared = da.filter((x) => db.some((y) => y.day === x.day));
  const [firstA] = da;
  const [firstB] = db;
  if (!shared.length && firstA && firstB) return { kind: 'time', a: firstA.span, b: firstB.span };
  for (const x of da) {
    for (const y of db) {
      if (x.day !== y.day || x.minutes === null || y.minutes === null) continue;
      if (Math.abs(x.minutes - y.minutes) >= CLOCK_TOLERANCE_MINUTES) return { kind: 'time', a: x.span, b: y.span };
    }
  }
  return null;
}

function superlativeDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  for (const sa of a.facts.superlatives) {
    const sb = b.facts.superlatives.find((s) => s.word === sa.word && (s.form === 'sole') !== (sa.form === 'sole'));
    if (sb) return { kind: 'superlative', a: sa, b: sb };
  }
  return null;
}

function negationDisagreement(a: ComparedMention, b: ComparedMention): Disagreement | null {
  if (a.facts.negated === b.facts.negated) return null;
  return { kind: 'negation', a: a.facts.negation ?? a.cite, b: b.facts.negation ?? b.cite };
}

/** The first way two mentions of the same thing disagree, or null when they are compatible. */
export function compareMentions(a: ComparedMention, b: ComparedMention): Disagreement | null {
  return (
    quoteDisagreement(a, b) ??
    negationDisagreement(a, b) ??
    numberDisagreement(a, b) ??
    timeDisagreement(a, b) ??
    superlativeDisagreement(a, b)
  );
}
