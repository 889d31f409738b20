// The one light stemmer: strips an English inflection so "quakes"/"quake" and "killed"/"killing" share a key.

/**
 * Lower-cases, drops a possessive "'s", then strips one inflection, keeping at least three letters of the stem:
 * "injuries" -> "injury", "killing" -> "kill", "killed" -> "kill", "churches" -> "church", "quakes" -> "quake".
 * Short words keep their ending ("thing", "bring", "died", "shed"), and "-ss"/"-us" are not plurals ("press", "bus").
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['\u2019]s$/, '');
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ch|sh|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w;
}
