// Public surface of provenance: attribution edges, anonymous-only claims, per-outlet coverage.
export { anonymousClaims, provenanceEdges, provenanceStage } from './provenance.js';
export type { AnonymousClaim } from './provenance.js';
export { coverage } from './coverage.js';
export type { OutletCoverage, StoryCoverage } from './coverage.js';
