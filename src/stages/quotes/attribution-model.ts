// A logistic model that keeps or drops a prose (indirect) attribution from general features of its cue, speaker and content.
import type { QuoteSpan } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import type { Token } from '../../core/tokenize.js';

export interface AttributionModel {
  readonly bias: number;
  readonly weights: ReadonlyMap<string, number>;
}

/** What the features read besides the attribution itself. */
export interface FeatureContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Index of the first token starting at or after an offset. */
  readonly tokenAt: (offset: number) => number;
  /** The sentence holding an offset. */
  readonly sentenceAt: (offset: number) => Span;
  /** Whether the offset lies in the article's first paragraph (usually the headline). */
  readonly firstParagraph: (offset: number) => boolean;
  /** The cue word's learned rate (share of its occurrences inside an annotated cue). */
  readonly rate: (word: string) => number;
  /** The cue's learned precision as a prose cue. */
  readonly precision: (cue: string) => number;
  /** The learned cue proposer's probability for the word at an offset (cue-classifier.ts); null without a proposer. */
  readonly proposed?: (offset: number) => number | null;
  /** The type of the last name mention inside a span (PERSON, ORG, ...), or null when it holds none. */
  readonly nameType: (span: Span) => string | null;
}

/** Closed-class words a feature may name as they are; any other word is reduced to its shape. */
const FUNCTION_WORDS = new Set(
  'a an the this that these those he she they it we i you who which his her their its our my your and but or so to of in on at for with by from as about than not also has have had is are was were will would could can may might should must be been being do does did said says say told according , ; : . " “ ” ( ) — – - ’s \'s'.split(' '),
);

/** A word as a feature value: function words as written (lower case), others by shape. */
export function wordValue(word: string | undefined): string {
  if (word === undefined) return 'NONE';
  const lower = word.toLowerCase();
  if (FUNCTION_WORDS.has(lower)) return lower;
  if (/^\p{Lu}/u.test(word)) return 'Cap';
  if (/^\p{N}/u.test(word)) return 'Num';
  if (/^\p{Ll}+ing$/u.test(word)) return 'xing';
  if (/^\p{Ll}+ed$/u.test(word)) return 'xed';
  if (/^\p{Ll}+ly$/u.test(word)) return 'xly';
  if (/^\p{Ll}/u.test(word)) return 'x';
  return 'P';
}

/** Buckets for counts and rates: a feature fires for the bucket the value falls in. */
export function bucket(value: number, edges: readonly number[]): string {
  let i = 0;
  while (i < edges.length && value >= (edges[i] ?? Infinity)) i++;
  return String(i);
}

const PRONOUNS = /^(?:he|she|they|it|we|i|you|who)$/i;

/**
 * Features of one prose attribution: the cue as written and its learned rate and precision, the words around the cue,
 * the speaker's form (pronoun, capitalised name, common noun phrase), its length and place, and the content's length
 * and place relative to the cue and its sentence. No feature names a content or speaker word other than a function word.
 */
