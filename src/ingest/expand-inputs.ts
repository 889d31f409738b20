// Turns CLI inputs (files, folders, simple globs, "-") into a sorted, deterministic list of sources.
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Why an input that exists is not read: it is not a regular file, or a symlink that loops or leads nowhere. */
export type RefusedRule = 'not-a-regular-file' | 'symlink-loop' | 'broken-symlink' | 'unreadable-folder';

export type ExpandedInput =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'missing'; readonly path: string; readonly reason: string }
  | { readonly kind: 'refused'; readonly path: string; readonly rule: RefusedRule; readonly reason: string };

/** What a non-regular file is, in words a user recognises. */
export function fileKind(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const refusedSpecial = (file: string, st: Stats): ExpandedInput => ({
  kind: 'refused',
  path: file,
  rule: 'not-a-regular-file',
  reason: `${fileKind(st)}, not a regular file; refused (it could block or never end). Save its content to a file or pipe it to "-"`,
});

const dirKey = (st: Stats): string => `${st.dev}:${st.ino}`;

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

/**
 * Every non-dot file under `dir`, sorted by path, recursively. Symlinks are followed; a folder is read once per
 * expansion (`seen` holds the folders read so far), so a link back to a folder already read is reported as a loop,
 * never followed again. Pipes, devices and sockets are reported, never opened.
 */
async function* walk(dir: string, seen: Set<string>): AsyncGenerator<ExpandedInput> {
  let listed: Dirent[];
  try {
    seen.add(dirKey(await stat(dir)));
    listed = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'refused', path: dir, rule: 'unreadable-folder', reason: `cannot list the folder (${(err as Error).message}); check its permissions` };
    return;
  }
  const entries = listed.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full, seen);
    else if (e.isFile()) yield { kind: 'file', path: full };
    else if (e.isSymbolicLink()) yield* followLink(full, seen);
    else yield* statThen(full, (st) => refusedSpecial(full, st));
  }
}

async function* statThen(file: string, then: (st: Stats) => ExpandedInput): AsyncGenerator<ExpandedInput> {
  try {
    yield then(await stat(file));
  } catch (err) {
    yield { kind: 'missing', path: file, reason: `cannot inspect it (${(err as Error).message})` };
  }
}

async function* followLink(link: string, seen: Set<string>): AsyncGenerator<ExpandedInput> {
  let target: Stats;
  try {
    target = await stat(link);
  } catch (err) {
    const loop = (err as { code?: string }).code === 'ELOOP';
    yield {
      kind: 'refused',
      path: link,
      rule: loop ? 'symlink-loop' : 'broken-symlink',
      reason: loop ? 'symbolic link loops back on itself; refused. Remove or fix the link' : 'symbolic link points to nothing; refused. Remove or fix the link',
    };
    return;
  }
  if (target.isFile()) yield { kind: 'file', path: link };
  else if (!target.isDirectory()) yield refusedSpecial(link, target);
  else if (seen.has(dirKey(target))) {
    yield { kind: 'refused', path: link, rule: 'symlink-loop', reason: 'symbolic link leads to a folder already read (a loop or a second link); not read again' };
  } else yield* walk(link, seen);
}

async function* expandGlob(pattern: string): AsyncGenerator<ExpandedInput> {
  const norm = pattern.split(path.sep).join('/');
  const segments = norm.split('/');
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const base = segments.slice(0, firstGlob).join('/') || (norm.startsWith('/') ? '/' : '.');
  const re = globToRegExp(norm.replace(/^\.\//, ''));
  let any = false;
  try {
    for await (const found of walk(base, new Set())) {
      if (found.kind !== 'file' && found.kind !== 'refused') continue;
      const rel = found.path.split(path.sep).join('/').replace(/^\.\//, '');
      if (re.test(rel)) {
        any = true;
        yield found;
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
    let st: Stats;
    try {
      st = await stat(input);
    } catch (err) {
      if ((err as { code?: string }).code === 'ELOOP') yield { kind: 'refused', path: input, rule: 'symlink-loop', reason: 'symbolic link loops back on itself; refused. Remove or fix the link' };
      else yield { kind: 'missing', path: input, reason: 'no such file or folder' };
      continue;
    }
    if (st.isDirectory()) yield* walk(input, new Set());
    else if (st.isFile()) yield { kind: 'file', path: input };
    else yield refusedSpecial(input, st);
  }
}
