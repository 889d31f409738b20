// `npm run bench -- serve`: requests/s and p99 of the story list and one story over HTTP on a generated 10k-article corpus, and server memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article.js';
import { createContext } from '../src/core/context.js';
import { toArticle } from '../src/ingest/index.js';
import { analyzeArticles } from '../src/service/analyze.js';
import { openStore } from '../src/store/open-store.js';
import type { StoredStory, Store } from '../src/store/store.js';
import type { BenchResult, BenchRun } from './types.js';
import { seededRandom as rng } from '../test/helpers/seeded-random.js';

/** Corpus shape: 10,000 articles (or $SERVE_ARTICLES) in stories of 10 outlets each. */
const ARTICLES = Number(process.env.SERVE_ARTICLES ?? 10_000);
const PER_STORY = 10;
/** Stories run through the real pipeline; the other story rows reuse their reports round-robin. */
const ANALYZED_STORIES = 12;
const SECONDS_PER_RUN = 5;
const THROUGHPUT_CLIENTS = 16;
const CROWD_CLIENTS = 200;

const OUTLETS = ['Kelm Wire', 'Osterby Post', 'The Dunmore Ledger', 'Radio Halvik', 'Northgate Courier', 'Brask Evening News', 'Coast & Valley Times', 'The Fennick Herald', 'Meridian Daily', 'Ulster Vale Record', 'Harrowgate Observer', 'Saltmarsh Gazette'];
const TOWNS = ['Osterby', 'Dunmore', 'Halvik', 'Fennick', 'Brask', 'Kelmington', 'Saltmarsh', 'Harrowgate', 'Loch Varra', 'Tamsford', 'Eddingley', 'Marrow Point', 'Quillon', 'Redwater', 'Sandvik', 'Thornbury', 'Upperleigh', 'Velmont', 'Wexham', 'Yarrowby'];
const PEOPLE = ['Mara Velden', 'Tomas Rieck', 'Ines Arbogast', 'Pavel Dorn', 'Helga Stroud', 'Oskar Lindqvist', 'Ruth Abernathy', 'Jonas Fell', 'Alma Kessler', 'Dmitri Orlov'];
const ROLES = ['the mayor', 'the fire chief', 'a police spokeswoman', 'the regional governor', 'the port director'];
const EVENTS = [
  { what: 'a fire', where: 'a warehouse near the harbour', verb: 'tore through', hurt: 'injured' },
  { what: 'a bus crash', where: 'the coastal road', verb: 'happened on', hurt: 'injured' },
  { what: 'an explosion', where: 'a chemical plant', verb: 'shook', hurt: 'killed' },
  { what: 'a bridge collapse', where: 'the old river crossing', verb: 'struck', hurt: 'killed' },
  { what: 'flooding', where: 'the lower town', verb: 'swamped', hurt: 'injured' },
  { what: 'a ferry collision', where: 'the inner harbour', verb: 'disrupted', hurt: 'injured' },
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

const STREETS = ['Mill Lane', 'Quay Street', 'Station Road', 'Birch Avenue', 'Harbour Row', 'Chapel Hill', 'Market Square', 'Ferry Road', 'North Parade', 'Tanner Street'];
const AFTERMATH = [
  (t: string, st: string) => `Police closed ${st} and the streets around it while investigators from ${t} examined the site.`,
  (t: string, st: string) => `Traffic on ${st} was diverted for most of the day, and the rail link to ${t} was suspended.`,
  (t: string, st: string) => `Several families from ${st} spent the night in a sports hall that the ${t} council opened as a shelter.`,
  (t: string, st: string) => `Schools near ${st} stayed shut, and ${t} hospital called in off-duty staff.`,
];
const CAUSES = ['an electrical fault', 'a gas leak', 'heavy rain', 'a failed weld', 'a lorry that lost its brakes', 'a lightning strike'];
const WITNESSES = ['a baker', 'a taxi driver', 'a retired teacher', 'a nurse coming off shift', 'a dock worker', 'a student'];

/** Ten reports of one invented event by ten outlets over a day: figures rise, one outlet gets the day wrong, wording varies by outlet. */
function storyArticles(story: number): Article[] {
  const r = rng(story + 1);
  const town = TOWNS[story % TOWNS.length] as string;
  const event = EVENTS[story % EVENTS.length] as (typeof EVENTS)[number];
  const person = pick(r, PEOPLE);
  const role = pick(r, ROLES);
  const street = pick(r, STREETS);
  const cause = pick(r, CAUSES);
  const day = pick(r, WEEKDAYS);
  const wrongDay = WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7] ?? day;
  const date = new Date(Date.UTC(2026, 0, 1) + story * 86_400_000 * 0.37);
  const ymd = date.toISOString().slice(0, 10);
  const base = 2 + Math.floor(r() * 6);
  const crews = 3 + Math.floor(r() * 20);
  const outlets = [...OUTLETS].sort(() => r() - 0.5).slice(0, PER_STORY);
  return outlets.map((outlet, i) => {
    const hour = 6 + i;
    const figure = base + Math.floor(i / 4);
    const when = i === 7 ? wrongDay : day;
    const witness = pick(r, WITNESSES);
    const paragraphs = [
      `${town.toUpperCase()} — At least ${figure} people were ${event.hurt} when ${event.what} ${event.verb} ${event.where} on ${street} in ${town} on ${when} evening, officials said.`,
      `${crews} crews were sent to ${street}, ${role} said, and the last of them left ${town} ${i % 2 ? 'after midnight' : 'early the next morning'}.`,
      `"${i % 3 ? 'We are doing everything we can for the families' : 'Our thoughts are with the families'}, and we will find out what went wrong," said ${person}, ${role}.`,
      (AFTERMATH[(story + i) % AFTERMATH.length] as (t: string, st: string) => string)(town, street),
      `Investigators were looking at ${cause} as a possible cause, ${i % 2 ? 'according to' : 'said'} ${person}. ${witness[0]?.toUpperCase()}${witness.slice(1)} on ${street} told ${outlet} the ${event.what.replace(/^an? /, '')} ${i % 2 ? 'came without warning' : 'was over in seconds'}.`,
    ];
    const title = `${figure} ${event.hurt} after ${event.what} on ${street}, ${town}`;
    return toArticle({
      source: { path: `story-${story}/${i}.txt` },
      format: 'text',
      body: paragraphs.join('\n\n'),
      hints: { title, outlet, published: `${ymd}T${String(hour).padStart(2, '0')}:00` },
      encoding: 'utf-8',
      diagnostics: [],
    });
  });
}

