// Public surface of cross-outlet comparison: clause facts, disagreements, explanations, evolving figures, intervals.
export { clauseFacts } from './clause-facts.js';
export { stem } from './stem.js';
export { contentKey, contentSpan, contentWords } from './content-words.js';
export type { ClauseFacts, Ordering, Superlative } from './clause-facts.js';
export { compareMentions, compareMentionsAll } from './compare-mentions.js';
export { orderingsOf, orderingsClash, sameAnchor } from './orderings.js';
export { superlativesOf, superlativesClash } from './superlatives.js';
export { classKey, synonymClass } from './synonym-class.js';
export type { ComparedMention, Disagreement, QuotedWords } from './compare-mentions.js';
export { explainConflict } from './explain-conflict.js';
export { detectEvolution, reportTime, EVOLUTION_DEFAULTS } from './evolution.js';
export type { EvolutionConfig } from './evolution.js';
export { countKey, countsComparable, countsPeople, intervalsOverlap, quantityInterval, precisionSlack, rolesAgree } from './intervals.js';
export type { Interval } from './intervals.js';
