export { sentencesStage, splitParagraphs, splitSentences } from './sentences.js';
export type { SentencesConfig } from './sentences.js';
