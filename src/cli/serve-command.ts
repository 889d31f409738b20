// `parallax serve`: the HTTP API and web UI over the database, until interrupted.
import { Option, type Command } from 'commander';
import { parseByteSize, DEFAULT_HOST, DEFAULT_PORT } from '../server/settings.js';
import { startServer } from '../server/serve.js';
import { ParallaxError } from '../core/errors.js';

interface ServeFlags {
  readonly db?: string;
  readonly host: string;
  readonly port: string;
  readonly token?: string;
  readonly allowOpenWrites?: boolean;
  readonly maxBody: string;
  readonly maxInFlight: string;
  readonly cors?: string[];
  readonly ui?: string;
}

function wholeNumber(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new ParallaxError('PX100', `${name} must be a whole number, got "${text}"`);
  return Number(text);
}

export function addServeCommand(program: Command, dbPath: (options: { db?: string }) => string): void {
  program
    .command('serve')
    .description('serve the JSON API (see /openapi.json) and the web UI over the database')
    .addOption(new Option('--db <path>', 'database file or postgres:// URL (default: $PARALLAX_DB or ./parallax.db)'))
    .option('--host <host>', 'address to bind', DEFAULT_HOST)
    .option('--port <port>', 'port (0: any free port)', String(DEFAULT_PORT))
    .addOption(new Option('--token <token>', 'bearer token writes must send (or set PARALLAX_TOKEN; at least 16 characters)'))
    .option('--allow-open-writes', 'accept writes without a token (refused unless bound to loopback)')
    .option('--max-body <size>', 'largest request body (413 beyond)', '8mb')
    .option('--max-in-flight <n>', 'requests handled at once (429 beyond)', '256')
    .option('--cors <origin...>', 'allow these origins by CORS (off by default)')
    .option('--ui <dir>', 'folder of the built web UI (default: dist/ui)')
    .action(async (flags: ServeFlags) => {
      const token = flags.token ?? process.env.PARALLAX_TOKEN ?? null;
      const server = await startServer({
        db: dbPath(flags),
        host: flags.host,
        port: wholeNumber('--port', flags.port),
        token: token === '' ? null : token,
        allowOpenWrites: flags.allowOpenWrites === true,
        maxBodyBytes: parseByteSize(flags.maxBody),
        maxInFlight: wholeNumber('--max-in-flight', flags.maxInFlight),
        corsOrigins: flags.cors ?? [],
        ...(flags.ui ? { uiDir: flags.ui } : {}),
      });
      const writes = token ? 'writes need the bearer token' : flags.allowOpenWrites ? 'writes open (loopback only)' : 'read-only (no --token)';
      process.stderr.write(`parallax serve: listening on ${server.url} (${writes}); Ctrl-C stops\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
