import { FERRY } from './planted.js';
import { plantedStorySuite } from './planted-story-suite.js';

plantedStorySuite(FERRY);
