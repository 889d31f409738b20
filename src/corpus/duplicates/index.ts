// Public surface of near-duplicate detection.
export { DUPLICATES_DEFAULTS, compareByPublished, duplicatesStage, findDuplicates, shingleSimilarity } from './duplicates.js';
export type { DuplicatesConfig, PairSimilarity } from './duplicates.js';
export { lshCandidates } from './lsh-candidates.js';
export type { CandidatePair, LshOptions } from './lsh-candidates.js';
export { MINHASH_SEED, estimatedJaccard, hashSeeds, hashString, minhash, mix32, shingleHashes, shingleWords } from './minhash.js';
