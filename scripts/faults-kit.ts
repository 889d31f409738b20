// Shared by the fault tests and scripts: an invented corpus generator and a runner for the real CLI as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article.js';
import { mulberry32 } from './seeded-random.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'src/cli/main.ts');

const OUTLETS = ['Orrin Evening Post', 'Valmere Courier', 'Tessaly Wire', 'Harbour Ledger of Quell', 'Marrow Bay Times', 'Northfold Gazette'];
const PLACES = ['Orrin', 'Valmere', 'Tessaly', 'Quell', 'Marrow Bay', 'Northfold', 'Brisk Harbour', 'Calder Quay'];
const PEOPLE = ['Ilsa Marrick', 'Tobin Vey', 'Rhosyn Calder', 'Oskar Lindqvar', 'Perrin Aske', 'Maelis Dorne'];
const EVENTS = ['a ferry collision', 'a warehouse fire', 'a bridge closure', 'a dock strike', 'a flood on the quay', 'a power cut'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface GeneratedDoc {
  readonly file: string;
  readonly text: string;
}

/** `n` distinct plain-text articles (invented outlets, places and people), the same for the same seed. */
export function generateDocs(n: number, seed = 7, prefix = 'doc'): GeneratedDoc[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const docs: GeneratedDoc[] = [];
  for (let i = 0; i < n; i++) {
    const outlet = pick(OUTLETS);
    const place = pick(PLACES);
    const event = pick(EVENTS);
    const person = pick(PEOPLE);
    const day = pick(DAYS);
    const injured = 2 + Math.floor(rand() * 40);
    const date = `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    const text = [
      `date ${date} ${outlet}`,
      `${event[0]?.toUpperCase()}${event.slice(1)} in ${place} (report ${prefix}-${i})`,
      '',
      `${place} officials said on ${day} that ${event} had left ${injured} people injured, according to the harbour authority.`,
      '',
      `"We are still counting the damage," said ${person}, who leads the ${place} emergency office, adding that crews worked through the night.`,
      '',
      `Residents were told to avoid the area until ${DAYS[(DAYS.indexOf(day) + 2) % 7]}. Report number ${prefix}-${i}-${Math.floor(rand() * 1e9)}.`,
    ].join('\n');
    docs.push({ file: `${prefix}-${String(i).padStart(4, '0')}.txt`, text });
  }
  return docs;
}

export function writeDocs(dir: string, docs: readonly GeneratedDoc[]): string {
  mkdirSync(dir, { recursive: true });
  for (const d of docs) writeFileSync(path.join(dir, d.file), d.text);
  return dir;
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface CliHandle {
  readonly child: ChildProcess;
  readonly done: Promise<CliRun>;
}

/** Starts `parallax ARGS` (through tsx, as `npm run parallax` does) as a child process. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliHandle {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env, CI: process.env.CI ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
  return { child, done };
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return startCli(args, env).done;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The hash ingest stores (outlet, date, title and text), recomputed from what the store returns. */
export function contentHashOf(a: Article): string {
  return createHash('sha256').update([a.meta.outlet ?? '', a.meta.published ?? '', a.meta.title ?? '', a.text].join('\u0000')).digest('hex');
}
