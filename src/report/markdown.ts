// The readable Markdown brief: every line carries its citations; article text is escaped, never trusted.
import type { Report } from './schema.js';

const SECTIONS: readonly { readonly key: Report['brief'][number]['section']; readonly title: string }[] = [
  { key: 'confirmed', title: 'Confirmed' },
  { key: 'disputed', title: 'Where accounts differ' },
  { key: 'single-source', title: 'Reported by one outlet only' },
  { key: 'quotes', title: 'Who said what' },
  { key: 'timeline', title: 'Timeline' },
  { key: 'sources', title: 'Sources and provenance' },
];

/** Escapes text so neither HTML nor Markdown syntax inside an article can act in a renderer (no tag can open without "<"). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** "1 story", "3 stories". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const label = new Map(report.articles.map((a) => [a.id, a.outlet ?? a.source.path ?? a.source.url ?? a.id]));
  const cite = (c: { article: string; start: number; end: number }): string => `[${escapeMarkdown(label.get(c.article) ?? c.article)} ${c.article}:${c.start}-${c.end}]`;
  const cites = (cs: readonly { article: string; start: number; end: number }[]): string => cs.map(cite).join(' ');

  const titles = report.stories.map((s) => escapeMarkdown(s.title)).join('; ');
  out.push(`# Parallax brief${titles ? `: ${titles}` : ''}`, '');
  const outlets = new Set(report.articles.map((a) => a.outlet ?? a.id)).size;
  out.push(`${count(report.articles.length, 'article')} from ${count(outlets, 'outlet')}, ${count(report.stories.length, 'story', 'stories')}, ${count(report.claims.length, 'claim')}.`, '');

  for (const section of SECTIONS) {
    const lines = report.brief.filter((b) => b.section === section.key);
    out.push(`## ${section.title}`, '');
    if (!lines.length) out.push('_Nothing in this section._');
    for (const b of lines) out.push(`- ${escapeMarkdown(b.text)} ${cites(b.cites)}`);
    out.push('');
  }

  const conflicts = report.claims.flatMap((c) => c.conflicts.filter((k) => c.id < k.claim).map((k) => ({ c, k })));
  if (conflicts.length) {
    out.push('## Conflicts in detail', '');
    for (const { c, k } of conflicts) out.push(`- **${k.kind}** (${c.id} vs ${k.claim}): ${escapeMarkdown(k.explanation)} ${cites(k.cites)}`);
    out.push('');
  }

  const variants = report.quoteGroups.filter((g) => g.relation !== 'identical');
  if (variants.length) {
    out.push('## Quote variants', '');
    const quote = new Map(report.quotes.map((q) => [q.id, q]));
    for (const g of variants) {
      const speaker = report.entities.find((e) => e.id === g.speaker)?.name ?? 'unknown speaker';
      out.push(`- ${escapeMarkdown(speaker)}, ${g.relation}: ${g.quotes.map((id) => `"${escapeMarkdown(quote.get(id)?.text ?? id)}" ${quote.get(id) ? cite(quote.get(id)!) : ''}`).join(' / ')}`);
      for (const d of g.differences) out.push(`  - ${d.quote}: "${escapeMarkdown(d.from)}" → "${escapeMarkdown(d.to)}"`);
    }
    out.push('');
  }

  if (report.coverage.some((c) => c.outlets.length > 1)) {
    out.push('## Coverage by outlet', '', '| story | outlet | carries | omits | omits, though corroborated |', '|---|---|---|---|---|');
    for (const c of report.coverage) {
      const total = report.claims.filter((k) => k.story === c.story).length;
      for (const o of c.outlets) {
        out.push(`| ${c.story} | ${escapeMarkdown(o.outlet)} | ${o.carries.length} of ${total} | ${o.omits.length} | ${o.omitsCorroborated.join(', ')} |`);
      }
    }
    out.push('');
  }

  const anonymous = report.claims.filter((c) => c.anonymousOnly);
  if (anonymous.length) {
    out.push('## Resting only on anonymous sources', '');
    for (const c of anonymous) out.push(`- ${c.id}: ${escapeMarkdown(c.summary)} ${cites(c.mentions)}`);
    out.push('');
  }

  out.push('## Entities', '', '| entity | type | also written | mentions |', '|---|---|---|---|');
  for (const e of report.entities.slice(0, 40)) {
    out.push(`| ${escapeMarkdown(e.name)} | ${e.type} | ${escapeMarkdown(e.aliases.join(', '))} | ${e.mentions.length} |`);
  }
  out.push('');

  out.push('## Articles', '', '| id | outlet | published | title | removed | notes |', '|---|---|---|---|---|---|');
  for (const a of report.articles) {
    const notes = [
      a.duplicateOf ? `near-copy of ${a.duplicateOf}` : '',
      a.credits.length ? `credits ${a.credits.join(', ')}` : '',
      ...a.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.severity}: ${d.message}`),
    ].filter(Boolean);
    out.push(
      `| ${a.id} | ${escapeMarkdown(a.outlet ?? '?')} | ${a.published ?? '?'} | ${escapeMarkdown(a.title ?? '')} | ${a.removed.length} | ${escapeMarkdown(notes.join('; '))} |`,
    );
  }
  out.push('');
  return `${out.join('\n')}\n`;
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
