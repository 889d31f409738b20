// Two passages side by side with the words that differ marked (struck through on the left, underlined on the right).
import type { DiffPart } from './word-diff.js';

export function DiffText({ parts, side }: { parts: readonly DiffPart[]; side: 'a' | 'b' }) {
  return (
    <>
      {parts.map((p, k) =>
        !p.changed ? (
          <span key={k}>{p.text}</span>
        ) : side === 'a' ? (
          <del key={k} class="diff diff-a" title="differs from the other account">
            {p.text}
          </del>
        ) : (
          <ins key={k} class="diff diff-b" title="differs from the other account">
            {p.text}
          </ins>
        ),
      )}
    </>
  );
}
