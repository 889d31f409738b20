// Hash routes (#/, #/?q=, #/stories/ID, #/stories/ID/articles/ID, #/articles/ID): no server route is needed, and file:// works.

export type Route =
  | { readonly page: 'stories'; readonly query: string }
  | { readonly page: 'story'; readonly story: string }
  | { readonly page: 'article'; readonly story: string; readonly article: string }
  | { readonly page: 'find-article'; readonly article: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [pathname = '/', queryString = ''] = path.split('?', 2);
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'stories' && parts[1] && parts[2] === 'articles' && parts[3]) return { page: 'article', story: parts[1], article: parts[3] };
  if (parts[0] === 'stories' && parts[1]) return { page: 'story', story: parts[1] };
  if (parts[0] === 'articles' && parts[1]) return { page: 'find-article', article: parts[1] };
  return { page: 'stories', query: new URLSearchParams(queryString).get('q') ?? '' };
}

export const href = {
  stories: (query = ''): string => (query ? `#/?q=${encodeURIComponent(query)}` : '#/'),
  story: (id: string): string => `#/stories/${encodeURIComponent(id)}`,
  article: (story: string, article: string): string => `#/stories/${encodeURIComponent(story)}/articles/${encodeURIComponent(article)}`,
  findArticle: (article: string): string => `#/articles/${encodeURIComponent(article)}`,
};
