// Citations: a chip per cited passage; hovering, focusing or clicking it shows the passage highlighted in its article.
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Cite } from './report-types.js';
import { href } from './route.js';
import { sameCite, type StoryData } from './story-data.js';
import { showDate } from './format.js';

export interface CiteState {
  readonly shown: Cite | null;
  readonly pinned: Cite | null;
  show(cite: Cite | null): void;
  pin(cite: Cite): void;
}

export const CiteContext = createContext<CiteState>({ shown: null, pinned: null, show: () => {}, pin: () => {} });

export function CiteChip({ cite, data, label }: { cite: Cite; data: StoryData; label?: string }) {
  const state = useContext(CiteContext);
  const pinned = sameCite(state.pinned, cite);
  const text = label ?? data.outlet(cite.article);
  return (
    <button
      type="button"
      class={`cite${pinned ? ' cite-pinned' : ''}`}
      aria-pressed={pinned}
      title={`Show the passage in ${text} (characters ${cite.start}–${cite.end})`}
      data-article={cite.article}
      data-start={cite.start}
      data-end={cite.end}
      onMouseEnter={() => state.show(cite)}
      onMouseLeave={() => state.show(null)}
      onFocus={() => state.show(cite)}
      onBlur={() => state.show(null)}
      onClick={() => state.pin(cite)}
    >
      <span aria-hidden="true">¶ </span>
      {text}
    </button>
  );
}

/** Chips shown before "+N more": a claim carried by fifty outlets should not bury the line under fifty chips. */
export const CITES_SHOWN = 4;

export function CiteList({ cites, data }: { cites: readonly Cite[]; data: StoryData }) {
  const [all, setAll] = useState(false);
  if (!cites.length) return null;
  const shown = all ? cites : cites.slice(0, CITES_SHOWN);
  const hidden = cites.length - shown.length;
  return (
    <span class="cites" role="group" aria-label="sources">
      {shown.map((c) => (
        <CiteChip key={`${c.article}:${c.start}:${c.end}`} cite={c} data={data} />
      ))}
      {hidden > 0 ? (
        <button type="button" class="cite cite-more" aria-expanded="false" onClick={() => setAll(true)}>
          +{hidden} more
        </button>
      ) : null}
    </span>
  );
}

/** The article of the shown (or pinned) citation, its passage marked and scrolled into view. */
export function SourcePanel({ data }: { data: StoryData }) {
  const state = useContext(CiteContext);
  const cite = state.shown ?? state.pinned;
  const panel = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    const box = panel.current;
    const m = mark.current;
    if (!box || !m || box.scrollHeight <= box.clientHeight) return;
    box.scrollTop = Math.max(0, m.offsetTop - box.offsetTop - box.clientHeight / 3);
  }, [cite?.article, cite?.start, cite?.end]);
  const article = cite ? data.article(cite.article) : undefined;
  return (
    <aside class={`source-panel${cite && article ? '' : ' empty'}`} aria-label="cited passage" aria-live="polite" data-testid="source-panel">
      <div class="source-scroll" ref={panel}>
        {!cite || !article ? (
          <p class="hint">Hover, focus or click a source (¶) to see the passage it cites, highlighted in its article.</p>
        ) : (
          <>
            <h3 class="source-title">
              {data.outlet(article.id)}
              {state.pinned && sameCite(state.pinned, cite) ? (
                <button type="button" class="unpin" onClick={() => state.pin(cite)}>
                  <span aria-hidden="true">✕ </span>close
                </button>
              ) : null}
            </h3>
            <p class="meta">
              {article.title ?? 'untitled'} · {showDate(article.published)} · <a href={href.article(data.storyId, article.id)}>open article</a>
            </p>
            <p class="article-text">
              {article.text.slice(0, cite.start)}
              <mark class="cited" data-testid="cited-passage" ref={mark}>
                <span class="sr-only">[cited passage begins] </span>
                <span class="cited-text">{article.text.slice(cite.start, cite.end)}</span>
                <span class="sr-only"> [cited passage ends]</span>
              </mark>
              {article.text.slice(cite.end)}
            </p>
          </>
        )}
      </div>
    </aside>
  );
}
