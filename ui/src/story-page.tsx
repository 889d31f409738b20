// One story: the brief with its sources, where accounts differ, quote variants, timeline, coverage grid and provenance.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Cite, Report } from './report-types.js';
import { BriefView } from './brief-view.js';
import { CiteContext, SourcePanel } from './cite.js';
import { CoverageGrid } from './coverage-grid.js';
import { DifferencesView } from './differences.js';
import { dateRange, listWords, plural } from './format.js';
import { ProvenanceGraph } from './provenance-graph.js';
import { QuoteVariantsView } from './quote-variants.js';
import { href } from './route.js';
import { sameCite, storyData } from './story-data.js';
import { summarizeStories } from './story-summary.js';
import { TimelineView } from './timeline-view.js';

/** Performance mark set once the story page has painted its content (read by the browser benchmark). */
export const STORY_RENDERED_MARK = 'parallax:story-rendered';

export function StoryPage({ report, storyId }: { report: Report; storyId: string }) {
  const data = useMemo(() => storyData(report, storyId), [report, storyId]);
  const summary = useMemo(() => summarizeStories(report).find((s) => s.id === storyId), [report, storyId]);
  const [shown, setShown] = useState<Cite | null>(null);
  const [pinned, setPinned] = useState<Cite | null>(null);
  const cites = useMemo(
    () => ({ shown, pinned, show: setShown, pin: (c: Cite) => setPinned((p) => (sameCite(p, c) ? null : c)) }),
    [shown, pinned],
  );
  // The sections depend only on the story; hovering a source re-renders just the chips and the panel (CiteContext consumers).
  const main = useMemo(
    () => (
      <div class="story-main">
        <BriefView data={data} />
        <DifferencesView data={data} />
        <QuoteVariantsView data={data} />
        <TimelineView data={data} />
        <CoverageGrid data={data} />
        <ProvenanceGraph data={data} />
        <section aria-labelledby="articles-h" class="card">
          <h2 id="articles-h">Articles</h2>
          <ul class="article-list">
            {report.articles.map((a) => (
              <li key={a.id}>
                <a href={href.article(storyId, a.id)}>{data.outlet(a.id)}</a>: {a.title ?? 'untitled'}
                {a.duplicateOf ? <span class="badge">near-copy of {data.outlet(a.duplicateOf)}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    ),
    [data, report, storyId],
  );
  useEffect(() => {
    if (typeof performance !== 'undefined' && !performance.getEntriesByName(STORY_RENDERED_MARK).length) performance.mark(STORY_RENDERED_MARK);
  }, []);
  useEffect(() => {
    document.title = `${data.title} · Parallax`;
  }, [data.title]);
  return (
    <CiteContext.Provider value={cites}>
      <div class="story-page" data-testid="story-page">
        <nav class="crumbs" aria-label="breadcrumb">
          <a href={href.stories()}>← All stories</a>
        </nav>
        <h1>{data.title}</h1>
        {summary ? (
          <p class="meta">
            {dateRange(summary.firstDate, summary.lastDate)} · {plural(summary.articles, 'article')} from {listWords(summary.outlets)} ·{' '}
            {plural(summary.independentSources, 'independent source')} · {plural(summary.claims, 'claim')} ·{' '}
            <span class={summary.disputed ? 'disputed-count' : ''}>
              {summary.disputed ? <span aria-hidden="true">⚠ </span> : null}
              {summary.disputed} disputed
            </span>
          </p>
        ) : null}
        <nav class="toc" aria-label="sections">
          <a href="#brief-h" onClick={jump('brief-h')}>Brief</a> · <a href="#diff-h" onClick={jump('diff-h')}>Where accounts differ</a> ·{' '}
          <a href="#quotes-h" onClick={jump('quotes-h')}>Quotes</a> · <a href="#timeline-h" onClick={jump('timeline-h')}>Timeline</a> ·{' '}
          <a href="#coverage-h" onClick={jump('coverage-h')}>Coverage</a> · <a href="#prov-h" onClick={jump('prov-h')}>Provenance</a> ·{' '}
          <a href="#articles-h" onClick={jump('articles-h')}>Articles</a>
        </nav>
        <div class="story-layout">
          {main}
          <SourcePanel data={data} />
        </div>
      </div>
    </CiteContext.Provider>
  );
}

/** In-page links would change the hash route; scroll and move focus instead. */
function jump(id: string) {
  return (event: Event): void => {
    event.preventDefault();
    const target = document.getElementById(id);
    if (!target) return;
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
}
