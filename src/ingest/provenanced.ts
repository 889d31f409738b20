// Small helpers shared by the metadata readers: JSON values, and values tagged with where they came from.
import type { Provenanced } from '../core/article.js';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export function isJsonObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A provenanced value, or null for a missing or empty one. */
export function pv<T>(value: T | null | undefined, from: string): Provenanced<T> | null {
  return value === null || value === undefined || value === '' ? null : { value, from };
}

/** The first present candidate: candidates are listed in order of trust. */
export function firstOf<T>(...cands: ReadonlyArray<Provenanced<T> | null | undefined>): Provenanced<T> | null {
  for (const c of cands) if (c) return c;
  return null;
}
