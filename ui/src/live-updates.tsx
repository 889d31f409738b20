// Live pages: while a page is visible, ask the server every little while whether what it shows has changed, and offer the update.
import { useEffect, useState } from 'preact/hooks';
import type { DataSource, Watched } from './data-source.js';
import { POLL_MS } from './poll.js';

/**
 * True once the server's answer for `what` differs from the one shown. `shown` changes whenever the page (re)loads
 * its data, which starts the watch again. Polls only while the tab is visible; never for an inline report.
 */
export function useChanged(source: DataSource, what: Watched | null, shown: unknown): boolean {
  const [changed, setChanged] = useState(false);
  const key = what ? (what.kind === 'story' ? `story:${what.id}` : `stories:${what.query}`) : null;
  useEffect(() => {
    setChanged(false);
    const ask = source.changed;
    if (!ask || !what || shown === null) return;
    let live = true;
    let busy = false;
    const poll = (): void => {
      if (busy || document.visibilityState !== 'visible') return;
      busy = true;
      ask(what)
        .then((yes) => {
          if (live && yes) {
            setChanged(true);
            clearInterval(timer);
          }
        })
        .catch(() => undefined)
        .finally(() => (busy = false));
    };
    const timer = setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
    // `key` stands for `what` (a new object on every render)
  }, [source, key, shown]);
  return changed;
}

/** The notice a changed page shows; the page reloads its data when asked, so the reader chooses when it moves. */
export function UpdateNotice({ what, onRefresh }: { what: string; onRefresh: () => void }) {
  return (
    <div class="update-notice" role="status" data-testid="update-notice">
      <span aria-hidden="true">↻ </span>
      {what} changed since this page was loaded (new articles or a new analysis).{' '}
      <button type="button" onClick={onRefresh}>
        Show the latest
      </button>
    </div>
  );
}
