import { z } from 'zod';
import { explain, explanationRecord, unknownNameMessage } from '../../explain/explain.js';
import { EnvironmentArg, readOnly, type ToolDefinition } from '../register.js';
import type { Session } from '../session.js';
import { ToolError } from '../tool-error.js';

const input = z.strictObject({
  name: z.string().min(1).describe('A metric, recording rule, alert, threshold or SLO name, or a panel as DASHBOARD_UID/PANEL_KEY.'),
  environment: EnvironmentArg,
});
// The sections of `monspec explain --format json`: kind, name, then one key per section.
const output = z.object({ kind: z.enum(['metric', 'recording rule', 'alert', 'threshold', 'slo', 'panel']), name: z.string() }).catchall(z.union([z.string(), z.array(z.string())]));

export function explainTool(session: Session): ToolDefinition<typeof input, typeof output> {
  return {
    title: 'Explain a name of the spec',
    description:
      'What `monspec explain NAME --format json` prints: for a metric its meaning, unit, labels, bands and users; for an alert its condition, threshold, routing, diagnosis, runbook and dashboard panel link; for a threshold its bands and users; for an SLO its objective and burn-rate alerts; for a panel (DASHBOARD_UID/PANEL_KEY) its queries and link.',
    input,
    output,
    annotations: readOnly('Explain a name of the spec'),
    async run({ name, environment }) {
      const model = session.model(environment);
      const e = explain(model, name);
      if (!e) throw new ToolError(unknownNameMessage(model, name));
      return explanationRecord(e) as z.infer<typeof output>;
    },
  };
}
