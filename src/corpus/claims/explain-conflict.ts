// One-sentence explanations of a disagreement, filled only with outlet names, the disputed words and the cited clauses.
import type { ComparedMention, Disagreement } from './compare-mentions.js';

function passage(m: ComparedMention, span: { start: number; end: number }, text: string): string {
  const offset = span.start - m.cite.start;
  return text.slice(offset, offset + (span.end - span.start)).replace(/\s+/g, ' ').trim();
}

function clip(s: string, max = 160): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Quotation marks and trailing punctuation of a quoted passage, which the template's own marks replace. */
function bare(s: string): string {
  return s.replace(/^[\s"\u201c\u201d\u2018\u2019']+|[\s"\u201c\u201d\u2018\u2019',.]+$/g, '');
}

/** The disputed words, then the clause they sit in when it says more ("Monday evening" in "Seventeen people were ..."). */
function inContext(disputed: string, clause: string): string {
  const whole = clause.replace(/\s+/g, ' ').trim();
  return whole.length > disputed.length + 12 ? `"${disputed}" ("${clip(whole)}")` : `"${disputed}"`;
}

/** Explains `d` from the side of mention `a` against `b`; `a.text`/`b.text` are the clause texts. */
export function explainConflict(a: ComparedMention, b: ComparedMention, d: Disagreement): string {
  const pa = clip(passage(a, d.a, a.text));
  const pb = clip(passage(b, d.b, b.text));
  const ca = inContext(pa, a.text);
  const cb = inContext(pb, b.text);
  switch (d.kind) {
    case 'number':
      return `${a.outlet} gives ${ca} where ${b.outlet} gives ${cb}; these figures do not overlap.`;
    case 'time':
      return `${a.outlet} says it happened ${ca} where ${b.outlet} says ${cb}; both cannot be true.`;
    case 'sequence':
      return `${a.outlet} places it ${ca} where ${b.outlet} places it ${cb}; the two orderings cannot both be true.`;
    case 'superlative':
      return `${a.outlet} calls it ${ca}; ${b.outlet} calls it ${cb}.`;
    case 'negation':
      // "was working" / "was not working" may be a state, not an event: say what each wrote; the "not" is in the words.
      return `${a.outlet} reports "${clip(a.text.trim())}" where ${b.outlet} reports the opposite: "${clip(b.text.trim())}"`;
    case 'quote': {
      const changes = (d.changes ?? []).map((c) => `"${c.from || '(nothing)'}" / "${c.to || '(nothing)'}"`).join(', ');
      return `${a.outlet} quotes "${bare(pa)}" where ${b.outlet} quotes "${bare(pb)}" (words that differ: ${changes}).`;
    }
    default:
      return `${a.outlet} says ${ca} where ${b.outlet} says ${cb}.`;
  }
}
