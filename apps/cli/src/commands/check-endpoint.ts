import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasErrors } from '@monspec/metrics-spec';
import { stringOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { ENV_OPTION, parseFormat, SPEC_OPTION } from '../options.js';
import { compileAt, locateSpec } from '../spec-source.js';
import { checkConformance } from '../endpoint/conformance.js';
import { parseExposition } from '../endpoint/parse-exposition.js';

async function fetchExposition(url: string, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/plain;version=0.0.4' } });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new UsageError(`Unexpected failure fetching ${url} (${cause === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : cause}), expected a reachable metrics endpoint`);
  }
  if (!response.ok) throw new UsageError(`Unexpected HTTP ${response.status} from ${url}, expected 200 with a Prometheus exposition`);
  return response.text();
}

export const checkEndpointCommand: Command = {
  name: 'check-endpoint',
  summary: 'Check that a service exposes what the spec declares: missing metrics, wrong types, label sets, buckets.',
  usage: 'monspec check-endpoint URL|FILE [--spec DIR] [--env NAME] [--timeout MS] [--format text|json]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    timeout: { type: 'string', help: 'HTTP timeout in milliseconds (default 5000).' },
    format: { type: 'string', help: 'text (default) or json.' },
  },
  positionals: { min: 1, max: 1 },
  examples: ['monspec check-endpoint http://localhost:8080/metrics', 'monspec check-endpoint ./metrics.txt --format json'],
  async run(args, io) {
    const target = args.positionals[0] as string;
    const format = parseFormat(stringOpt(args, 'format'), ['text', 'json']);
    const timeout = Number(stringOpt(args, 'timeout') ?? '5000');
    if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`Unexpected --timeout ${stringOpt(args, 'timeout')}, expected milliseconds > 0`);
    const spec = locateSpec(stringOpt(args, 'spec'), io);
    const result = compileAt(spec, stringOpt(args, 'env'));
    if (!result.model || hasErrors(result.diagnostics)) {
      io.err(`monspec check-endpoint: the spec at ${spec.displayDir} is invalid; run monspec validate`);
      return EXIT.findings;
    }
    let text: string;
    if (/^https?:\/\//.test(target)) text = await fetchExposition(target, timeout);
    else {
      const path = resolve(io.cwd, target);
      if (!existsSync(path)) throw new UsageError(`Unexpected ${target}: no such file, expected a URL (http://…) or an exposition file`);
      text = readFileSync(path, 'utf8');
    }
    const { families, problems } = parseExposition(text);
    const findings = [
      ...problems.map((p) => ({ severity: 'error' as const, metric: '', message: `${target}:${p.line}: ${p.message}` })),
      ...checkConformance(result.model, families),
    ];
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (format === 'json') {
      io.out(JSON.stringify({ target, conforming: errors === 0, findings }, null, 2));
    } else {
      for (const f of findings) io.out(`${f.severity === 'error' ? io.style.red('error') : io.style.yellow('warning')} ${f.message}`);
      const declared = result.model.metrics.filter((m) => m.origin !== 'prometheus').length;
      io.err(
        (errors ? io.errStyle.red('✗ ') : io.errStyle.green('✓ ')) +
          `${target}: ${families.size} metric families exposed, ${declared} declared; ${errors} error(s), ${findings.length - errors} warning(s)`,
      );
    }
    return errors > 0 ? EXIT.findings : EXIT.ok;
  },
};