/** Stores 10k articles; analyzes a few stories for real and writes every story row, reusing those reports for the rest. */
async function buildCorpus(db: string, log: (line: string) => void): Promise<{ stories: string[]; analyzeSeconds: number }> {
  const store: Store = await openStore(db);
  try {
    const ctx = createContext();
    const storyCount = ARTICLES / PER_STORY;
    const byStory: Article[][] = [];
    for (let s = 0; s < storyCount; s++) {
      const articles = storyArticles(s);
      byStory.push(articles);
      await store.putArticles(articles);
    }
    log(`  stored ${await store.countArticles()} generated articles`);
    const t0 = performance.now();
    await analyzeArticles({ store, ctx }, byStory.slice(0, ANALYZED_STORIES).flat());
    const analyzeSeconds = (performance.now() - t0) / 1000;
    const analyzed = (await store.listStories({ limit: 500 })).items;
    const templates: StoredStory[] = [];
    for (const s of analyzed) {
      const row = await store.getStory(s.id);
      if (row) templates.push(row);
    }
    if (!templates.length) throw new Error('the analyzed sample produced no story rows');
    log(`  analyzed ${ANALYZED_STORIES * PER_STORY} articles into ${templates.length} stories in ${analyzeSeconds.toFixed(1)} s`);
    const rows: StoredStory[] = [];
    for (let s = ANALYZED_STORIES; s < storyCount; s++) {
      const articles = byStory[s] ?? [];
      const template = templates[s % templates.length] as StoredStory;
      const id = `g${String(s).padStart(5, '0')}`;
      const dates = articles.map((a) => a.meta.published ?? '').sort();
      const outlets = [...new Set(articles.map((a) => a.meta.outlet ?? ''))].sort();
      const title = articles[0]?.meta.title ?? id;
      rows.push({
        summary: { ...template.summary, id, title, firstDate: dates[0] ?? null, lastDate: dates[dates.length - 1] ?? null, articles: articles.length, outlets, independentSources: outlets.length },
        articleIds: articles.map((a) => a.id),
        absorbed: [],
        report: { ...template.report, stories: template.report.stories.map((st) => ({ ...st, id, title })) },
      });
    }
    for (let i = 0; i < rows.length; i += 100) await store.replaceStories(rows.slice(i, i + 100), []);
    const stories = (await collectStoryIds(store)).filter((_, i) => i % 7 === 0);
    log(`  wrote ${rows.length + templates.length} story rows`);
    return { stories, analyzeSeconds };
  } finally {
    await store.close();
  }
}

