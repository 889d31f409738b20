// Generates a realistic stream of invented news on the fly: many stories, several outlets each, wire copies, updated counts.
import type { RawArticle } from '../../src/core/raw-article.js';
import { seededRandom } from '../../test/helpers/seeded-random.js';

const SYLLABLES = ['vel', 'mor', 'an', 'dra', 'kes', 'lin', 'tor', 'bra', 'sel', 'vin', 'gar', 'ost', 'rum', 'pel', 'zan', 'dor', 'ik', 'ema', 'sko', 'lu', 'nar', 'fen', 'hal', 'tri', 'qua', 'bel', 'ros', 'mid', 'cal', 'ven'];
const GIVEN = ['Ana', 'Tomas', 'Irena', 'Karl', 'Lena', 'Priya', 'Dmytro', 'Ilse', 'Marek', 'Sofia', 'Jonas', 'Nadia', 'Oskar', 'Elif', 'Ruben', 'Mira', 'Pavel', 'Greta', 'Hugo', 'Lina'];
const ROLES = ['Mayor', 'Police Chief', 'Fire Chief', 'Minister', 'Governor', 'spokeswoman', 'spokesman', 'Commissioner'];
const OUTLET_WORDS = ['Herald', 'Gazette', 'Ledger', 'Courier', 'Post', 'News', 'Times', 'Tribune', 'Radio', 'Review', 'Observer', 'Dispatch'];
const WIRES = ['Nordwire', 'Eastwire Press', 'Global Wire Service'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface EventKind {
  readonly noun: string;
  readonly verb: string;
  readonly place: string;
  readonly harmed: boolean;
  readonly details: readonly string[];
}

const KINDS: readonly EventKind[] = [
  { noun: 'fire', verb: 'broke out', place: 'warehouse', harmed: true, details: ['Firefighters fought the blaze for {n} hours.', 'Smoke could be seen across the {town} district.', 'The cause of the fire is under investigation.'] },
  { noun: 'flood', verb: 'hit', place: 'river district', harmed: true, details: ['The river rose {n} metres overnight.', 'Rescue boats reached stranded residents.', 'Schools in {town} stayed closed.'] },
  { noun: 'strike', verb: 'began', place: 'port', harmed: false, details: ['Union members walked out at dawn.', 'About {n} hundred workers joined the picket lines.', 'Talks with employers broke down last week.'] },
  { noun: 'budget vote', verb: 'took place', place: 'council chamber', harmed: false, details: ['The council approved the plan by {n} votes.', 'Opposition members called the cuts unfair.', 'The budget funds {n} new schools.'] },
  { noun: 'train derailment', verb: 'happened', place: 'rail junction', harmed: true, details: ['Three carriages left the tracks.', 'Services on the line were suspended for {n} days.', 'Investigators recovered the data recorder.'] },
  { noun: 'earthquake', verb: 'struck', place: 'hill villages', harmed: true, details: ['The quake measured {n}.1 on the scale.', 'Aftershocks rattled the region overnight.', 'Several old buildings collapsed.'] },
  { noun: 'bridge collapse', verb: 'occurred', place: 'old bridge', harmed: true, details: ['Two cars fell into the river.', 'Engineers had warned about cracks {n} years ago.', 'Divers searched the water until dark.'] },
  { noun: 'protest', verb: 'drew crowds', place: 'central square', harmed: false, details: ['Organisers said {n} thousand people marched.', 'Police closed several streets.', 'The march ended peacefully in the evening.'] },
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function word(rand: () => number, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += pick(rand, SYLLABLES);
  return w[0]!.toUpperCase() + w.slice(1);
}

/** Sentence frames any story may use; each story draws its own few, so two stories of one kind share less than a template. */
const FRAMES: readonly string[] = [
  'Residents near the {landmark} were told to keep windows closed.',
  'The {landmark} will stay shut until engineers inspect it.',
  'Local shops on {street} closed early.',
  'Volunteers handed out blankets and water at the {landmark}.',
  'Traffic on {street} was diverted for most of the day.',
  'A school near the {landmark} sent pupils home.',
  'The regional hospital in {town} said it had called in extra staff.',
  'Insurers said claims could take months to settle.',
  'Opposition politicians demanded an inquiry.',
  'Neighbours gathered on {street} to watch.',
  'The {landmark} was built in {year} and renovated a decade later.',
  'Officials promised a full report within {n} weeks.',
  'A crisis line opened for families.',
  'Police asked people to avoid {street}.',
  'Video shared online showed crowds near the {landmark}.',
  'The last similar incident in {town} happened in {year}.',
];

const QUOTES: readonly string[] = [
  'We are doing everything we can for the people of {town}',
  'Our first thought is with the families',
  'This should never have happened at the {landmark}',
  'We will find out what went wrong and who is responsible',
  'The response of the emergency crews was remarkable',
  'Nobody in {town} will be left alone with this',
  'We warned about the {landmark} for years',
  'It is too early to say what caused this',
  'Every resource of the city is at work tonight',
  'I ask everyone to stay calm and follow the instructions',
  'The {landmark} will be rebuilt, I promise you that',
];

const WITNESSES: readonly string[] = [
  'who lives nearby, said: "I heard a loud noise and saw people running."',
  'a shop owner on {street}, said she had never seen anything like it.',
  'who was passing by, said the street filled with sirens within minutes.',
  'a teacher, said parents rushed to collect their children.',
  'who works on {street}, said: "Everyone just stood there in shock."',
  'a taxi driver, said traffic stopped for hours.',
];

interface StoryPlan {
  readonly id: number;
  readonly landmark: string;
  readonly street: string;
  readonly frames: readonly string[];
  readonly kind: EventKind;
  readonly town: string;
  readonly day: Date;
  readonly official: { readonly name: string; readonly role: string };
  readonly witness: string;
  readonly company: string;
  readonly killed: number;
  readonly injured: number;
  /** Articles this story will get. */
  readonly size: number;
  readonly outlets: readonly string[];
  readonly wire: string;
}

export interface StreamOptions {
  readonly seed?: number;
  /** Share of stories that grow to `bigStory` articles (the rest get 3 to 8). */
  readonly bigShare?: number;
  readonly bigStory?: number;
  /** Stories open at once: each new article belongs to one of them. */
  readonly openStories?: number;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function planStory(rand: () => number, id: number, outletPool: readonly string[], start: Date, options: Required<StreamOptions>): StoryPlan {
  const kind = KINDS[id % KINDS.length]!;
  const size = rand() < options.bigShare ? options.bigStory : 3 + Math.floor(rand() * 6);
  const outlets = new Set<string>();
  while (outlets.size < Math.min(size, 8)) outlets.add(pick(rand, outletPool));
  const day = new Date(start.getTime() + Math.floor(id / 40) * 86_400_000);
  const frames = new Set<string>();
  while (frames.size < 4) frames.add(pick(rand, FRAMES));
  return {
    id,
    landmark: `${word(rand, 2)} ${pick(rand, ['Hall', 'Tower', 'Market', 'Station', 'Arena', 'Library', 'Mill'])}`,
    street: `${word(rand, 2)} ${pick(rand, ['Street', 'Road', 'Avenue', 'Lane'])}`,
    frames: [...frames],
    kind,
    town: word(rand, 2 + Math.floor(rand() * 2)),
    day,
    official: { name: `${pick(rand, GIVEN)} ${word(rand, 2)}`, role: pick(rand, ROLES) },
    witness: `${pick(rand, GIVEN)} ${word(rand, 3)}`,
    company: `${word(rand, 2)} ${pick(rand, ['Logistics', 'Rail', 'Holdings', 'Energy', 'Ferries'])}`,
    killed: kind.harmed ? Math.floor(rand() * 4) : 0,
    injured: kind.harmed ? 2 + Math.floor(rand() * 30) : 0,
    size,
    outlets: [...outlets],
    wire: pick(rand, WIRES),
  };
}

/** The `n`-th article of a story: later ones may raise the counts (an update, not a contradiction), some copy the wire. */
function articleText(rand: () => number, plan: StoryPlan, n: number, outlet: string, wireCopy: boolean): { title: string; body: string; published: string } {
  const weekday = WEEKDAYS[plan.day.getUTCDay()]!;
  const month = MONTHS[plan.day.getUTCMonth()]!;
  const hour = String(6 + Math.min(17, n)).padStart(2, '0');
  const published = `${isoDay(plan.day)}T${hour}:${String(Math.floor(rand() * 60)).padStart(2, '0')}`;
  const grows = Math.floor(n / 3);
  const injured = plan.injured + grows * 2;
  const killed = plan.killed + (n > 4 && plan.kind.harmed ? 1 : 0);
  const town = plan.town;
  const sub = (s: string): string =>
    s
      .replaceAll('{town}', town)
      .replaceAll('{landmark}', plan.landmark)
      .replaceAll('{street}', plan.street)
      .replaceAll('{year}', String(1950 + (plan.id % 60)))
      .replaceAll('{n}', String(2 + ((plan.id + n) % 9)));
  const lead = plan.kind.harmed
    ? `${killed ? `${killed} people were killed and ` : ''}at least ${injured} were injured when a ${plan.kind.noun} ${plan.kind.verb} at the ${plan.kind.place} in ${town} on ${weekday}, officials said.`
    : `A ${plan.kind.noun} ${plan.kind.verb} at the ${plan.kind.place} in ${town} on ${weekday}, ${month} ${plan.day.getUTCDate()}, officials said.`;
  const said = QUOTES[plan.id % QUOTES.length]!.replaceAll('{town}', town).replaceAll('{landmark}', plan.landmark);
  const quote = `"${said}," ${plan.official.role} ${plan.official.name} said.`;
  // The same remark reworded by some outlets: a quote variant, not a second remark.
  const variant = rand() < 0.3 ? `"${said.replace(/\b(all|every|our|this)\b/, 'the')}," ${plan.official.name} told reporters.` : quote;
  const witness = `${plan.witness}, ${WITNESSES[(plan.id >> 3) % WITNESSES.length]!.replaceAll('{street}', plan.street)}`;
  const company = `${plan.company} said in a statement that it was cooperating with the authorities.`;
  const anonymous = rand() < 0.3 ? `People familiar with the matter said the ${plan.kind.place} had failed an inspection in ${plan.day.getUTCFullYear() - 1}.` : '';
  const details = [...plan.kind.details.filter((_, i) => (plan.id + i) % 3 !== 0), ...plan.frames].map(sub);
  const paragraphs = wireCopy
    ? [lead, quote, ...details, company, `(Reporting by ${plan.wire})`]
    : [lead, n % 2 ? variant : quote, details[n % details.length]!, witness, ...details.filter((_, i) => i !== n % details.length), company, anonymous].filter(Boolean);
  const title = `${plan.kind.noun[0]!.toUpperCase()}${plan.kind.noun.slice(1)} in ${town}${plan.kind.harmed ? `: ${injured} injured` : ''}`;
  return { title, body: paragraphs.join('\n\n'), published };
}

export interface GeneratedArticle {
  readonly raw: RawArticle;
  readonly story: number;
  /** Position of the article in its story (0 first). */
  readonly index: number;
}

/** An endless stream of articles over interleaved stories; stories open and close as their articles run out. */
export function* newsStream(options: StreamOptions = {}): Generator<GeneratedArticle> {
  const o: Required<StreamOptions> = { seed: 14, bigShare: 0.02, bigStory: 50, openStories: 200, ...options };
  const rand = seededRandom(o.seed);
  const outletPool = Array.from({ length: 120 }, () => `${word(rand, 2)} ${pick(rand, OUTLET_WORDS)}`);
  const start = new Date(Date.UTC(2026, 0, 5));
  let nextStory = 0;
  const open: { plan: StoryPlan; sent: number }[] = [];
  let serial = 0;
  for (;;) {
    while (open.length < o.openStories) open.push({ plan: planStory(rand, nextStory++, outletPool, start, o), sent: 0 });
    const slot = Math.floor(rand() * open.length);
    const s = open[slot]!;
    const outlet = s.plan.outlets[s.sent % s.plan.outlets.length]!;
    const wireCopy = s.sent > 0 && rand() < 0.15;
    const { title, body, published } = articleText(rand, s.plan, s.sent, wireCopy ? `${outlet}` : outlet, wireCopy);
    const text = `date ${published} ${outlet}\n${title}\n\n${body}\n`;
    yield {
      raw: { source: { path: `stream/${serial++}.txt` }, format: 'text', body: text, hints: {}, encoding: 'utf-8', diagnostics: [] },
      story: s.plan.id,
      index: s.sent,
    };
    s.sent++;
    if (s.sent >= s.plan.size) open.splice(slot, 1);
  }
}
