// Bylines: "By Jane Doe, Reuters" -> author + credit; junk ("Published by", "Staff", dates, feed names) rejected.
import { canonicalAgency } from './wire-credits.js';

export interface BylineParts {
  readonly byline: string | null;
  readonly credits: readonly string[];
  /** An outlet named after a separator ("By Jane Doe | Harbor Courier"). */
  readonly outlet: string | null;
}

/** Longest byline kept; longer strings are sentences or widget text, not a byline. */
const MAX_BYLINE_CHARS = 80;

const JUNK_RES: readonly RegExp[] = [
  /^(?:published|posted|updated|written|created|edited|produced)\b/i,
  /\b(?:staff|admin|administrator|editor(?:ial)?(?: team| desk| board)?|newsroom|web desk|news desk|desk|team|bureau|correspondent)$/i,
  /\bwatermark\b|\bfeed\b|\brss\b|\bwire service\b|\bagency\b|^anonymous$|^guest$|^unknown$/i,
  /\d{4}|\d{1,2}[:/.]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d/i,
  /https?:|www\.|@|\.com\b/i,
  /^(?:the |a )?(?:author|reporter|writer|contributor)s?$/i,
];

/** True when a candidate byline is a label, a date or a feed name rather than a person. */
export function isJunkByline(candidate: string): boolean {
  const t = candidate.trim();
  if (t.length < 3 || t.length > MAX_BYLINE_CHARS) return true;
  if (!/\p{Lu}/u.test(t)) return true;
  if (canonicalAgency(t)) return true;
  return JUNK_RES.some((re) => re.test(t));
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/^[\s,;:|·•–—-]+|[\s,;:|·•–—-]+$/g, '');
}

/** Splits a byline string (with or without the leading "By") into the person, wire credits and an outlet. */
export function parseByline(raw: string): BylineParts {
  let s = tidy(raw.replace(/^\s*(?:by|written by|words by|text by|reporting by|von|por|par)\s*:?\s+/i, ''));
  const credits: string[] = [];
  let outlet: string | null = null;
  const bar = /\s+(?:\||·|•|—|–|-)\s+(.+)$/.exec(s);
  if (bar?.[1]) {
    const tail = tidy(bar[1]);
    const agency = canonicalAgency(tail);
    if (agency) credits.push(agency);
    else if (tail.length <= 60 && !/\d/.test(tail)) outlet = tail;
    s = tidy(s.slice(0, bar.index));
  }
  const comma = s.split(/\s*,\s*/);
  const people: string[] = [];
  for (const part of comma) {
    const agency = canonicalAgency(part.replace(/^(?:the)\s+/i, ''));
    if (agency) credits.push(agency);
    else if (people.length === 0 || /^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}$/u.test(part)) people.push(part);
  }
  // ", Staff Writer" / ", Correspondent" after a name are titles, not people.
  const person = tidy(people.filter((p) => !/^(?:senior |chief |staff |special )?(?:writer|reporter|correspondent|editor)$/i.test(p)).join(', '));
  return { byline: person && !isJunkByline(person) ? person : null, credits, outlet };
}
