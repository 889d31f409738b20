// Salient features of one article for story clustering: content words, entities (or capitalized names), dates, numbers.
import type { Article } from '../../core/article.js';
import type { Entity } from '../../core/corpus.js';
import { tokenize } from '../../core/tokenize.js';
import { NON_CONTENT_WORDS, TOPIC_NEUTRAL_WORDS } from '../../core/text/content-words.js';
import { stem } from '../../core/text/stem.js';

/** Feature key -> raw count. Keys are namespaced: `w:` word, `e:` entity, `d:` date, `y:` year, `n:` number. */
export type FeatureCounts = Map<string, number>;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_INDEX = new Map(MONTHS.flatMap((m, i) => [[m, i + 1] as const, [m.slice(0, 3), i + 1] as const]));
const YEAR_RE = /^(?:1[89]|20)\d\d$/;
const NUMBER_RE = /^\p{N}+(?:[.,]\p{N}+)*$/u;

/** Words that never make a story feature: no content, or content that ties any two texts (one lookup per token). */
const NOT_TOPICAL: ReadonlySet<string> = new Set([...NON_CONTENT_WORDS, ...TOPIC_NEUTRAL_WORDS]);

function bump(map: FeatureCounts, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Entity key per mention start, from the cross-article entities of the aliases stage (when it ran): the merged
 * entity's name, so aliases ("Brandt") share the full name's key, and one name typed ORG in one outlet and LOC in
 * another ("Lismore") stays one feature.
 */
export function entityIdsByArticle(entities: readonly Entity[]): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  for (const e of entities) {
    const key = e.name.toLowerCase();
    for (const m of e.mentions) {
      let byStart = out.get(m.article);
      if (!byStart) out.set(m.article, (byStart = new Map()));
      byStart.set(m.start, key);
    }
  }
  return out;
}

function entityFeatures(article: Article, ids: ReadonlyMap<number, string> | undefined, out: FeatureCounts): void {
  for (const m of article.layers.entities) {
    bump(out, `e:${ids?.get(m.start) ?? m.canonical.toLowerCase()}`);
  }
}

/** Without an entity layer: runs of capitalized words that do not open a sentence or line. */
function capitalizedFeatures(article: Article, out: FeatureCounts): void {
  const tokens = tokenize(article.text);
  let run: string[] = [];
  let sentenceStart = true;
  const flush = (): void => {
    if (run.length) bump(out, `e:${run.join(' ').toLowerCase()}`);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const newline = i > 0 && article.text.slice(tokens[i - 1]!.end, t.start).includes('\n');
    if (newline) {
      flush();
      sentenceStart = true;
    }
    const capital = /^\p{Lu}/u.test(t.text) && /\p{Ll}/u.test(t.text) ? true : /^\p{Lu}{2,}$/u.test(t.text);
    if (capital && !sentenceStart && !NOT_TOPICAL.has(t.text.toLowerCase())) run.push(t.text.replace(/['\u2019]s$/, ''));
    else flush();
    sentenceStart = /^[.!?]$/.test(t.text) || (sentenceStart && /^\W$/.test(t.text));
  }
  flush();
}

function dateFeatures(article: Article, tokens: readonly string[], out: FeatureCounts): void {
  for (const t of article.layers.times) {
    if (t.type !== 'DATE' || !t.value) continue;
    const day = /^(\d{4})-(\d\d)-(\d\d)/.exec(t.value);
    const year = /^(\d{4})/.exec(t.value);
    if (day) bump(out, `d:${day[0]}`);
    if (year) bump(out, `y:${year[1]}`);
  }
  // Written dates the time layer may lack: years, and "month day" pairs (year-less, so they match across styles).
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (YEAR_RE.test(t)) bump(out, `y:${t}`);
    const month = MONTH_INDEX.get(t);
    const next = tokens[i + 1];
    if (month && next && /^\d{1,2}$/.test(next) && Number(next) <= 31) bump(out, `d:${month}-${Number(next)}`);
  }
}

export interface FeatureOptions {
  /** Entity keys of this article's mentions by start offset (from `entityIdsByArticle`). */
  readonly entityIds?: ReadonlyMap<number, string>;
}

/** Content words (`w:`) and, unless told not to, numbers (`n:`) of lower-cased tokens. */
function wordFeatures(words: readonly string[], out: FeatureCounts, numbers = true): void {
  for (const w of words) {
    if (NUMBER_RE.test(w)) {
      if (numbers && !YEAR_RE.test(w)) bump(out, `n:${w.replace(/,/g, '')}`);
      continue;
    }
    if (w.length < 3 || NOT_TOPICAL.has(w) || !/^\p{L}/u.test(w)) continue;
    bump(out, `w:${stem(w.replace(/['\u2019]s$/, ''))}`);
  }
}

export function articleFeatures(article: Article, options: FeatureOptions = {}): FeatureCounts {
  const out: FeatureCounts = new Map();
  const title = article.meta.title ? `${article.meta.title}\n` : '';
  const words = tokenize(title + article.text).map((t) => t.text.toLowerCase());
  wordFeatures(words, out);
  if (article.layers.entities.length) entityFeatures(article, options.entityIds, out);
  else capitalizedFeatures(article, out);
  dateFeatures(article, words, out);
  return out;
}

/**
 * Content words of the title and the first `sentences` sentences: the lead states what kind of event the article
 * reports ("pinup model dies", "fire destroys church"), while the body adds details two events of one kind do not share.
 */
export function leadWordFeatures(article: Article, sentences: number): FeatureCounts {
  const end = leadEnd(article, sentences);
  const title = article.meta.title ? `${article.meta.title}\n` : '';
  const out: FeatureCounts = new Map();
  wordFeatures(tokenize(title + article.text.slice(0, end)).map((t) => t.text.toLowerCase()), out, false);
  return out;
}

/** End offset of the first `sentences` sentences (the whole text without a sentence layer). */
export function leadEnd(article: Article, sentences: number): number {
  const spans = article.layers.sentences;
  return spans.length ? (spans[Math.min(sentences, spans.length) - 1]?.end ?? article.text.length) : article.text.length;
}

/**
 * Content words inside the article's entity mentions that start before offset `end` (default: the whole text), as
 * `leadWordFeatures` counts them: what the topic level leaves out when names should not tie two stories' kinds.
 */
export function nameWordFeatures(article: Article, end = article.text.length): FeatureCounts {
  const out: FeatureCounts = new Map();
  for (const m of article.layers.entities) {
    if (m.start >= end) continue;
    wordFeatures(tokenize(article.text.slice(m.start, m.end)).map((t) => t.text.toLowerCase()), out, false);
  }
  return out;
}