async function collectStoryIds(store: Store): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listStories({ cursor, limit: 500 });
    ids.push(...page.items.map((s) => s.id));
    cursor = page.next;
  } while (cursor);
  return ids;
}

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
}

async function startServer(db: string): Promise<Server> {
  const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--db', db, '--port', '0', '--max-in-flight', '1000'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
  return { child, port };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? '0');
  return kb / 1024;
}

/** CPU seconds the process has used (user + system), from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface LoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly errorKinds: ReadonlyMap<string, number>;
  readonly tooMany: number;
  readonly peakRssMb: number;
  /** Server CPU per answered request (ms): the cost that does not depend on how loaded the machine is. */
  readonly cpuMsPerRequest: number;
}

function get(agent: Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `clients` loops, each sending the next path as soon as its last answer arrives, for `seconds`. */
async function load(server: Server, clients: number, seconds: number, nextPath: (i: number) => string): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let tooMany = 0;
  const errorKinds = new Map<string, number>();
  let peak = rssMb(server.child.pid ?? 0);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid ?? 0))), 50);
  const cpu0 = cpuSeconds(server.child.pid ?? 0);
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        try {
          const status = await get(agent, server.port, nextPath(n++));
          if (status === 429) tooMany++;
          else if (status !== 200) {
            errors++;
            errorKinds.set(`HTTP ${status}`, (errorKinds.get(`HTTP ${status}`) ?? 0) + 1);
          }
        } catch (err) {
          errors++;
          const kind = (err as { code?: string }).code ?? (err as Error).message;
          errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpuMsPerRequest = ((cpuSeconds(server.child.pid ?? 0) - cpu0) * 1000) / Math.max(1, latencies.length);
  clearInterval(sampler);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: q(0.5), p99: q(0.99), errors, errorKinds, tooMany, peakRssMb: peak, cpuMsPerRequest };
}

/** One client, one request at a time: median and worst wall time of `path` over `runs`, and the server CPU per request. */
async function single(server: Server, path: string, runs: number): Promise<{ p50: number; max: number; cpuMs: number; status: number }> {
  const agent = new Agent({ keepAlive: true });
  const times: number[] = [];
  let status = 0;
  const cpu0 = cpuSeconds(server.child.pid ?? 0);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    status = await get(agent, server.port, path);
    times.push(performance.now() - t0);
  }
  const cpuMs = ((cpuSeconds(server.child.pid ?? 0) - cpu0) * 1000) / runs;
  agent.destroy();
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)] ?? 0, max: times[times.length - 1] ?? 0, cpuMs, status };
}

