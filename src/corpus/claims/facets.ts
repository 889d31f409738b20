// Facts about a person or a group that outlets state in passing and can contradict: a home town, a state ("well equipped").
import type { Article } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { spansOverlap } from '../../core/span.js';
import { contentKey } from './content-words.js';

/**
 * One facet a clause states. Two facets of one key describe the same person or the same state; their values are
 * compared: a home town must be the same town, a state must keep its polarity ("well equipped" / "ill-equipped").
 */
export interface Facet extends Span {
  /** "home|krey" (whose home), "state|equip" (which state). */
  readonly key: string;
  /** The home town (lower case), or the polarity of a state: "+" or "-". */
  readonly value: string;
}

/** A personal name: capitalised words, initials allowed ("Marten Olaf Krey", "I.M. Varga", "McKrey"). */
const NAME = String.raw`(?:[A-Z][\p{L}'\u2019.]*[\p{L}.]\s+)*[A-Z][\p{Ll}]+(?:[A-Z][\p{Ll}]+)?`;
/**
 * "Marten Krey, 41, of Eastbrook", "Krey, of Dunmore", "Dana Reyes, 24, from Tulsa": an appositive giving
 * where a named person lives. The place is read up to the next punctuation, capitalised words only.
 */
const HOME_RE = new RegExp(String.raw`(?<name>${NAME}),\s+(?:(?:aged\s+)?\d{1,3},\s+)?(?:of|from)\s+(?<place>[A-Z][\p{L}'.-]*(?:\s+[A-Z][\p{L}'.-]*){0,3})`, 'gu');

/** Adverbs that say a state held well or badly: "well equipped" against "poorly equipped", "ill-prepared". */
const POSITIVE = new Set(['well', 'fully', 'properly', 'adequately', 'sufficiently', 'amply', 'suitably', 'thoroughly']);
const NEGATIVE = new Set(['poorly', 'badly', 'ill', 'insufficiently', 'inadequately', 'improperly', 'barely', 'scarcely', 'under']);
/** An adverb of degree, optionally in quotation marks or hyphened, before a past participle: "well-equipped", '"insufficiently" equipped'. */
const STATE_RE = /(?<![\p{L}-])(?<adverb>\p{L}+)["'\u201c\u201d\u2019]?[\s-]+["'\u201c\u201d]?(?<participle>\p{Ll}{3,}ed)\b/giu;
/** A negation just before the adverb turns its polarity round ("not well equipped"), which this reading leaves out. */
const NEGATED_BEFORE_RE = /\b(?:not|never|no|n't|nor)\s+$/i;

/** The surname key of a name ("Marten Olaf Krey" -> "krey"). */
function surname(name: string): string {
  return (name.trim().split(/\s+/).pop() ?? name).toLowerCase().replace(/['\u2019]s$/, '').replace(/\./g, '');
}

/** Places a name as a LOC entity: only a town tagged as a place is a home town (not "of the Harbour Lions", "of Valley Radio"). */
function isPlace(article: Article, span: Span): boolean {
  return article.layers.entities.some((e) => e.type === 'LOC' && spansOverlap(e, span));
}

/** The facets a clause states. */
export function facetsOf(article: Article, clause: Span): Facet[] {
  const text = article.text.slice(clause.start, clause.end);
  const out: Facet[] = [];
  HOME_RE.lastIndex = 0;
  for (let m = HOME_RE.exec(text); m; m = HOME_RE.exec(text)) {
    const name = m.groups?.name ?? '';
    const place = m.groups?.place ?? '';
    const start = clause.start + m.index + m[0].length - place.length;
    const span = { start, end: start + place.length };
    if (!name || !place || !isPlace(article, span)) continue;
    out.push({ ...span, key: `home|${surname(name)}`, value: place.toLowerCase() });
  }
  STATE_RE.lastIndex = 0;
  for (let m = STATE_RE.exec(text); m; m = STATE_RE.exec(text)) {
    const adverb = (m.groups?.adverb ?? '').toLowerCase();
    const polarity = POSITIVE.has(adverb) ? '+' : NEGATIVE.has(adverb) ? '-' : null;
    const key = contentKey(m.groups?.participle ?? '');
    if (polarity === null || key === null || NEGATED_BEFORE_RE.test(text.slice(0, m.index))) continue;
    out.push({ start: clause.start + m.index, end: clause.start + m.index + m[0].length, key: `state|${key}`, value: polarity });
  }
  return out;
}

/**
 * Two facets of one key that cannot both hold: two home towns of one person neither of which names the other
 * ("Dunmore" / "Eastbrook"; "Dunmore" and "Dunmore Heights" are one town told more or less closely), or a
 * state and its opposite.
 */
export function facetsClash(a: Facet, b: Facet): boolean {
  if (a.key !== b.key) return false;
  if (a.key.startsWith('state|')) return a.value !== b.value;
  const wa = a.value.split(/\s+/);
  const wb = b.value.split(/\s+/);
  return !wa.some((w) => wb.includes(w));
}
