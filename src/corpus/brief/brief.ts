// The brief: every sentence is a source passage or a template filled only with extracted fields, and cites its passages.
import type { Article } from '../../core/article.js';
import type { BriefSentence, Cite, Claim, CorpusResult, QuoteGroup } from '../../core/corpus.js';
import { defineCorpusStage } from '../../pipeline/stage.js';
import { outletOf } from '../claims/outlet-of.js';
import { anonymousClaims } from '../provenance/provenance.js';
import { claimDate } from './timeline.js';

export interface BriefConfig {
  /** Longest quoted passage inside a template sentence, in characters. */
  readonly maxPassage: number;
  /** Quote groups whose longest passage has fewer words are left out of "Who said what". */
  readonly minQuoteWords: number;
}

export const BRIEF_DEFAULTS: BriefConfig = { maxPassage: 240, minQuoteWords: 3 };

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

function citesOf(claim: Claim): Cite[] {
  return claim.mentions.map((m) => ({ article: m.article, start: m.start, end: m.end }));
}

function claimSentences(claims: readonly Claim[], config: BriefConfig): BriefSentence[] {
  const out: BriefSentence[] = [];
  // Evolving figures go to the timeline section: their first figure is not a confirmed fact.
  for (const c of claims.filter((x) => x.status === 'corroborated' && !x.evolution)) {
    out.push({
      section: 'confirmed',
      text: `Reported by ${list(c.outlets)} (${c.independentSources} independent sources): ${clip(c.summary, config.maxPassage)}`,
      cites: citesOf(c),
    });
  }
  const seen = new Set<string>();
  const index = new Map(claims.map((c) => [c.id, c]));
  for (const c of claims) {
    for (const k of c.conflicts) {
      const key = [c.id, k.claim].sort().join('|') + k.kind;
      if (seen.has(key) || !index.has(k.claim)) continue;
      seen.add(key);
      out.push({ section: 'disputed', text: k.explanation, cites: k.cites });
    }
  }
  for (const c of claims.filter((x) => x.status === 'single-source' && !x.evolution)) {
    // Several outlets carrying one source (a wire copy and its relays) are still one source.
    const who = c.outlets.length > 1 ? `by one source, carried by ${list(c.outlets)}` : `only by ${c.outlets[0] ?? 'one outlet'}`;
    out.push({
      section: 'single-source',
      text: `Reported ${who}: ${clip(c.summary, config.maxPassage)}`,
      cites: citesOf(c),
    });
  }
  return out;
}

function quoteSentences(groups: readonly QuoteGroup[], corpus: CorpusResult, config: BriefConfig): BriefSentence[] {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const names = new Map(corpus.entities.map((e) => [e.id, e.name]));
  const out: BriefSentence[] = [];
  for (const g of groups) {
    const quotes = g.quotes.flatMap((ref) => {
      const article = byId.get(ref.article);
      const q = article?.layers.quotes[ref.index];
      return article && q ? [{ article, q, cite: { article: article.id, start: q.start, end: q.end } }] : [];
    });
    const speaker = (g.speaker ? names.get(g.speaker) : undefined) ?? quotes.find((x) => x.q.speakerName)?.q.speakerName ?? 'An unnamed speaker';
    const outlets = [...new Set(quotes.map((x) => outletOf(x.article)))];
    const text = (x: { article: Article; q: { start: number; end: number } }): string =>
      clip(unquoted(x.article.text.slice(x.q.start, x.q.end)), config.maxPassage);
    const longest = [...quotes].sort((a, b) => b.q.end - b.q.start - (a.q.end - a.q.start))[0];
    // "praised the crew" -> "the crew": a fragment this short says nothing a reader can attribute.
    if (!longest || words(text(longest)) < config.minQuoteWords) continue;
    // Only direct quotes are someone's words; reported speech and "according to" passages are the outlet's wording.
    const direct = quotes.every((x) => x.q.kind === 'direct');
    if (g.relation === 'variant') {
      const versions = quotes.map((x) => `${outletOf(x.article)} has "${text(x)}"`);
      const how = direct ? 'is quoted differently' : 'is reported differently (not all verbatim quotes)';
      out.push({ section: 'quotes', text: `${speaker} ${how}: ${list(versions)}.`, cites: quotes.map((x) => x.cite) });
    } else {
      const how = g.relation === 'trimmed' ? ' (some in shortened form)' : '';
      const verb = direct ? 'quoted' : 'reported, not quoted verbatim,';
      out.push({ section: 'quotes', text: `${speaker}: "${text(longest)}" (${verb} by ${list(outlets)}${how}).`, cites: quotes.map((x) => x.cite) });
    }
  }
  return out;
}

/** Evolving figures, then claims dated by their own words ("on Saturday"); claims dated only by publication stay out. */
function timelineSentences(corpus: CorpusResult): BriefSentence[] {
  const out: BriefSentence[] = [];
  for (const c of corpus.claims) {
    if (!c.evolution) continue;
    const change = `${c.evolution.text.charAt(0).toUpperCase()}${c.evolution.text.slice(1)}`;
    out.push({ section: 'timeline', text: `${change}: ${c.summary}`, cites: citesOf(c) });
  }
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const claims = new Map(corpus.claims.map((c) => [c.id, c]));
  for (const t of corpus.timeline) {
    const dated = t.claims.map((id) => claims.get(id)).filter((c): c is Claim => c !== undefined && !c.evolution);
    if (!dated.some((c) => claimDate(c, byId)?.from === 'text')) continue;
    // A date another outlet contradicts is not an established fact: say so where it is listed (and whether it is the date).
    const kinds = new Set(dated.flatMap((c) => c.conflicts.map((k) => k.kind)));
    const disputed = kinds.has('time') ? ' (date disputed)' : kinds.size ? ' (accounts differ)' : '';
    out.push({ section: 'timeline', text: `${t.date}${disputed}: ${t.label}`, cites: t.cites });
  }
  return out;
}

function sourceSentences(corpus: CorpusResult, config: BriefConfig): BriefSentence[] {
  const out: BriefSentence[] = corpus.provenance.map((e) => ({
    section: 'sources' as const,
    text: `${e.outlet} ${KIND_LABEL[e.kind] ?? 'relays'} ${e.kind === 'anonymous' ? midSentence(e.relays) : e.relays}.`,
    cites: e.cites,
  }));
  const index = new Map(corpus.claims.map((c) => [c.id, c]));
  for (const a of anonymousClaims(corpus)) {
    const claim = index.get(a.claim);
    if (!claim) continue;
    out.push({
      section: 'sources',
      text: `Rests only on anonymous sources: ${clip(claim.summary, config.maxPassage)}`,
      cites: [...citesOf(claim), ...a.cites],
    });
  }
  return out;
}

/** Sections in reading order: confirmed, disputed, single-source, quotes, timeline, sources. Cites with empty slices are dropped. */
export function buildBrief(corpus: CorpusResult, config: BriefConfig = BRIEF_DEFAULTS): BriefSentence[] {
  const all = [
    ...claimSentences(corpus.claims, config),
    ...quoteSentences(corpus.quoteGroups, corpus, config),
    ...timelineSentences(corpus),
    ...sourceSentences(corpus, config),
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
  requires: ['claims', 'quoteGroups', 'provenance', 'timeline'],
  provides: ['brief'],
  defaults: BRIEF_DEFAULTS,
  run(corpus, _ctx, config) {
    return { brief: buildBrief(corpus, config) };
  },
});
