// "Where accounts differ": each conflict between two claims, both passages side by side with the differing words marked.
import { useMemo } from 'preact/hooks';
import type { Cite, Conflict } from './report-types.js';
import { CiteChip } from './cite.js';
import { DiffText } from './diff-view.js';
import { href } from './route.js';
import type { StoryData } from './story-data.js';
import { wordDiff } from './word-diff.js';

const KIND_LABEL: Record<Conflict['kind'], string> = {
  number: 'Numbers differ',
  time: 'Times differ',
  sequence: 'Order of events differs',
  quote: 'Quoted differently',
  superlative: 'Superlative differs',
  negation: 'One says the opposite',
  other: 'Accounts differ',
};

export interface Difference {
  readonly key: string;
  readonly kind: Conflict['kind'];
  readonly explanation: string;
  readonly left: Cite;
  readonly right: Cite;
}

/** One entry per pair of conflicting claims and kind (a conflict is listed on both of its claims). */
export function differences(data: StoryData): Difference[] {
  const seen = new Set<string>();
  const out: Difference[] = [];
  for (const claim of data.report.claims) {
    for (const conflict of claim.conflicts) {
      const key = `${[claim.id, conflict.claim].sort().join('|')}|${conflict.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const left = conflict.cites[0] ?? claim.mentions[0];
      const right = conflict.cites[1] ?? data.claim(conflict.claim)?.mentions[0];
      if (!left || !right) continue;
      out.push({ key, kind: conflict.kind, explanation: conflict.explanation, left, right });
    }
  }
  return out;
}

function Side({ cite, data, parts, side }: { cite: Cite; data: StoryData; parts: Parameters<typeof DiffText>[0]['parts']; side: 'a' | 'b' }) {
  return (
    <figure class={`side side-${side}`} data-testid="difference-side">
      <figcaption>
        <span class="side-mark" aria-hidden="true">
          {side === 'a' ? 'A' : 'B'}
        </span>{' '}
        <a href={href.article(data.storyId, cite.article)}>{data.outlet(cite.article)}</a> <CiteChip cite={cite} data={data} label="show in article" />
      </figcaption>
      <blockquote class="passage">
        <DiffText parts={parts} side={side} />
      </blockquote>
    </figure>
  );
}

export function DifferencesView({ data }: { data: StoryData }) {
  const items = useMemo(() => differences(data), [data]);
  return (
    <section aria-labelledby="diff-h" class="card" data-testid="differences">
      <h2 id="diff-h">
        <span aria-hidden="true" class="icon">
          ⚠
        </span>{' '}
        Where accounts differ <span class="count">({items.length})</span>
      </h2>
      {!items.length ? <p class="hint">No conflicting accounts were found.</p> : null}
      <p class="legend">
        Words only in account A are <del class="diff diff-a">struck through</del>; words only in account B are <ins class="diff diff-b">underlined</ins>.
      </p>
      {items.map((d) => {
        const diff = wordDiff(data.passage(d.left), data.passage(d.right));
        return (
          <article key={d.key} class="difference" data-kind={d.kind} data-testid="difference">
            <h3>
              <span class={`badge kind-${d.kind}`}>{KIND_LABEL[d.kind]}</span>
            </h3>
            <p class="explanation">{d.explanation}</p>
            <div class="sides">
              <Side cite={d.left} data={data} parts={diff.a} side="a" />
              <Side cite={d.right} data={data} parts={diff.b} side="b" />
            </div>
          </article>
        );
      })}
    </section>
  );
}
