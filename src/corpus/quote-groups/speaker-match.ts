// Whether two quotes have the same speaker: one corpus entity, or names ending in the same surname across spellings.
import type { Article, QuoteSpan, SpeakerHow } from '../../core/article.js';
import type { Entity } from '../../core/corpus.js';
import { spansOverlap, type Span } from '../../core/span.js';
import { normalizeName, translitWord } from '../aliases/index.js';

export interface Speaker {
  /** Corpus entity id, null when the speaker is unresolved or no entity covers it. */
  readonly entity: string | null;
  /** Surname keys of every name the speaker goes by ("zelensky" for Zelenskiy, President Zelenskyy). */
  readonly keys: readonly string[];
  /** The speaker was named at the quote (or by a title linked to a name), not guessed from a pronoun or an earlier quote. */
  readonly named: boolean;
}

/**
 * same: one person; unknown: at least one side has no speaker; different: two people as far as names tell.
 * A pronoun or a running quotation only guesses its speaker, so two speakers differ only when both were named.
 */
export type SpeakerMatch = 'same' | 'unknown' | 'different';

/** The transliteration-insensitive key of a name's last word. */
export function surnameKey(name: string): string | null {
  const words = normalizeName(name).split(' ').filter(Boolean);
  const last = words[words.length - 1];
  return last ? translitWord(last) : null;
}

export function speakerMatch(a: Speaker, b: Speaker): SpeakerMatch {
  if ((a.entity === null && a.keys.length === 0) || (b.entity === null && b.keys.length === 0)) return 'unknown';
  if (a.entity !== null && a.entity === b.entity) return 'same';
  if (a.keys.some((k) => b.keys.includes(k))) return 'same';
  return a.named && b.named ? 'different' : 'unknown';
}

/** How a speaker is found when the text does not name it at the quote. */
const GUESSED: ReadonlySet<SpeakerHow> = new Set(['pronoun', 'running']);

interface MentionIndex {
  readonly byArticle: Map<string, { span: Span; id: string }[]>;
  readonly byName: Map<string, Entity>;
}

function mentionIndex(entities: readonly Entity[]): MentionIndex {
  const byArticle = new Map<string, { span: Span; id: string }[]>();
  const byName = new Map<string, Entity>();
  for (const e of entities) {
    for (const m of e.mentions) {
      const list = byArticle.get(m.article) ?? [];
      list.push({ span: m, id: e.id });
      byArticle.set(m.article, list);
    }
    for (const name of [e.name, ...e.aliases]) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), e);
  }
  return { byArticle, byName };
}

/** Speakers of every quote of every article, entity by mention offsets first, then by name or alias. */
export function speakersOf(entities: readonly Entity[]): (article: Article, quote: QuoteSpan) => Speaker {
  const { byArticle, byName } = mentionIndex(entities);
  const byId = new Map(entities.map((e) => [e.id, e]));
  return (article, quote) => {
    const covering = quote.speaker ? byArticle.get(article.id)?.find((m) => quote.speaker !== null && spansOverlap(m.span, quote.speaker)) : undefined;
    const entity = (covering ? byId.get(covering.id) : undefined) ?? (quote.speakerName ? byName.get(quote.speakerName.toLowerCase()) : undefined);
    const names = entity ? [entity.name, ...entity.aliases] : quote.speakerName ? [quote.speakerName] : [];
    const keys = [...new Set(names.map(surnameKey).filter((k): k is string => k !== null))];
    return { entity: entity?.id ?? null, keys, named: GUESSED.has(quote.speakerHow) === false };
  };
}
