import type { DiagnosticSeverity, ResolvedModel } from '@monspec/metrics-spec';
import type { DashboardView, PanelView, TargetView } from './view.js';

/** One lint finding: which rule, how bad, what, and where (dashboard uid, panel id). */
export interface DashboardFinding {
  readonly ruleId: string;
  readonly severity: DiagnosticSeverity;
  /** Shaped "Unexpected X, expected Y", like the spec checks. */
  readonly message: string;
  /** Dashboard uid. */
  readonly dashboard: string;
  /** Panel id, when the finding is about a panel. */
  readonly panel?: number;
  readonly panelTitle?: string;
}

export interface LintContext {
  readonly model: ResolvedModel;
  readonly dashboards: readonly DashboardView[];
}

export interface LintReport {
  readonly dashboard: DashboardView;
  readonly panel?: PanelView;
  readonly message: string;
}

/** A lint rule: an id, a default severity, what it checks, and the check. */
export interface LintRule {
  readonly id: string;
  readonly severity: DiagnosticSeverity;
  readonly description: string;
  run(ctx: LintContext, report: (r: LintReport) => void): void;
}

/** The query language of a target: Loki targets are LogQL, everything else PromQL. */
export function targetLanguage(panel: PanelView, target: TargetView): 'promql' | 'logql' {
  return (target.datasource ?? panel.datasource)?.type === 'loki' ? 'logql' : 'promql';
}

export function panelName(panel: PanelView): string {
  return `panel ${panel.id ?? '?'} "${panel.title ?? ''}"`;
}

export interface TargetSite {
  readonly dashboard: DashboardView;
  readonly panel: PanelView;
  readonly target: TargetView;
  /** The target's expression, non-empty. */
  readonly expr: string;
}

/** Every non-empty target of one query language, with its panel and dashboard: the loop most rules share. */
export function* targetsOf(dashboards: readonly DashboardView[], language: 'promql' | 'logql'): Generator<TargetSite> {
  for (const dashboard of dashboards) {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets) {
        if (target.expr && targetLanguage(panel, target) === language) yield { dashboard, panel, target, expr: target.expr };
      }
    }
  }
}
