// Public surface of claim extraction and alignment.
export { claimsStage, extractClaims, storiesOf, CLAIMS_DEFAULTS, UNASSIGNED_STORY } from './claims-stage.js';
export type { ClaimsConfig } from './claims-stage.js';
export { splitClauses } from './split-clauses.js';
export { outletOf, sourceKeyOf } from './outlet-of.js';
