// Header lines scrapers leave above plain-text articles: "date 2026-03-14 07:40 Outlet", a title, a byline.
import { normalizeDate } from './normalize-date.js';
import { parseByline } from './parse-byline.js';
import { isOutletName } from './outlet-name.js';
import { readLeadPrefix } from './read-lead-prefix.js';
import { classifyLine } from './remove-boilerplate.js';

export interface TextHeader {
  readonly published: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly byline: string | null;
  readonly credits: readonly string[];
  readonly url: string | null;
  /** Outlet named after the byline ("By Jane Doe | Harbor Courier"). */
  readonly bylineOutlet: string | null;
  /** Index of the first body line in the input. */
  readonly bodyStart: number;
  /** Body text glued after the date on the date line (the lead, or more furniture); it comes before `bodyStart`. */
  readonly lead: string | null;
}

/** A title is a short line; longer first lines are body text. */
const MAX_TITLE_CHARS = 150;
const MAX_BYLINE_LINE_CHARS = 120;

const DATE_LINE = /^date[:\s]\s*(\d{4}-\d{2}(?:-\d{2})?)(?:[ T](\d{1,2}:\d{2}))?(?:\s+(.*))?$/i;
const KEY_LINE = /^(title|outlet|source|url|link|author|byline|published)\s*:\s*(.+)$/i;
const BYLINE_LINE = /^(?:by|By|BY)\s+\p{Lu}/u;
/** A byline-shaped line this short is header furniture even when its name is junk ("By Staff"). */
const MAX_JUNK_BYLINE_CHARS = 40;

function nextNonBlank(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && !(lines[i] ?? '').trim()) i++;
  return i;
}

/** A headline may end in an abbreviation's period ("... in Fort Bend Co.", "... in Sunman, Ind.") or an ellipsis; a sentence's period makes a line body text. */
const TITLE_FINAL_ABBREVIATION = /(?:\b(?:Co|Corp|Inc|Ave|St|Rd|Blvd|Jr|Sr|Dept|Gov|Sen|Rep|Ind|Fla|Calif|Ariz|Ark|Colo|Conn|Ga|Ill|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)|\b[A-Z](?:\.[A-Z])+)\.$|\w(?:\.\.\.|…)$/;

/** A line a scraper puts above the lead (masthead, aggregator fragment, crawler date) is read by `readLeadPrefix`, not taken as a title. */
/** A name on the date line or under it; site furniture (a photo credit, "Updated: ...") is not one. */
function isOutletLine(line: string): boolean {
  return isOutletName(line) && !BYLINE_LINE.test(line) && classifyLine(line) === null && !isLeadFurniture(line);
}

function isLeadFurniture(line: string): boolean {
  const t = line.trim();
  return readLeadPrefix(t).length >= t.length;
}

export function isTitleLike(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= MAX_TITLE_CHARS && (!/[.,;:]$/.test(t) || TITLE_FINAL_ABBREVIATION.test(t)) && !BYLINE_LINE.test(t) && classifyLine(t) === null && !isLeadFurniture(t);
}

/** Reads the header block; lines it consumes are metadata and not part of the body. */
export function parseTextHeader(lines: readonly string[]): TextHeader {
  let published: string | null = null;
  let outlet: string | null = null;
  let title: string | null = null;
  let byline: string | null = null;
  let url: string | null = null;
  let bylineOutlet: string | null = null;
  const credits: string[] = [];
  let i = nextNonBlank(lines, 0);

  const date = DATE_LINE.exec((lines[i] ?? '').trim());
  if (date) {
    const day = date[1] ?? '';
    published = normalizeDate(date[2] && day.length === 10 ? `${day}T${date[2].padStart(5, '0')}` : day);
    const rest = (date[3] ?? '').trim();
    // Text glued after the date that is not a name is the lead (or more furniture): the body starts on this line.
    if (rest && !isOutletLine(rest)) return { published, outlet, title, byline, credits, url, bylineOutlet, bodyStart: i + 1, lead: rest };
    i++;
    if (rest) outlet = rest;
    else {
      const j = i < lines.length && (lines[i] ?? '').trim() ? i : -1;
      const cand = j >= 0 ? (lines[j] ?? '').trim() : '';
      // the outlet sits on the very next line; a blank line first means there is no outlet line
      if (cand && isOutletLine(cand)) {
        outlet = cand;
        i = j + 1;
      }
    }
  }
  for (let k = nextNonBlank(lines, i); k < lines.length; k = nextNonBlank(lines, i)) {
    const m = KEY_LINE.exec((lines[k] ?? '').trim());
    if (!m) break;
    const key = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (key === 'title') title = value;
    else if (key === 'outlet' || key === 'source') outlet ??= value;
    else if (key === 'url' || key === 'link') url = value;
    else if (key === 'author' || key === 'byline') byline = parseByline(value).byline;
    else if (key === 'published') published ??= normalizeDate(value);
    i = k + 1;
  }

  const takeByline = (k: number): boolean => {
    const line = (lines[k] ?? '').trim();
    if (!BYLINE_LINE.test(line) || line.length > MAX_BYLINE_LINE_CHARS) return false;
    const parts = parseByline(line);
    if (!parts.byline && !parts.credits.length && (line.length > MAX_JUNK_BYLINE_CHARS || /[.!?]$/.test(line))) return false;
    byline = parts.byline;
    credits.push(...parts.credits);
    bylineOutlet = parts.outlet;
    return true;
  };

  let k = nextNonBlank(lines, i);
  if (k < lines.length && takeByline(k)) {
    i = k + 1;
    k = nextNonBlank(lines, i);
  }
  if (title === null && k < lines.length) {
    const line = lines[k] ?? '';
    const followedByBlank = k + 1 >= lines.length || !(lines[k + 1] ?? '').trim();
    const hasMore = nextNonBlank(lines, k + 1) < lines.length;
    if (followedByBlank && hasMore && isTitleLike(line)) {
      title = line.trim();
      i = k + 1;
      k = nextNonBlank(lines, i);
    }
  }
  if (byline === null && k < lines.length && takeByline(k)) i = k + 1;
  return { published, outlet, title, byline, credits, url, bylineOutlet, bodyStart: i, lead: null };
}
