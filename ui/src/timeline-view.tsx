// The timeline: dated claims in order, each with its status spelled out and its sources.
import type { Claim } from './report-types.js';
import { CiteList } from './cite.js';
import { showDate } from './format.js';
import type { StoryData } from './story-data.js';

export const STATUS_LABEL: Record<Claim['status'], { icon: string; text: string }> = {
  corroborated: { icon: '✓', text: 'corroborated' },
  'single-source': { icon: '①', text: 'single source' },
  disputed: { icon: '⚠', text: 'disputed' },
};

export function StatusBadge({ status }: { status: Claim['status'] }) {
  const s = STATUS_LABEL[status];
  return (
    <span class={`badge status-${status}`}>
      <span aria-hidden="true">{s.icon} </span>
      {s.text}
    </span>
  );
}

export function TimelineView({ data }: { data: StoryData }) {
  const entries = [...data.report.timeline].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section aria-labelledby="timeline-h" class="card" data-testid="timeline">
      <h2 id="timeline-h">
        <span aria-hidden="true" class="icon">
          ◷
        </span>{' '}
        Timeline <span class="count">({entries.length})</span>
      </h2>
      {!entries.length ? <p class="hint">No dated claims.</p> : null}
      <ol class="timeline">
        {entries.map((t, k) => {
          const statuses = [...new Set(t.claims.map((c) => data.claim(c)?.status).filter((s): s is Claim['status'] => s !== undefined))];
          return (
            <li key={k}>
              <time dateTime={t.date}>{showDate(t.date)}</time>
              <div>
                <span>{t.label}</span> {statuses.map((s) => <StatusBadge key={s} status={s} />)} <CiteList cites={t.cites} data={data} />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
