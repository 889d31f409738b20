// Outlets × claims: who carries each claim, and who omits one that several other sources corroborate.
import type { Claim } from './report-types.js';
import { CiteChip } from './cite.js';
import type { StoryData } from './story-data.js';
import { StatusBadge } from './timeline-view.js';

interface OutletColumn {
  readonly outlet: string;
  readonly carries: ReadonlySet<string>;
  readonly omitsCorroborated: ReadonlySet<string>;
}

function columns(data: StoryData): OutletColumn[] {
  const coverage = data.report.coverage.find((c) => c.story === data.storyId) ?? data.report.coverage[0];
  if (coverage) {
    return coverage.outlets.map((o) => ({ outlet: o.outlet, carries: new Set(o.carries), omitsCorroborated: new Set(o.omitsCorroborated) }));
  }
  // Older reports without `coverage`: derive who carries what from the claims' outlets.
  const outlets = [...new Set(data.report.claims.flatMap((c) => c.outlets))];
  return outlets.map((outlet) => ({
    outlet,
    carries: new Set(data.report.claims.filter((c) => c.outlets.includes(outlet)).map((c) => c.id)),
    omitsCorroborated: new Set(data.report.claims.filter((c) => c.status === 'corroborated' && !c.outlets.includes(outlet)).map((c) => c.id)),
  }));
}

const SUMMARY_CHARS = 110;

function short(text: string): string {
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1)}…` : text;
}

function Cell({ column, claim }: { column: OutletColumn; claim: Claim }) {
  if (column.carries.has(claim.id)) {
    return (
      <td class="cov cov-carries" title={`${column.outlet} carries this claim`}>
        <span aria-hidden="true">●</span>
        <span class="sr-only">carries</span>
      </td>
    );
  }
  if (column.omitsCorroborated.has(claim.id)) {
    return (
      <td class="cov cov-omits" title={`${column.outlet} omits this corroborated claim`}>
        <span aria-hidden="true">✕</span>
        <span class="sr-only">omits, though corroborated</span>
      </td>
    );
  }
  return (
    <td class="cov cov-absent" title={`${column.outlet} does not carry this claim`}>
      <span aria-hidden="true">·</span>
      <span class="sr-only">not carried</span>
    </td>
  );
}

export function CoverageGrid({ data }: { data: StoryData }) {
  const cols = columns(data);
  const claims = data.report.claims;
  return (
    <section aria-labelledby="coverage-h" class="card" data-testid="coverage">
      <h2 id="coverage-h">
        <span aria-hidden="true" class="icon">
          ▦
        </span>{' '}
        Who carries what
      </h2>
      <p class="legend">
        <span aria-hidden="true">●</span> carries the claim · <span aria-hidden="true">✕</span> omits a claim other sources corroborate ·{' '}
        <span aria-hidden="true">·</span> does not carry it
      </p>
      <ul class="coverage-summary">
        {cols.map((c) => (
          <li key={c.outlet}>
            <strong>{c.outlet}</strong>: carries {c.carries.size} of {claims.length}
            {c.omitsCorroborated.size ? `, omits ${c.omitsCorroborated.size} corroborated` : ''}
          </li>
        ))}
      </ul>
      <div class="scroll-x" tabIndex={0} role="region" aria-label="coverage grid, scrolls sideways">
        <table class="coverage">
          <caption class="sr-only">Claims (rows) by outlet (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              {cols.map((c) => (
                <th scope="col" key={c.outlet} class="outlet-col">
                  <span>{c.outlet}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {claims.map((claim) => (
              <tr key={claim.id}>
                <th scope="row" class="claim-cell">
                  <StatusBadge status={claim.status} /> {short(claim.summary)}{' '}
                  {claim.mentions[0] ? <CiteChip cite={claim.mentions[0]} data={data} label="source" /> : null}
                </th>
                {cols.map((c) => (
                  <Cell key={c.outlet} column={c} claim={claim} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
