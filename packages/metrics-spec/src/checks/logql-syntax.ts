import type { Check } from './types.js';
import { analyzeLogql } from '../promql/logql.js';
import { excerpt } from '../diagnostics.js';

export const logqlSyntax: Check = {
  id: 'logql-syntax',
  severity: 'error',
  description: 'Every LogQL expression (Loki alerts, log panels, runbooks, log sources) parses with the LogQL grammar.',
  examples: {
    valid: [{ title: 'a log source with an error filter', yaml: 'logs:\n  sources:\n    app: { selector: \'{app="demo"}\', description: x, errorFilter: \'| json | level="error"\' }\n' }],
    invalid: [
      {
        title: 'a filter without a string',
        yaml: 'logs:\n  sources:\n    app: { selector: \'{app="demo"}\', description: x, errorFilter: "|= error" }\n',
        message: 'expected a valid LogQL expression',
      },
    ],
  },
  run({ expressions }, report) {
    for (const site of expressions) {
      if (site.language !== 'logql') continue;
      const [first] = analyzeLogql(site.expr).syntaxErrors;
      if (first) report({ pointer: site.pointer, message: `${first.message} in the LogQL of ${site.owner}, expected a valid LogQL expression: ${excerpt(site.expr)}` });
    }
  },
};
