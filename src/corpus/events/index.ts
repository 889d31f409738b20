// Public surface of event grouping within stories.
export { EVENTS_DEFAULTS, addEvents, eventDay, eventsStage, storyEvents } from './events.js';
export type { EventsConfig } from './events.js';
