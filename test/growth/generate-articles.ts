// A seeded generator of realistic invented news: stories told by several outlets, with names, quotes, counts, dates and attributions, and their layers.
import { emptyLayers, emptyMeta, type Article, type EntityMention, type EntityType, type QuantitySpan, type QuoteSpan, type TimeSpan, type AttributionSpan } from '../../src/core/article.js';
import type { Span } from '../../src/core/span.js';
import { seededRandom } from '../helpers/seeded-random.js';

export { seededRandom };

export interface GeneratorOptions {
  readonly articles: number;
  /** Articles per story on average (each story is told by several outlets). */
  readonly perStory?: number;
  readonly seed?: number;
  /** Paragraphs per article (one or two sentences each). */
  readonly paragraphs?: number;
}

export interface GeneratedCorpus {
  readonly articles: Article[];
  /** Gold story label per article, in article order. */
  readonly story: string[];
}

const OUTLET_A = ['Nord', 'East', 'Harbour', 'Valley', 'Coastal', 'Morning', 'Evening', 'Lakeside', 'Upland', 'River', 'Granite', 'Meridian'];
const OUTLET_B = ['wire', 'line News', ' Ledger', ' Courier', ' Gazette', ' Post', ' Herald', ' Radio', ' Tribune', ' Observer'];
const FIRST = ['Ilse', 'Tomas', 'Rhea', 'Pavel', 'Oskar', 'Mira', 'Jonas', 'Greta', 'Lukas', 'Vera', 'Emil', 'Anja', 'Bruno', 'Celia', 'Dario', 'Edda', 'Felix', 'Hanna', 'Ivo', 'Kaja'];
const SYLLABLE = ['var', 'kel', 'mor', 'dun', 'sol', 'lin', 'hal', 'pel', 'mos', 'ran', 'tov', 'qui', 'bra', 'cor', 'del', 'fen', 'gar', 'hol', 'jor', 'ket', 'lum', 'nev', 'ost', 'pra', 'ris', 'sten', 'tur', 'vik', 'wen', 'zor'];
const PLACE_END = ['holm', 'vale', 'port', 'by', 'stad', 'mouth', 'ford', 'wick'];
const KINDS = [
  { event: 'fire', verb: 'broke out at', site: ['warehouse', 'ferry terminal', 'chemical plant', 'apartment block', 'market hall'], role: 'injured' as const },
  { event: 'flood', verb: 'swept through', site: ['lower town', 'river district', 'harbour quarter', 'old mill district'], role: 'killed' as const },
  { event: 'strike', verb: 'shut down', site: ['container port', 'tram network', 'city hospital', 'steel works'], role: null },
  { event: 'collapse', verb: 'brought down', site: ['road bridge', 'school roof', 'parking deck', 'footbridge'], role: 'injured' as const },
  { event: 'election', verb: 'reshaped', site: ['city council', 'regional assembly', 'harbour board'], role: null },
  { event: 'shooting', verb: 'shook', site: ['shopping street', 'bus station', 'night club', 'sports ground'], role: 'killed' as const },
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ROLES = ['mayor', 'fire chief', 'police spokeswoman', 'union leader', 'minister', 'harbour master', 'witness'];
const REMARK_WORDS = ['we', 'will', 'not', 'stop', 'until', 'every', 'family', 'knows', 'what', 'happened', 'here', 'the', 'crews', 'worked', 'through', 'night', 'and', 'this', 'city', 'deserves', 'answers', 'safety', 'rules', 'were', 'ignored', 'for', 'years', 'our', 'hearts', 'go', 'out', 'to', 'victims'];
/** Invented everyday words, two or three syllables, so quotes share some vocabulary across stories as real ones do. */
const EVERYDAY = Array.from({ length: 1500 }, (_, i) => `${SYLLABLE[i % 30]}${SYLLABLE[Math.floor(i / 30) % 30]}${i >= 900 ? SYLLABLE[(i * 7) % 30] : ''}e`);
const FILLER = [
  'Residents gathered near the {site} as crews worked into the evening.',
  'Traffic was diverted around the {site} for most of the day.',
  'Local schools said classes would resume after the weekend.',
  'Officials promised a full inquiry into what went wrong at the {site}.',
  'Neighbours described a loud noise shortly before the {event}.',
  'The {site} had been inspected two years ago, records show.',
  'Volunteers handed out blankets and hot drinks in {place}.',
];

interface StorySpec {
  readonly id: string;
  readonly kind: (typeof KINDS)[number];
  readonly site: string;
  readonly place: string;
  readonly day: string;
  readonly date: string;
  readonly people: readonly { readonly name: string; readonly role: string }[];
  readonly org: string;
  readonly count: number;
  readonly remarks: readonly string[];
}

/** Builds text piece by piece and records the span of each piece that becomes a layer entry. */
class TextBuilder {
  text = '';
  readonly paragraphs: Span[] = [];
  readonly sentences: Span[] = [];
  readonly entities: EntityMention[] = [];
  readonly quotes: QuoteSpan[] = [];
  readonly times: TimeSpan[] = [];
  readonly quantities: QuantitySpan[] = [];
  readonly attributions: AttributionSpan[] = [];
  private paragraphStart = 0;
  private sentenceStart = 0;

  add(piece: string): Span {
    const start = this.text.length;
    this.text += piece;
    return { start, end: this.text.length };
  }
  entity(name: string, canonical: string, type: EntityType): Span {
    const span = this.add(name);
    this.entities.push({ ...span, type, canonical, how: name === canonical ? 'self' : 'surname' });
    return span;
  }
  beginSentence(): void {
    this.sentenceStart = this.text.length;
  }
  endSentence(): void {
    this.sentences.push({ start: this.sentenceStart, end: this.text.length });
    this.add(' ');
  }
  endParagraph(): void {
    this.text = this.text.replace(/ $/, '');
    this.paragraphs.push({ start: this.paragraphStart, end: this.text.length });
    this.add('\n\n');
    this.paragraphStart = this.text.length;
  }
}

function outletNames(random: () => number, count: number): string[] {
  const names = new Set<string>();
  for (const a of OUTLET_A) for (const b of OUTLET_B) names.add(`${a}${b}`);
  const all = [...names];
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(all.splice(Math.floor(random() * all.length), 1)[0]!);
  return out;
}

function storySpec(random: () => number, index: number): StorySpec {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
  const surname = (): string => cap(pick(SYLLABLE) + pick(SYLLABLE) + (random() < 0.5 ? pick(SYLLABLE) : ''));
  const kind = pick(KINDS);
  const month = 1 + Math.floor(random() * 12);
  const dayOfMonth = 1 + Math.floor(random() * 28);
  const year = 2030 + Math.floor(random() * 4);
  // Remarks mix function words, everyday words (a Zipf draw: a few are in every story's quotes) and the story's own.
  const remark = (): string => {
    const words = Array.from({ length: 7 + Math.floor(random() * 8) }, () => {
      const r = random();
      return r < 0.45 ? pick(REMARK_WORDS) : r < 0.85 ? EVERYDAY[Math.floor(EVERYDAY.length * random() ** 2)]! : surname().toLowerCase();
    });
    words.splice(2, 0, pick(kind.site).split(' ')[0]!);
    return cap(words.join(' '));
  };
  return {
    id: `s${index}`,
    kind,
    site: pick(kind.site),
    place: cap(pick(SYLLABLE) + pick(SYLLABLE) + pick(PLACE_END)),
    day: pick(WEEKDAYS),
    date: `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`,
    people: Array.from({ length: 3 }, () => ({ name: `${pick(FIRST)} ${surname()}`, role: pick(ROLES) })),
    org: `${cap(pick(SYLLABLE) + pick(SYLLABLE))} ${pick(['Lines', 'Holdings', 'Union', 'Authority', 'Group'])}`,
    count: 2 + Math.floor(random() * 60),
    remarks: [remark(), remark(), remark()],
  };
}

function fill(template: string, s: StorySpec): string {
  return template.replace('{site}', s.site).replace('{event}', s.kind.event).replace('{place}', s.place);
}

function writeArticle(random: () => number, s: StorySpec, outlet: string, paragraphs: number): TextBuilder {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const b = new TextBuilder();
  // Lead: what, where, when.
  b.beginSentence();
  b.add(`A ${s.kind.event} ${s.kind.verb} the ${s.site} in `);
  b.entity(s.place, s.place, 'LOC');
  b.add(' on ');
  const when = b.add(s.day);
  b.times.push({ ...when, type: 'DATE', value: s.date });
  b.add(', ');
  b.entity(s.org, s.org, 'ORG');
  b.add(' said.');
  b.endSentence();
  b.endParagraph();
  for (let p = 0; p < paragraphs; p++) {
    const r = random();
    const person = pick(s.people);
    b.beginSentence();
    if (r < 0.3) {
      // A quote, worded as the speaker said it, sometimes trimmed by this outlet.
      const remark = pick(s.remarks);
      const words = remark.split(' ');
      const said = random() < 0.3 ? words.slice(0, Math.max(4, words.length - 2)).join(' ') : remark;
      const quote = b.add(`"${said},"`);
      b.add(' said ');
      const speaker = b.entity(person.name, person.name, 'PERSON');
      b.add(`, the ${person.role}.`);
      b.quotes.push({ ...quote, kind: 'direct', speaker, speakerName: person.name, speakerHow: 'named', cue: null });
    } else if (r < 0.5 && s.kind.role) {
      const qualifier = random() < 0.5 ? 'at-least' : 'exact';
      b.add(qualifier === 'at-least' ? 'At least ' : 'Officials said ');
      const n = b.add(String(s.count));
      b.add(` people were ${s.kind.role}, `);
      // Some outlets never give the full name: the article's own canonical form is the surname alone.
      const surname = person.name.split(' ')[1]!;
      b.entity(surname, random() < 0.3 ? surname : person.name, 'PERSON');
      b.add(' told reporters.');
      b.quantities.push({ ...n, value: s.count, low: s.count, high: qualifier === 'at-least' ? null : s.count, lowInclusive: true, highInclusive: true, unit: 'people', qualifier, role: s.kind.role });
    } else if (r < 0.6) {
      const start = b.text.length;
      b.add(`Two officials who spoke on condition of anonymity said the ${s.site} had failed an inspection, according to `);
      b.add(outlet);
      b.add('.');
      b.attributions.push({ start, end: b.text.length - 1, claimant: outlet, via: 'two officials', viaKind: 'anonymous', claim: null });
    } else if (r < 0.75) {
      b.add(`The ${person.role}, `);
      b.entity(person.name, person.name, 'PERSON');
      b.add(', visited the ');
      b.add(s.site);
      b.add(' with representatives of ');
      // ...and some name the organisation by its initials only.
      const acronym = s.org.split(' ').map((w) => w[0]).join('');
      if (random() < 0.3) b.entity(acronym, acronym, 'ORG');
      else b.entity(s.org, s.org, 'ORG');
      b.add('.');
    } else {
      b.add(fill(pick(FILLER), s));
    }
    b.endSentence();
    if (random() < 0.4) {
      b.beginSentence();
      b.add(fill(pick(FILLER), s));
      b.endSentence();
    }
    b.endParagraph();
  }
  return b;
}

/**
 * `articles` articles over about articles / perStory stories. Stories run for a while and overlap in time, so
 * arrival order interleaves them; each article is one outlet's telling, with its own choice of facts and quotes.
 */
export function generateArticles(options: GeneratorOptions): GeneratedCorpus {
  const random = seededRandom(options.seed ?? 11);
  const perStory = options.perStory ?? 6;
  const stories = Math.max(1, Math.round(options.articles / perStory));
  const specs = Array.from({ length: stories }, (_, i) => storySpec(random, i));
  const outlets = outletNames(random, 40);
  const articles: Article[] = [];
  const story: string[] = [];
  for (let i = 0; i < options.articles; i++) {
    const s = specs[Math.min(stories - 1, Math.floor(i / perStory) + Math.floor(random() * 3))]!;
    const outlet = outlets[Math.floor(random() * outlets.length)]!;
    const b = writeArticle(random, s, outlet, options.paragraphs ?? 8);
    const text = b.text.replace(/\s+$/, '');
    const hour = String(i % 24).padStart(2, '0');
    const id = `g${String(i).padStart(6, '0')}`;
    articles.push({
      id,
      contentHash: id,
      source: {},
      text,
      removed: [],
      meta: { ...emptyMeta(), title: `${s.kind.event[0]!.toUpperCase()}${s.kind.event.slice(1)} in ${s.place}`, outlet, published: `${s.date}T${hour}:00` },
      layers: { ...emptyLayers(), paragraphs: b.paragraphs, sentences: b.sentences, entities: b.entities, quotes: b.quotes, times: b.times, quantities: b.quantities, attributions: b.attributions },
      diagnostics: [],
      status: 'ok',
      extractedBy: 'plain-text',
      encoding: null,
    });
    story.push(s.id);
  }
  return { articles, story };
}
