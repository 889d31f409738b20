// The one list of English words that carry no content: function words, plus the filler every news text shares.

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/**
 * Closed-class words: articles, pronouns, conjunctions, auxiliaries, determiners, quantifiers, negation, and the
 * prepositions that say no relation of their own. A phrase of content words ends at one ("17 people in the hall": the
 * counted thing is "people"). Prepositions that state a relation ("against", "between", "near", "through", "without")
 * are content: dropping them made claims align across different relations (ECB+ dev conflicts 0.90 -> 0.67 precision).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = words(`
  a an the this that these those
  i me my myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
  herself it its it's itself they them their theirs themselves who whom whose which what anyone anything
  about after ahead around as at before by down during for from in into of off on onto out over per since to under
  until up with
  and but or nor so yet if then than though although because while whether once when where why how however thus
  else
  am is are was were be been being has have had having do does did doing will would shall should can could may might
  must cannot
  all any both each either every few many much more most less least neither other another same own several some such
  no not never none nobody nothing
  also just only even ever still already again too very quite rather almost nearly roughly here there now further
`);

/** Verbs that report speech: a phrase of content words ends at one too ("17 people, police said"). */
export const REPORTING_WORDS: ReadonlySet<string> = words(`
  according add added adding say says said saying tell tells told telling stated
`);

/**
 * Words every news text uses whatever it reports: number and time words, ordinals and superlatives,
 * and page furniture (never a word with a content reading: "declined to comment", "shares fell", "a video shows").
 * They say nothing about which event a text covers or what a claim states.
 */
const NEWS_FILLER: ReadonlySet<string> = words(`
  report reported reporting reports statement spokesperson spokesman spokeswoman
  prior following later earlier
  one two three four five six seven eight nine ten dozen hundred thousand million billion
  first second third largest biggest worst best
  time times hour hours minute minutes day days week weeks month months year years today yesterday tomorrow morning
  afternoon evening night monday tuesday wednesday thursday friday saturday sunday a.m. p.m. pm gmt utc
  mr mrs ms dr
  caption copyright reserved click advertisement subscribe newsletter updated posted
`);

/** The words that carry no content (function words, reporting words and news filler), lower-cased. */
export const NON_CONTENT_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...REPORTING_WORDS, ...NEWS_FILLER]);

/**
 * Words that carry content inside a clause but say nothing about which story a text covers: prepositions of relation,
 * light verbs, and words of page furniture that also have a content reading ("a video shows", "declined to comment").
 * Claims compare them; story features leave them out, as they would tie any two texts together.
 */
export const TOPIC_NEUTRAL_WORDS: ReadonlySet<string> = words(`
  above against below between like near through toward towards upon via within without across among
  made make came come comes get gets getting go goes going got know known let lets see seen set show shows take taken
  takes think put became become becomes new news next old
  image images photo photos video rights read share comment comments
`);

/** Whether a lower-cased word carries content: not a function word and not news filler. */
export function isContentWord(word: string): boolean {
  return !NON_CONTENT_WORDS.has(word);
}
