// Opaque, stable page cursors shared by the store backends: the sort key of the last item returned, base64url.
import { ParallaxError } from '../core/errors.js';
import { MAX_PAGE, type PageRequest } from './store.js';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key a cursor stands for; a cursor that no backend issued is a user error, not a crash. */
export function decodeCursor(cursor: string): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length > 0 && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key as (string | number)[];
  } catch {
    // fall through to the error below
  }
  throw new ParallaxError('PX100', `invalid page cursor "${cursor.slice(0, 40)}": pass the "next" value of the previous page unchanged, or leave the cursor out to start over.`);
}

/** The page size a backend will actually use: at least 1, at most MAX_PAGE. */
export function pageLimit(page: PageRequest): number {
  return Math.max(1, Math.min(MAX_PAGE, Math.floor(page.limit) || 1));
}

/** Splits rows fetched with limit + 1 into the page and the cursor after it. */
export function toPage<R, T>(rows: readonly R[], limit: number, item: (row: R) => T, key: (row: R) => (string | number)[]): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(item), next: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null };
}
