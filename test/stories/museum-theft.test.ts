import { MUSEUM_THEFT } from './planted.js';
import { plantedStorySuite } from './planted-story-suite.js';

plantedStorySuite(MUSEUM_THEFT);
