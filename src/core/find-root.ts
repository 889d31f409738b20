// Union-find: the root of an element's set, with path compression, over a parent array of indices.

/** The root of `i`'s set in `parent` (each element's parent index; a root is its own parent); compresses the path. */
export function findRoot(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root] ?? root;
  while (parent[i] !== root) {
    const next = parent[i] ?? root;
    parent[i] = root;
    i = next;
  }
  return root;
}