/** The `next` cursor of the page that starts `skip` items into `path` (walked 500 at a time). */
async function cursorAt(server: Server, path: string, skip: number): Promise<string | null> {
  let cursor: string | null = null;
  for (let seen = 0; seen < skip; seen += 500) {
    const page = await getJson(server.port, `${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    cursor = page.next;
    if (!cursor) break;
  }
  return cursor;
}

function getJson(port: number, path: string): Promise<{ next: string | null }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(body) as { next: string | null }));
    })
      .on('error', reject)
      .end();
  });
}

export { storyArticles };

export const run: BenchRun = async (options): Promise<BenchResult> => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-serve-'));
  const db = join(dir, 'corpus.db');
  const { log } = options;
  let server: Server | null = null;
  try {
    log(`serve: building a ${ARTICLES}-article corpus (${ARTICLES / PER_STORY} stories; SERVE_ARTICLES sets the size)`);
    const { stories } = await buildCorpus(db, log);
    server = await startServer(db);
    const s = server;
    await get(new Agent(), s.port, '/stories?limit=50');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const atRest = rssMb(s.child.pid ?? 0);
    log(`  server at rest: ${atRest.toFixed(0)} MB RSS`);
    const list = await load(s, THROUGHPUT_CLIENTS, SECONDS_PER_RUN, () => '/stories?limit=50');
    log(`  GET /stories?limit=50, ${THROUGHPUT_CLIENTS} clients: ${list.perSecond.toFixed(0)} req/s, p50 ${list.p50.toFixed(1)} ms, p99 ${list.p99.toFixed(1)} ms, server CPU ${list.cpuMsPerRequest.toFixed(2)} ms/request`);
    const one = await load(s, THROUGHPUT_CLIENTS, SECONDS_PER_RUN, (i) => `/stories/${stories[i % stories.length]}`);
    log(`  GET /stories/{id}, ${THROUGHPUT_CLIENTS} clients: ${one.perSecond.toFixed(0)} req/s, p50 ${one.p50.toFixed(1)} ms, p99 ${one.p99.toFixed(1)} ms, server CPU ${one.cpuMsPerRequest.toFixed(2)} ms/request`);
    const crowd = await load(s, CROWD_CLIENTS, SECONDS_PER_RUN, (i) => (i % 2 ? '/stories?limit=50' : `/stories/${stories[i % stories.length]}`));
    log(`  ${CROWD_CLIENTS} concurrent clients (both routes): ${crowd.perSecond.toFixed(0)} req/s, p99 ${crowd.p99.toFixed(1)} ms, peak ${crowd.peakRssMb.toFixed(0)} MB RSS, ${crowd.errors} errors${crowd.errorKinds.size ? ` (${[...crowd.errorKinds].map(([k, n]) => `${k} x${n}`).join(', ')})` : ''}, ${crowd.tooMany} answered 429`);
    // Paging and search over the whole corpus, one client: a page deep in the article list, a story index page deep
    // in the list, and full-text search for a word every article has, one most have, and one none has.
    const middle = Math.floor(ARTICLES / 2);
    const articleCursor = await cursorAt(s, '/articles', middle);
    const storyCursor = await cursorAt(s, '/stories', Math.floor(ARTICLES / PER_STORY / 2));
    const probes: Array<[key: string, label: string, path: string]> = [
      ['articlesFirstPageP50Ms', 'articles, first page', '/articles?limit=50'],
      ['articlesMiddlePageP50Ms', `articles, page at ${middle}`, `/articles?limit=50${articleCursor ? `&cursor=${encodeURIComponent(articleCursor)}` : ''}`],
      ['storiesMiddlePageP50Ms', 'stories, middle page', `/stories?limit=50${storyCursor ? `&cursor=${encodeURIComponent(storyCursor)}` : ''}`],
      ['searchEveryArticleP50Ms', 'search, a word in every article', '/search?q=officials&limit=50'],
      ['searchSomeArticlesP50Ms', 'search, a word in a sixth of the articles', '/search?q=warehouse&limit=50'],
      ['searchNoArticleP50Ms', 'search, a word in none', '/search?q=zeppelin&limit=50'],
    ];
    const probed: Record<string, number> = {};
    for (const [key, label, path] of probes) {
      const r = await single(s, path, 10);
      log(`  ${label}: p50 ${r.p50.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, server CPU ${r.cpuMs.toFixed(1)} ms/request (HTTP ${r.status})`);
      probed[key] = r.p50;
    }
    const afterProbes = rssMb(s.child.pid ?? 0);
    log(`  server after paging and search: ${afterProbes.toFixed(0)} MB RSS`);
    return {
      bench: 'serve',
      data: null,
      metrics: {
        storyListPerSecond: list.perSecond,
        storyListP99Ms: list.p99,
        storyListCpuMs: list.cpuMsPerRequest,
        storyPerSecond: one.perSecond,
        storyP99Ms: one.p99,
        storyCpuMs: one.cpuMsPerRequest,
        crowdPerSecond: crowd.perSecond,
        crowdP99Ms: crowd.p99,
        rssAtRestMb: atRest,
        rssUnder200ClientsMb: crowd.peakRssMb,
        ...probed,
        rssAfterPagingMb: afterProbes,
        errors: list.errors + one.errors + crowd.errors,
        tooManyRequests: list.tooMany + one.tooMany + crowd.tooMany,
      },
      notes: [
        `corpus: ${ARTICLES} generated articles (${ARTICLES / PER_STORY} stories x ${PER_STORY} outlets); ${ANALYZED_STORIES} stories analyzed by the real pipeline, the other story rows reuse their reports (the read path is what is measured)`,
        `server: a child process (tsx) on 127.0.0.1; the load generator shares the same 2 cores`,
      ],
    };
  } finally {
    server?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
};
