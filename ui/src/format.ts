// Small display helpers shared by the views.

/** "2026-03-11T07:40" -> "2026-03-11 07:40"; null -> "undated". */
export function showDate(date: string | null): string {
  return date ? date.replace('T', ' ') : 'undated';
}

export function dateRange(first: string | null, last: string | null): string {
  if (!first && !last) return 'undated';
  if (!last || first === last) return showDate(first);
  const a = showDate(first);
  const b = showDate(last);
  // Same day: show the day once.
  if (a.slice(0, 10) === b.slice(0, 10) && b.length > 10) return `${a} – ${b.slice(11)}`;
  return `${a} – ${b}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
