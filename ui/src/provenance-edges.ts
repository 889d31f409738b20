// The edges of the provenance graph: who relays whom, from the report's provenance and from near-copies between articles.
import type { Provenance } from './report-types.js';
import type { StoryData } from './story-data.js';

export type Kind = Provenance['kind'];

export interface Edge {
  readonly from: string; // the source relayed
  readonly to: string; // the outlet relaying it
  readonly kind: Kind;
  readonly label: string;
}

export const ANONYMOUS_NODE = 'anonymous sources';

/** One edge per source, relaying outlet and kind; an outlet never relays itself. */
export function graphEdges(data: StoryData): Edge[] {
  const edges = new Map<string, Edge>();
  const add = (e: Edge): void => {
    const key = `${e.from}|${e.to}|${e.kind}`;
    if (!edges.has(key)) edges.set(key, e);
  };
  for (const p of data.report.provenance) {
    add({ from: p.kind === 'anonymous' ? ANONYMOUS_NODE : p.relays, to: p.outlet, kind: p.kind, label: p.relays });
  }
  // Wire copies the report did not list as provenance still show: duplicateOf names the original.
  for (const a of data.report.articles) {
    if (a.duplicateOf && data.article(a.duplicateOf)) {
      const from = data.outlet(a.duplicateOf);
      const to = data.outlet(a.id);
      if (from !== to) add({ from, to, kind: 'near-copy', label: from });
    }
  }
  return [...edges.values()].filter((e) => e.from !== e.to);
}

/** Near-copies the graph draws from the articles alone (no provenance row says them): the list names these too. */
export function unlistedCopies(data: StoryData, edges: readonly Edge[]): Edge[] {
  return edges.filter((e) => e.kind === 'near-copy' && !data.report.provenance.some((p) => p.kind === 'near-copy' && p.outlet === e.to && p.relays === e.from));
}
