// Month, weekday, unit and season words English news uses for dates, with the regex sources built from them.

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};

/** Capitalised month names; "Jan" needs its dot because it is also a first name. */
export const MONTH_SOURCE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.?|Sep\\.|Oct\\.|Nov\\.|Dec\\.|Feb|Apr|Aug|Oct|Nov|Dec)';

export function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

export const WEEKDAY_SOURCE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

export function weekdayNumber(word: string): number | null {
  return WEEKDAYS[word.toLowerCase().replace(/s$/, '')] ?? null;
}

/** TimeML duration letters per unit; decades and centuries become years. */
export interface UnitInfo {
  readonly letter: 'S' | 'M' | 'H' | 'D' | 'W' | 'Y';
  readonly time: boolean;
  readonly factor: number;
}

export const UNITS: Readonly<Record<string, UnitInfo>> = {
  second: { letter: 'S', time: true, factor: 1 },
  minute: { letter: 'M', time: true, factor: 1 },
  hour: { letter: 'H', time: true, factor: 1 },
  day: { letter: 'D', time: false, factor: 1 },
  night: { letter: 'D', time: false, factor: 1 },
  week: { letter: 'W', time: false, factor: 1 },
  fortnight: { letter: 'W', time: false, factor: 2 },
  month: { letter: 'M', time: false, factor: 1 },
  year: { letter: 'Y', time: false, factor: 1 },
  decade: { letter: 'Y', time: false, factor: 10 },
  century: { letter: 'Y', time: false, factor: 100 },
};

export const UNIT_SOURCE = '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century)';

export function unitInfo(word: string): UnitInfo | null {
  const w = word.toLowerCase();
  const singular = w === 'centuries' ? 'century' : w.replace(/s$/, '');
  return UNITS[singular] ?? null;
}

export const SEASONS: Readonly<Record<string, 'SP' | 'SU' | 'FA' | 'WI'>> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};

export const PARTS_OF_DAY: Readonly<Record<string, string>> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI',
};

/** A vague count: "several days", "a few years", "many months" give an X in the value. */
export const VAGUE_COUNT_SOURCE = '(?:several|a\\s+few|few|many|some|a\\s+couple\\s+of|couple\\s+of|a\\s+number\\s+of)';
