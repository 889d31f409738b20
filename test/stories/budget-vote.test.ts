import { BUDGET_VOTE } from './planted.js';
import { plantedStorySuite } from './planted-story-suite.js';

plantedStorySuite(BUDGET_VOTE);
