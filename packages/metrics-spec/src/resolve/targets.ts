/** The environment's deploy targets (`environments.<env>.targets`), for `monspec plan/apply --target NAME`. */
import type { DeployTarget, MonspecDocument } from '../generated/spec-types.js';
import type { ResolvedDeployTarget, ResolvedRulerTarget } from '../model.js';
import { own } from '../own.js';

type Ruler = { url: string; tenant?: string; tokenEnv?: string; userEnv?: string; passwordEnv?: string };

const ruler = (r: Ruler | undefined): ResolvedRulerTarget | undefined =>
  r ? { url: r.url.replace(/\/+$/, ''), tenant: r.tenant, tokenEnv: r.tokenEnv, userEnv: r.userEnv, passwordEnv: r.passwordEnv } : undefined;

/** Undefined when the environment declares none. */
export function resolveTargets(spec: MonspecDocument, environment: string): Record<string, ResolvedDeployTarget> | undefined {
  const env = own(spec.environments ?? {}, environment);
  const targets = env?.targets;
  if (!targets || Object.keys(targets).length === 0) return undefined;
  return resolveDeployTargets(targets);
}

/** Declared targets by name (a spec environment's or a workspace's), sorted by name, URLs without a trailing slash. */
export function resolveDeployTargets(targets: Readonly<Record<string, DeployTarget>>): Record<string, ResolvedDeployTarget> {
  return Object.fromEntries(
    Object.entries(targets)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, t]) => [
        name,
        {
          grafana: t.grafana ? { url: t.grafana.url.replace(/\/+$/, ''), org: t.grafana.org, folder: t.grafana.folder, tokenEnv: t.grafana.tokenEnv ?? 'GRAFANA_TOKEN' } : undefined,
          mimir: ruler(t.mimir),
          loki: ruler(t.loki),
          prometheus: t.prometheus ? { url: t.prometheus.url.replace(/\/+$/, ''), rulesDir: t.prometheus.rulesDir.replace(/\/+$/, '') } : undefined,
          alertmanager: t.alertmanager ? { url: t.alertmanager.url.replace(/\/+$/, ''), configFile: t.alertmanager.configFile } : undefined,
        },
      ]),
  );
}
