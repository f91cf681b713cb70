import type { Diagnostic } from '@monspec/metrics-spec';
import type { Style } from './style.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

/** Paths in diagnostics are relative to the spec dir; prefix them so editors and CI can open them. */
function where(d: Diagnostic, specDir: string): string {
  if (!d.location) return specDir;
  return `${specDir}/${d.location.file}:${d.location.line}:${d.location.column}`;
}

export function formatText(diagnostics: readonly Diagnostic[], specDir: string, style: Style): string {
  return diagnostics
    .map((d) => {
      const sev = d.severity === 'error' ? style.red('error') : d.severity === 'warning' ? style.yellow('warning') : style.dim('info');
      return `${where(d, specDir)}: ${sev} ${d.message} ${style.dim(`[${d.ruleId}]`)}`;
    })
    .join('\n');
}

export function formatJson(diagnostics: readonly Diagnostic[], specDir: string): string {
  return JSON.stringify(
    diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      file: d.location ? `${specDir}/${d.location.file}` : undefined,
      line: d.location?.line,
      column: d.location?.column,
      pointer: d.pointer,
    })),
    null,
    2,
  );
}

/** GitHub Actions workflow commands: annotations on the PR's files. */
export function formatGithub(diagnostics: readonly Diagnostic[], specDir: string): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return diagnostics
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        d.location ? `file=${escapeProp(`${specDir}/${d.location.file}`)}` : undefined,
        d.location ? `line=${d.location.line}` : undefined,
        d.location ? `col=${d.location.column}` : undefined,
        `title=${escapeProp(`monspec ${d.ruleId}`)}`,
      ].filter(Boolean);
      return `::${command} ${props.join(',')}::${escapeData(d.message)}`;
    })
    .join('\n');
}

export function formatDiagnostics(format: DiagnosticFormat, diagnostics: readonly Diagnostic[], specDir: string, style: Style): string {
  if (format === 'json') return formatJson(diagnostics, specDir);
  if (format === 'github') return formatGithub(diagnostics, specDir);
  return formatText(diagnostics, specDir, style);
}
