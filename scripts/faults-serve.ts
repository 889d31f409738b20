// `parallax serve` under a crowd: 1,000 concurrent requests on loopback (reads, bad queries, oversized posts) to a real
// server process; every answer must be an intended status, and the server's memory is read from /proc before and after.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, sleep, startCli } from './faults-kit.js';

export interface ServeLoadResult {
  readonly requests: number;
  /** Answers by status (or "error ..." for a broken socket). */
  readonly statuses: ReadonlyMap<string, number>;
  /** Answers that are neither a success nor an intended 400/404/413/429. */
  readonly unexpected: number;
  readonly rssBeforeMb: number;
  readonly rssPeakMb: number;
  readonly problems: readonly string[];
}

/** Statuses a crowd may get: successes, the refusals the API means (bad query, no such story, too big, busy). */
const INTENDED = new Set(['200', '201', '400', '404', '413', '429']);

function send(url: string, agent: Agent, method = 'GET', body?: Buffer, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    const req = request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode ?? 0)));
    });
    req.on('error', (err) => resolve(`error ${err.message}`));
    req.end(body);
  });
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export async function serveLoad(options: { readonly requests?: number } = {}): Promise<ServeLoadResult> {
  const n = options.requests ?? 1000;
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-faults-serve-'));
  const problems: string[] = [];
  const db = path.join(dir, 'serve.db');
  const token = 'faults-serve-token-0123456789';
  try {
    const analyzed = await runCli(['analyze', 'examples', '--db', db, '--format', 'json', '--out', path.join(dir, 'report.json')]);
    if (analyzed.code !== 0) problems.push(`analyze examples exited ${analyzed.code}: ${analyzed.stderr.slice(-300)}`);
    const server = startCli(['serve', '--db', db, '--port', '0', '--token', token, '--max-in-flight', '64', '--max-body', '64kb']);
    // the server says where it listens on stderr (port 0: any free port)
    const url = await new Promise<string>((resolve) => {
      let seen = '';
      server.child.stderr?.on('data', (d: string) => {
        seen += d;
        const m = /listening on (http:\/\/\S+)/.exec(seen);
        if (m) resolve(m[1]!);
      });
      void server.done.then(() => resolve(''));
    });
    if (!url) {
      problems.push('the server did not start');
      server.child.kill('SIGKILL');
      return { requests: 0, statuses: new Map(), unexpected: 0, rssBeforeMb: 0, rssPeakMb: 0, problems };
    }
    const before = memoryMb(server.child.pid!);
    const agent = new Agent({ keepAlive: true, maxSockets: n });
    const big = Buffer.alloc(256 * 1024, 0x61);
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' };
    // a mix: story list and story, articles, search (some malformed), missing stories, and oversized posts
    const paths = ['/stories', '/stories/s1', '/articles?limit=20', '/search?q=ferry', '/search?q=%00%01', '/stories/s999', '/healthz', '/report?story=s1'];
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) => (i % 50 === 49 ? send(`${url}/articles`, agent, 'POST', big, auth) : send(`${url}${paths[i % paths.length]}`, agent))),
    );
    agent.destroy();
    const after = memoryMb(server.child.pid!);
    server.child.kill('SIGTERM');
    await server.done;
    const statuses = new Map<string, number>();
    for (const a of answers) statuses.set(a, (statuses.get(a) ?? 0) + 1);
    const unexpected = answers.filter((a) => !INTENDED.has(a)).length;
    if (unexpected) problems.push(`unexpected answers: ${JSON.stringify([...statuses])}`);
    return { requests: n, statuses, unexpected, rssBeforeMb: before.rss, rssPeakMb: after.peak, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
