// Starts `parallax worker` as a child process (scale bench, race test, crash trials): ready once it listens; exit code, timings and CPU when done.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface WorkerProcessOptions {
  /** Exit once the queues stay empty for `idleSeconds` (the worker's --until-idle). */
  readonly untilIdle?: boolean;
  readonly idleSeconds?: number;
  /** Seconds before a job a dead worker held is retried (the worker's --job-timeout). */
  readonly jobTimeoutSeconds?: number;
  /** Ask for the worker's timings line (milliseconds per stage and job kind, and `process:cpu`). */
  readonly timings?: boolean;
}

export interface WorkerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** The worker's timings (empty without `timings` or when it was killed). */
  readonly timings: Record<string, number>;
  /** Articles the worker reported analyzed (NaN when it was killed before its summary). */
  readonly articlesAnalyzed: number;
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Resolves once the worker listens on every queue (or has exited). */
  readonly ready: Promise<void>;
  readonly done: Promise<WorkerExit>;
  /** Asks the worker to finish its running jobs and exit (SIGTERM), as an operator would. */
  readonly stop: () => void;
  readonly exited: () => boolean;
}

export function startWorker(url: string, options: WorkerProcessOptions = {}): WorkerProcess {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--db', url];
  if (options.untilIdle) args.push('--until-idle', '--idle-seconds', String(options.idleSeconds ?? 1));
  if (options.jobTimeoutSeconds !== undefined) args.push('--job-timeout', String(options.jobTimeoutSeconds));
  if (options.timings) args.push('--timings');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let markReady = (): void => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (stderr.includes('worker ready')) markReady();
  });
  let exited = false;
  const done = new Promise<WorkerExit>((resolve) =>
    child.on('close', (code, signal) => {
      exited = true;
      markReady();
      const line = /worker timings: (\{.*\})/.exec(stderr)?.[1];
      const timings = line ? (JSON.parse(line) as Record<string, number>) : {};
      resolve({ code, signal, stderr, timings, articlesAnalyzed: Number(/(\d+) articles? analyzed/.exec(stderr)?.[1] ?? NaN) });
    }),
  );
  return { child, ready, done, stop: () => void child.kill('SIGTERM'), exited: () => exited };
}
