import type { Diagnostic, RelatedDiagnostic } from '@monspec/metrics-spec';
import { posix } from 'node:path';
import type { Style } from './style.js';

/** A spec file's path for messages: `DIR/FILE`, with an imported library's `../` segments folded. */
export function specFilePath(specDir: string, file: string): string {
  return file.startsWith('../') ? posix.normalize(`${specDir}/${file}`) : `${specDir}/${file}`;
}

export type DiagnosticFormat = 'text' | 'json' | 'github';

/** Paths in diagnostics are relative to the spec dir; prefix them so editors and CI can open them. */
function where(d: Diagnostic, specDir: string): string {
  if (!d.location) return specDir;
  return `${specFilePath(specDir, d.location.file)}:${d.location.line}:${d.location.column}`;
}

/** Warnings and infos shown per check id in text and github output; JSON keeps every one. */
export const WARNINGS_PER_CHECK = 20;

/**
 * Keeps every error and the first `limit` warnings/infos of each check, so a big spec's output stays
 * readable; `more` counts the rest per check id.
 */
function capWarnings(diagnostics: readonly Diagnostic[], limit = WARNINGS_PER_CHECK): { shown: Diagnostic[]; more: Map<string, number> } {
  const seen = new Map<string, number>();
  const more = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.severity === 'error') {
      shown.push(d);
      continue;
    }
    const n = (seen.get(d.ruleId) ?? 0) + 1;
    seen.set(d.ruleId, n);
    if (n <= limit) shown.push(d);
    else more.set(d.ruleId, (more.get(d.ruleId) ?? 0) + 1);
  }
  return { shown, more };
}

/** `… and 18,000 more [check-id]` lines, by check id. */
function moreLines(more: ReadonlyMap<string, number>): string[] {
  return [...more.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ruleId, n]) => `… and ${n.toLocaleString('en-US')} more [${ruleId}]`);
}

/** The findings folded under a diagnostic because they follow from it, in one line. */
function relatedNote(related: readonly RelatedDiagnostic[], specDir: string): string {
  const shown = related.slice(0, 5).map((r) => (r.location ? `${specFilePath(specDir, r.location.file)}:${r.location.line}` : `[${r.ruleId}]`));
  const rest = related.length > shown.length ? `, … ${related.length - shown.length} more` : '';
  return `${related.length} finding(s) that follow from this one are not shown separately: ${shown.join(', ')}${rest}`;
}

function formatText(diagnostics: readonly Diagnostic[], specDir: string, style: Style): string {
  const { shown, more } = capWarnings(diagnostics);
  const lines = shown.map((d) => {
    const sev = d.severity === 'error' ? style.red('error') : d.severity === 'warning' ? style.yellow('warning') : style.dim('info');
    const line = `${where(d, specDir)}: ${sev} ${d.message} ${style.dim(`[${d.ruleId}]`)}`;
    return d.related?.length ? `${line}\n  ${style.dim(relatedNote(d.related, specDir))}` : line;
  });
  return [...lines, ...moreLines(more).map((l) => style.dim(l))].join('\n');
}

function formatJson(diagnostics: readonly Diagnostic[], specDir: string): string {
  return JSON.stringify(
    diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      file: d.location ? specFilePath(specDir, d.location.file) : undefined,
      line: d.location?.line,
      column: d.location?.column,
      pointer: d.pointer,
      ...(d.related?.length
        ? { related: d.related.map((r) => ({ ruleId: r.ruleId, message: r.message, file: r.location ? specFilePath(specDir, r.location.file) : undefined, line: r.location?.line, column: r.location?.column })) }
        : {}),
    })),
    null,
    2,
  );
}

/** GitHub Actions workflow commands: annotations on the PR's files. */
function formatGithub(diagnostics: readonly Diagnostic[], specDir: string): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const { shown, more } = capWarnings(diagnostics);
  const lines = shown.map((d) => {
    const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const props = [
      d.location ? `file=${escapeProp(specFilePath(specDir, d.location.file))}` : undefined,
      d.location ? `line=${d.location.line}` : undefined,
      d.location ? `col=${d.location.column}` : undefined,
      `title=${escapeProp(`monspec ${d.ruleId}`)}`,
    ].filter(Boolean);
    const message = d.related?.length ? `${d.message}\n${relatedNote(d.related, specDir)}` : d.message;
    return `::${command} ${props.join(',')}::${escapeData(message)}`;
  });
  return [...lines, ...moreLines(more).map((l) => `::notice title=${escapeProp('monspec')}::${escapeData(l)}`)].join('\n');
}

export function formatDiagnostics(format: DiagnosticFormat, diagnostics: readonly Diagnostic[], specDir: string, style: Style): string {
  if (format === 'json') return formatJson(diagnostics, specDir);
  if (format === 'github') return formatGithub(diagnostics, specDir);
  return formatText(diagnostics, specDir, style);
}
