// Writes N invented reports of one event by N outlets over a few days (figures rise, one outlet has the wrong day), as text files for `parallax analyze`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NATIONAL = ['Kelm Wire', 'Osterby Post', 'The Dunmore Ledger', 'Radio Halvik', 'Northgate Courier', 'Brask Evening News', 'Meridian Daily', 'Saltmarsh Gazette'];
const TOWNS = ['Osterby', 'Dunmore', 'Halvik', 'Fennick', 'Brask', 'Kelmington', 'Saltmarsh', 'Harrowgate', 'Tamsford', 'Eddingley', 'Quillon', 'Redwater'];
const MASTHEADS = ['Herald', 'Courier', 'Gazette', 'Evening Post', 'Record', 'Chronicle'];
const WITNESSES = ['a baker', 'a taxi driver', 'a retired teacher', 'a nurse coming off shift', 'a dock worker', 'a student'];

/** The first `count` outlet names: the national ones, then local papers named after towns. */
function outlets(count: number): string[] {
  const names = [...NATIONAL];
  for (let i = 0; names.length < count; i++) names.push(`The ${TOWNS[i % TOWNS.length]} ${MASTHEADS[Math.floor(i / TOWNS.length) % MASTHEADS.length]}`);
  return names.slice(0, count);
}

/** Report i of the Tanner Street bridge collapse in Fennick, as the outlet worded it. */
function report(outlet: string, i: number): { published: string; text: string } {
  const day = 14 + Math.floor(i / 16);
  const hour = 6 + (i % 16);
  const killed = 2 + Math.floor(i / 12);
  const when = i % 13 === 7 ? 'Friday' : 'Saturday';
  const witness = WITNESSES[i % WITNESSES.length] ?? 'a resident';
  const title = `${killed} killed as Tanner Street bridge collapses in Fennick`;
  const paragraphs = [
    `FENNICK — At least ${killed} people were killed when the Tanner Street bridge collapsed into the river in Fennick on ${when} evening, officials said.`,
    `${6 + (i % 9)} rescue crews worked through the night, Fire Chief Helga Stroud said, and divers searched the water ${i % 2 ? 'until dawn' : 'until the current grew too strong'}.`,
    `"${i % 3 ? 'We are doing everything we can for the families' : 'Our thoughts are with the families'}, and we will find out what went wrong," said Mayor Pavel Dorn.`,
    `Engineers had warned about cracks in the bridge ${3 + (i % 4)} years ago, ${i % 2 ? 'according to' : 'said'} the regional council. ${witness[0]?.toUpperCase()}${witness.slice(1)} told ${outlet} the collapse ${i % 2 ? 'came without warning' : 'was over in seconds'}.`,
    `Traffic on Tanner Street was diverted, and the rail link to Fennick was suspended while investigators examined the site.`,
  ];
  return { published: `2026-03-${day} ${String(hour).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`, text: `${title}\n\n${paragraphs.join('\n\n')}\n` };
}

/** Writes `count` reports into `dir` (one file each, with the `date YYYY-MM-DD HH:MM Outlet` header line ingest reads). */
export function writeBigStory(dir: string, count: number): void {
  outlets(count).forEach((outlet, i) => {
    const { published, text } = report(outlet, i);
    writeFileSync(join(dir, `report-${String(i).padStart(2, '0')}.txt`), `date ${published} ${outlet}\n${text}`);
  });
}
