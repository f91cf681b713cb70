/**
 * What monspec needs to know before it pastes a spec expression into a larger one: whether it holds
 * a `#` comment, which runs to the end of the line and would swallow what follows.
 */
import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import type { Tree } from '@lezer/common';
import { normaliseExpression } from './analyze.js';

function hasNode(tree: Tree, name: string): boolean {
  let found = false;
  tree.iterate({
    enter(ref) {
      if (ref.name === name) found = true;
      return found ? false : undefined;
    },
  });
  return found;
}

/** Whether the expression holds a line comment (PromQL and LogQL both comment with `#`). */
export function hasLineComment(language: 'promql' | 'logql', expr: string): boolean {
  const text = normaliseExpression(expr);
  return hasNode((language === 'promql' ? promqlParser : logqlParser).parse(text), 'LineComment');
}
