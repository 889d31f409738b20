// How often a visible live page asks the server whether its data changed (a 304 costs the server one read and no transfer).
export const POLL_MS = 15_000;
