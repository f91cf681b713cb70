import { didYouMean, errorLinesQuery, exploreUrl, patternLinesQuery } from '@monspec/metrics-spec';
import { z } from 'zod';
import { EnvironmentArg, GrafanaTime, readOnly, type ToolDefinition } from '../register.js';
import type { Session } from '../session.js';
import { ToolError } from '../tool-error.js';

const input = z.strictObject({
  pattern: z.string().optional().describe('One pattern by name (default: all).'),
  from: GrafanaTime.optional().describe('Start of the Explore range (default now-1h).'),
  to: GrafanaTime.optional().describe('End of the Explore range (default now).'),
  environment: EnvironmentArg,
});
const output = z.object({
  sources: z.array(z.object({ name: z.string(), description: z.string(), selector: z.string(), errorLines: z.string(), explore: z.string() })),
  patterns: z.array(z.object({ name: z.string(), source: z.string(), description: z.string(), match: z.string(), logql: z.string(), explore: z.string() })),
});

/** The spec's log sources and error patterns with the LogQL the Loki rules use, and Explore links. */
export function errorPatternsTool(session: Session): ToolDefinition<typeof input, typeof output> {
  return {
    title: 'Log error patterns with LogQL and Explore links',
    description: "The spec's Loki log sources (their error-line query) and error patterns (RE2 over the raw line), each with its LogQL and a Grafana Explore link for the time range.",
    input,
    output,
    annotations: readOnly('Log error patterns'),
    async run(args) {
      const model = session.model(args.environment);
      const range = { from: args.from ?? 'now-1h', to: args.to ?? 'now' };
      const names = model.logs.patterns.map((p) => p.name);
      if (args.pattern !== undefined && !names.includes(args.pattern)) {
        throw new ToolError(`Unexpected pattern "${args.pattern}", expected one of: ${names.join(', ') || '(the spec declares no log patterns)'}${didYouMean(args.pattern, names)}`);
      }
      const sources = new Map(model.logs.sources.map((s) => [s.name, s]));
      return {
        sources: model.logs.sources.map((s) => ({ name: s.name, description: s.description, selector: s.selector, errorLines: errorLinesQuery(s), explore: exploreUrl(model, 'loki', errorLinesQuery(s), range) })),
        patterns: model.logs.patterns
          .filter((p) => args.pattern === undefined || p.name === args.pattern)
          .flatMap((p) => {
            const source = sources.get(p.source);
            // The checks make every pattern name a declared source; resolve only runs on such specs.
            if (!source) return [];
            const logql = patternLinesQuery(source, p);
            return [{ name: p.name, source: p.source, description: p.description, match: p.match, logql, explore: exploreUrl(model, 'loki', logql, range) }];
          }),
      };
    },
  };
}
