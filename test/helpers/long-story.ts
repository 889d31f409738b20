// An invented five-outlet story of 2.5 KB articles whose sentences are each their own fact: a brief under pressure.
import type { TextDoc } from './corpus.js';

const OUTLETS = ['Tressa Tribune', 'Valley Courier', 'Harbour Post', 'Mountain Radio', 'Daily Ledger'];
const FIRST = ['Anna', 'Tomas', 'Ilse', 'Pavel', 'Rhea', 'Oskar', 'Mira', 'Jonas', 'Greta', 'Lukas', 'Vera', 'Emil'];
const LAST = ['Berg', 'Kell', 'Varro', 'Dunn', 'Solt', 'Lind', 'Hale', 'Pell', 'Moss', 'Rand', 'Tove', 'Quist'];
const ADJ = ['cracked', 'flooded', 'narrow', 'wooden', 'old', 'upper', 'eastern', 'muddy', 'steep', 'rusty', 'lower'];
const NOUN = ['retaining wall', 'culvert', 'bus shelter', 'school gym', 'bakery', 'water main', 'power line', 'bridge railing', 'chapel roof', 'ski lift'];
const VERB = ['was inspected', 'was cleared', 'was repaired', 'was fenced off', 'was photographed', 'was measured', 'was drained', 'was shored up'];

/** Five outlets, one shared lede (a corroborated fact) and 22 sentences each that no other outlet carries. */
export function longStory(): TextDoc[] {
  return OUTLETS.map((outlet, o) => {
    const body: string[] = [`A landslide buried the mountain road above Tressa village on Tuesday night, the rescue service said.`];
    for (let i = 0; i < 22; i++) {
      const n = o * 22 + i;
      const person = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;
      const thing = `${ADJ[n % ADJ.length]} ${NOUN[Math.floor(n / ADJ.length) % NOUN.length]}`;
      body.push(`${person} said the ${thing} beside farm ${n + 1} ${VERB[(n * 5) % VERB.length]} on Wednesday by a crew of ${i + 3} workers.`);
    }
    const slug = outlet.toLowerCase().replace(/\s+/g, '-');
    return { path: `${slug}.txt`, text: `date 2026-04-01 ${String(o + 6).padStart(2, '0')}:00 ${outlet}\nLandslide closes the Tressa road\n\n${body.join('\n\n')}\n` };
  });
}
