// The story list: title, date range, outlets, independent sources and disputed count, with search over stories and articles.
import { useEffect, useState } from 'preact/hooks';
import type { DataSource } from './data-source.js';
import { dateRange, plural } from './format.js';
import type { SearchHit, StorySummary } from './report-types.js';
import { UpdateNotice, useChanged } from './live-updates.js';
import { href } from './route.js';

export function StoryList({ source, query }: { source: DataSource; query: string }) {
  const [draft, setDraft] = useState(query);
  const [stories, setStories] = useState<StorySummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [hits, setHits] = useState<readonly SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const changed = useChanged(source, { kind: 'stories', query }, stories);

  useEffect(() => {
    let live = true;
    if (revision === 0) setDraft(query);
    setError(null);
    setSearchError(null);
    // A rejected search query (the API answers 400) leaves the story list standing.
    const articleHits = source.search(query).catch((e: unknown) => {
      if (live) setSearchError(e instanceof Error ? e.message : String(e));
      return { items: [], next: null };
    });
    Promise.all([source.stories(query, null), articleHits])
      .then(([page, found]) => {
        if (!live) return;
        setStories([...page.items]);
        setNext(page.next);
        setHits(found.items);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [source, query, revision]);

  const more = (): void => {
    if (!next) return;
    source
      .stories(query, next)
      .then((page) => {
        setStories((s) => [...(s ?? []), ...page.items]);
        setNext(page.next);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <div data-testid="story-list">
      <h1>Stories</h1>
      <form
        role="search"
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = href.stories(draft.trim());
        }}
      >
        <label for="q">Search stories and articles</label>
        <div class="search-row">
          <input id="q" type="search" value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
          <button type="submit">Search</button>
        </div>
      </form>
      {changed ? <UpdateNotice what="The story list" onRefresh={() => setRevision((r) => r + 1)} /> : null}
      {error ? (
        <p class="error" role="alert">
          Could not load stories: {error}
        </p>
      ) : null}
      {stories === null && !error ? <p aria-busy="true">Loading…</p> : null}
      {stories !== null && !stories.length ? <p class="hint">{query ? `No story matches “${query}”.` : 'No stories yet.'}</p> : null}
      <ul class="stories">
        {(stories ?? []).map((s) => (
          <li key={s.id} class="story-card">
            <h2>
              <a href={href.story(s.id)}>{s.title}</a>
            </h2>
            <p class="meta">
              {dateRange(s.firstDate, s.lastDate)} · {plural(s.articles, 'article')} · {plural(s.independentSources, 'independent source')} ·{' '}
              {plural(s.claims, 'claim')} ·{' '}
              <span class={s.disputed ? 'disputed-count' : ''}>
                {s.disputed ? <span aria-hidden="true">⚠ </span> : null}
                {s.disputed} disputed
              </span>
            </p>
            <p class="outlets">Outlets: {s.outlets.join(', ')}</p>
          </li>
        ))}
      </ul>
      {next ? (
        <button type="button" onClick={more}>
          More stories
        </button>
      ) : null}
      {searchError ? <p class="hint">Article search: {searchError}</p> : null}
      {hits.length ? (
        <section aria-labelledby="hits-h">
          <h2 id="hits-h">Articles mentioning “{query}”</h2>
          <ul class="hits">
            {hits.map((h) => (
              <li key={h.article}>
                <a href={href.findArticle(h.article)}>
                  {h.outlet ?? 'unknown outlet'}: {h.title ?? 'untitled'}
                </a>
                <p class="snippet">{h.snippet}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
