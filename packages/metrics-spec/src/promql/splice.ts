/**
 * What monspec needs to know before it pastes a spec expression into a larger one: whether it holds
 * a `#` comment, which runs to the end of the line and would swallow what follows.
 */
import { parser as logqlParser } from '@grafana/lezer-logql';
import type { Tree } from '@lezer/common';
import { normaliseExpression, parsePromql } from './analyze.js';

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
  // PromQL through the shared parse (parsed once per build); LogQL expressions are few.
  return hasNode(language === 'promql' ? parsePromql(expr).tree : logqlParser.parse(normaliseExpression(expr)), 'LineComment');
}
