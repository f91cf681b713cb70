/**
 * Every spec string the documents render, by how the views render it (`ctx.prose`,
 * `ctx.proseInline`, `ctx.text`), so `generate` can decide before rendering whether remark is needed
 * (`needsRemark`). A view that renders another spec field must list it here: a string that needs
 * remark and is missing makes the build throw (`Prose`), and index.test.ts checks that every string
 * the views render for the test models is listed.
 */
import type { ResolvedModel, ResolvedThreshold } from '@monspec/metrics-spec';
import { isAutolinkUrl, isEmailAddress } from '../markdown/inline.js';
import type { ProseStrings } from '../markdown/prose.js';
import { groupTitle } from './common.js';

export function docStrings(model: ResolvedModel): ProseStrings {
  const blocks: string[] = [];
  const inlines: string[] = [];
  const texts: string[] = [];
  const s = model.service;
  const states = (t: ResolvedThreshold | undefined) => {
    if (t) texts.push(t.states.ok, t.states.warning, t.states.critical);
  };

  blocks.push(s.description);
  // The documents' titles (index, guide, catalogue).
  texts.push(`${s.title} monitoring`, `${s.title} monitoring setup`, `${s.title} metrics catalogue`);
  texts.push(s.team, s.grafana.folder, s.datasources.prometheus.name, s.datasources.loki.name);
  if (s.contact !== undefined) texts.push(s.contact);
  if (s.repository !== undefined) texts.push(s.repository);
  // autolink and email show what they cannot link as text.
  for (const url of [s.grafana.url, s.runbookBaseUrl]) if (url !== undefined && !isAutolinkUrl(url)) texts.push(url);
  inlines.push(...s.healthEndpoints.map((h) => h.description));

  for (const d of model.dashboards) {
    blocks.push(d.description);
    inlines.push(d.description);
    texts.push(d.title, ...d.variables.map((v) => v.label));
    for (const p of d.panels) {
      inlines.push(p.description);
      texts.push(p.title);
      states(p.threshold);
    }
  }
  for (const m of model.metrics) {
    blocks.push(m.meaning);
    inlines.push(m.meaning, ...Object.values(m.waivers), ...m.labels.map((l) => l.description));
    if (m.deprecated) inlines.push(m.deprecated.reason);
    if (m.serviceChange !== undefined) inlines.push(m.serviceChange);
    texts.push(m.type, m.unit, m.help, groupTitle(m.group), `${groupTitle(m.group)} metrics`);
    states(m.bands);
  }
  for (const t of model.thresholds) {
    inlines.push(t.description);
    states(t);
  }
  inlines.push(...model.recordingRules.map((r) => r.description));
  for (const a of model.alerts) {
    texts.push(a.name, a.summary);
    blocks.push(a.runbook.meaning, a.runbook.impact, ...a.runbook.diagnosis.map((d) => d.description ?? ''));
    texts.push(...a.runbook.diagnosis.map((d) => d.title));
    inlines.push(...a.runbook.mitigation, ...a.runbook.escalation);
  }
  for (const slo of model.slos) {
    blocks.push(slo.description);
    texts.push(slo.name, slo.alertName);
  }
  const n = model.notifications;
  for (const cp of n.contactPoints) {
    inlines.push(cp.description);
    texts.push(cp.name);
    if (cp.channel !== undefined) texts.push(cp.channel);
    texts.push(...cp.addresses.filter((a) => !isEmailAddress(a)));
  }
  if (n.defaultContactPoint !== undefined) texts.push(n.defaultContactPoint);
  for (const r of n.routes) texts.push(...r.contactPoints);
  for (const i of n.inhibitions) texts.push(...i.sourceAlerts, ...i.targetAlerts);
  for (const src of model.logs.sources) {
    blocks.push(src.description);
    texts.push(src.name);
  }
  for (const p of model.logs.patterns) {
    blocks.push(p.description);
    texts.push(p.name);
  }
  return { blocks, inlines, texts };
}
