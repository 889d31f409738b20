// Attribution chains: who reports a claim (outlet or the article itself) and whom it cites (named, anonymous, official, outlet).
import type { AttributionSpan, Layers, SourceKind } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { trimSpan } from '../../core/span.js';
import { ANONYMOUS_SOURCE, OFFICIAL_SOURCE, OUTLET, REPORT_VERB, classifySource, isOutlet, outletName } from './source-patterns.js';

export interface AttributionsConfig {
  /** Claimant used when the article itself reports a claim citing a source ("police said"). */
  readonly selfClaimant: string;
}

export const ATTRIBUTIONS_DEFAULTS: AttributionsConfig = { selfClaimant: 'the article' };

/** A source phrase found in a sentence, with the role it plays there. */
interface Hit extends Span {
  readonly phrase: Span;
  readonly text: string;
  readonly kind: SourceKind;
  /** claimant: reports the claim; cited: is cited by the claimant ("citing X", "X told the AP"). */
  readonly role: 'claimant' | 'cited';
}

const NAME_WORD = "(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Gen|Rep|Prof|St)\\.|[\\p{Lu}]\\.|[\\p{Lu}][\\p{L}'’-]*)";
const NAMED = `(?<![\\p{L}])${NAME_WORD}(?:\\s+(?:${NAME_WORD}|de|van|von|al|bin))*`;
/** Where a cited phrase must stop: punctuation, "that", "as saying", or the sentence end. */
const VIA_END = '(?=\\s*(?:[,;:]|[.!?]?$|[.!?]\\s)|\\s+(?:that|as saying|who|which)\\b)';
const SOURCE = `(?:${OUTLET}|${ANONYMOUS_SOURCE}|${OFFICIAL_SOURCE})`;
const VIA_PHRASE = `(?:${OUTLET}|${ANONYMOUS_SOURCE}|${OFFICIAL_SOURCE}|${NAMED})`;

const re = (source: string): RegExp => new RegExp(source, 'gdu');

/** Patterns, in priority order; each names the group holding the source phrase. */
const PATTERNS: readonly { readonly re: RegExp; readonly role: Hit['role'] }[] = [
  // "citing people familiar with the matter", "citing diplomatic sources"
  { re: re(`\\bciting\\s+(?<src>${VIA_PHRASE})${VIA_END}`), role: 'cited' },
  // "according to Le Monde, which cited diplomatic sources", "..., quoting a senior official"
  { re: re(`(?:,\\s+(?:which|who)\\s+(?:cited|quoted)|\\bquoting)\\s+(?<src>${VIA_PHRASE})${VIA_END}`), role: 'cited' },
  // "two officials told the Associated Press": the outlet claims, the tellers are cited
  { re: re(`(?<teller>${ANONYMOUS_SOURCE}|${OFFICIAL_SOURCE}|${NAMED})\\s+(?:(?:also|had|has)\\s+)?told\\s+(?<src>${OUTLET})`), role: 'claimant' },
  // "according to Le Monde", "according to police", "according to Anna Kowal"
  { re: re(`\\b[Aa]ccording to\\s+(?<src>${VIA_PHRASE})${VIA_END}`), role: 'claimant' },
  // "Bloomberg reported", "people familiar with the matter said", "the ministry said"
  { re: re(`(?<![\\p{L}])(?<src>${SOURCE})\\s+${REPORT_VERB}`), role: 'claimant' },
  // "..., said police." / "..., reported the Norvik Herald."
  // "..., said a person familiar with the matter, who spoke on condition of anonymity."
  { re: re(`,\\s+(?:said|reported|told|added)\\s+(?<src>${SOURCE})(?:,\\s+(?:who|speaking)\\b[^.!?]*)?\\s*[.!?]?$`), role: 'claimant' },
];

