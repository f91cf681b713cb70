import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasErrors } from '@monspec/metrics-spec';
import { stringOpt, type Command, type Parsed } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { ENV_OPTION, parseFormat, SPEC_OPTION } from '../options.js';
import { compileAt, locateSpec } from '../spec-source.js';
import { endpointFindings } from '../endpoint/conformance.js';
import { fetchExposition, isHttpUrl } from '../endpoint/fetch-exposition.js';

/** Default cap on an exposition, as sent and decompressed: far above any sane /metrics page. */
const DEFAULT_MAX_BYTES = 64 * 1048576;

function positiveNumber(args: Parsed, name: string, fallback: number, unit: string): number {
  const text = stringOpt(args, name);
  const n = Number(text ?? fallback);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`Unexpected --${name} ${text}, expected ${unit} > 0`);
  return n;
}

/** An exposition file: a regular file under the cap (a FIFO or a directory is a usage error, not a hang). */
function readExpositionFile(target: string, cwd: string, maxBytes: number): string {
  const path = resolve(cwd, target);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`Unexpected ${target}: no such file, expected a URL (http://…) or an exposition file`);
  }
  if (!stat.isFile()) throw new UsageError(`Unexpected ${target}: not a regular file, expected a URL (http://…) or an exposition file`);
  if (stat.size > maxBytes) throw new UsageError(`Unexpected ${target} of ${stat.size} bytes, expected at most ${maxBytes} (--max-bytes)`);
  return new TextDecoder('utf-8').decode(readFileSync(path));
}

export const checkEndpointCommand: Command = {
  name: 'check-endpoint',
  summary: 'Check that a service exposes what the spec declares: missing metrics, wrong types, label sets, buckets.',
  usage: 'monspec check-endpoint URL|FILE [--spec DIR] [--env NAME] [--timeout MS] [--format text|json]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    timeout: { type: 'string', help: 'HTTP timeout in milliseconds for the whole fetch, redirects and body included (default 5000).' },
    'max-bytes': { type: 'string', help: 'Largest exposition accepted, as sent and after decompression (default 67108864, 64 MiB).' },
    format: { type: 'string', help: 'text (default) or json.' },
  },
  positionals: { min: 1, max: 1 },
  examples: ['monspec check-endpoint http://localhost:8080/metrics', 'monspec check-endpoint ./metrics.txt --format json'],
  async run(args, io) {
    const target = args.positionals[0] as string;
    const format = parseFormat(stringOpt(args, 'format'), ['text', 'json']);
    const timeoutMs = positiveNumber(args, 'timeout', 5000, 'milliseconds');
    const maxBytes = positiveNumber(args, 'max-bytes', DEFAULT_MAX_BYTES, 'bytes');
    const spec = locateSpec(stringOpt(args, 'spec'), io);
    const result = compileAt(spec, stringOpt(args, 'env'));
    if (!result.model || hasErrors(result.diagnostics)) {
      io.err(`monspec check-endpoint: the spec at ${spec.displayDir} is invalid; run monspec validate`);
      return EXIT.findings;
    }
    const text = isHttpUrl(target) ? await fetchExposition(target, { timeoutMs, maxBytes }) : readExpositionFile(target, io.cwd, maxBytes);
    const { families, findings } = endpointFindings(result.model, text, target);
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
