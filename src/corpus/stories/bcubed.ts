// B-cubed F1 between two labellings of the same items: how well one clustering agrees with another (or with gold).

/** B-cubed F1 of a predicted labelling against a reference one (same item order). */
export function bcubedF1(pred: readonly string[], gold: readonly string[]): number {
  const count = (labels: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const predSize = count(pred);
  const goldSize = count(gold);
  const both = count(pred.map((p, i) => `${p}\u0000${gold[i]}`));
  let p = 0;
  let r = 0;
  pred.forEach((label, i) => {
    const g = gold[i] ?? '';
    const overlap = both.get(`${label}\u0000${g}`) ?? 0;
    p += overlap / (predSize.get(label) ?? 1);
    r += overlap / (goldSize.get(g) ?? 1);
  });
  const n = pred.length || 1;
  return p + r === 0 ? 0 : (2 * (p / n) * (r / n)) / (p / n + r / n);
}
