// Furniture scrapers glue to the start of a text dump's lead: a crawler date, an aggregator's outlet fragment, a masthead, a dateline.
import { normalizeDate } from './normalize-date.js';
import { isOutletName } from './outlet-name.js';
import { parseDateline } from './parse-dateline.js';

export interface LeadPrefix {
  readonly published: string | null;
  readonly outlet: string | null;
  /** The service that relayed the text ("NEWSWIRE" in "NEWSWIRE - Daily Ledger)"). */
  readonly aggregator: string | null;
  readonly dateline: string | null;
  readonly credit: string | null;
  /** How the outlet was read: "aggregator-fragment", "masthead" or "before-dateline". */
  readonly outletFrom: string | null;
  /** Characters of the paragraph the prefix covers; body text starts after them. */
  readonly length: number;
}

/** " date 2025-07-04 ", "Published: 2025-07-04 07:40": a crawler's date stamp (ISO digits only, so prose never matches). */
const CRAWLER_DATE = /^\s*(?:date|published|posted|crawled)\s*[:\s]\s*(\d{4}-\d{2}(?:-\d{2})?)(?:[ T](\d{1,2}:\d{2}))?(?:\s+|$)/i;
const NAME_WORD = "[\\p{Lu}\\p{N}][\\p{L}\\p{N}&.'’-]*";
/** "NEWSWIRE - Daily Ledger)" or "Newswire | (Daily Ledger)": a relaying service, a separator, the outlet, a closing bracket. */
const AGGREGATOR_FRAGMENT = new RegExp(`^(${NAME_WORD}(?:\\s${NAME_WORD}){0,2})\\s*[-–—|:]\\s*\\(?([\\p{Lu}\\p{N}][^()\\n]{1,60}?)\\)\\s*`, 'u');
/** "Noticias media EU Noticias.eu": a logo's words then the site's host; the host is the outlet ("Headline | site.com" is a title, not a masthead). */
const MASTHEAD = /^([^.!?,;:()"“|–—\n]{1,50}?)(?<!\s-)\s+((?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+\p{L}{2,12})(?=\s+[\p{Lu}"“‘]|\s*$)/u;
/** Words a masthead can put before a dateline: at most this many. */
const MAX_OUTLET_WORDS_BEFORE_DATELINE = 5;

interface Step {
  readonly length: number;
  readonly set: Partial<Omit<LeadPrefix, 'length'>>;
}

function crawlerDate(s: string): Step | null {
  const m = CRAWLER_DATE.exec(s);
  if (!m) return null;
  const day = m[1] ?? '';
  const published = normalizeDate(m[2] && day.length === 10 ? `${day}T${m[2].padStart(5, '0')}` : day);
  return published ? { length: m[0].length, set: { published } } : null;
}

function aggregatorFragment(s: string): Step | null {
  const m = AGGREGATOR_FRAGMENT.exec(s);
  const aggregator = m?.[1]?.trim();
  const outlet = m?.[2]?.trim();
  if (!m || !aggregator || !outlet || !isOutletName(outlet) || !isOutletName(aggregator)) return null;
  return { length: m[0].length, set: { aggregator, outlet, outletFrom: 'aggregator-fragment' } };
}

/** The logo's first word is part of the host ("Noticias ... Noticias.eu"), or the masthead is the whole line. */
function masthead(s: string): Step | null {
  const m = MASTHEAD.exec(s);
  const words = m?.[1]?.trim() ?? '';
  const host = m?.[2] ?? '';
  if (!m || !words || !/^\p{Lu}/u.test(words)) return null;
  const brand = (words.split(/\s+/)[0] ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const wholeLine = s.slice(m[0].length).trim() === '';
  if (!wholeLine && (brand.length < 3 || !host.toLowerCase().replace(/-/g, '').includes(brand))) return null;
  return { length: m[0].length, set: { outlet: host, outletFrom: 'masthead' } };
}

function dateline(s: string): Step | null {
  const d = parseDateline(s);
  return d && d.length < s.length ? { length: d.length, set: { dateline: d.text, credit: d.credit } } : null;
}

/** "Daily Ledger BERLIN — ...": a name, then an upper-case dateline; the name is the outlet. */
function outletBeforeDateline(s: string): Step | null {
  const words = /^(?:\S+\s+){1,5}/.exec(s)?.[0].split(/(?<=\s)(?=\S)/) ?? [];
  let at = 0;
  for (let k = 0; k < Math.min(words.length, MAX_OUTLET_WORDS_BEFORE_DATELINE); k++) {
    at += (words[k] ?? '').length;
    const name = s.slice(0, at).trim();
    if (!isOutletName(name) || !/^\p{Lu}/u.test(name)) return null;
    const d = parseDateline(s.slice(at));
    const place = d?.text.split(',')[0] ?? '';
    if (d && d.length < s.length - at && /^\p{Lu}[\p{Lu}\s./'’-]+$/u.test(place)) {
      return { length: at + d.length, set: { outlet: name, outletFrom: 'before-dateline', dateline: d.text, credit: d.credit } };
    }
  }
  return null;
}

/**
 * Reads the furniture at the start of `paragraph`, each kind at most once, in any order:
 * 1. a crawler's date stamp; 2. an aggregator and outlet fragment; 3. a masthead ending in the site's host;
 * 4. a dateline, or 5. an outlet name glued before an upper-case dateline. Stops at the first text that is none of these.
 */
export function readLeadPrefix(paragraph: string): LeadPrefix {
  const out: { -readonly [K in keyof LeadPrefix]: LeadPrefix[K] } = { published: null, outlet: null, aggregator: null, dateline: null, credit: null, outletFrom: null, length: 0 };
  const steps: ReadonlyArray<readonly [keyof LeadPrefix, (s: string) => Step | null]> = [
    ['published', crawlerDate],
    ['aggregator', aggregatorFragment],
    ['outlet', masthead],
    ['dateline', dateline],
    ['dateline', outletBeforeDateline],
  ];
  for (let progress = true; progress; ) {
    progress = false;
    for (const [field, read] of steps) {
      if (out[field] !== null) continue;
      const rest = paragraph.slice(out.length);
      if (!rest.trim()) break;
      const step = read(rest);
      if (!step) continue;
      // a later step must not overwrite what an earlier one read (an outlet from a fragment beats a masthead)
      for (const [k, v] of Object.entries(step.set) as [keyof LeadPrefix, string | null][]) if (k !== 'length' && out[k] === null && v !== undefined) (out[k] as string | null) = v;
      out.length += step.length;
      while (/\s/.test(paragraph.charAt(out.length))) out.length++;
      progress = true;
    }
  }
  return out;
}
