// RSS 2.0, Atom and JSON Feed: one raw article per item, full content when present, else the summary.
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { RawHints, IngestItem } from '../core/raw-article.js';
import { failure } from './reader-diagnostics.js';
import type { Json } from './provenanced.js';
import type { Diagnostic } from '../core/diagnostics.js';

/** An element of htmlparser2's own tree (the feed reader uses its DomUtils). */
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

const STAGE = 'ingest.feed';
/** Element nesting an item may reach; a deeper item is refused (its neighbours are kept), since no feed needs it. */
export const MAX_FEED_DEPTH = 256;

interface FeedItem {
  readonly content: string | null;
  readonly hints: RawHints;
  /** Why the item cannot be read (nesting past MAX_FEED_DEPTH); its neighbours are read as usual. */
  readonly refused?: string;
}

/** Reads one item, or refuses it when it nests too deep: one hostile item never costs the feed its other items. */
function guardedItem(el: Element, read: (el: Element) => FeedItem): FeedItem {
  const depth = nestingDepth(el, MAX_FEED_DEPTH);
  if (depth > MAX_FEED_DEPTH) return { content: null, hints: {}, refused: `nests elements more than ${MAX_FEED_DEPTH} deep` };
  try {
    return read(el);
  } catch (err) {
    return { content: null, hints: {}, refused: `cannot be read (${(err as Error).message})` };
  }
}

function child(el: Element, ...names: string[]): Element | null {
  for (const c of el.children) if (c.type === 'tag' && names.includes(c.name.toLowerCase())) return c;
  return null;
}

type Node = Element['children'][number];

/** Text of a subtree, walked with an explicit stack (DomUtils.textContent recurses and overflows on deep nesting). */
function textContent(el: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.type === 'text' || node.type === 'cdata') {
      if ('data' in node) parts.push(node.data);
      else for (const c of node.children) if ('data' in c) parts.push(c.data);
    } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
    }
  }
  return parts.join('');
}

/** Deepest element nesting below `el`, walked with an explicit stack; stops counting once past `limit`. */
export function nestingDepth(el: Element, limit: number): number {
  let deepest = 0;
  const stack: { node: Node; depth: number }[] = [{ node: el, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop() as { node: Node; depth: number };
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    if ('children' in node) for (const c of node.children) if (c.type === 'tag') stack.push({ node: c, depth: depth + 1 });
  }
  return deepest;
}

function text(el: Element | null): string | null {
  if (!el) return null;
  const t = textContent(el).trim();
  return t || null;
}

function hintsOf(fields: Record<string, string | null | undefined>): RawHints {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v) out[k] = v.replace(/\s+/g, ' ').trim();
  return out as RawHints;
}

function rssItems(channel: Element, outlet: string | null): FeedItem[] {
  return channel.children
    .filter((c): c is Element => c.type === 'tag' && c.name.toLowerCase() === 'item')
    .map((el) => guardedItem(el, (item) => ({
      content: text(child(item, 'content:encoded')) ?? text(child(item, 'description')),
      hints: hintsOf({
        title: text(child(item, 'title')),
        url: text(child(item, 'link')) ?? text(child(item, 'guid')),
        published: text(child(item, 'pubdate', 'dc:date')),
        byline: text(child(item, 'dc:creator', 'author')),
        outlet,
      }),
    })));
}

function atomContent(el: Element | null): string | null {
  if (!el) return null;
  if ((el.attribs['type'] ?? '') === 'xhtml') return DomUtils.getInnerHTML(el).trim() || null;
  return text(el);
}

function atomItems(feed: Element, outlet: string | null): FeedItem[] {
  return feed.children
    .filter((c): c is Element => c.type === 'tag' && c.name.toLowerCase() === 'entry')
    .map((el) => guardedItem(el, (entry) => {
      const links = entry.children.filter((c): c is Element => c.type === 'tag' && c.name === 'link');
      const link = links.find((l) => (l.attribs['rel'] ?? 'alternate') === 'alternate') ?? links[0];
      const author = child(entry, 'author');
      return {
        content: atomContent(child(entry, 'content')) ?? atomContent(child(entry, 'summary')),
        hints: hintsOf({
          title: text(child(entry, 'title')),
          url: link?.attribs['href'],
          published: text(child(entry, 'published')) ?? text(child(entry, 'updated')),
          byline: author ? text(child(author, 'name')) ?? text(author) : null,
          outlet,
        }),
      };
    }));
}


