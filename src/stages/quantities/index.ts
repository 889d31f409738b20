// Public surface of the quantities stage.
export { QUANTITY_TOLERANCES, extractQuantities, intervalsOverlap, quantitiesCompatible, quantitiesStage } from './quantities.js';
export type { QuantitiesConfig } from './quantities.js';
export { singular, unitKey, unitLemma, unitsComparable } from './units.js';
export { parseNumber } from './number-words.js';
