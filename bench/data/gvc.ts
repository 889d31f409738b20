// Reads a Gun Violence Corpus split (../shared/bench/gvc/<split>): incident records, document map, and a fixed slice per incident.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GvcParticipant {
  readonly name: string;
  /** "Victim" or "Subject-Suspect". */
  readonly type: string;
  /** "Killed", "Injured", "Unharmed", "Arrested", ... */
  readonly status: string;
}

export interface GvcIncident {
  readonly id: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly killed: number;
  readonly injured: number;
  readonly participants: readonly GvcParticipant[];
  readonly docs: readonly string[];
}

export interface GvcDocument {
  /** File stem, e.g. "gvc-017920da87". */
  readonly id: string;
  readonly incident: string;
  readonly published: string;
  /** Path of the plain-text article. */
  readonly path: string;
}

export type GvcSlice = 'tune' | 'confirm' | 'untouched';

export interface GvcSplit {
  readonly incidents: ReadonlyMap<string, GvcIncident>;
  /** Sorted by id. */
  readonly docs: readonly GvcDocument[];
}

interface GoldJson {
  readonly incidents: Record<string, Omit<GvcIncident, 'id'>>;
  readonly docs: Record<string, { readonly incident: string; readonly published: string }>;
}

export function loadGvcSplit(dir: string): GvcSplit {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as GoldJson;
  const incidents = new Map<string, GvcIncident>();
  for (const [id, record] of Object.entries(gold.incidents)) incidents.set(id, { id, ...record });
  const docs = Object.entries(gold.docs)
    .map(([id, d]) => ({ id, incident: d.incident, published: d.published, path: join(dir, 'txt', `${id}.txt`) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { incidents, docs };
}

/**
 * The slice an incident belongs to, fixed by a hash of its id: 60 % tune (rules are tuned here), 20 % confirm
 * (checked after tuning), 20 % untouched (reported, never looked at while working).
 */
export function gvcSlice(incident: string): GvcSlice {
  const bucket = createHash('sha1').update(`gvc-slice:${incident}`).digest().readUInt32BE(0) % 100;
  return bucket < 60 ? 'tune' : bucket < 80 ? 'confirm' : 'untouched';
}

/** What a reader reads of a text file: the title and body, without the `Date:` and `Source:` header lines. */
export function gvcReadable(fileText: string): string {
  return fileText.replace(/^Date:[^\n]*\n\s*\nSource:[^\n]*\n\s*\n/, '');
}
