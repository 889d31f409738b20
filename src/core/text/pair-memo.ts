// Values derived from an ordered pair of immutable objects, computed once per pair and dropped with either object.

/**
 * One derived value per ordered pair (a, b) of immutable objects: (a, b) and (b, a) are two entries, so a computation
 * that is not symmetric is never answered by its mirror. Entries live as long as both objects: a long stream holds
 * only the pairs of the objects still in memory (for the story engine, the articles of its bounded cache and the
 * per-article memos hanging from them).
 */
export class PairMemo<K extends object, V> {
  private readonly entries = new WeakMap<K, WeakMap<K, V>>();

  get(a: K, b: K, compute: () => V): V {
    let row = this.entries.get(a);
    if (row === undefined) {
      row = new WeakMap();
      this.entries.set(a, row);
    }
    if (row.has(b)) return row.get(b) as V;
    const value = compute();
    row.set(b, value);
    return value;
  }
}
