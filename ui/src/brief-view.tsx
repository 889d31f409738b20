// The brief: each line of the cross-checked account with its cited sources, grouped by section.
import type { Report } from './report-types.js';
import { CiteList } from './cite.js';
import type { StoryData } from './story-data.js';

const SECTIONS: ReadonlyArray<{ key: Report['brief'][number]['section']; title: string; icon: string }> = [
  { key: 'confirmed', title: 'Confirmed by several sources', icon: '✓' },
  { key: 'disputed', title: 'Disputed', icon: '⚠' },
  { key: 'single-source', title: 'Reported by one source only', icon: '①' },
  { key: 'quotes', title: 'Who said what', icon: '“' },
  { key: 'timeline', title: 'How the story moved', icon: '◷' },
  { key: 'sources', title: 'Sources', icon: '⇄' },
];

/** Lines shown per section before "show all". */
const FOLDED = 6;

export function BriefView({ data }: { data: StoryData }) {
  const brief = data.report.brief;
  return (
    <section aria-labelledby="brief-h" class="card">
      <h2 id="brief-h">Brief</h2>
      {!brief.length ? <p class="hint">No brief lines for this story.</p> : null}
      {SECTIONS.map(({ key, title, icon }) => {
        const lines = brief.filter((b) => b.section === key).sort((x, y) => (y.score ?? 0) - (x.score ?? 0));
        if (!lines.length) return null;
        const head = lines.slice(0, FOLDED);
        const rest = lines.slice(FOLDED);
        const item = (b: (typeof lines)[number], k: number) => (
          <li key={k} class={`brief-line brief-${key}`}>
            <span class="brief-text">{b.text}</span> <CiteList cites={b.cites} data={data} />
          </li>
        );
        return (
          <div key={key} class="brief-section">
            <h3>
              <span aria-hidden="true" class="icon">
                {icon}
              </span>{' '}
              {title} <span class="count">({lines.length})</span>
            </h3>
            <ul>{head.map(item)}</ul>
            {rest.length ? (
              <details>
                <summary>Show {rest.length} more</summary>
                <ul>{rest.map((b, k) => item(b, k + FOLDED))}</ul>
              </details>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
