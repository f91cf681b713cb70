/**
 * What two dashboard models must agree on to be "the same", so an unchanged spec never plans a change
 * (the perpetual diff of tools that compare raw JSON). Stripped: what Grafana adds on save (`id`,
 * `version`: https://grafana.com/docs/grafana/latest/developers/http_api/dashboard/), and the
 * defaults Grafana's dashboard UI writes when a person saves
 * (https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/)
 * where the spec's dashboard does not set the field; tags compare as a set; keys compare sorted.
 */
import type { DashboardJson } from './grafana-client.js';

type Json = unknown;

/** Top-level fields the UI adds with these values; equal to "absent". */
const TOP_LEVEL_DEFAULTS: Readonly<Record<string, Json>> = { weekStart: '', liveNow: false, fiscalYearStartMonth: 0, graphTooltip: 0, links: [], editable: true };

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with object keys sorted at every level: the canonical form compared and hashed. */
export function canonical(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

const same = (a: Json, b: Json) => canonical(a) === canonical(b);

/** The built-in "Annotations & Alerts" entry the UI adds to every dashboard. */
const isBuiltInAnnotation = (a: Json) => isObject(a) && a.builtIn === 1;

/**
 * `live` as comparable to `desired`: Grafana's own fields dropped, UI defaults dropped where the
 * desired model leaves them out, tags sorted. `desired` goes through the same function with itself.
 */
export function normalise(live: DashboardJson, desired: DashboardJson): DashboardJson {
  const { id: _id, version: _version, ...out } = structuredClone(live);
  for (const [key, value] of Object.entries(TOP_LEVEL_DEFAULTS)) {
    if (!(key in desired) && key in out && same(out[key], value)) delete out[key];
  }
  if (Array.isArray(out.tags)) out.tags = [...new Set(out.tags.map(String))].sort();
  const desiredAnnotations = isObject(desired.annotations) ? desired.annotations : {};
  if (isObject(out.annotations) && Array.isArray(out.annotations.list) && !Array.isArray(desiredAnnotations.list)) {
    const list = out.annotations.list.filter((a) => !isBuiltInAnnotation(a));
    if (list.length === 0) delete out.annotations.list;
    else out.annotations.list = list;
  }
  const desiredPanels = Array.isArray(desired.panels) ? desired.panels : [];
  if (Array.isArray(out.panels)) {
    out.panels = out.panels.map((p) => {
      if (!isObject(p)) return p;
      const mine = desiredPanels.find((d) => isObject(d) && d.id === p.id);
      // The UI stamps the panel plugin's version on every panel it saves.
      if (!(isObject(mine) && 'pluginVersion' in mine)) {
        const { pluginVersion: _pv, ...rest } = p;
        return rest;
      }
      return p;
    });
  }
  return out;
}
