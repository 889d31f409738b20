// The brief: every sentence is a source passage or a template filled only with extracted fields, and cites its passages.
import type { Article } from '../../core/article.js';
import type { BriefSentence, Cite, Claim, CorpusResult, QuoteGroup } from '../../core/corpus.js';
import { defineCorpusStage } from '../../core/stage.js';
import { outletOf } from '../claims/outlet-of.js';
import { anonymousClaims } from '../provenance/provenance.js';
import { lastSpanStartingAtOrBefore, spansOverlap } from '../../core/span.js';
import { rankClaims } from './rank-claims.js';
import { citedText, shortCite } from './short-cite.js';
import { claimDate } from './timeline.js';

export interface BriefConfig {
  /** Longest quoted passage inside a template sentence, in characters. */
  readonly maxPassage: number;
  /** Quote groups whose longest passage has fewer words are left out of "Who said what". */
  readonly minQuoteWords: number;
  /** Wordings of one remark a "quoted differently" line spells out; the others are counted. */
  readonly maxWordings: number;
  /** Longest citation of a claim, in characters: a sentence or a clause a reader can check, never a whole glued lede. */
  readonly maxCite: number;
}

export const BRIEF_DEFAULTS: BriefConfig = { maxPassage: 240, minQuoteWords: 3, maxWordings: 3, maxCite: 200 };

/**
 * How much a provenance line matters: copies and wire credits first (they are why several outlets count as one
 * source), named attributions next, each anonymous attribution last (the claims resting only on them are listed
 * with their own claim's score).
 */
const SOURCE_KIND_SCORE: Readonly<Record<string, number>> = { 'wire-credit': 0.9, 'near-copy': 0.9, attribution: 0.5, anonymous: 0.3 };

/** What every section builder reads: the articles by id, and each claim's score. */
interface BriefInputs {
  readonly byId: ReadonlyMap<string, Article>;
  readonly scores: ReadonlyMap<string, number>;
  readonly config: BriefConfig;
}

function rounded(score: number): number {
  return Math.round(score * 1000) / 1000;
}

const KIND_LABEL: Readonly<Record<string, string>> = {
  'wire-credit': 'credits',
  'near-copy': 'republishes a near-copy of',
  attribution: 'cites',
  anonymous: 'cites an anonymous source,',
};

