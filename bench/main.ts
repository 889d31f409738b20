// `npm run bench -- NAME [--data PATH] [--json]`: runs one benchmark (or all) per ../shared/spec/bench.md.
import { BenchDataMissing, type BenchOptions, type BenchResult, type BenchRun } from './types.js';

const BENCHES: Record<string, () => Promise<{ run: BenchRun }>> = {
  pipeline: () => import('./pipeline.js'),
  extraction: () => import('./extraction.js'),
  ner: () => import('./ner.js'),
  aliases: () => import('./aliases.js'),
  quotes: () => import('./quotes.js'),
  times: () => import('./times.js'),
  clusters: () => import('./clusters.js'),
  incidents: () => import('./incidents.js'),
  conflicts: () => import('./conflicts.js'),
  'conflicts-why': () => import('./conflicts-why.js'),
  quotegroups: () => import('./quote-groups.js'),
  brief: () => import('./brief.js'),
  'text-dumps': () => import('./text-dumps.js'),
  'brief-rank': () => import('./brief-rank.js'),
  stream: () => import('./stream.js'),
  'story-update': () => import('./story-update.js'),
  scale: () => import('./scale.js'),
  serve: () => import('./serve.js'),
};

function parseArgs(argv: string[]): { names: string[]; data: string | undefined; json: boolean } {
  const names: string[] = [];
  let data: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--data') data = argv[++i];
    else if (a?.startsWith('--data=')) data = a.slice(7);
    else if (a) names.push(a);
  }
  return { names, data, json };
}

function printHuman(result: BenchResult, out: (s: string) => void): void {
  const fmt = (v: number): string => (Math.abs(v) <= 1 && !Number.isInteger(v) ? v.toFixed(3) : v.toFixed(v < 100 ? 1 : 0));
  out(`\n== ${result.bench}${result.data ? ` on ${result.data}` : ''}`);
  const keys = Object.keys(result.metrics);
  const base = result.baseline;
  out(`${'metric'.padEnd(28)}${'parallax'.padStart(12)}${base ? `  ${base.name}` : ''}`);
  for (const k of keys) {
    const b = base?.metrics[k];
    out(`${k.padEnd(28)}${fmt(result.metrics[k] ?? 0).padStart(12)}${base ? `  ${b === undefined ? '-' : fmt(b)}` : ''}`);
  }
  for (const n of result.notes ?? []) out(n);
}

async function main(): Promise<number> {
  const { names, data, json } = parseArgs(process.argv.slice(2));
  const selected = names.length ? names : Object.keys(BENCHES);
  const log = (line: string): void => void (json ? process.stderr : process.stdout).write(`${line}\n`);
  let status = 0;
  for (const name of selected) {
    const load = BENCHES[name];
    if (!load) {
      process.stderr.write(`unknown bench "${name}"; choose one of: ${Object.keys(BENCHES).join(', ')}\n`);
      return 2;
    }
    const options: BenchOptions = { data: names.length ? data : undefined, json, log };
    try {
      const result = await (await load()).run(options);
      if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else printHuman(result, log);
    } catch (err) {
      if (err instanceof BenchDataMissing) {
        process.stderr.write(`${name}: skipped: ${err.message}\n`);
        if (names.length) status = 1;
      } else {
        process.stderr.write(`${name}: failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
        status = 1;
      }
    }
  }
  return status;
}

process.exitCode = await main();
