// Turns CLI inputs (files, folders, simple globs, "-") into a sorted, deterministic list of sources.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type ExpandedInput =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'missing'; readonly path: string; readonly reason: string };

const GLOB_CHARS = /[*?]/;

/** `*` matches within one path segment, `**` across segments, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Every non-dot file under `dir`, sorted by path, recursively. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile()) yield full;
  }
}

async function* expandGlob(pattern: string): AsyncGenerator<ExpandedInput> {
  const norm = pattern.split(path.sep).join('/');
  const segments = norm.split('/');
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const base = segments.slice(0, firstGlob).join('/') || (norm.startsWith('/') ? '/' : '.');
  const re = globToRegExp(norm.replace(/^\.\//, ''));
  let any = false;
  try {
    for await (const file of walk(base)) {
      const rel = file.split(path.sep).join('/').replace(/^\.\//, '');
      if (re.test(rel)) {
        any = true;
        yield { kind: 'file', path: file };
      }
    }
  } catch {
    // the base folder does not exist: reported below as a missing input
  }
  if (!any) yield { kind: 'missing', path: pattern, reason: 'no file matches this pattern' };
}

/** Expands inputs in the order given; inside a folder or glob, files are sorted. */
export async function* expandInputs(inputs: readonly string[]): AsyncGenerator<ExpandedInput> {
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      yield* expandGlob(input);
      continue;
    }
    try {
      const st = await stat(input);
      if (st.isDirectory()) for await (const file of walk(input)) yield { kind: 'file', path: file };
      else yield { kind: 'file', path: input };
    } catch {
      yield { kind: 'missing', path: input, reason: 'no such file or folder' };
    }
  }
}
