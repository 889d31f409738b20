// `parallax watch FEEDS…`: follow feeds, print each new conflict or figure change as a line, write NDJSON events.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { createContext } from '../core/context.js';
import { ParallaxError } from '../core/errors.js';
import { openStore } from '../store/open-store.js';
import { resolveFeeds } from '../watch/feed-list.js';
import { terminalLine } from '../watch/terminal-line.js';
import { watchFeeds, type WatchEvent } from '../watch/watch.js';

interface WatchFlags {
  readonly db?: string;
  readonly interval: string;
  readonly maxBackoff: string;
  readonly events?: string;
  readonly json?: boolean;
  readonly once?: boolean;
}

function seconds(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new ParallaxError('PX100', `${name} must be a positive number of seconds, got "${text}"`);
  return Math.round(n * 1000);
}

function minutesText(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}

export function addWatchCommand(program: Command, dbPath: (options: { db?: string }) => string): void {
  program
    .command('watch')
    .description('poll feed URLs or OPML lists, ingest new items, re-analyze, and report each new conflict or figure change')
    .argument('<feeds...>', 'feed URLs, OPML files or OPML URLs')
    .addOption(new Option('--db <path>', 'database file (default: $PARALLAX_DB or ./parallax.db)'))
    .option('--interval <seconds>', 'time between polls of a feed', '300')
    .option('--max-backoff <seconds>', 'longest wait after repeated errors', '3600')
    .option('--events <file>', 'append NDJSON events to this file')
    .option('--json', 'write NDJSON events to stdout (lines go to stderr)')
    .option('--once', 'poll every feed once, report, and exit')
    .action(async (args: string[], flags: WatchFlags) => {
      const feeds = await resolveFeeds(args);
      if (!feeds.length) throw new ParallaxError('PX100', 'no feeds to watch: pass feed URLs or an OPML list');
      const settings = { intervalMs: seconds('--interval', flags.interval), maxBackoffMs: seconds('--max-backoff', flags.maxBackoff) };
      let file: WriteStream | null = null;
      if (flags.events) {
        mkdirSync(dirname(flags.events), { recursive: true });
        file = createWriteStream(flags.events, { flags: 'a' });
      }
      const lines = flags.json ? process.stderr : process.stdout;
      const onEvent = (event: WatchEvent): void => {
        const json = `${JSON.stringify(event)}\n`;
        file?.write(json);
        if (flags.json) process.stdout.write(json);
        if (event.type === 'feed') {
          for (const p of event.problems) process.stderr.write(`watch: ${terminalLine(p)}\n`);
          if (event.status === 'error') process.stderr.write(`watch: ${terminalLine(`${event.url}: ${event.message ?? 'error'}`)}; retrying in ${minutesText(event.retryInMs)}\n`);
          return;
        }
        lines.write(`${event.line}\n`);
      };
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const store = await openStore(dbPath(flags));
      process.stderr.write(`parallax watch: ${feeds.length} feed(s), every ${minutesText(settings.intervalMs)}; Ctrl-C stops\n`);
      try {
        await watchFeeds({ store, ctx: createContext({ now: () => new Date() }), feeds, settings, signal: controller.signal, onEvent, ...(flags.once ? { rounds: 1 } : {}) });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await store.close();
        if (file) await new Promise<void>((resolve) => file.end(resolve));
      }
    });
}
