/** Deploy targets per environment (`environments.<env>.targets`): resolved for the built environment only; credentials only as variable names. */
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../pipeline.js';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';

function compile(environments: string, environment?: string) {
  const files = [...Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text })), { path: 'environments.yaml', text: environments }];
  return compileSpec(files, environment === undefined ? {} : { environment });
}

const TARGETS = `environments:
  production:
    description: x
    default: true
    targets:
      cloud:
        grafana: { url: "https://stack.grafana.net/", org: 2, folder: Prod, tokenEnv: PROD_GRAFANA_TOKEN }
        mimir: { url: "https://prometheus.grafana.net", tenant: "123", userEnv: MIMIR_USER, passwordEnv: CLOUD_KEY }
  staging:
    description: x
`;

describe('deploy targets', () => {
  it("resolves the built environment's targets, trailing slash dropped, the Grafana token variable defaulted", () => {
    const model = compile(TARGETS, 'production').model;
    expect(model?.targets).toEqual({
      cloud: {
        grafana: { url: 'https://stack.grafana.net', org: 2, folder: 'Prod', tokenEnv: 'PROD_GRAFANA_TOKEN' },
        mimir: { url: 'https://prometheus.grafana.net', tenant: '123', tokenEnv: undefined, userEnv: 'MIMIR_USER', passwordEnv: 'CLOUD_KEY' },
        loki: undefined,
        prometheus: undefined,
        alertmanager: undefined,
      },
    });
    expect(compile(TARGETS.replace(', tokenEnv: PROD_GRAFANA_TOKEN', ''), 'production').model?.targets?.cloud?.grafana?.tokenEnv).toBe('GRAFANA_TOKEN');
  });

  it('resolves a Prometheus (rules directory) and an Alertmanager (config file), trailing slashes dropped; a relative path is refused', () => {
    const daemons = TARGETS.replace('        mimir:', '        prometheus: { url: "http://prom:9090/", rulesDir: /etc/prometheus/rules/ }\n        alertmanager: { url: "http://am:9093", configFile: /etc/alertmanager/alertmanager.yml }\n        mimir:');
    const cloud = compile(daemons, 'production').model?.targets?.cloud;
    expect(cloud?.prometheus).toEqual({ url: 'http://prom:9090', rulesDir: '/etc/prometheus/rules' });
    expect(cloud?.alertmanager).toEqual({ url: 'http://am:9093', configFile: '/etc/alertmanager/alertmanager.yml' });
    const relative = compile(daemons.replace('rulesDir: /etc/prometheus/rules/', 'rulesDir: rules'), 'production').diagnostics.filter((d) => d.severity === 'error');
    expect(relative.map((d) => d.message).join('\n')).toMatch(/rulesDir/);
  });

  it('an environment without targets has no targets key (models of specs without targets are unchanged)', () => {
    const model = compile(TARGETS, 'staging').model;
    expect(model).toBeDefined();
    expect(Object.hasOwn(model ?? {}, 'targets')).toBe(false);
  });

  it('refuses credentials in a URL, a token value where a variable name belongs, and half of basic auth', () => {
    const errors = (text: string) => compile(text, 'production').diagnostics.filter((d) => d.severity === 'error');
    expect(errors(TARGETS.replace('https://stack.grafana.net/', 'https://admin:secret@stack.grafana.net/')).length).toBeGreaterThan(0);
    expect(errors(TARGETS.replace('tokenEnv: PROD_GRAFANA_TOKEN', 'tokenEnv: glsa_abc123')).length).toBeGreaterThan(0);
    expect(errors(TARGETS.replace(', passwordEnv: CLOUD_KEY', '')).length).toBeGreaterThan(0);
    expect(errors(TARGETS.replace('tenant: "123"', 'token: "abc"')).length).toBeGreaterThan(0);
  });
});

describe('deploy target errors', () => {
  it('say what is expected, without echoing credentials', () => {
    const env = TARGETS.replace('https://stack.grafana.net/', 'https://admin:hunter2@stack.grafana.net/').replace(', passwordEnv: CLOUD_KEY', '');
    const messages = compile(env, 'production').diagnostics.map((d) => `${d.location?.file ?? ''}:${d.location?.line ?? 0} ${d.message}`);
    expect(messages).toContain('environments.yaml:7 Unexpected "https://***@stack.grafana.net/" at environments.production.targets.cloud.grafana.url, expected an http:// or https:// URL without credentials (a token or password goes in an environment variable named by tokenEnv, userEnv or passwordEnv)');
    expect(messages).toContain('environments.yaml:8 Unexpected key "userEnv" without "passwordEnv" in environments.production.targets.cloud.mimir, expected both or neither');
    expect(messages.join('\n')).not.toContain('hunter2');
  });
});
