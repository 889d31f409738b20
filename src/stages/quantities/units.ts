// Counted things: a singular lemma for each unit, and comparison keys so "17 injured" meets "a dozen wounded".

const IRREGULAR: Readonly<Record<string, string>> = {
  people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child', police: 'police',
  personnel: 'personnel', staff: 'staff', feet: 'foot', teeth: 'tooth', mice: 'mouse', geese: 'goose',
  lives: 'life', wives: 'wife', knives: 'knife', halves: 'half', thieves: 'thief', centuries: 'century',
  series: 'series', species: 'species', news: 'news', cattle: 'cattle', aircraft: 'aircraft', sheep: 'sheep',
  data: 'data', criteria: 'criterion', dead: 'dead', injured: 'injured', wounded: 'wounded', missing: 'missing',
  homeless: 'homeless', aliases: 'alias', buses: 'bus', statuses: 'status', bonuses: 'bonus', viruses: 'virus', kilometres: 'kilometre', metres: 'metre', '%': 'percent', 'per cent': 'percent',
  percent: 'percent', '$': 'dollar', '£': 'pound', '€': 'euro', hrs: 'hour', mins: 'minute', km: 'kilometre',
  kms: 'kilometre', kilometers: 'kilometre', kilometer: 'kilometre', meters: 'metre', meter: 'metre',
};

/** Words that never pluralize with a plain -s rule ("bus" -> "bus", "crisis" -> "crisis"). */
const KEEP_S = /(?:ss|us|is|ics|ous)$/;

/** Singular lemma of one word: "rockets" -> "rocket", "casualties" -> "casualty", "people" -> "person". */
export function singular(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (KEEP_S.test(w) || w.length <= 3) return w;
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses|zes)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Lemma of a counted phrase: "rockets and shells" -> "rocket and shell". */
export function unitLemma(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) => (w === 'and' || w === 'or' ? w : singular(w)))
    .join(' ');
}

// Units reported under different words for the same count. Casualties stay apart: they mix dead and injured.
const SYNONYMS: Readonly<Record<string, string>> = {
  person: 'person', people: 'person', civilian: 'person', resident: 'person', individual: 'person',
  dead: 'death', death: 'death', killed: 'death', fatality: 'death', body: 'death', victim: 'death',
  injured: 'injured', wounded: 'injured', injury: 'injured', hurt: 'injured',
  soldier: 'soldier', troop: 'soldier', serviceman: 'soldier', servicemember: 'soldier',
  dollar: 'usd', usd: 'usd', 'us dollar': 'usd', euro: 'eur', pound: 'gbp', percent: 'percent', 'percentage point': 'point',
  kilometre: 'kilometre', mile: 'mile', rocket: 'projectile', missile: 'projectile', shell: 'projectile',
  'rocket and shell': 'projectile', 'missile and rocket': 'projectile', 'rocket and missile': 'projectile', drone: 'drone',
  arrest: 'arrest', arrested: 'arrest', detained: 'arrest', detainee: 'arrest',
};

/** Seconds per time unit: durations in different units compare after conversion. */
export const TIME_UNIT_SECONDS: Readonly<Record<string, number>> = {
  second: 1, minute: 60, hour: 3600, day: 86_400, night: 86_400, week: 604_800, fortnight: 1_209_600,
  month: 2_629_746, year: 31_556_952, decade: 315_569_520, century: 3_155_695_200,
};

/**
 * Comparison key of a unit: synonyms collapse ("wounded" and "injured" -> "injured"), time units become
 * "duration". The last word of an adjective-noun phrase is its head ("Ukrainian soldier" -> "soldier").
 */
export function unitKey(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.toLowerCase();
  // A rank ("nth day", "nth attack") meets only the same rank noun, never a count or a duration.
  if (u.startsWith('nth ')) {
    const noun = u.slice(4);
    return `nth ${SYNONYMS[noun] ?? noun}`;
  }
  const direct = SYNONYMS[u];
  if (direct) return direct;
  if (u in TIME_UNIT_SECONDS) return 'duration';
  const head = u.split(/\s+/).pop() ?? u;
  if (head in TIME_UNIT_SECONDS) return 'duration';
  return SYNONYMS[head] ?? head;
}

/** Whether two quantities count the same kind of thing; a bare number is comparable only to a bare number. */
export function unitsComparable(a: string | null, b: string | null): boolean {
  return unitKey(a) === unitKey(b);
}
