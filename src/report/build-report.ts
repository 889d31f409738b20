// Turns a corpus result into the report-v1 object: stable ids, sorted arrays, text slices for every span.
import type { Article } from '../core/article.js';
import type { Cite, CorpusResult, Entity } from '../core/corpus.js';
import { PARALLAX_VERSION } from '../core/version.js';
import type { Report } from './schema.js';

export interface ReportOptions {
  /** Registry names and versions of the stages that ran. */
  readonly pipeline: readonly { readonly stage: string; readonly version: string }[];
}

/** Articles in report order: by publication date (unknown last), then id. */
export function reportOrder(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => {
    const pa = a.meta.published ?? '\uffff';
    const pb = b.meta.published ?? '\uffff';
    return pa < pb ? -1 : pa > pb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

function entityAt(entitiesByArticle: Map<string, { entity: Entity; start: number; end: number }[]>, article: string, start: number, end: number): Entity | null {
  for (const m of entitiesByArticle.get(article) ?? []) if (m.start < end && start < m.end) return m.entity;
  return null;
}

export function buildReport(corpus: CorpusResult, options: ReportOptions): Report {
  const articles = reportOrder(corpus.articles);
  const duplicateOf = new Map(corpus.duplicates.map((d) => [d.article, d.duplicateOf]));
  const byArticle = new Map<string, { entity: Entity; start: number; end: number }[]>();
  for (const e of corpus.entities) {
    for (const m of e.mentions) {
      const list = byArticle.get(m.article) ?? [];
      list.push({ entity: e, start: m.start, end: m.end });
      byArticle.set(m.article, list);
    }
  }
  const entityByName = new Map<string, Entity>();
  for (const e of corpus.entities) for (const n of [e.name, ...e.aliases]) if (!entityByName.has(n)) entityByName.set(n, e);

  const quotes: Report['quotes'] = [];
  const quoteIds = new Map<string, string>();
  for (const a of articles) {
    a.layers.quotes.forEach((q, index) => {
      const id = `q${quotes.length + 1}`;
      quoteIds.set(`${a.id}#${index}`, id);
      const speakerEntity =
        (q.speaker ? entityAt(byArticle, a.id, q.speaker.start, q.speaker.end) : null) ??
        (q.speakerName ? entityByName.get(q.speakerName) ?? null : null);
      quotes.push({
        id,
        article: a.id,
        start: q.start,
        end: q.end,
        text: a.text.slice(q.start, q.end),
        kind: q.kind,
        speaker: {
          entity: speakerEntity?.id ?? null,
          text: q.speaker ? a.text.slice(q.speaker.start, q.speaker.end) : q.speakerName,
          how: q.speakerHow,
        },
        cue: q.cue ? { start: q.cue.start, end: q.cue.end } : null,
      });
    });
  }
  const quoteId = (ref: { article: string; index: number }): string => quoteIds.get(`${ref.article}#${ref.index}`) ?? `${ref.article}#${ref.index}`;

  const anonymousOnly = new Set(corpus.anonymousClaims.map((c) => c.claim));
  const slice = (article: Article, s: { start: number; end: number }): string => article.text.slice(s.start, s.end);
  return {
    schema: 'parallax.report/1',
    generatedBy: { name: 'parallax', version: PARALLAX_VERSION },
    articles: articles.map((a) => ({
      id: a.id,
      source: { ...a.source },
      outlet: a.meta.outlet,
      outletGuessed: a.meta.outletGuessed === true,
      published: a.meta.published,
      dateline: a.meta.dateline,
      byline: a.meta.byline,
      credits: [...a.meta.credits],
      title: a.meta.title,
      language: a.meta.language,
      text: a.text,
      removed: a.removed.map((r) => ({ text: r.text, reason: r.reason })),
      duplicateOf: duplicateOf.get(a.id) ?? null,
      diagnostics: a.diagnostics.map((d) => ({
        severity: d.severity,
        stage: d.stage,
        rule: d.rule,
        message: d.message,
        ...(d.span ? { start: d.span.start, end: d.span.end } : {}),
      })),
      status: a.status,
      extractedBy: a.extractedBy,
      encoding: a.encoding,
      provenance: { ...a.meta.provenance },
    })),
    entities: corpus.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: [...e.aliases],
      mentions: e.mentions.map(citeOf),
      merges: e.merges.map((m) => ({ alias: m.alias, reason: m.reason })),
    })),
    quotes,
    quoteGroups: corpus.quoteGroups.map((g) => ({
      id: g.id,
      speaker: g.speaker,
      quotes: g.quotes.map(quoteId),
      relation: g.relation,
      differences: g.differences.map((d) => ({ quote: quoteId(d.quote), from: d.from, to: d.to })),
    })),
    times: articles.flatMap((a) =>
      a.layers.times.map((t) => ({
        article: a.id,
        start: t.start,
        end: t.end,
        text: slice(a, t),
        value: t.value,
        type: t.type,
        ...(t.relation ? { relation: { ...t.relation } } : {}),
      })),
    ),
    quantities: articles.flatMap((a) =>
      a.layers.quantities.map((q) => ({
        article: a.id,
        start: q.start,
        end: q.end,
        text: slice(a, q),
        value: q.value,
        low: finiteOrNull(q.low),
        high: finiteOrNull(q.high),
        lowInclusive: q.lowInclusive,
        highInclusive: q.highInclusive,
        unit: q.unit,
        qualifier: q.qualifier,
        role: q.role ?? null,
        ...(q.tally ? { tally: true } : {}),
      })),
    ),
    attributions: articles.flatMap((a) =>
      a.layers.attributions.map((t) => ({
        article: a.id,
        start: t.start,
        end: t.end,
        claimant: t.claimant,
        via: t.via,
        viaKind: t.viaKind,
        claim: t.claim ? { start: t.claim.start, end: t.claim.end } : null,
      })),
    ),
    stories: corpus.stories.map((s) => ({
      id: s.id,
      title: s.title,
      articles: [...s.articles],
      events: s.events.map((v) => ({ id: v.id, label: v.label, date: v.date, articles: [...v.articles], claims: [...v.claims] })),
    })),
    claims: corpus.claims.map((c) => ({
      id: c.id,
      story: c.story,
      summary: c.summary,
      mentions: c.mentions.map((m) => ({ ...citeOf(m), attribution: m.attribution })),
      outlets: [...c.outlets],
      independentSources: c.independentSources,
      status: c.status,
      conflicts: c.conflicts.map((k) => ({ claim: k.claim, kind: k.kind, explanation: k.explanation, cites: k.cites.map(citeOf) })),
      evolution: c.evolution ? { ...c.evolution } : null,
      anonymousOnly: anonymousOnly.has(c.id),
    })),
    timeline: corpus.timeline.map((t) => ({ date: t.date, label: t.label, claims: [...t.claims], cites: t.cites.map(citeOf) })),
    brief: corpus.brief.map((b) => ({
      section: b.section,
      text: b.text,
      cites: b.cites.map(citeOf),
      ...(b.score === undefined ? {} : { score: b.score }),
      ...(b.outlet === undefined ? {} : { outlet: b.outlet }),
    })),
    provenance: corpus.provenance.map((p) => ({ story: p.story, outlet: p.outlet, relays: p.relays, kind: p.kind, cites: p.cites.map(citeOf) })),
    coverage: corpus.coverage.map((c) => ({
      story: c.story,
      outlets: c.outlets.map((o) => ({
        outlet: o.outlet,
        articles: [...o.articles],
        carries: [...o.carries],
        omits: [...o.omits],
        omitsCorroborated: [...o.omitsCorroborated],
      })),
    })),
    pipeline: options.pipeline.map((p) => ({ stage: p.stage, version: p.version })),
  };
}

function citeOf(c: Cite): { article: string; start: number; end: number } {
  return { article: c.article, start: c.start, end: c.end };
}

function finiteOrNull(n: number | null): number | null {
  return n === null || !Number.isFinite(n) ? null : n;
}
