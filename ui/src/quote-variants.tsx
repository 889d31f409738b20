// Quote variants: one speaker's utterance as each outlet worded it, every wording diffed against the first.
import type { Quote, QuoteGroup } from './report-types.js';
import { CiteChip } from './cite.js';
import { DiffText } from './diff-view.js';
import type { StoryData } from './story-data.js';
import { wordDiff } from './word-diff.js';

const RELATION_LABEL: Record<QuoteGroup['relation'], string> = {
  identical: 'worded the same everywhere',
  trimmed: 'some outlets quote only part',
  variant: 'worded differently',
};

/** Wordings listed before "show more"; the rest stay one click away. */
const WORDINGS_SHOWN = 6;

function QuoteRow({ quote, base, group, data }: { quote: Quote; base: Quote; group: QuoteGroup; data: StoryData }) {
  const changes = group.differences.filter((d) => d.quote === quote.id);
  const cite = { article: quote.article, start: quote.start, end: quote.end };
  const parts = quote === base ? [{ text: quote.text, changed: false }] : wordDiff(base.text, quote.text).b;
  return (
    <li class="quote-variant">
      <span class="quote-outlet">{data.outlet(quote.article)}</span> <span class="quote-kind">({quote.kind})</span>
      <blockquote class="passage">
        “<DiffText parts={parts} side="b" />”
      </blockquote>
      {changes.length ? (
        <ul class="changes" aria-label="wording changes">
          {changes.map((d, k) => (
            <li key={k}>
              <del class="diff diff-a">{d.from || '(nothing)'}</del> <span aria-hidden="true">→</span>
              <span class="sr-only">became</span> <ins class="diff diff-b">{d.to || '(dropped)'}</ins>
            </li>
          ))}
        </ul>
      ) : null}
      <CiteChip cite={cite} data={data} label="show in article" />
    </li>
  );
}

export function QuoteVariantsView({ data }: { data: StoryData }) {
  const groups = data.report.quoteGroups.filter((g) => g.relation !== 'identical');
  return (
    <section aria-labelledby="quotes-h" class="card" data-testid="quote-variants">
      <h2 id="quotes-h">
        <span aria-hidden="true" class="icon">
          “
        </span>{' '}
        Quote variants <span class="count">({groups.length})</span>
      </h2>
      {!groups.length ? <p class="hint">Every repeated quote is worded the same everywhere.</p> : null}
      {groups.map((g) => {
        const quotes = g.quotes.map((id) => data.quote(id)).filter((q): q is Quote => q !== undefined);
        const base = quotes[0];
        if (!base) return null;
        return (
          <article key={g.id} class="quote-group">
            <h3>
              {data.entityName(g.speaker) ?? base.speaker.text ?? 'Unknown speaker'} <span class="badge">{RELATION_LABEL[g.relation]}</span>
            </h3>
            <p class="legend">First wording below; words a later wording changes or adds are <ins class="diff diff-b">underlined</ins>.</p>
            <ol>
              {quotes.slice(0, WORDINGS_SHOWN).map((q) => (
                <QuoteRow key={q.id} quote={q} base={base} group={g} data={data} />
              ))}
            </ol>
            {quotes.length > WORDINGS_SHOWN ? (
              <details>
                <summary>Show {quotes.length - WORDINGS_SHOWN} more wordings</summary>
                <ol start={WORDINGS_SHOWN + 1}>
                  {quotes.slice(WORDINGS_SHOWN).map((q) => (
                    <QuoteRow key={q.id} quote={q} base={base} group={g} data={data} />
                  ))}
                </ol>
              </details>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
