// The app shell: header, hash router, and loading of the story a route needs from the data source.
import { useEffect, useState } from 'preact/hooks';
import { ArticleView } from './article-view.js';
import type { DataSource } from './data-source.js';
import type { Report } from './report-types.js';
import { UpdateNotice, useChanged } from './live-updates.js';
import { href, parseRoute, type Route } from './route.js';
import { StoryList } from './story-list.js';
import { StoryPage } from './story-page.js';

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'error'; message: string } | { state: 'ready'; report: Report };

/** The story a report is about: the route's id, or the story that absorbed it when a merge moved it (the API redirects). */
export function storyShown(report: Report, asked: string): string {
  return report.stories.some((s) => s.id === asked) ? asked : (report.stories[0]?.id ?? asked);
}

/** Loads the story; `revision` bumps reload it in place (the page keeps showing the old one until the new one is in). */
function useStory(source: DataSource, storyId: string | null, revision: number): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    if (!storyId) return;
    let live = true;
    if (revision === 0) setLoaded({ state: 'loading' });
    source
      .story(storyId)
      .then((report) => live && setLoaded(report ? { state: 'ready', report } : { state: 'missing' }))
      .catch((e: unknown) => live && setLoaded({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [source, storyId, revision]);
  return loaded;
}

function FindArticle({ source, articleId }: { source: DataSource; articleId: string }) {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    source
      .storyOfArticle(articleId)
      .then((story) => (story ? location.replace(href.article(story, articleId)) : setMissing(true)))
      .catch(() => setMissing(true));
  }, [source, articleId]);
  return missing ? <p role="alert">No story contains article {articleId}.</p> : <p aria-busy="true">Loading…</p>;
}

function StoryRoute({ source, route }: { source: DataSource; route: Extract<Route, { page: 'story' | 'article' }> }) {
  // (keyed by story id in App, so a new story starts at revision 0)
  const [revision, setRevision] = useState(0);
  const loaded = useStory(source, route.story, revision);
  const report = loaded.state === 'ready' ? loaded.report : null;
  const changed = useChanged(source, { kind: 'story', id: route.story }, report);
  // A merge moved this story into another: show it under the id it lives on (the old link keeps working).
  const moved = report ? storyShown(report, route.story) : route.story;
  useEffect(() => {
    if (moved === route.story) return;
    location.replace(route.page === 'story' ? href.story(moved) : href.article(moved, route.article));
  }, [moved, route]);
  if (loaded.state === 'loading') return <p aria-busy="true">Loading story…</p>;
  if (loaded.state === 'missing') return <p role="alert">No story {route.story}.</p>;
  if (loaded.state === 'error') return <p role="alert">Could not load story {route.story}: {loaded.message}</p>;
  return (
    <>
      {changed ? <UpdateNotice what="This story" onRefresh={() => setRevision((r) => r + 1)} /> : null}
      {route.page === 'story' ? (
        <StoryPage report={loaded.report} storyId={moved} />
      ) : (
        <ArticleView report={loaded.report} storyId={moved} articleId={route.article} />
      )}
    </>
  );
}

export function App({ source }: { source: DataSource }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = (): void => {
      setRoute(parseRoute(location.hash));
      window.scrollTo(0, 0);
      document.getElementById('main')?.focus({ preventScroll: true });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header class="top">
        <a href={href.stories()} class="brand">
          Parallax
        </a>
        <span class="source-kind">{source.kind === 'inline' ? 'offline report' : 'live'}</span>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'stories' ? (
          <StoryList key={route.query} source={source} query={route.query} />
        ) : route.page === 'find-article' ? (
          <FindArticle source={source} articleId={route.article} />
        ) : (
          <StoryRoute key={route.story} source={source} route={route} />
        )}
      </main>
    </>
  );
}
