// Public surface of the quantities stage.
export { QUANTITY_TOLERANCES, extractQuantities, intervalsOverlap, quantitiesCompatible, quantitiesStage } from './quantities.js';
export type { QuantitiesConfig } from './quantities.js';
export { TIME_UNIT_SECONDS, singular, unitKey, unitLemma, unitsComparable } from './units.js';
export { parseNumber } from './number-words.js';
export { MEASURE_DIMENSIONS, MEASURE_UNITS, extractMeasures, measureUnit } from './measures.js';
export type { MeasureDimension } from './measures.js';
export { extractAges, isAge } from './ages.js';
export { isTally, isTallyClause, tallyScope } from './tally.js';
export { roleOfUnit } from './people.js';
export { MAGNITUDE_UNIT, extractMagnitudes, isMagnitude } from './magnitudes.js';
