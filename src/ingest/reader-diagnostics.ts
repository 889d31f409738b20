// Shared wording of reader diagnostics: failures that name the file and record, and encoding notes.
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import type { SourceRef } from '../core/article.js';
import type { IngestItem } from '../core/raw-article.js';
import type { DecodeResult } from './decode-bytes.js';

export function failure(source: SourceRef, stage: string, rule: string, message: string): IngestItem {
  return { ok: false, failure: { source, diagnostics: [diagnostic('error', stage, rule, message)] } };
}

/** Info when the text was not UTF-8, warning when bytes could not be decoded. */
export function decodeDiagnostics(where: string, stage: string, decoded: DecodeResult): Diagnostic[] {
  if (!decoded.ok) return [];
  const out: Diagnostic[] = [];
  if (!decoded.encoding.startsWith('utf-8')) {
    out.push(diagnostic('info', stage, 'encoding-detected', `${where}: decoded as ${decoded.encoding} (not UTF-8); re-save it as UTF-8 if the characters look wrong`));
  }
  if (decoded.replaced > 0) {
    out.push(diagnostic('warning', stage, 'undecodable-bytes', `${where}: ${decoded.replaced} byte sequence(s) could not be decoded and were replaced with U+FFFD; re-export the file as UTF-8`));
  }
  return out;
}
