// Public surface of the quantities stage.
export { QUANTITY_TOLERANCES, extractQuantities, intervalsOverlap, quantitiesCompatible, quantitiesStage } from './quantities.js';
export type { QuantitiesConfig } from './quantities.js';
export { TIME_UNIT_SECONDS, singular, unitKey, unitLemma, unitsComparable } from './units.js';
export { parseNumber } from './number-words.js';
