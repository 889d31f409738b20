// The provenance graph: which outlet relays whom (wire credits, near-copies, attributions, anonymous sources), as SVG and as a list.
import { ANONYMOUS_NODE, graphEdges, unlistedCopies, type Edge, type Kind } from './provenance-edges.js';
import { CiteList } from './cite.js';
import type { StoryData } from './story-data.js';

const KIND_TEXT: Record<Kind, string> = {
  'wire-credit': 'credits',
  'near-copy': 'republishes a near-copy of',
  attribution: 'attributes reporting to',
  anonymous: 'cites anonymous sources:',
};

/** Line patterns, so the kind never rests on colour alone. */
const DASH: Record<Kind, string> = { 'wire-credit': '', 'near-copy': '10 5', attribution: '2 5', anonymous: '7 3 2 3' };

/** Column of each node: 0 for what relays nothing, else one past the deepest thing it relays (cycles cut). */
function depths(nodes: readonly string[], edges: readonly Edge[]): Map<string, number> {
  const relays = new Map<string, string[]>();
  for (const e of edges) relays.set(e.to, [...(relays.get(e.to) ?? []), e.from]);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (n: string): number => {
    const known = depth.get(n);
    if (known !== undefined) return known;
    if (visiting.has(n)) return 0;
    visiting.add(n);
    const d = Math.max(-1, ...(relays.get(n) ?? []).map(visit)) + 1;
    visiting.delete(n);
    depth.set(n, d);
    return d;
  };
  for (const n of nodes) visit(n);
  return depth;
}

const COL_W = 250;
const BOX_W = 200;
const BOX_H = 30;
const ROW_H = 44;
const LABEL_CHARS = 26;

function clip(text: string): string {
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
}

export function ProvenanceGraph({ data }: { data: StoryData }) {
  const edges = graphEdges(data);
  const outlets = [...new Set(data.report.articles.map((a) => data.outlet(a.id)))];
  const nodes = [...new Set([...outlets, ...edges.flatMap((e) => [e.from, e.to])])];
  const depth = depths(nodes, edges);
  const columns: string[][] = [];
  for (const n of nodes) (columns[depth.get(n) ?? 0] ??= []).push(n);
  const pos = new Map<string, { x: number; y: number }>();
  columns.forEach((col, c) => col.forEach((n, r) => pos.set(n, { x: 10 + c * COL_W, y: 10 + r * ROW_H })));
  const width = 20 + Math.max(0, columns.length - 1) * COL_W + BOX_W;
  const height = 20 + Math.max(1, ...columns.map((c) => c.length)) * ROW_H;
  const independent = outlets.filter((o) => !edges.some((e) => e.to === o));
  return (
    <section aria-labelledby="prov-h" class="card" data-testid="provenance">
      <h2 id="prov-h">
        <span aria-hidden="true" class="icon">
          ⇄
        </span>{' '}
        Who relays whom
      </h2>
      <svg class="provenance" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="prov-h prov-desc" preserveAspectRatio="xMinYMin meet">
        <desc id="prov-desc">Arrows point from a source to the outlet that relays it; the list below says the same in words.</desc>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
          </marker>
        </defs>
        {edges.map((e, k) => {
          const a = pos.get(e.from);
          const b = pos.get(e.to);
          if (!a || !b) return null;
          // Several kinds between one pair run side by side instead of on top of each other.
          const pair = edges.filter((o) => o.from === e.from && o.to === e.to);
          const shift = (pair.indexOf(e) - (pair.length - 1) / 2) * 8;
          const x1 = a.x + BOX_W;
          const y1 = a.y + BOX_H / 2 + shift;
          const x2 = b.x;
          const y2 = b.y + BOX_H / 2 + shift;
          const bend = Math.max(30, (x2 - x1) / 2);
          const d = x2 > x1 ? `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` : `M${a.x + BOX_W / 2},${a.y + BOX_H} L${b.x + BOX_W / 2},${b.y}`;
          return (
            <path key={k} d={d} class={`edge edge-${e.kind}`} stroke-dasharray={DASH[e.kind] || undefined} marker-end="url(#arrow)">
              <title>{`${e.to} ${KIND_TEXT[e.kind]} ${e.label}`}</title>
            </path>
          );
        })}
        {nodes.map((n) => {
          const p = pos.get(n)!;
          const isOutlet = outlets.includes(n);
          return (
            <g key={n} class={isOutlet ? 'node node-outlet' : 'node node-source'}>
              <title>{n}</title>
              <rect x={p.x} y={p.y} width={BOX_W} height={BOX_H} rx={isOutlet ? 4 : 15} />
              <text x={p.x + 10} y={p.y + BOX_H / 2 + 5}>
                {isOutlet ? '' : n === ANONYMOUS_NODE ? '? ' : '○ '}
                {clip(n)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="legend-lines" aria-label="line styles">
        {(Object.keys(DASH) as Kind[]).map((k) => (
          <li key={k}>
            <svg width="44" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="44" y2="5" class={`edge edge-${k}`} stroke-dasharray={DASH[k] || undefined} />
            </svg>{' '}
            {k === 'wire-credit' ? 'credits a wire' : k === 'near-copy' ? 'near-copy (wire copy)' : k === 'attribution' ? 'attributes to' : 'anonymous sources'}
          </li>
        ))}
      </ul>
      <ul class="provenance-list">
        {data.report.provenance.map((p, k) => (
          <li key={k}>
            <strong>{p.outlet}</strong> {KIND_TEXT[p.kind]} <em>{p.relays}</em> <CiteList cites={p.cites.slice(0, 1)} data={data} />
          </li>
        ))}
        {/* near-copies the graph draws from the articles alone, so the list says everything the picture shows */}
        {unlistedCopies(data, edges).map((e) => (
          <li key={`copy:${e.from}:${e.to}`}>
            <strong>{e.to}</strong> {KIND_TEXT['near-copy']} <em>{e.from}</em>
          </li>
        ))}
        {independent.length ? <li>Reporting on its own (relays no one): {independent.join(', ')}</li> : null}
      </ul>
    </section>
  );
}