function sourceHits(text: string, sentence: Span): Hit[] {
  const s = text.slice(sentence.start, sentence.end);
  const hits: Hit[] = [];
  for (const { re: pattern, role } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(s); m; m = pattern.exec(s)) {
      const src = m.indices?.groups?.['src'];
      const whole = m.indices?.[0];
      if (!src || !whole) continue;
      // Conjunctions the patterns may catch at the front ("and state officials said") are not the source.
      const lead = /^(?:(?:and|but|or|while|as|so)\s+)+/i.exec(s.slice(src[0], src[1]))?.[0].length ?? 0;
      const phrase = trimSpan(text, { start: sentence.start + src[0] + lead, end: sentence.start + src[1] });
      if (phrase.end <= phrase.start) continue;
      const words = text.slice(phrase.start, phrase.end);
      const kind = classifySource(words, isOutlet(words));
      // A named person saying something is a quote, not sourcing; keep names only when cited or "according to".
      const isAccording = /^[Aa]ccording/.test(m[0]);
      if (kind === 'named' && role === 'claimant' && !isAccording) continue;
      const hit: Hit = { start: sentence.start + whole[0], end: sentence.start + whole[1], phrase, text: words, kind, role };
      if (hits.some((h) => h.phrase.start < hit.phrase.end && hit.phrase.start < h.phrase.end)) continue;
      hits.push(hit);
      const teller = m.indices?.groups?.['teller'];
      if (teller) {
        const tp = trimSpan(text, { start: sentence.start + teller[0], end: sentence.start + teller[1] });
        const tw = text.slice(tp.start, tp.end);
        hits.push({ start: tp.start, end: tp.end, phrase: tp, text: tw, kind: classifySource(tw, false), role: 'cited' });
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The claim beside the attribution: what follows a leading attribution, or what precedes a trailing one. */
function claimOf(text: string, sentence: Span, attribution: Span): Span | null {
  const before = text.slice(sentence.start, attribution.start);
  const leading = /^\s*(?:(?:but|and|meanwhile|however|earlier|separately|in a statement|on \w+|last \w+)[\s,]*)?$/i.test(before);
  let claim: Span | null = null;
  if (leading) {
    const after = text.slice(attribution.end, sentence.end);
    const lead =
      /^[\s,]*(?:(?:on|last|this|in a|in an)\s+[^,]{0,30}?\s+|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\s+)?(?:that\s+)?/i.exec(after)?.[0].length ?? 0;
    claim = { start: attribution.end + lead, end: sentence.end };
  } else if (/,\s*$/.test(before)) {
    claim = { start: sentence.start, end: sentence.start + before.replace(/[,\s]+$/, '').length };
  }
  if (!claim) return null;
  const t = trimSpan(text, claim);
  const end = /[.!?]$/.test(text.slice(t.end - 1, t.end)) ? t.end - 1 : t.end;
  return text.slice(t.start, end).split(/\s+/).length >= 3 ? { start: t.start, end } : null;
}

/** "Reuters reported that the talks stalled, citing two diplomats": the claim sits between claimant and cited source. */
function claimBetween(text: string, sentence: Span, claimant: Hit | undefined, cited: Hit | undefined): Span | null {
  if (!claimant || !cited || cited.start <= claimant.end) return null;
  const claim = claimOf(text, { start: sentence.start, end: cited.start }, claimant);
  if (!claim) return null;
  const words = text.slice(claim.start, claim.end).replace(/[,;\s]+(?:citing|quoting)?\s*$/, '');
  return { start: claim.start, end: claim.start + words.length };
}

function creditAttributions(text: string): AttributionSpan[] {
  const out: AttributionSpan[] = [];
  // Datelines and credits: "NORVIK (Reuters) -", "(AFP)".
  for (const m of text.matchAll(new RegExp(`\\((?<o>${OUTLET})\\)`, 'gdu'))) {
    const o = m.indices?.groups?.['o'];
    // "(D-Newport News)" names a lawmaker's party and district, not a wire credit.
    if (!o || !isOutlet(m.groups?.['o'] ?? '') || /^[A-Z]-/.test(m.groups?.['o'] ?? '')) continue;
    out.push({ start: m.index, end: m.index + m[0].length, claimant: outletName(m.groups?.['o'] ?? ''), via: null, viaKind: null, claim: null });
  }
  // "Additional reporting by Reuters", "Reporting by the Associated Press and AFP".
  for (const m of text.matchAll(/(?:Additional )?[Rr]eporting by\s+([^;\n.]+)/g)) {
    const names = (m[1] ?? '').split(/,\s*|\s+and\s+|\s+in\s+/).map((n) => n.trim()).filter((n) => isOutlet(n));
    for (const n of names) out.push({ start: m.index, end: m.index + m[0].length, claimant: outletName(n), via: null, viaKind: null, claim: null });
  }
  return out;
}

/**
 * Attribution spans of one article. Order of decisions:
 * 1. credits and datelines name an outlet with no claim;
 * 2. in a sentence, an outlet reporting (or told, or "according to" it) is the claimant, and
 *    "citing X" or the teller before "told" is what it cites;
 * 3. with no outlet, the article itself (config.selfClaimant or the outlet passed in) claims, citing the source.
 */
export function extractAttributions(
  text: string,
  layers: Pick<Layers, 'sentences'>,
  articleOutlet: string | null = null,
  config: AttributionsConfig = ATTRIBUTIONS_DEFAULTS,
): AttributionSpan[] {
  const self = articleOutlet ?? config.selfClaimant;
  const sentences = layers.sentences.length ? layers.sentences : [{ start: 0, end: text.length }];
  const out = creditAttributions(text);
  for (const sentence of sentences) {
    if (out.some((a) => a.claim === null && a.start >= sentence.start && a.end <= sentence.end && a.end - a.start === sentence.end - sentence.start)) continue;
    const hits = sourceHits(text, sentence).filter((h) => !out.some((a) => a.start <= h.phrase.start && h.phrase.end <= a.end));
    if (!hits.length) continue;
    const claimant = hits.find((h) => h.role === 'claimant' && h.kind === 'outlet');
    const cited = hits.find((h) => h !== claimant && (h.role === 'cited' || !claimant));
    const parts = [claimant, cited].filter((h): h is Hit => h !== undefined);
    const span = { start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
    // The trailing pattern matches from its comma (", said police."): the span starts at the verb.
    const lead = /^[,\s]*/.exec(text.slice(span.start, span.end))?.[0].length ?? 0;
    const trimmed = trimSpan(text, { start: span.start + lead, end: span.end });
    const whole = /[.!?]$/.test(text.slice(trimmed.end - 1, trimmed.end)) ? { start: trimmed.start, end: trimmed.end - 1 } : trimmed;
    out.push({
      start: whole.start,
      end: whole.end,
      claimant: claimant ? outletName(claimant.text) : self,
      via: cited ? (cited.kind === 'outlet' ? outletName(cited.text) : cited.text) : null,
      viaKind: cited ? cited.kind : null,
      claim: claimOf(text, sentence, whole) ?? claimBetween(text, sentence, claimant, cited),
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
