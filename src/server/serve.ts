// `parallax serve`: opens the store, builds the app and listens (127.0.0.1:8787 by default) until closed.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { Context } from '../core/context.js';
import { openStore } from '../store/open-store.js';
import { createApp } from './app.js';
import { resolveServeSettings, type ServeSettings } from './settings.js';

export interface ServeOptions extends Partial<ServeSettings> {
  /** Database location: a SQLite file path, or a postgres:// URL when the store supports it. */
  readonly db: string;
  readonly ctx?: Context;
  readonly uiDir?: string;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets requests in flight finish, closes the store. */
  close(): Promise<void>;
}

/** Idle keep-alive sockets are dropped after this long, so a crowd of clients cannot hold sockets forever. */
const KEEP_ALIVE_MS = 5_000;
/** A request must arrive whole within this time (slow-loris guard). */
const REQUEST_TIMEOUT_MS = 60_000;
/**
 * Connections the kernel queues before the server accepts them (Node's default is 511; the kernel caps it at
 * net.core.somaxconn). A crowd connecting at once to a busy server waits in that queue instead of being dropped.
 */
const LISTEN_BACKLOG = 4096;

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { db, ctx, uiDir, ...rest } = options;
  const settings = resolveServeSettings(rest);
  const store = await openStore(db);
  try {
    const app = createApp({ store, ...settings, ...(ctx ? { ctx } : {}), ...(uiDir ? { uiDir } : {}) });
    const server = createAdaptorServer({ fetch: app.fetch, hostname: settings.host }) as Server;
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.requestTimeout = REQUEST_TIMEOUT_MS;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: settings.port, host: settings.host, backlog: LISTEN_BACKLOG }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    return {
      url: `http://${host}:${port}`,
      port,
      close: async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