function list(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A quoted passage without its quotation marks and closing comma or full stop; an abbreviation keeps its stop ("8 p.m."). */
function unquoted(s: string): string {
  const inner = s.replace(/^[\s"“”‘’']+|[\s"“”‘’',]+$/g, '');
  return /(?:^|[\s.])\p{L}\.$/u.test(inner) ? inner : inner.replace(/\.+$/, '');
}

/** "One of the officials" read mid-sentence: a capitalised opening determiner is lower-cased; names are left alone. */
function midSentence(source: string): string {
  return /^(?:One|Two|Three|Some|Several|Many|The|A|An|Other|Senior|Local|Port|City)\b/.test(source) && !/^The [A-Z]/.test(source)
    ? `${source.charAt(0).toLowerCase()}${source.slice(1)}`
    : source;
}

function words(s: string): number {
  return s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

function clip(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A claim's cites, each narrowed to a short passage, the mention its summary quotes first; and that passage's words.
 * The line then shows exactly the characters its first cite covers.
 */
function claimCites(claim: Claim, inputs: BriefInputs): { cites: Cite[]; passage: string } {
  const { byId, config } = inputs;
  const summary = claim.summary.replace(/\s+/g, ' ').trim();
  const lead = Math.max(0, claim.mentions.findIndex((m) => citedText(m, byId.get(m.article)) === summary));
  const ordered = [claim.mentions[lead], ...claim.mentions.filter((_, i) => i !== lead)].filter((m) => m !== undefined);
  const cites = ordered.map((m) => shortCite({ article: m.article, start: m.start, end: m.end }, byId.get(m.article), config.maxCite));
  const first = cites[0];
  const passage = first ? citedText(first, byId.get(first.article)) : '';
  return { cites, passage: clip(passage || summary, config.maxPassage) };
}

/** Highest score first; equal scores keep their claim order. */
function byScore<T extends { readonly score?: number }>(lines: readonly T[]): T[] {
  return lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => (b.line.score ?? 0) - (a.line.score ?? 0) || a.i - b.i)
    .map((x) => x.line);
}

/** Single-source lines grouped by outlet: the outlet with the most important line first, each outlet's lines by score. */
function groupedByOutlet(lines: readonly BriefSentence[]): BriefSentence[] {
  const groups = new Map<string, BriefSentence[]>();
  for (const line of byScore(lines)) {
    const key = line.outlet ?? '';
    const group = groups.get(key) ?? [];
    group.push(line);
    groups.set(key, group);
  }
  return [...groups.values()].flat();
}

function claimSentences(claims: readonly Claim[], inputs: BriefInputs): BriefSentence[] {
  const score = (id: string): number => rounded(inputs.scores.get(id) ?? 0);
  const confirmed: BriefSentence[] = [];
  // Evolving figures go to the timeline section: their first figure is not a confirmed fact.
  for (const c of claims.filter((x) => x.status === 'corroborated' && !x.evolution)) {
    const { cites, passage } = claimCites(c, inputs);
    confirmed.push({ section: 'confirmed', text: `Reported by ${list(c.outlets)} (${c.independentSources} independent sources): ${passage}`, cites, score: score(c.id) });
  }
  const disputed: BriefSentence[] = [];
  const seen = new Set<string>();
  const index = new Map(claims.map((c) => [c.id, c]));
  for (const c of claims) {
    for (const k of c.conflicts) {
      const key = [c.id, k.claim].sort().join('|') + k.kind;
      if (seen.has(key) || !index.has(k.claim)) continue;
      seen.add(key);
      // The explanation quotes its passages whole, so its cites stay whole sentences (step 1 of shortCite only).
      const cites = k.cites.map((x) => shortCite(x, inputs.byId.get(x.article), Number.POSITIVE_INFINITY));
      disputed.push({ section: 'disputed', text: k.explanation, cites, score: Math.max(score(c.id), score(k.claim)) });
    }
  }
  const single: BriefSentence[] = [];
  for (const c of claims.filter((x) => x.status === 'single-source' && !x.evolution)) {
    // Several outlets carrying one source (a wire copy and its relays) are still one source.
    const who = c.outlets.length > 1 ? `by one source, carried by ${list(c.outlets)}` : `only by ${c.outlets[0] ?? 'one outlet'}`;
    const { cites, passage } = claimCites(c, inputs);
    single.push({ section: 'single-source', text: `Reported ${who}: ${passage}`, cites, score: score(c.id), outlet: list(c.outlets) || 'one outlet' });
  }
  return [...byScore(confirmed), ...byScore(disputed), ...groupedByOutlet(single)];
}

/**
 * "Nordwire and Coastal Daily Post have "X"": outlets with the same wording share one version, versions in first-seen
 * order; past `max` versions the rest are counted ("2 other wordings"), since every one is cited and in the JSON.
 */
function wordings(quotes: readonly { outlet: string; words: string }[], max: number): string[] {
  const byWords = new Map<string, string[]>();
  for (const q of quotes) {
    const outlets = byWords.get(q.words) ?? [];
    if (!outlets.includes(q.outlet)) outlets.push(q.outlet);
    byWords.set(q.words, outlets);
  }
  const versions = [...byWords].map(([words, outlets]) => `${list(outlets)} ${outlets.length > 1 ? 'have' : 'has'} "${words}"`);
  const rest = versions.length - max;
  return rest > 0 ? [...versions.slice(0, max), `${rest} other ${rest === 1 ? 'wording' : 'wordings'}`] : versions;
}

/** Per article, its claim mentions sorted by start: which claim a quote sits in. */
function mentionIndex(claims: readonly Claim[]): Map<string, { start: number; end: number; claim: string }[]> {
  const out = new Map<string, { start: number; end: number; claim: string }[]>();
  for (const c of claims) {
    for (const m of c.mentions) {
      const list = out.get(m.article) ?? [];
      list.push({ start: m.start, end: m.end, claim: c.id });
      out.set(m.article, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

/** The best score of the claims whose mentions hold a quote's first or last character. */
function quoteScore(article: string, q: { start: number; end: number }, index: ReadonlyMap<string, readonly { start: number; end: number; claim: string }[]>, scores: ReadonlyMap<string, number>): number {
  const list = index.get(article) ?? [];
  let best = 0;
  for (const offset of [q.start, Math.max(q.start, q.end - 1)]) {
    const m = list[lastSpanStartingAtOrBefore(list, offset)];
    if (m && spansOverlap(m, q)) best = Math.max(best, scores.get(m.claim) ?? 0);
  }
  return best;
}

function quoteSentences(groups: readonly QuoteGroup[], corpus: CorpusResult, inputs: BriefInputs): BriefSentence[] {
  const { byId, config } = inputs;
  const claimsAt = mentionIndex(corpus.claims);
  const names = new Map(corpus.entities.map((e) => [e.id, e.name]));
  const out: BriefSentence[] = [];
  for (const g of groups) {
    const quotes = g.quotes.flatMap((ref) => {
      const article = byId.get(ref.article);
      const q = article?.layers.quotes[ref.index];
      if (!article || !q) return [];
      // A long quotation is cited (and shown) by its first sentence, or clause, like any other passage.
      const whole = { article: article.id, start: q.start, end: q.end };
      return [{ article, q, cite: q.end - q.start > config.maxCite ? shortCite(whole, article, config.maxCite) : whole }];
    });
    const speaker = (g.speaker ? names.get(g.speaker) : undefined) ?? quotes.find((x) => x.q.speakerName)?.q.speakerName ?? 'An unnamed speaker';
    const outlets = [...new Set(quotes.map((x) => outletOf(x.article)))];
    const text = (x: { article: Article; cite: Cite }): string => clip(unquoted(x.article.text.slice(x.cite.start, x.cite.end)), config.maxPassage);
    const longest = [...quotes].sort((a, b) => b.cite.end - b.cite.start - (a.cite.end - a.cite.start))[0];
    // "praised the crew" -> "the crew": a fragment this short says nothing a reader can attribute.
    if (!longest || words(text(longest)) < config.minQuoteWords) continue;
    // Only direct quotes are someone's words; reported speech and "according to" passages are the outlet's wording.
    const direct = quotes.every((x) => x.q.kind === 'direct');
    const score = rounded(Math.max(0, ...quotes.map((x) => quoteScore(x.article.id, x.q, claimsAt, inputs.scores))));
    if (g.relation === 'variant') {
      const versions = wordings(quotes.map((x) => ({ outlet: outletOf(x.article), words: text(x) })), config.maxWordings);
      const how = direct ? 'is quoted differently' : 'is reported differently (not all verbatim quotes)';
      out.push({ section: 'quotes', text: `${speaker} ${how}: ${list(versions)}.`, cites: quotes.map((x) => x.cite), score });
    } else {
      const how = g.relation === 'trimmed' ? ' (some in shortened form)' : '';
      const verb = direct ? 'quoted' : 'reported, not quoted verbatim,';
      out.push({ section: 'quotes', text: `${speaker}: "${text(longest)}" (${verb} by ${list(outlets)}${how}).`, cites: quotes.map((x) => x.cite), score });
    }
  }
  return byScore(out);
}

/** Evolving figures, then claims dated by their own words ("on Saturday"); claims dated only by publication stay out. */
function timelineSentences(corpus: CorpusResult, inputs: BriefInputs): BriefSentence[] {
  const { byId, config } = inputs;
  const out: BriefSentence[] = [];
  for (const c of corpus.claims) {
    if (!c.evolution) continue;
    const change = `${c.evolution.text.charAt(0).toUpperCase()}${c.evolution.text.slice(1)}`;
    // An evolving figure reads as its latest report, the passage its first cite shows.
    const { cites, passage } = claimCites(c, inputs);
    out.push({ section: 'timeline', text: `${change}: ${passage}`, cites, score: rounded(inputs.scores.get(c.id) ?? 0) });
  }
  const claims = new Map(corpus.claims.map((c) => [c.id, c]));
  for (const t of corpus.timeline) {
    const dated = t.claims.map((id) => claims.get(id)).filter((c): c is Claim => c !== undefined && !c.evolution);
    if (!dated.some((c) => claimDate(c, byId)?.from === 'text')) continue;
    // A date another outlet contradicts is not an established fact: say so where it is listed (and whether it is the date).
    const kinds = new Set(dated.flatMap((c) => c.conflicts.map((k) => k.kind)));
    const disputed = kinds.has('time') ? ' (date disputed)' : kinds.size ? ' (accounts differ)' : '';
    const cites = t.cites.map((x) => shortCite(x, byId.get(x.article), config.maxCite));
    const first = cites[0];
    const passage = first ? citedText(first, byId.get(first.article)) : '';
    // Chronological order stays; the score lets a capped view keep the entries that matter most.
    const score = rounded(Math.max(0, ...dated.map((c) => inputs.scores.get(c.id) ?? 0)));
    out.push({ section: 'timeline', text: `${t.date}${disputed}: ${clip(passage || t.label, config.maxPassage)}`, cites, score });
  }
  return out;
}

function sourceSentences(corpus: CorpusResult, inputs: BriefInputs): BriefSentence[] {
  const { byId, config } = inputs;
  const out: BriefSentence[] = corpus.provenance.map((e) => ({
    section: 'sources' as const,
    text: `${e.outlet} ${KIND_LABEL[e.kind] ?? 'relays'} ${e.kind === 'anonymous' ? midSentence(e.relays) : e.relays}.`,
    cites: e.cites.map((x) => shortCite(x, byId.get(x.article), config.maxCite)),
    score: SOURCE_KIND_SCORE[e.kind] ?? 0,
  }));
  const index = new Map(corpus.claims.map((c) => [c.id, c]));
  for (const a of anonymousClaims(corpus)) {
    const claim = index.get(a.claim);
    if (!claim) continue;
    const { cites, passage } = claimCites(claim, inputs);
    out.push({
      section: 'sources',
      text: `Rests only on anonymous sources: ${passage}`,
      cites: [...cites, ...a.cites.map((x) => shortCite(x, byId.get(x.article), config.maxCite))],
      score: rounded(inputs.scores.get(claim.id) ?? 0),
    });
  }
  return byScore(out);
}

/**
 * Sections in reading order: confirmed, disputed, single-source, quotes, timeline, sources. Within a section the most
 * important line comes first (single-source lines grouped by outlet; the timeline stays chronological). Cites with empty
 * slices are dropped.
 */
export function buildBrief(corpus: CorpusResult, config: BriefConfig = BRIEF_DEFAULTS): BriefSentence[] {
  const inputs: BriefInputs = { byId: new Map(corpus.articles.map((a) => [a.id, a])), scores: rankClaims(corpus), config };
  const all = [
    ...claimSentences(corpus.claims, inputs),
    ...quoteSentences(corpus.quoteGroups, corpus, inputs),
    ...timelineSentences(corpus, inputs),
    ...sourceSentences(corpus, inputs),
  ];
  const order = ['confirmed', 'disputed', 'single-source', 'quotes', 'timeline', 'sources'];
  return all
    .map((s) => ({ ...s, cites: s.cites.filter((c) => c.end > c.start) }))
    .filter((s) => s.cites.length > 0)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => order.indexOf(a.s.section) - order.indexOf(b.s.section) || a.i - b.i)
    .map((x) => x.s);
}

export const briefStage = defineCorpusStage<BriefConfig>({
  name: 'parallax.brief.v1',
  version: '1.0.0',
  requires: ['article.quotes', 'article.attributions', 'corpus.claims', 'corpus.quoteGroups', 'corpus.provenance', 'corpus.timeline', 'corpus.duplicates', 'corpus.stories', 'corpus.entities'],
  provides: ['corpus.brief'],
  defaults: BRIEF_DEFAULTS,
  run(corpus, _ctx, config) {
    return { brief: buildBrief(corpus, config) };
  },
});
