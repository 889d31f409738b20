// The app shell: header, hash router, and loading of the story a route needs from the data source.
import { useEffect, useState } from 'preact/hooks';
import { ArticleView } from './article-view.js';
import type { DataSource } from './data-source.js';
import type { Report } from './report-types.js';
import { href, parseRoute, type Route } from './route.js';
import { StoryList } from './story-list.js';
import { StoryPage } from './story-page.js';

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'error'; message: string } | { state: 'ready'; report: Report };

function useStory(source: DataSource, storyId: string | null): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    if (!storyId) return;
    let live = true;
    setLoaded({ state: 'loading' });
    source
      .story(storyId)
      .then((report) => live && setLoaded(report ? { state: 'ready', report } : { state: 'missing' }))
      .catch((e: unknown) => live && setLoaded({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [source, storyId]);
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
  const loaded = useStory(source, route.story);
  if (loaded.state === 'loading') return <p aria-busy="true">Loading story…</p>;
  if (loaded.state === 'missing') return <p role="alert">No story {route.story}.</p>;
  if (loaded.state === 'error') return <p role="alert">Could not load story {route.story}: {loaded.message}</p>;
  return route.page === 'story' ? (
    <StoryPage report={loaded.report} storyId={route.story} />
  ) : (
    <ArticleView report={loaded.report} storyId={route.story} articleId={route.article} />
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
          <StoryList source={source} query={route.query} />
        ) : route.page === 'find-article' ? (
          <FindArticle source={source} articleId={route.article} />
        ) : (
          <StoryRoute source={source} route={route} />
        )}
      </main>
    </>
  );
}
