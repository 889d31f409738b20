// Public surface of the times stage.
export { extractTimes, timesStage } from './times.js';
export type { TimesConfig, TimesOptions } from './times.js';
