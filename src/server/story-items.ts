// Pages over items of the stored story reports (entities, quotes), story by story, with a cursor that resumes where a page ended.
import type { Report } from '../report/schema.js';
import type { Page, Store } from '../store/store.js';
import { storyPage, storyReport } from '../service/read.js';
import { survivingStory } from '../service/surviving-story.js';
import { ApiError } from './api-error.js';

/** Story summaries fetched per store page while walking the stories. */
const STORY_BATCH = 100;

/** Where a walk stopped: the store's story page cursor, the story's index in that page (and its id, to check it), an offset in its items. */
interface Position {
  readonly c: string | null;
  readonly i: number;
  readonly s: string | null;
  readonly o: number;
}

export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify(p)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Position {
  if (!cursor) return { c: null, i: 0, s: null, o: 0 };
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Position>;
    const ok =
      (p.c === null || typeof p.c === 'string') && Number.isInteger(p.i) && (p.i ?? -1) >= 0 && (p.s === null || typeof p.s === 'string') && Number.isInteger(p.o) && (p.o ?? -1) >= 0;
    if (ok) return { c: p.c ?? null, i: p.i ?? 0, s: p.s ?? null, o: p.o ?? 0 };
  } catch {
    // fall through to the error
  }
  throw new ApiError(400, 'bad-request', 'cursor is not one this server issued: pass the `next` value of the previous page unchanged, or omit it for the first page');
}

export interface StoryItemsRequest {
  readonly cursor?: string | undefined;
  readonly limit: number;
  /** Only this story. */
  readonly story?: string | undefined;
  /** Stories one request may read before it answers a partial page. */
  readonly scanStories: number;
}

/** Items `pick` takes from each story report, paged. */
export async function storyItems<T>(store: Store, req: StoryItemsRequest, pick: (report: Report, story: string) => readonly T[]): Promise<Page<T>> {
  const pos = decodeCursor(req.cursor);
  if (req.story !== undefined) {
    let story = req.story;
    let report = await storyReport(store, story);
    // an id a merge absorbed stands for the story that absorbed it
    const survivor = report ? null : await survivingStory(store, story);
    if (survivor) [story, report] = [survivor, await storyReport(store, survivor)];
    if (!report) throw new ApiError(404, 'not-found', `no story ${req.story}: list them with GET /stories`);
    const all = pick(report, story);
    const items = all.slice(pos.o, pos.o + req.limit);
    const end = pos.o + items.length;
    return { items, next: end < all.length ? encodeCursor({ c: null, i: 0, s: story, o: end }) : null };
  }
  const out: T[] = [];
  let { c, i, s, o } = pos;
  let scanned = 0;
  for (;;) {
    const page = await storyPage(store, { cursor: c, limit: STORY_BATCH });
    // the story may have moved within its page (a merge removed one before it): find it by id, else restart it
    if (s !== null && page.items[i]?.id !== s) {
      const at = page.items.findIndex((x) => x.id === s);
      if (at >= 0) i = at;
      else o = 0;
    }
    for (; i < page.items.length; i++) {
      const story = page.items[i];
      if (!story) break;
      if (scanned >= req.scanStories) return { items: out, next: encodeCursor({ c, i, s: story.id, o }) };
      scanned++;
      const report = await storyReport(store, story.id);
      const all = report ? pick(report, story.id) : [];
      const take = all.slice(o, o + (req.limit - out.length));
      out.push(...take);
      if (o + take.length < all.length) return { items: out, next: encodeCursor({ c, i, s: story.id, o: o + take.length }) };
      o = 0;
      if (out.length >= req.limit) {
        const after = page.items[i + 1];
        if (after) return { items: out, next: encodeCursor({ c, i: i + 1, s: after.id, o: 0 }) };
        return { items: out, next: page.next ? encodeCursor({ c: page.next, i: 0, s: null, o: 0 }) : null };
      }
    }
    if (!page.next) return { items: out, next: null };
    c = page.next;
    i = 0;
    s = null;
    o = 0;
  }
}

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True when every word of the query is a word of the name ("kovalsky" matches "Dmytro Kovalsky"). */
export function nameMatches(query: string, name: string): boolean {
  const q = words(query);
  if (!q.length) return false;
  const n = new Set(words(name));
  return q.every((w) => n.has(w));
}
