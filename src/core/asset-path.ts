// Finds committed assets (models/, ...) from both src/ (tsx) and dist/src/ (compiled), by walking up to package.json.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the Parallax package root above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  root = dir;
  return dir;
}

/** Absolute path of a committed asset, e.g. assetPath('models/ner/model.bin.gz'). */
export function assetPath(relative: string): string {
  return join(packageRoot(), relative);
}
