// How and where a death happened as a clause tells it ("died of pneumonia", "died in his flat"), and when two tellings clash.
import type { Span } from '../../core/span.js';

/** A cause or a place of death a clause states, with its span in the clause's text. */
export interface DeathDetail extends Span {
  readonly kind: 'cause' | 'place';
  /** Cause: the content words of the cause ("heart", "failure"); place: the kind of place ("home" or "care"). */
  readonly keys: readonly string[];
}

/** "died of", "died on Monday from", "succumbed to complications of": the words before a cause of death. */
const CAUSE_RE = /\b(died|dies|passed\s+away|succumbed)\b((?:\s+(?!of\b|from\b|to\b|after\b)[\w'-]+){0,3}?)\s+(of|from|to)\s+((?:complications?\s+(?:of|from)\s+)?)((?:an?|the|his|her|their)\s+)?([\w'-]+(?:[ \t]+(?![Aa]t\b|[Ii]n\b|[Oo]n\b|[Aa]fter\b|[Ww]hile\b|[Nn]ear\b|[Ff]ollowing\b|[Ss]aid\b|[Aa]ccording\b|[Ll]ast\b|[Tt]his\b|[Yy]esterday\b|[Aa]nd\b|[Ww]hich\b|[Tt]hat\b|[Ww]ho\b|[Mm]onday\b|[Tt]uesday\b|[Ww]ednesday\b|[Tt]hursday\b|[Ff]riday\b|[Ss]aturday\b|[Ss]unday\b)[\w'-]+){0,3})/g;

/**
 * Causes that say how badly, not of what ("his injuries", "natural causes", "an illness"): vague, so they agree with
 * any exact cause; and words that only say a cause is a condition ("Alzheimer's disease" is "Alzheimer's").
 */
const VAGUE_CAUSES = new Set(['injury', 'injuries', 'wound', 'wounds', 'cause', 'causes', 'illness', 'ailment', 'condition', 'complications', 'complication', 'disease', 'natural', 'unknown', 'undisclosed', 'long', 'short', 'brief', 'lengthy', 'battle', 'his', 'her', 'their', 'a', 'an', 'the', 'with', 'apparent', 'suspected', 'what', 'appeared', 'be', 'to']);
/** Words that open another phrase after a cause. */
const PHRASE_STOP = new Set(['a', 'an', 'the', 'aged', 'his', 'her', 'their', 'to', 'during', 'around', 'about', 'sustained', 'suffered', 'inside', 'late', 'later', 'early', 'with', 'made', 'and', 'or', 'as', 'when', 'before']);
const GENERIC_WORDS = new Set(['disease', 'condition', 'syndrome', 'complications', 'complication', 'related', 'illness']);

/** "burnt to death", "stabbed to death": a manner of death, as the cause word it names ("shot" is a gunshot). */
const MANNER_RE = /\b(burned|burnt|suffocated|asphyxiated|smothered|choked|stabbed|beaten|bludgeoned|crushed|trampled|starved|frozen|strangled|drowned|shot|hacked|electrocuted)\s+to\s+death\b/gi;

/** Words of one cause said in other words: "suffocated", "asphyxia", "smoke inhalation"; "shot", "gunshot". */
const CAUSE_CLASS: Readonly<Record<string, string>> = {
  burned: 'burn', burnt: 'burn', burns: 'burn', burn: 'burn', fire: 'burn',
  suffocated: 'suffocation', asphyxiated: 'suffocation', smothered: 'suffocation', choked: 'suffocation', asphyxia: 'suffocation',
  asphyxiation: 'suffocation', suffocation: 'suffocation', smoke: 'suffocation', inhalation: 'suffocation',
  shot: 'gunshot', gunshot: 'gunshot', gunfire: 'gunshot', bullet: 'gunshot', gun: 'gunshot', shooting: 'gunshot',
  stabbed: 'stab', stab: 'stab', knife: 'stab', beaten: 'beating', bludgeoned: 'beating', beating: 'beating',
  drowned: 'drowning', drowning: 'drowning', strangled: 'strangulation', strangulation: 'strangulation',
};

const causeKey = (w: string): string => CAUSE_CLASS[w] ?? (w.length > 3 ? w.replace(/s$/, '') : w);

/** "died in his flat", "died in a city hospital", "died at home": the kind of place a death happened in. */
const PLACE_RE = /\b(?:died|dies|passed\s+away)\b[^.;:]{0,60}?\b(?:at|in)\s+(?:(?:a|an|the|his|her|their)\s+((?:[\w'-]+\s+){0,3}?))?(hospital|hospice|clinic|infirmary|home|house|residence|apartment)\b/gi;
const CARE_BEFORE = /\b(?:nursing|care|retirement)\s+$/i;

/** Words one of CAUSE_RE, MANNER_RE and PLACE_RE needs ("died", "dies", "passed away", "succumbed", "to death"). */
const MAY_TELL_DEATH_RE = /di(?:ed|es)|passed|succumbed|death/i;

/** Cause and place of death a clause states; a negated or a hypothetical death ("did not die of", "could die from") states none. */
export function deathDetailsOf(text: string): DeathDetail[] {
  // Every pattern below needs one of these words: most clauses name no death, and this one test clears them.
  if (!MAY_TELL_DEATH_RE.test(text)) return [];
  if (/\b(?:not|never|could|might|may|would|can)\s+(?:have\s+)?(?:die|died|succumb)/i.test(text)) return [];
  const out: DeathDetail[] = [];
  for (const m of text.matchAll(CAUSE_RE)) {
    // "succumbed to" names a cause; "died two years ago to the day" does not.
    if ((m[3] === 'to') !== /^succumbed$/i.test(m[1] ?? '')) continue;
    // The cause ends before a word that starts another phrase ("injuries a short time later", "wound to the head").
    const raw = m[6] ?? '';
    const cut = raw.split(/[ \t]+/).findIndex((w, k) => k > 0 && (PHRASE_STOP.has(w.toLowerCase()) || /^\p{Lu}/u.test(w)));
    const phrase = cut < 0 ? raw : raw.split(/[ \t]+/).slice(0, cut).join(' ');
    const start = (m.index ?? 0) + m[0].length - raw.length;
    if (PHRASE_STOP.has((phrase.split(' ')[0] ?? '').toLowerCase())) continue;
    const words = phrase.toLowerCase().replace(/['\u2019]s\b/g, '').split(/[\s-]+/).filter(Boolean);
    // An exact cause names something beside the vague words; a person ("to his family") or a time is no cause.
    if (!words.length || words.every((w) => VAGUE_CAUSES.has(w)) || !/^\p{L}/u.test(phrase)) continue;
    // "died at the age of 79", "died in the line of duty": a noun phrase before "of" makes it no cause.
    if (/\b(?:a|an|the|his|her|their|its)\b/i.test(m[2] ?? '')) continue;
    if (/^\p{Lu}/u.test(phrase) && !/disease|syndrome/i.test(phrase) && !/['\u2019]s\b/.test(phrase)) continue;
    const keys = [...new Set(words.filter((w) => !GENERIC_WORDS.has(w)).map(causeKey))];
    if (keys.length) out.push({ kind: 'cause', start, end: start + phrase.length, keys });
  }
  for (const m of text.matchAll(MANNER_RE)) {
    const start = m.index ?? 0;
    out.push({ kind: 'cause', start, end: start + m[0].length, keys: [causeKey((m[1] ?? '').toLowerCase())] });
  }
  for (const m of text.matchAll(PLACE_RE)) {
    const head = (m[2] ?? '').toLowerCase();
    const care = /^(?:hospital|hospice|clinic|infirmary)$/.test(head) || CARE_BEFORE.test(m[1] ?? '');
    const end = (m.index ?? 0) + m[0].length;
    out.push({ kind: 'place', start: end - head.length, end, keys: [care ? 'care' : 'home'] });
  }
  return out;
}

/**
 * Two causes of one death clash when they share no word ("Alzheimer's disease" / "heart failure"; not "heart failure"
 * / "congestive heart failure", nor "an accidental gunshot" / "a self-inflicted gunshot wound", which may both hold);
 * two places when one is a home and the other a hospital or hospice ("in his apartment" / "in a hospice").
 */
export function deathDetailsClash(a: DeathDetail, b: DeathDetail): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'place') return a.keys[0] !== b.keys[0];
  return !a.keys.some((w) => b.keys.includes(w));
}
