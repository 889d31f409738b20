// What changed in a story when new articles arrived: conflicts and figure updates that cite a new article, as events and one-line text.
import type { Report } from '../report/schema.js';
import { terminalLine } from './terminal-line.js';

export interface Cite {
  readonly article: string;
  readonly start: number;
  readonly end: number;
}

export interface ConflictEvent {
  readonly type: 'conflict';
  readonly story: string;
  readonly claim: string;
  readonly kind: string;
  /** The outlet of the new article first. */
  readonly outlets: readonly string[];
  readonly explanation: string;
  readonly cites: readonly Cite[];
  /** Sanitized terminal line. */
  readonly line: string;
  /** Identity across re-analyses (claim ids may be renumbered). */
  readonly key: string;
}

export interface FigureEvent {
  readonly type: 'figure-change';
  readonly story: string;
  readonly claim: string;
  readonly from: number;
  readonly to: number;
  /** What is counted ("killed", "people", ...), null when nothing names it. */
  readonly what: string | null;
  readonly outlet: string | null;
  readonly previousOutlet: string | null;
  readonly first: string;
  readonly last: string;
  readonly line: string;
  readonly key: string;
}

export type StoryEvent = ConflictEvent | FigureEvent;

const citeKey = (c: Cite): string => `${c.article}:${c.start}-${c.end}`;

/** Drops the long parenthesized sentence quotes an explanation carries, keeping its "X says A where Y says B" frame. */
function shortExplanation(text: string): string {
  return text.replace(/\s*\("[^"]{40,}"\)/g, '');
}

function conflictEvents(report: Report, story: string, fresh: ReadonlySet<string>, outletOf: (id: string) => string): ConflictEvent[] {
  const byKey = new Map<string, ConflictEvent>();
  for (const claim of report.claims) {
    for (const conflict of claim.conflicts) {
      if (!conflict.cites.some((c) => fresh.has(c.article))) continue;
      const key = `conflict|${story}|${conflict.kind}|${conflict.cites.map(citeKey).sort().join(',')}`;
      // the two claims of a conflict each carry it; keep the wording that puts a new article first
      const leadsWithNew = fresh.has(conflict.cites[0]?.article ?? '');
      const known = byKey.get(key);
      if (known && !(leadsWithNew && !fresh.has(known.cites[0]?.article ?? ''))) continue;
      const outlets = [...new Set(conflict.cites.map((c) => outletOf(c.article)))];
      byKey.set(key, {
        type: 'conflict',
        story,
        claim: claim.id,
        kind: conflict.kind,
        outlets,
        explanation: conflict.explanation,
        cites: conflict.cites,
        line: terminalLine(`${story}: new ${conflict.kind} conflict: ${shortExplanation(conflict.explanation)}`),
        key,
      });
    }
  }
  return [...byKey.values()];
}

function figureEvents(report: Report, story: string, fresh: ReadonlySet<string>, outletOf: (id: string) => string): FigureEvent[] {
  const published = new Map(report.articles.map((a) => [a.id, a.published]));
  const out: FigureEvent[] = [];
  for (const claim of report.claims) {
    const e = claim.evolution;
    if (!e || !claim.mentions.some((m) => fresh.has(m.article))) continue;
    const at = (iso: string) => claim.mentions.find((m) => published.get(m.article) === iso);
    const last = at(e.last);
    const first = at(e.first);
    const quantity = last
      ? report.quantities.find((q) => q.article === last.article && q.value === e.to && q.start >= last.start && q.end <= last.end)
      : undefined;
    const what = quantity?.role ?? quantity?.unit ?? null;
    const outlet = last ? outletOf(last.article) : null;
    const previousOutlet = first ? outletOf(first.article) : null;
    const figure = (n: number): string => (what ? `${n} ${what}` : String(n));
    const line = terminalLine(`${story}: ${outlet ?? 'a later report'} now says ${figure(e.to)} where ${previousOutlet ?? 'an earlier report'} said ${e.from} (update)`);
    out.push({ type: 'figure-change', story, claim: claim.id, from: e.from, to: e.to, what, outlet, previousOutlet, first: e.first, last: e.last, line, key: `figure|${story}|${e.from}|${e.to}|${e.first}|${e.last}` });
  }
  return out;
}

/** Events of one stored story report that involve at least one of the `fresh` articles. */
export function storyEvents(report: Report, story: string, fresh: ReadonlySet<string>): StoryEvent[] {
  const outlets = new Map(report.articles.map((a) => [a.id, a.outlet ?? a.source.url ?? a.source.path ?? a.id]));
  const outletOf = (id: string): string => outlets.get(id) ?? id;
  return [...conflictEvents(report, story, fresh, outletOf), ...figureEvents(report, story, fresh, outletOf)];
}
