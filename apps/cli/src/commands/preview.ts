import { resolve } from 'node:path';
import { relativeMs } from '@monspec/dashboards';
import { hasErrors, type ResolvedDashboard } from '@monspec/metrics-spec';
import { stringOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { baseUrl } from '../http/base-url.js';
import { ENV_OPTION, SPEC_OPTION } from '../options.js';
import { formatDiagnostics } from '../output/format-diagnostics.js';
import { renderPreviews } from '../preview/render-previews.js';
import { writePreviews } from '../preview/write-previews.js';
import { compileAt, locateSpec } from '../spec-source.js';

/** `-6h`, `now-6h`, `now` (relative to `nowMs`) or an RFC 3339 time, as epoch ms. */
function parseTime(flag: string, text: string, nowMs: number): number {
  try {
    return nowMs - relativeMs(text);
  } catch {
    const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isFinite(ms)) return ms;
    throw new UsageError(`Unexpected --${flag} ${text}, expected now, -<duration> (-6h), now-<duration> or an RFC 3339 time (2026-01-01T12:00:00Z)`);
  }
}

export const previewCommand: Command = {
  name: 'preview',
  summary: 'Render every dashboard to SVG and PNG laid out like Grafana: sample data from the spec, or --prometheus data.',
  usage: 'monspec preview [--spec DIR] [--env NAME] [--prometheus URL] [--from -6h --to now] [--out DIR]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    prometheus: { type: 'string', help: "Run the panels' queries on this Prometheus (Grafana's macros and variable defaults expanded); without it, sample data from the spec, marked as such." },
    from: { type: 'string', help: "With --prometheus: start of the range (-6h, now-6h or RFC 3339; default: each dashboard's own).", dashValue: true },
    to: { type: 'string', help: 'With --prometheus: end of the range (default now).', dashValue: true },
    out: { type: 'string', help: 'Folder for <uid>.svg and <uid>.png (default: previews). Only files monspec wrote there are replaced.' },
  },
  examples: ['monspec preview', 'monspec preview --out docs/previews'],
  async run(args, io) {
    const prometheus = stringOpt(args, 'prometheus');
    const base = prometheus === undefined ? undefined : baseUrl('--prometheus', prometheus);
    const from = stringOpt(args, 'from');
    const to = stringOpt(args, 'to');
    if (base === undefined && (from !== undefined || to !== undefined)) throw new UsageError('Unexpected --from/--to without --prometheus, expected them only with --prometheus (sample data has a fixed range)');
    const nowMs = Date.now();
    const toMs = parseTime('to', to ?? 'now', nowMs);
    const fromMs = from === undefined ? undefined : parseTime('from', from, nowMs);
    if (fromMs !== undefined && fromMs >= toMs) throw new UsageError(`Unexpected --from ${from} not before --to ${to ?? 'now'}, expected a range that starts before it ends`);
    const spec = locateSpec(stringOpt(args, 'spec'), io);
    const result = compileAt(spec, stringOpt(args, 'env'));
    if (!result.model || hasErrors(result.diagnostics)) {
      io.err(formatDiagnostics('text', result.diagnostics.filter((d) => d.severity === 'error'), spec.displayDir, io.errStyle));
      io.err(`monspec preview: ${spec.displayDir} is not a valid spec; fix it first (monspec validate --spec ${spec.displayDir})`);
      return EXIT.findings;
    }
    const model = result.model;
    const range = (d: ResolvedDashboard) => ({ fromMs: fromMs ?? toMs - relativeMs(d.time.from) + relativeMs(d.time.to), toMs });
    const previews = await renderPreviews(model, model.dashboards, base === undefined ? {} : { prometheus: base, range });
    const outArg = stringOpt(args, 'out') ?? 'previews';
    writePreviews(resolve(io.cwd, outArg), outArg, previews.flatMap((p) => [{ name: `${p.dashboard.uid}.svg`, bytes: p.svg }, { name: `${p.dashboard.uid}.png`, bytes: p.png }]));
    let noData = 0;
    let refused = 0;
    for (const p of previews) {
      io.out(`${outArg}/${p.dashboard.uid}.svg, .png: ${p.dashboard.title} (${p.panels.length} panels${base === undefined ? ', sample data' : ''})`);
      for (const panel of p.panels) {
        if (panel.state === 'no-data') {
          noData++;
          io.out(`  ${io.style.red('No data')}: ${panel.title} (${panel.key})`);
        } else if (panel.state === 'unavailable') {
          // A query Prometheus refused is a broken query, as much a finding as No data; a Loki panel is not.
          if (panel.reason?.startsWith('query refused') === true) refused++;
          io.out(`  ${io.style.yellow('not shown')}: ${panel.title} (${panel.key}): ${panel.reason ?? ''}`);
        }
      }
    }
    if (noData > 0) io.err(`✗ ${noData} panel(s) with No data: their queries returned no series`);
    if (refused > 0) io.err(`✗ ${refused} panel(s) whose queries Prometheus refused`);
    return noData + refused > 0 ? EXIT.findings : EXIT.ok;
  },
};
