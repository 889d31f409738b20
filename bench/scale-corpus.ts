// A generated news corpus for the scale bench and the worker race test: many stories, several invented outlets each.
import { seededRandom as random } from '../test/helpers/seeded-random.js';

export interface GeneratedArticle {
  readonly title: string;
  readonly outlet: string;
  readonly published: string;
  readonly text: string;
  /** The story the generator wrote it for (kept out of the ingested record). */
  readonly story: number;
}

const OUTLETS = ['Nordwire', 'The Velmora Herald', 'Eastline News', 'Coastal Daily Post', 'Radio Velmora', 'The Morning Ledger', 'Northern Gazette', 'Harbour Business Review', 'Lakeside Courier', 'Ridgefield Times'];
const SYLLABLES = ['vel', 'mor', 'dan', 'kest', 'bri', 'hal', 'orn', 'tav', 'lun', 'sar', 'gre', 'bod', 'min', 'ros', 'fal', 'ket', 'wen', 'drac', 'pol', 'zer'];
const GIVEN = ['Anika', 'Tomas', 'Irena', 'Pavel', 'Marta', 'Oskar', 'Lena', 'Dmytro', 'Sofia', 'Henrik', 'Ilse', 'Rafael', 'Nadia', 'Bruno', 'Greta', 'Viktor'];
const EVENTS = [
  { what: 'fire', verb: 'broke out at', place: 'warehouse', hurt: 'injured', cause: 'an electrical fault' },
  { what: 'flood', verb: 'swept through', place: 'old town', hurt: 'evacuated', cause: 'two days of heavy rain' },
  { what: 'explosion', verb: 'tore through', place: 'chemical plant', hurt: 'injured', cause: 'a gas leak' },
  { what: 'bridge collapse', verb: 'struck', place: 'river crossing', hurt: 'hurt', cause: 'corroded steel cables' },
  { what: 'strike', verb: 'shut down', place: 'port', hurt: 'stranded', cause: 'a dispute over pay' },
  { what: 'storm', verb: 'battered', place: 'coastal district', hurt: 'left without power', cause: 'gale-force winds' },
];
const ROLES = ['mayor', 'fire chief', 'police spokesperson', 'regional governor', 'union leader', 'hospital director'];
const FILLER = [
  'Residents gathered near the scene as emergency crews worked through the night.',
  'The authorities asked people to avoid the area until further notice.',
  'Local schools said they would stay closed for the rest of the week.',
  'Traffic was diverted around the district, causing long delays.',
  'An investigation has been opened, according to a statement.',
  'Volunteers set up a shelter in the sports hall.',
  'Officials said more details would be released later in the day.',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CorpusOptions {
  readonly stories: number;
  /** Articles per story (each from another outlet while outlets last). */
  readonly perStory: number;
  readonly seed?: number;
}

export function generateCorpus(options: CorpusOptions): GeneratedArticle[] {
  const rnd = random(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const name = (parts: number): string => {
    let w = '';
    for (let i = 0; i < parts; i++) w += pick(SYLLABLES);
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const out: GeneratedArticle[] = [];
  for (let s = 0; s < options.stories; s++) {
    const event = EVENTS[s % EVENTS.length]!;
    const town = `${name(2)}${['a', 'ov', 'heim', 'port', 'ville'][s % 5]}`;
    const official = `${pick(GIVEN)} ${name(3)}`;
    const witness = `${pick(GIVEN)} ${name(2)}`;
    const role = pick(ROLES);
    const company = `${name(2)} ${pick(['Logistics', 'Chemicals', 'Holdings', 'Shipping', 'Works'])}`;
    const month = s % 12;
    const day = 1 + Math.floor(rnd() * 27);
    const year = 2020 + (s % 6);
    const weekday = pick(WEEKDAYS);
    const hurt = 5 + Math.floor(rnd() * 60);
    const start = OUTLETS.indexOf(pick(OUTLETS));
    for (let k = 0; k < options.perStory; k++) {
      const outlet = OUTLETS[(start + k) % OUTLETS.length]!;
      // Later reports revise the count upward, as real coverage does.
      const count = hurt + (k > 1 ? Math.floor(rnd() * 4) : 0);
      const sentences = [
        `A ${event.what} ${event.verb} the ${event.place} of ${company} in ${town} on ${weekday}, ${MONTHS[month]} ${day}, ${year}.`,
        `At least ${count} people were ${event.hurt}, ${official}, the ${role} of ${town}, said.`,
        `"We are doing everything we can for the families in ${town}," ${official} told reporters.`,
        `Investigators believe the ${event.what} was caused by ${event.cause}.`,
        `${witness}, who lives nearby, said the ${event.place} had been a worry for years.`,
        `${company} said it was cooperating fully with the investigation in ${town}.`,
      ];
      const body: string[] = [];
      for (const sentence of sentences) if (body.length < 2 || rnd() < 0.8) body.push(sentence);
      for (let f = 0; f < 3; f++) body.splice(1 + Math.floor(rnd() * body.length), 0, pick(FILLER));
      const hour = String(6 + k * 2).padStart(2, '0');
      out.push({
        title: k % 2 === 0 ? `${event.what[0]!.toUpperCase()}${event.what.slice(1)} in ${town}: ${count} ${event.hurt}` : `${official} speaks after ${event.what} at ${company}`,
        outlet,
        published: `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}T${hour}:00:00Z`,
        text: body.join('\n\n'),
        story: s,
      });
    }
  }
  return out;
}

/** The corpus as JSONL the ingest reader takes (title, outlet, published, text); the story label stays out. */
export function corpusJsonl(articles: readonly GeneratedArticle[]): string {
  return articles.map((a) => JSON.stringify({ title: a.title, outlet: a.outlet, published: a.published, text: a.text })).join('\n') + '\n';
}
