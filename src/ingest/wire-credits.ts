// Wire-agency credits: known agencies by their written forms, and the credit patterns news text uses.

/** Written form (lower case) -> canonical agency name. */
const AGENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^reuters$/i, 'Reuters'],
  [/^(?:the )?associated press$|^ap$/i, 'AP'],
  [/^afp$|^agence france[- ]presse$/i, 'AFP'],
  [/^ians$/i, 'IANS'],
  [/^dpa$|^deutsche presse[- ]agentur$/i, 'dpa'],
  [/^ani$/i, 'ANI'],
  [/^pti$|^press trust of india$/i, 'PTI'],
  [/^xinhua(?: news agency)?$/i, 'Xinhua'],
  [/^tass$/i, 'TASS'],
  [/^ukrinform$/i, 'Ukrinform'],
  [/^bloomberg(?: news)?$/i, 'Bloomberg'],
  [/^upi$|^united press international$/i, 'UPI'],
  [/^efe$/i, 'EFE'],
  [/^ansa$/i, 'ANSA'],
  [/^kyodo(?: news)?$/i, 'Kyodo'],
  [/^yonhap(?: news agency)?$/i, 'Yonhap'],
  [/^interfax(?:-ukraine)?$/i, 'Interfax'],
  [/^ria novosti$/i, 'RIA Novosti'],
  [/^anadolu(?: agency)?$|^aa$/i, 'Anadolu'],
  [/^pa(?: media)?$|^press association$/i, 'PA Media'],
  [/^cna$/i, 'CNA'],
  [/^bernama$/i, 'Bernama'],
  [/^aap$|^australian associated press$/i, 'AAP'],
  [/^cp$|^the canadian press$|^canadian press$/i, 'Canadian Press'],
];

/** The canonical agency a written form names, or null when it is not a known agency. */
export function canonicalAgency(name: string): string | null {
  const n = name.trim().replace(/\s+/g, ' ').replace(/[.,;:]+$/, '');
  for (const [re, canonical] of AGENCIES) if (re.test(n)) return canonical;
  return null;
}

const AGENCY_ALT =
  'Reuters|(?:the )?Associated Press|AP|AFP|Agence France[- ]Presse|IANS|dpa|DPA|ANI|PTI|Press Trust of India|Xinhua|TASS|Ukrinform|Bloomberg(?: News)?|UPI|EFE|ANSA|Kyodo(?: News)?|Yonhap|Interfax|RIA Novosti|Anadolu(?: Agency)?|PA Media|AAP|Bernama';

/** Lines that are nothing but a credit: "Additional reporting by the Associated Press", "— Reuters", "With AFP". */
const CREDIT_LINE_RES: readonly RegExp[] = [
  new RegExp(`^\\(?(?:additional )?(?:reporting|writing|editing|compiled) (?:by|from) (.+?)\\)?\\.?$`, 'i'),
  new RegExp(`^[-–—]+\\s*(${AGENCY_ALT})(?:\\s*(?:,|and|&)\\s*(${AGENCY_ALT}))?\\.?$`),
  new RegExp(`^\\(?(?:with|source|sources?:)\\s+(?:input from\\s+)?(${AGENCY_ALT})(?:\\s*(?:,|and|&)\\s*(${AGENCY_ALT}))?\\)?\\.?$`, 'i'),
  new RegExp(`^\\(?(${AGENCY_ALT})\\)?\\.?$`),
];

/** Agencies named in a credit line, or null when the line is not a credit line. Names of people are ignored. */
export function creditLine(line: string): string[] | null {
  const t = line.trim();
  if (t.length > 200) return null;
  for (const re of CREDIT_LINE_RES) {
    const m = re.exec(t);
    if (!m) continue;
    const found = new Set<string>();
    for (const part of m.slice(1)) {
      if (!part) continue;
      for (const piece of part.split(/\s*(?:,|;|\band\b|&)\s*/)) {
        const agency = canonicalAgency(piece.replace(/^(?:the|from|in)\s+/i, '').replace(/\s+in\s+\w+.*$/i, ''));
        if (agency) found.add(agency);
      }
    }
    // "Additional reporting by Jane Doe" is a credit line without an agency: still metadata, not body.
    return [...found];
  }
  return null;
}

/** A trailing "— Reuters" / "(AP)" at the end of the last paragraph: returns the agency and where it starts. */
export function trailingCredit(paragraph: string): { agency: string; at: number } | null {
  const m = new RegExp(`\\s*(?:[-–—]+\\s*(${AGENCY_ALT})|\\((${AGENCY_ALT})\\))\\s*\\.?$`).exec(paragraph);
  const name = m?.[1] ?? m?.[2];
  if (!m || !name) return null;
  const agency = canonicalAgency(name);
  return agency ? { agency, at: m.index } : null;
}