export function attributionFeatures(ctx: FeatureContext, quote: QuoteSpan): string[] {
  const { text, tokens } = ctx;
  const out = ['bias:1'];
  const cue = quote.cue;
  const cueText = cue ? text.slice(cue.start, cue.end).toLowerCase() : '';
  const head = /[\p{L}]+$/u.exec(cueText)?.[0] ?? cueText;
  // A learned phrase cue ("criticism of") is rated as the phrase; a word cue by its head word.
  const phraseRate = /\s/.test(cueText) ? ctx.rate(cueText) : 0;
  if (phraseRate > 0) out.push('phraseCue');
  out.push(`cue:${cueText}`, `rate:${bucket(phraseRate || ctx.rate(head), [0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.85])}`, `prec:${bucket(ctx.precision(cueText), [0.2, 0.3, 0.4, 0.5, 0.6, 0.7])}`);
  out.push(`how:${quote.speakerHow}`);
  const proposed = cue && !/\s/.test(cueText) ? ctx.proposed?.(cue.start) ?? null : null;
  if (proposed !== null) out.push(`proposed:${bucket(proposed, [0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8])}`);
  if (cue) {
    const i = ctx.tokenAt(cue.start);
    const prev = wordValue(tokens[i - 1]?.text);
    const next = wordValue(tokens[ctx.tokenAt(cue.end)]?.text);
    out.push(`prev:${prev}`, `next:${next}`, `next2:${wordValue(tokens[ctx.tokenAt(cue.end) + 1]?.text)}`, `cue+next:${head}|${next}`);
    if (/ing$/.test(head)) out.push('cueIng');
    if (/ed$/.test(head)) out.push('cueEd');
    if (/s$/.test(head)) out.push('cueS');
    // Where the content sits: after the cue, before it, or around it.
    const side = quote.end <= cue.start ? 'before' : quote.start >= cue.end ? 'after' : 'around';
    out.push(`side:${side}`, `side+how:${side}|${quote.speakerHow}`);
    const gap = side === 'after' ? quote.start - cue.end : side === 'before' ? cue.start - quote.end : 0;
    out.push(`gap:${bucket(gap, [2, 6, 15, 40, 100])}`);
    const sentence = ctx.sentenceAt(cue.start);
    out.push(`cueAtStart:${bucket(cue.start - sentence.start, [1, 20, 60, 150])}`);
    if (quote.start <= sentence.start + 1) out.push('contentOpensSentence');
    if (ctx.firstParagraph(cue.start)) out.push('firstParagraph');
  }
  const words = text.slice(quote.start, quote.end).split(/\s+/).filter(Boolean).length;
  out.push(`words:${bucket(words, [4, 7, 12, 20, 35, 60])}`);
  if (/["“”]/.test(text.slice(quote.start, quote.end))) out.push('contentHasMark');
  out.push(`c1:${wordValue(/^\S+/.exec(text.slice(quote.start, quote.end))?.[0])}`);
  if (/^\s*[.!?]/.test(text.slice(quote.end, quote.end + 3))) out.push('contentEndsSentence');
  // A clause has a finite verb; an object noun phrase ("endorsed the plan") usually has none.
  if (/\b(?:is|are|was|were|will|would|could|can|should|must|has|have|had|did|does|do|may|might)\b/i.test(text.slice(quote.start, quote.end))) out.push('contentHasAuxiliary');
  const speaker = quote.speaker;
  if (!speaker) {
    out.push('speaker:none');
    return out;
  }
  const spoken = text.slice(speaker.start, speaker.end);
  const first = /^\S+/.exec(spoken)?.[0] ?? '';
  const speakerWords = spoken.split(/\s+/).filter(Boolean).length;
  out.push(`spk1:${wordValue(first)}`, `spkWords:${bucket(speakerWords, [2, 3, 5, 8, 13])}`);
  if (PRONOUNS.test(spoken)) out.push('spkPronoun');
  if (quote.speakerName === null) out.push('spkUnresolved');
  out.push(`spkType:${ctx.nameType(speaker) ?? 'none'}`);
  if (/\p{Lu}/u.test(spoken.slice(1))) out.push('spkHasCapital');
  const last = /\S+$/.exec(spoken)?.[0];
  out.push(`spkLast:${wordValue(last)}`);
  // "Ruiz reflexively rattled off": a subject read past its head into the verb phrase.
  if (/\p{Lu}\S*\s+(?:\S+\s+)*\p{Ll}+(?:ed|ly|s)\b/u.test(spoken)) out.push('spkRunsOn');
  if (cue) {
    const order = speaker.end <= cue.start ? 'before' : 'after';
    out.push(`spkOrder:${order}`, `spkGap:${bucket(order === 'before' ? cue.start - speaker.end : speaker.start - cue.end, [2, 10, 30, 80])}`);
    // A speaker inside the content span is most likely a word of the content read as a subject.
    if (speaker.start >= quote.start && speaker.end <= quote.end) out.push('spkInContent');
  }
  return out;
}

/** The model's probability that an attribution with these features has its content and speaker right. */
export function attributionProbability(model: AttributionModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

export interface TrainingExample {
  readonly features: readonly string[];
  readonly right: boolean;
}

export interface TrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 penalty per example step. */
  readonly l2: number;
  /** A feature must fire on at least this many examples to get a weight. */
  readonly minCount: number;
}

export const TRAINING_DEFAULTS: TrainingOptions = { epochs: 12, learningRate: 0.1, l2: 1e-4, minCount: 3 };

/**
 * Logistic regression by stochastic gradient descent in a fixed pseudo-random order (same examples, same model),
 * weights rounded to 4 decimals and the near-zero ones dropped.
 */
export function trainAttributionModel(examples: readonly TrainingExample[], options: TrainingOptions = TRAINING_DEFAULTS): AttributionModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = examples.map((e) => ({ features: [...new Set(e.features)].filter((f) => (counts.get(f) ?? 0) >= options.minCount), y: e.right ? 1 : 0 }));
  const w = new Map<string, number>();
  let bias = 0;
  const order = kept.map((_, i) => i);
  let seed = 12345;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const rate = options.learningRate / (1 + epoch);
    for (const k of order) {
      const e = kept[k];
      if (!e) continue;
      let z = bias;
      for (const f of e.features) z += w.get(f) ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - e.y;
      bias -= rate * g;
      for (const f of e.features) {
        const v = w.get(f) ?? 0;
        w.set(f, v - rate * (g + options.l2 * v));
      }
    }
  }
  const weights = new Map<string, number>();
  for (const [f, v] of [...w].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const r = Math.round(v * 1e4) / 1e4;
    if (Math.abs(r) >= 1e-3) weights.set(f, r);
  }
  return { bias: Math.round(bias * 1e4) / 1e4, weights };
}

/** The generated module holding a trained model: a bias and one [feature, weight] row per feature, under a name prefix. */
export function attributionModelModule(model: AttributionModel, docs: number, examples: number, name = 'ATTRIBUTION', what = 'prose attributions'): string {
  const rows = [...model.weights].map(([f, v]) => `  [${JSON.stringify(f)}, ${v}],`).join('\n');
  return [
    `// Generated by scripts/train-quotes.ts from PolNeAR train (${docs} articles, ${examples} ${what}): logistic weights (attribution-model.ts).`,
    `export const LEARNED_${name}_BIAS = ${model.bias};`,
    `export const LEARNED_${name}_WEIGHTS: readonly (readonly [string, number])[] = [`,
    rows,
    '];',
    '',
  ].join('\n');
}
