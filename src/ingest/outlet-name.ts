// What an outlet name looks like (a short name, never a sentence) and the guesses used when a text names none.
import path from 'node:path';
import type { SourceRef } from '../core/article.js';

/** An outlet name is at most this long; a longer candidate is text that was taken for a name. */
export const MAX_OUTLET_CHARS = 60;
const MAX_OUTLET_WORDS = 8;
/** Lower-case words that sit inside names ("The Times of India", "Le Monde", "Radio y Televisión"). */
const NAME_PARTICLES = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'de', 'des', 'du', 'la', 'le', 'les', 'el', 'los', 'las', 'del', 'der', 'die', 'das', 'und', 'di', 'da', 'do', 'dos', 'y', 'e', 'et', 'van', 'von', 'news']);
/** A host name: labels joined by dots, ending in a top-level domain ("harbor-courier.com", "noticias.eu"). */
const HOST_RE = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,12}$/u;
/** Abbreviations a name may end with ("Ledger Co.", "Media Inc."). */
const NAME_FINAL_ABBREVIATION = /\b(?:Inc|Co|Corp|Ltd|Bros|Cie|S\.A|A\.G|Jr)\.$/;

/** Whether `s` is shaped like a host name ("noticias.eu"). */
export function isHostName(s: string): boolean {
  return HOST_RE.test(s.trim());
}

/**
 * Whether `candidate` can be an outlet's name: at most 60 characters and 8 words, no sentence punctuation at
 * the end (a host name or "Inc." aside), no colon, bracket or quote, not a byline or a date, and at most one
 * lower-case word that is not a name particle ("Noticias media EU" passes; "Officials said the bridge would
 * close" does not).
 */
export function isOutletName(candidate: string): boolean {
  const t = candidate.trim();
  if (!t || t.length > MAX_OUTLET_CHARS) return false;
  if (isHostName(t)) return true;
  if (/[.!?;:,]$/.test(t) && !NAME_FINAL_ABBREVIATION.test(t)) return false;
  // names carry no sentence marks, brackets, quotes or clauses after a colon; a trailing dash is a dateline's
  if (/[!?;:()[\]{}"“”]|,\s+\p{Ll}|[-–—]$/u.test(t)) return false;
  if (/^by\s/i.test(t)) return false;
  // a date or clock reading ("March 10, 2014 2:18 PM") has several number groups; a station has at most one ("KHOU 11")
  if ((t.match(/\d+/g)?.length ?? 0) > 2) return false;
  const words = t.split(/\s+/);
  if (words.length > MAX_OUTLET_WORDS) return false;
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w) && !isHostName(w));
  return words.length === 1 || lower.length <= 1;
}

/** The host of `url` without "www."-style prefixes, or null when it is not a URL with a host. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^(?:www\d?|m|amp|edition|mobile)\./, '');
    return host || null;
  } catch {
    return null;
  }
}

/** The file's stem as a last-resort outlet: only for a whole file (a record in a container shares the file with others). */
export function fileStem(source: SourceRef): string | null {
  const p = source.path;
  if (!p || p === '-' || source.record !== undefined) return null;
  const stem = path.basename(p, path.extname(p));
  return stem || null;
}
