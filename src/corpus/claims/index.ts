// Public surface of claim extraction and alignment, and of the cross-outlet comparison it rests on (clause facts, disagreements, explanations, evolving figures, intervals).
export { claimsStage, extractClaims, storiesOf, CLAIMS_DEFAULTS, UNASSIGNED_STORY } from './claims-stage.js';
export type { ClaimsConfig } from './claims-stage.js';
export { splitClauses } from './split-clauses.js';
export { outletOf, sourceKeyOf } from './outlet-of.js';
export { clauseFacts } from './clause-facts.js';
export { contentKey, contentSpan, contentWords } from './content-words.js';
export type { ClauseFacts, Ordering, Superlative } from './clause-facts.js';
export { compareMentions, compareMentionsAll, numberVerdicts } from './compare-mentions.js';
export { orderingsOf, orderingsClash, sameAnchor } from './orderings.js';
export { superlativesOf, superlativesClash } from './superlatives.js';
export { classKey, synonymClass } from './synonym-class.js';
export type { ComparedMention, Disagreement, QuotedWords } from './compare-mentions.js';
export { explainConflict } from './explain-conflict.js';
export { detectEvolution, reportTime, EVOLUTION_DEFAULTS } from './evolution.js';
export type { EvolutionConfig } from './evolution.js';
export { countKey, countsComparable, countsPeople, intervalsOverlap, quantityInterval, precisionSlack, rolesAgree, unitsMeet } from './intervals.js';
export type { Interval } from './intervals.js';
