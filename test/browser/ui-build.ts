// Builds the web UI into dist/ui once when it is missing or older than its sources, so `npm ci && npm test` works on a fresh clone.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/asset-path.js';

const LOCK_STALE_MS = 180_000;
const POLL_MS = 250;

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/** Sources the bundle is built from: the UI folder and the report files it imports. */
function sourcesMtime(root: string): number {
  return Math.max(newestMtime(join(root, 'ui')), newestMtime(join(root, 'src/report/schema.ts')), newestMtime(join(root, 'src/report/filter-report.ts')));
}

export function uiIsStale(root = packageRoot()): boolean {
  const index = join(root, 'dist/ui/index.html');
  return !existsSync(index) || statSync(index).mtimeMs < sourcesMtime(root);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Test files run in parallel processes: the first to need a build takes a lock file and builds,
 * the others wait for the lock to go and then find the build fresh.
 */
export function ensureUiBuilt(root = packageRoot()): void {
  const lock = join(root, 'dist/.ui-build.lock');
  for (;;) {
    if (!uiIsStale(root)) return;
    execFileSync('mkdir', ['-p', join(root, 'dist')]);
    let fd: number | null = null;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
      sleep(POLL_MS);
      continue;
    }
    try {
      if (uiIsStale(root)) {
        execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'ui/vite.config.ts')], {
          cwd: root,
          stdio: ['ignore', 'ignore', 'inherit'],
        });
      }
      return;
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}