function jsonStr(v: Json | undefined): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}

function jsonFeedItems(feed: { [k: string]: Json }): FeedItem[] {
  const outlet = jsonStr(feed['title']);
  const items = Array.isArray(feed['items']) ? feed['items'] : [];
  return items.map((it) => {
    const o = typeof it === 'object' && it && !Array.isArray(it) ? it : {};
    const authors = Array.isArray(o['authors']) ? o['authors'] : o['author'] ? [o['author']] : [];
    const names = authors.map((a) => (typeof a === 'object' && a && !Array.isArray(a) ? jsonStr(a['name']) : null)).filter((x): x is string => !!x);
    const html = jsonStr(o['content_html']);
    const plain = jsonStr(o['content_text']);
    return {
      content: html ?? (plain ? plain.split(/\n+/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('') : null) ?? jsonStr(o['summary']),
      hints: hintsOf({ title: jsonStr(o['title']), url: jsonStr(o['url']) ?? jsonStr(o['external_url']), published: jsonStr(o['date_published']), byline: names.join(', ') || null, outlet }),
    };
  });
}

function itemsToArticles(file: string, items: readonly FeedItem[], encoding: string, diagnostics: readonly Diagnostic[]): IngestItem[] {
  const name = path.basename(file);
  if (!items.length) return [failure({ path: file }, STAGE, 'empty-feed', `${name}: the feed has no items; nothing to read`)];
  return items.map((item, i) => {
    const record = `item ${i + 1}`;
    const source = item.hints.url ? { path: file, url: item.hints.url, record } : { path: file, record };
    if (item.refused) return failure(source, STAGE, 'item-unreadable', `${name}: ${record} ${item.refused}; skipped, the other items are read`);
    if (!item.content) return failure(source, STAGE, 'empty-item', `${name}: ${record} has neither content nor a summary; skipped`);
    return { ok: true, raw: { source, format: 'html', body: item.content, hints: item.hints, encoding, diagnostics } } as const;
  });
}

/** Items of an RSS, Atom or JSON Feed document already decoded to text; a non-feed gives one failure. */
export function readFeed(file: string, decoded: string, encoding: string, diagnostics: readonly Diagnostic[] = []): IngestItem[] {
  const name = path.basename(file);
  const trimmed = decoded.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const feed = JSON.parse(trimmed) as Json;
      if (typeof feed === 'object' && feed && !Array.isArray(feed) && /jsonfeed\.org/.test(String(feed['version'] ?? ''))) {
        return itemsToArticles(file, jsonFeedItems(feed), encoding, diagnostics);
      }
    } catch (err) {
      return [failure({ path: file }, STAGE, 'bad-json-feed', `${name}: not valid JSON (${(err as Error).message}); fix the file or pass it as JSONL`)];
    }
    return [failure({ path: file }, STAGE, 'not-a-feed', `${name}: JSON without a jsonfeed.org version; pass JSON lines as .jsonl instead`)];
  }
  const doc = parseDocument(decoded, { xmlMode: true, decodeEntities: true });
  const root = doc.children.find((c): c is Element => c.type === 'tag');
  const rootName = root?.name.toLowerCase() ?? '(none)';
  if (root && rootName === 'rss') {
    const channel = child(root, 'channel');
    if (channel) return itemsToArticles(file, rssItems(channel, text(child(channel, 'title'))), encoding, diagnostics);
  }
  if (root && rootName === 'rdf:rdf') {
    const channel = child(root, 'channel');
    return itemsToArticles(file, rssItems(root, channel ? text(child(channel, 'title')) : null), encoding, diagnostics);
  }
  if (root && rootName === 'feed') return itemsToArticles(file, atomItems(root, text(child(root, 'title'))), encoding, diagnostics);
  return [failure({ path: file }, STAGE, 'not-a-feed', `${name}: not RSS or Atom (root element <${rootName}>); if it is a web page pass it as --format html, if it is an error page fetch the feed again`)];
}
