// Public surface of the attributions stage.
export { attributionsStage } from './attributions-stage.js';
export { extractAttributions, ATTRIBUTIONS_DEFAULTS } from './extract-attributions.js';
export type { AttributionsConfig } from './extract-attributions.js';
export { classifySource } from './source-patterns.js';
