/**
 * The float arithmetic and comparisons both evaluators share: PromQL's (promql-eval.ts) and Grafana's
 * math expression (grafana/evaluate.ts), which apply Go's float64 operators alike. Operators are
 * spelled as PromQL spells them; undefined means "not one of these", for the caller to report.
 */

export function arithmetic(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b; // Go's math.Mod: the sign of the dividend, as JavaScript's %
    case '^':
      return a ** b;
    default:
      return undefined;
  }
}

export function compare(op: string, a: number, b: number): boolean | undefined {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    default:
      return undefined;
  }
}
