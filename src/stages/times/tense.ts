// Whether the clause around a time expression speaks of the future, so "on Friday" can resolve forwards.
import type { Span } from '../../core/span.js';

export type Tense = 'past' | 'future' | 'unknown';

// Modal and planning cues; "would" counts because reported plans ("said it would vote Friday") point forward.
const FUTURE_SOURCE =
  "\\b(?:(?:will|won't|shall|would|'ll)(?:\\s+(?:not|also|still|soon))?\\s+(?:be|have(?:\\s+been)?)\\s+[a-z]+ed|will|won't|shall|would|going\\s+to|is\\s+to|are\\s+to|plans?\\s+to|as\\s+(?:soon|early)\\s+as|planned|planning|scheduled|expected\\s+to|expects?\\s+to|due\\s+to|set\\s+to|intends?\\s+to|upcoming|next|coming)\\b|['\\u2019]ll\\b";
const PAST_SOURCE =
  '\\b(?:said|says|was|were|had|did|told|announced|reported|declared|ago|last|earlier|yesterday|[a-z]{2,}ed)\\b';

const CUE_RE = new RegExp(`(${FUTURE_SOURCE})|(${PAST_SOURCE})`, 'gi');

/**
 * Tense of the cue nearest the expression inside its sentence (70 characters back, 40 forward):
 * "said Tuesday that it will ..." is past because "said" is closer than "will".
 */
export function tenseAround(text: string, sentence: Span, start: number, end: number): Tense {
  const from = Math.max(sentence.start, start - 70);
  const to = Math.min(sentence.end, end + 40);
  let best: Tense = 'unknown';
  let bestDistance = Infinity;
  const scan = (slice: string, offset: number): void => {
    CUE_RE.lastIndex = 0;
    for (let m = CUE_RE.exec(slice); m; m = CUE_RE.exec(slice)) {
      // Capitalised "-ed" words are names ("United", "Ahmed"), not past verbs.
      if (m[2] && /^[A-Z]/.test(m[0]) && /ed$/.test(m[0]) && !/^(?:Said|Announced|Reported|Declared)$/.test(m[0])) continue;
      const mStart = offset + m.index;
      const mEnd = mStart + m[0].length;
      // "planned a rally on Saturday" looks forward; "On Friday, officials planned to" dates the planning.
      if (m[1] && /^plann/i.test(m[0]) && mStart >= end) continue;
      const distance = mEnd <= start ? start - mEnd : mStart - end;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = m[1] ? 'future' : 'past';
      }
    }
  };
  scan(text.slice(from, start), from);
  scan(text.slice(end, to), end);
  return best;
}
