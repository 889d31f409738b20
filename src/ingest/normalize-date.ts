// Dates from markup, feeds, URLs and text headers to ISO 8601 with honest precision (no invented seconds or zones; a stated zone is kept).

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

/** Years outside this window are taken as parse accidents, not publication dates. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const pad = (n: number): string => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number | null, time: string | null, zone: string | null = null): string | null {
  if (d === null) return y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 ? `${y}-${pad(m)}` : null;
  if (!validDay(y, m, d)) return null;
  return time ? `${y}-${pad(m)}-${pad(d)}T${time}${zone ?? ''}` : `${y}-${pad(m)}-${pad(d)}`;
}

/** A zone the source states ("Z", "+00:00", "-0500", "GMT") as ISO ("Z", "-05:00"); null when none is given. */
function zoneOf(raw: string | undefined): string | null {
  if (!raw) return null;
  if (/^(?:Z|GMT|UTC)$/i.test(raw)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(raw);
  if (!m) return null;
  return m[2] === '00' && m[3] === '00' ? 'Z' : `${m[1]}${m[2]}:${m[3]}`;
}

function clock(h: string | undefined, min: string | undefined, ampm?: string): string | null {
  if (h === undefined || min === undefined) return null;
  let hour = Number(h);
  const minute = Number(min);
  if (ampm) {
    const pm = /p/i.test(ampm);
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  return hour < 24 && minute < 60 ? `${pad(hour)}:${pad(minute)}` : null;
}

/**
 * Normalizes one date string. Accepted shapes: ISO (`2026-03-14`, `2026-03-14T07:40:00Z`, `2026-03`),
 * RFC 822 (`Sat, 14 Mar 2026 07:40:00 +0000`), `March 14, 2026 [7:40 AM]`, `14 March 2026`, `2026/03/14`.
 * The time is kept as written (wall clock of the source) and only when one is given; a zone is kept only when stated.
 */
export function normalizeDate(input: string): string | null {
  const s = input.trim();
  let m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  if (m) {
    const time = m[3] && m[4] ? clock(m[4], m[5]) : null;
    if (time === '00:00' && /T00:00(:00)?(\.0+)?(Z|[+-]00:?00)?$/.test(s)) return iso(Number(m[1]), Number(m[2]), Number(m[3]), null);
    return iso(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, time, zoneOf(m[6]));
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]), null);
  m = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2}))?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]), clock(m[4], m[5]));
  m = /(?:^|[\s,])(\d{1,2})\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:[,\s]+(?:at\s+)?(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?(?:\s*(Z|GMT|UTC|[+-]\d{4})\b)?)?/i.exec(s);
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month) return iso(Number(m[3]), month, Number(m[1]), clock(m[4], m[5], m[6]), zoneOf(m[7]));
  }
  m = /(?:^|[\s,])([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[,\s]+(?:at\s+)?(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?)?/i.exec(` ${s}`);
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month) return iso(Number(m[3]), month, Number(m[2]), clock(m[4], m[5], m[6]));
  }
  return null;
}

/** A date in a URL path: `/2019/11/19/`, `/2019-11-19/`, `/20191119/`, or a month alone `/2019/11/`. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|_|$)/.exec(path);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]), null);
  m = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]), null);
  m = /\/((?:19|20)\d{2})\/(\d{1,2})\//.exec(path);
  if (m) return iso(Number(m[1]), Number(m[2]), null, null);
  return null;
}
