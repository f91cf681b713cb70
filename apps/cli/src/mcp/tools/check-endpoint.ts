import { z } from 'zod';
import { endpointFindings } from '../../endpoint/conformance.js';
import { UsageError } from '../../errors.js';
import { EnvironmentArg, readOnly, type ToolDefinition } from '../register.js';
import type { Session } from '../session.js';
import { ToolError } from '../tool-error.js';

/** check-endpoint's defaults: 5 s for the whole fetch, 64 MiB as sent and decompressed. */
const LIMITS = { timeoutMs: 5000, maxBytes: 64 * 1048576 };

const input = z.strictObject({
  url: z.string().optional().describe('The service\'s metrics endpoint, http(s)://host:port/path.'),
  exposition: z.string().max(LIMITS.maxBytes).optional().describe('Or: an exposition text (what the endpoint serves).'),
  environment: EnvironmentArg,
});
const output = z.object({
  target: z.string(),
  conforming: z.boolean(),
  metricFamilies: z.number(),
  findings: z.array(z.object({ severity: z.enum(['error', 'warning']), metric: z.string(), message: z.string() })),
});

/** `monspec check-endpoint`: does the service expose what the spec declares? */
export function checkEndpointTool(session: Session): ToolDefinition<typeof input, typeof output> {
  return {
    title: 'Check a metrics endpoint against the spec',
    description:
      "What `monspec check-endpoint` reports: fetch a Prometheus exposition (or take its text) and check every declared metric is there with its type, labels, label values and buckets; parse errors name the exposition's line. conforming is false on any error.",
    input,
    output,
    annotations: readOnly('Check a metrics endpoint', true),
    async run({ url, exposition, environment }) {
      if ((url === undefined) === (exposition === undefined)) throw new ToolError(`Unexpected ${url === undefined ? 'neither url nor exposition' : 'both url and exposition'}, expected exactly one of them`);
      const model = session.model(environment);
      let text: string;
      if (url !== undefined) {
        const { fetchExposition, isHttpUrl } = await import('../../endpoint/fetch-exposition.js');
        if (!isHttpUrl(url)) throw new ToolError(`Unexpected url ${JSON.stringify(url)}, expected http://host[:port]/path or https://…`);
        try {
          text = await fetchExposition(url, LIMITS);
        } catch (err) {
          if (err instanceof UsageError) throw new ToolError(err.message);
          throw err;
        }
      } else text = exposition as string;
      const target = url ?? 'exposition';
      const { families, findings } = endpointFindings(model, text, target);
      return { target, conforming: !findings.some((f) => f.severity === 'error'), metricFamilies: families.size, findings };
    },
  };
}
