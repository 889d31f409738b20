// Calendar arithmetic on plain dates (UTC, no time zones) and TimeML value formatting.

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A reference (publication) date: any of its parts may be unknown when the source was partial. */
export interface Reference {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

/** Reads "1998-11-20", "1998-11-20T19:30", "1998-11" or "1998"; null when unreadable. */
export function parseReference(iso: string | null): Reference | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  return { year: Number(m[1]), month: month && month >= 1 && month <= 12 ? month : null, day: day && month ? day : null };
}

/** The reference as a full date, or null when it lacks a day. */
export function referenceDate(ref: Reference | null): CalendarDate | null {
  return ref && ref.month !== null && ref.day !== null ? { year: ref.year, month: ref.month, day: ref.day } : null;
}

function toUtc(d: CalendarDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function fromUtc(t: Date): CalendarDate {
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = toUtc(d);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/** Month arithmetic on (year, month) only. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(d: CalendarDate): number {
  return toUtc(d).getUTCDay();
}

export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return fromUtc(new Date(Date.UTC(year, month - 1, day))).day === day;
}

/** ISO-8601 week: the week-numbering year can differ from the calendar year near New Year. */
export function isoWeek(d: CalendarDate): { year: number; week: number } {
  const t = toUtc(d);
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { year: t.getUTCFullYear(), week: Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatYear(year: number): string {
  return pad(year, 4);
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function formatDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatWeek(d: CalendarDate): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

export function formatTime(d: CalendarDate, hour: number, minute: number): string {
  return `${formatDate(d)}T${pad(hour)}:${pad(minute)}`;
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

/** Meteorological seasons; a winter belongs to the year it starts in (January 1999 is in 1998-WI). */
export function seasonOf(d: { year: number; month: number }): { year: number; season: Season } {
  const m = d.month;
  if (m >= 3 && m <= 5) return { year: d.year, season: 'SP' };
  if (m >= 6 && m <= 8) return { year: d.year, season: 'SU' };
  if (m >= 9 && m <= 11) return { year: d.year, season: 'FA' };
  return { year: m === 12 ? d.year : d.year - 1, season: 'WI' };
}

export const SEASON_ORDER: readonly Season[] = ['SP', 'SU', 'FA', 'WI'];

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}
