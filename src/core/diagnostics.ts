// Problems that travel with an article (vfile-style messages), never thrown.
import type { Span } from './span.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stage or reader that found it, e.g. "ingest.text" or "parallax.quotes.v1". */
  readonly stage: string;
  /** Stable rule id, e.g. "empty-file". */
  readonly rule: string;
  /** What happened and how to fix it, naming the file where there is one. */
  readonly message: string;
  readonly span?: Span;
}

export function diagnostic(
  severity: Severity,
  stage: string,
  rule: string,
  message: string,
  span?: Span,
): Diagnostic {
  return span ? { severity, stage, rule, message, span } : { severity, stage, rule, message };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
