// Ages of named people ("Tom Ferrin, 32,", "32-year-old Tom Ferrin") as quantities whose unit names the person.
import type { QuantitySpan } from '../../core/article.js';

/** Unit prefix of an age: "age:ferrin" is Ferrin's age, comparable only with another "age:ferrin". */
export const AGE_UNIT_PREFIX = 'age:';

// A personal name: two or more capitalised words ("Tom Ferrin", "Mary Ann Kolb").
const NAME = String.raw`[A-Z][a-z'\u2019]+(?:\s+[A-Z][a-z'\u2019]+)+`;
// "Tom Ferrin, 32," or "Tom Ferrin, aged 32,".
const NAME_THEN_AGE = new RegExp(String.raw`(?<name>${NAME}),\s+(?:aged\s+)?(?<age>\d{1,3})\s*(?=[,)])`, 'g');
// "32-year-old Tom Ferrin", "the 32-year-old climber Tom Ferrin".
const AGE_THEN_NAME = new RegExp(String.raw`(?<![\w.,])(?<age>\d{1,3})\s*-\s*years?\s*-\s*old\s+(?:[a-z]+\s+)?(?<name>${NAME})`, 'g');

/** An age a person can have. */
const MAX_AGE = 120;

/** The key of a person in an age unit: the surname, lower-cased ("Tom Ferrin" and "Mr Ferrin" alike). */
export function personKey(name: string): string {
  return (name.trim().split(/\s+/).pop() ?? name).toLowerCase().replace(/['\u2019]s$/, '');
}

/** Ages of named people in text[from, to): exact quantities spanning the age figure, unit "age:<surname>". */
export function extractAges(text: string, from: number, to: number): QuantitySpan[] {
  const out: QuantitySpan[] = [];
  const slice = text.slice(0, to);
  for (const re of [NAME_THEN_AGE, AGE_THEN_NAME]) {
    re.lastIndex = from;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const age = Number(m.groups?.age);
      const name = m.groups?.name ?? '';
      if (!Number.isInteger(age) || age <= 0 || age > MAX_AGE || !name) continue;
      const start = m.index + m[0].indexOf(m.groups?.age ?? '', re === NAME_THEN_AGE ? name.length : 0);
      const end = re === NAME_THEN_AGE ? start + String(m.groups?.age).length : m.index + m[0].length;
      out.push({ start, end, value: age, low: age, high: age, lowInclusive: true, highInclusive: true, unit: `${AGE_UNIT_PREFIX}${personKey(name)}`, qualifier: 'exact' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The quantities of a stretch of text with named people's ages added (an age is never a count, so nothing overlaps). */
export function withAges(text: string, from: number, to: number, quantities: readonly QuantitySpan[]): QuantitySpan[] {
  const ages = extractAges(text, from, to).filter((a) => !quantities.some((q) => q.start < a.end && a.start < q.end));
  return ages.length ? [...quantities, ...ages].sort((a, b) => a.start - b.start) : [...quantities];
}

/** Whether a quantity's unit is a person's age. */
export function isAge(unit: string | null): boolean {
  return unit !== null && unit.startsWith(AGE_UNIT_PREFIX);
}
