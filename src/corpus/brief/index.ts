// Public surface of the timeline and the brief.
export { buildTimeline, claimDate, timelineStage } from './timeline.js';
export type { DatedClaim } from './timeline.js';
export { buildBrief, briefStage, BRIEF_DEFAULTS } from './brief.js';
export type { BriefConfig } from './brief.js';
