// Use-case: the story an id stands for now. A story absorbed by a merge lives on in the story that absorbed it.
import { absorbedKey } from '../engine/story-index.js';
import type { Store } from '../store/store.js';

/**
 * The id of the stored story that absorbed `id`, or null when no merge absorbed it. The engine rewrites the row of
 * every id a merge moves, so one point lookup finds the current survivor.
 */
export async function survivingStory(store: Store, id: string): Promise<string | null> {
  const survivor = (await store.getEngineState([absorbedKey(id)])).get(absorbedKey(id));
  if (survivor === undefined || survivor === id) return null;
  return (await store.getStory(survivor)) ? survivor : null;
}
