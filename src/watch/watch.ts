// `parallax watch`: polls feeds, ingests new items, re-analyzes, and reports each new conflict or figure change once.
import type { Context } from '../core/context.js';
import { updateAnalysis } from '../service/analyze.js';
import { ingestBody, readerMessage } from '../server/ingest-body.js';
import { storyReport } from '../service/read.js';
import type { Store } from '../store/store.js';
import { DEFAULT_POLL_SETTINGS, fetchFeed, newFeedState, schedule, type FeedState, type PollSettings } from './feed-poller.js';
import { storyEvents, type StoryEvent } from './story-events.js';

export interface FeedEvent {
  readonly type: 'feed';
  readonly url: string;
  readonly status: 'fetched' | 'not-modified' | 'error';
  readonly httpStatus: number | null;
  /** Articles read from the feed that no story held yet. */
  readonly newArticles: number;
  /** Inputs of the feed that could not be read (their messages). */
  readonly problems: readonly string[];
  readonly message: string | null;
  /** When the feed is polled next (ms from now). */
  readonly retryInMs: number;
}

export type WatchEvent = (StoryEvent | FeedEvent) & { readonly at: string };

export interface WatchOptions {
  readonly store: Store;
  readonly ctx: Context;
  readonly feeds: readonly string[];
  readonly settings?: Partial<PollSettings>;
  readonly signal?: AbortSignal;
  /** Stop after this many polling rounds (a round polls every feed that is due); unbounded when absent. */
  readonly rounds?: number;
  /** Milliseconds since the epoch (tests pass a fake clock). */
  readonly clock?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly onEvent: (event: WatchEvent) => void;
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Runs until the signal aborts (or `rounds` are done). Events already reported in this run are not reported again. */
export async function watchFeeds(options: WatchOptions): Promise<void> {
  const settings: PollSettings = { ...DEFAULT_POLL_SETTINGS, ...options.settings };
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const { store, ctx, signal } = options;
  const states: FeedState[] = options.feeds.map((url) => newFeedState(url, clock()));
  const reported = new Set<string>();
  const at = (): string => ctx.now().toISOString();

  const ingestFeed = async (state: FeedState, body: Uint8Array): Promise<{ fresh: string[]; problems: string[] }> => {
    const ingest = await ingestBody({ store, ctx }, body, { format: 'auto', maxBytes: settings.maxFeedBytes });
    const problems = ingest.failures.flatMap((f) => f.diagnostics.map((d) => readerMessage(d.message, state.url)));
    const ids = [...new Set(ingest.articles.map((a) => a.id))];
    // an article no story holds yet is new to the analysis (stored earlier but never analyzed counts too)
    const placed = await store.storyOfArticles(ids);
    return { fresh: ids.filter((id) => !placed.has(id)), problems };
  };

  const analyzeAndReport = async (fresh: readonly string[]): Promise<void> => {
    // the incremental engine: only the new articles' stages run, and only the stories they join are re-analyzed
    await updateAnalysis({ store, ctx }, await store.listArticles(fresh));
    const freshSet = new Set(fresh);
    const stories = [...new Set((await store.storyOfArticles(fresh)).values())].sort();
    for (const story of stories) {
      const report = await storyReport(store, story);
      if (!report) continue;
      for (const event of storyEvents(report, story, freshSet)) {
        if (reported.has(event.key)) continue;
        reported.add(event.key);
        options.onEvent({ ...event, at: at() });
      }
    }
  };

  for (let round = 0; options.rounds === undefined || round < options.rounds; round++) {
    if (signal?.aborted) return;
    const due = states.filter((s) => s.nextAt <= clock());
    const fresh: string[] = [];
    for (const state of due) {
      if (signal?.aborted) return;
      const result = await fetchFeed(state, settings, clock());
      let newArticles = 0;
      let problems: string[] = [];
      if (result.status === 'fetched') {
        const read = await ingestFeed(state, result.body);
        fresh.push(...read.fresh);
        newArticles = read.fresh.length;
        problems = read.problems;
      }
      const retryInMs = schedule(state, result, settings, clock());
      options.onEvent({
        type: 'feed',
        url: state.url,
        status: result.status,
        httpStatus: result.httpStatus,
        newArticles,
        problems,
        message: result.status === 'error' ? result.message : null,
        retryInMs,
        at: at(),
      });
    }
    if (fresh.length) await analyzeAndReport([...new Set(fresh)]);
    if (options.rounds !== undefined && round + 1 >= options.rounds) return;
    const next = Math.min(...states.map((s) => s.nextAt));
    await sleep(Math.max(0, next - clock()), signal);
  }
}
