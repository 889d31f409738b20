// One-sentence explanations of a disagreement, filled only with outlet names and the cited passages.
import type { ComparedMention, Disagreement } from './compare-mentions.js';

function passage(m: ComparedMention, span: { start: number; end: number }, text: string): string {
  const offset = span.start - m.cite.start;
  return text.slice(offset, offset + (span.end - span.start)).replace(/\s+/g, ' ').trim();
}

function clip(s: string, max = 160): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Explains `d` from the side of mention `a` against `b`; `a.text`/`b.text` are the clause texts. */
export function explainConflict(a: ComparedMention, b: ComparedMention, d: Disagreement): string {
  const pa = clip(passage(a, d.a, a.text));
  const pb = clip(passage(b, d.b, b.text));
  switch (d.kind) {
    case 'number':
      return `${a.outlet} gives "${pa}" where ${b.outlet} gives "${pb}"; these figures do not overlap.`;
    case 'time':
      return `${a.outlet} places it "${pa}" where ${b.outlet} places it "${pb}"; both cannot be true.`;
    case 'superlative':
      return `${a.outlet} says "${pa}" where ${b.outlet} says "${pb}".`;
    case 'negation':
      return a.facts.negated
        ? `${a.outlet} reports it did not happen ("${clip(a.text.trim())}") where ${b.outlet} reports it did ("${clip(b.text.trim())}").`
        : `${a.outlet} reports it happened ("${clip(a.text.trim())}") where ${b.outlet} reports it did not ("${clip(b.text.trim())}").`;
    case 'quote': {
      const changes = (d.changes ?? [])
        .map((c) => `"${c.from || '(nothing)'}" -> "${c.to || '(nothing)'}"`)
        .join(', ');
      return `${a.outlet} and ${b.outlet} quote the same words differently (${a.outlet} to ${b.outlet}: ${changes}).`;
    }
    default:
      return `${a.outlet} says "${pa}" where ${b.outlet} says "${pb}".`;
  }
}
