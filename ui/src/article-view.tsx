// One article with its layers toggled on and off (entities, quotes and speakers, times, quantities) and its removed boilerplate.
import { useMemo, useState } from 'preact/hooks';
import { showDate } from './format.js';
import { textRuns, type LayerName, type LayerSpan } from './layers.js';
import type { Report, ReportArticle } from './report-types.js';
import { href } from './route.js';
import { outletOf } from './story-summary.js';

const LAYERS: ReadonlyArray<{ name: LayerName; label: string; key: string }> = [
  { name: 'entities', label: 'Entities', key: 'e' },
  { name: 'quotes', label: 'Quotes and speakers', key: 'q' },
  { name: 'times', label: 'Times', key: 't' },
  { name: 'quantities', label: 'Quantities', key: 'n' },
];

function articleSpans(report: Report, article: ReportArticle): LayerSpan[] {
  const id = article.id;
  const spans: LayerSpan[] = [];
  const entityName = new Map(report.entities.map((e) => [e.id, e.name]));
  for (const e of report.entities) {
    for (const m of e.mentions) if (m.article === id) spans.push({ layer: 'entities', start: m.start, end: m.end, tag: e.type.toLowerCase() });
  }
  for (const q of report.quotes) {
    if (q.article !== id) continue;
    const speaker = entityName.get(q.speaker.entity ?? '') ?? q.speaker.text ?? 'unknown speaker';
    spans.push({ layer: 'quotes', start: q.start, end: q.end, tag: `${q.kind} quote: ${speaker}` });
  }
  for (const t of report.times) if (t.article === id) spans.push({ layer: 'times', start: t.start, end: t.end, tag: t.value ? `time ${t.value}` : 'time' });
  for (const n of report.quantities) {
    if (n.article === id) spans.push({ layer: 'quantities', start: n.start, end: n.end, tag: `${n.qualifier === 'exact' ? '' : `${n.qualifier} `}${n.value}${n.unit ? ` ${n.unit}` : ''}` });
  }
  return spans;
}

export function ArticleView({ report, storyId, articleId }: { report: Report; storyId: string; articleId: string }) {
  const article = report.articles.find((a) => a.id === articleId);
  const [on, setOn] = useState<ReadonlySet<LayerName>>(new Set<LayerName>(['entities', 'quotes', 'times', 'quantities']));
  const spans = useMemo(() => (article ? articleSpans(report, article) : []), [report, article]);
  const runs = useMemo(() => (article ? textRuns(article.text.length, spans.filter((s) => on.has(s.layer))) : []), [article, spans, on]);
  if (!article) {
    return (
      <p class="error" role="alert">
        No article {articleId} in this story. <a href={href.story(storyId)}>Back to the story</a>
      </p>
    );
  }
  const toggle = (name: LayerName): void =>
    setOn((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  const counts = new Map<LayerName, number>();
  for (const s of spans) counts.set(s.layer, (counts.get(s.layer) ?? 0) + 1);
  return (
    <div class="article-page" data-testid="article-page">
      <nav class="crumbs" aria-label="breadcrumb">
        <a href={href.stories()}>All stories</a> › <a href={href.story(storyId)}>{report.stories[0]?.title ?? storyId}</a>
      </nav>
      <h1>{article.title ?? 'Untitled article'}</h1>
      <p class="meta">
        {outletOf(article)} · {showDate(article.published)}
        {article.byline ? ` · by ${article.byline}` : ''}
        {article.dateline ? ` · ${article.dateline}` : ''}
        {article.credits.length ? ` · credits ${article.credits.join(', ')}` : ''}
        {article.duplicateOf ? (
          <>
            {' · '}
            <span class="badge">near-copy</span> of <a href={href.article(storyId, article.duplicateOf)}>{article.duplicateOf}</a>
          </>
        ) : null}
      </p>
      <fieldset class="layers">
        <legend>Show layers</legend>
        {LAYERS.map((l) => (
          <label key={l.name} class={`layer-toggle layer-${l.name}`}>
            <input type="checkbox" checked={on.has(l.name)} onChange={() => toggle(l.name)} data-layer={l.name} /> <span class="swatch" aria-hidden="true" />
            {l.label} ({counts.get(l.name) ?? 0})
          </label>
        ))}
      </fieldset>
      <div class="article-body article-text" data-testid="article-text">
        {runs.map((r) => {
          const text = article.text.slice(r.start, r.end);
          if (!r.spans.length) return text;
          const classes = [...new Set(r.spans.map((s) => `l-${s.layer}`))].join(' ');
          return (
            <span key={r.start} class={classes} title={r.spans.map((s) => s.tag).join('; ')}>
              {r.opens.map((s, k) => (
                <span key={k} class={`tag tag-${s.layer}`}>
                  {s.tag}
                </span>
              ))}
              {text}
            </span>
          );
        })}
      </div>
      {article.removed.length ? (
        <section aria-labelledby="removed-h" class="removed">
          <h2 id="removed-h">Removed while cleaning ({article.removed.length})</h2>
          <ul>
            {article.removed.map((r, k) => (
              <li key={k} data-testid="removed-item">
                <span class="badge reason">removed: {r.reason}</span> <span class="removed-text">{r.text}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {article.diagnostics.length ? (
        <section aria-labelledby="diag-h">
          <h2 id="diag-h">Diagnostics</h2>
          <ul>
            {article.diagnostics.map((d, k) => (
              <li key={k}>
                <span class="badge">{d.severity}</span> {d.stage}/{d.rule}: {d.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
