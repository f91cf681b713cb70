/**
 * Every contact point kind that carries a credential takes it from a secret reference, from the
 * environment (`env`) or a mounted file (`file`), and no generated file holds a secret value:
 * Alertmanager gets `*_file` fields (checked by the real amtool check-config), Grafana gets
 * `${VAR}` or `$__file{path}`, which its file provisioning expands
 * (https://grafana.com/docs/grafana/latest/administration/provisioning/#using-environment-variables).
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_SPEC_DIR } from '@monspec/metrics-spec';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../index.js';
import { GRAFANA_CONTACT_POINTS_PATH } from '../grafana/contact-points.js';
import { requireTools, writeFiles } from '@monspec/test-kit';
import { compile } from '../test-support/fixtures.js';
import { runAmtoolChecks } from '../tools/test-artifacts.js';
import { ALERTMANAGER_PATH } from './config.js';

const NOTIFICATIONS = `notifications:
  contactPoints:
    oncall-pagerduty:
      type: pagerduty
      description: on-call, key from a mounted file
      secret: { file: /run/secrets/pd-routing-key }
    team-slack:
      type: slack
      description: team channel
      channel: "#tunnel-alerts"
      secret: { env: SLACK_WEBHOOK_URL }
    relay:
      type: webhook
      description: an authenticated relay
      url: https://relay.example.com/alerts
      secret: { env: RELAY_TOKEN }
    relay-file:
      type: webhook
      description: a relay whose token is a mounted file
      url: https://relay2.example.com/alerts
      secret: { file: /run/secrets/relay2-token }
    team-email:
      type: email
      description: mailing list
      addresses: [tunnel-platform@cloudtolocalllm.online]
  defaultContactPoint: team-email
  # An email contact point needs the relay (the notifications-smtp check).
  smtp: { smarthost: 'smtp.example.com:587', from: alertmanager@example.com }
  groupBy: [alertname, service]
  routes:
    critical: { contactPoints: [oncall-pagerduty, team-slack, relay, relay-file] }
    warning: { contactPoints: [team-slack, team-email] }
    info: { contactPoints: [team-email] }
  inhibitions:
    - { source: critical, target: warning, equal: [alertname] }
`;

function model() {
  const spec = mkdtempSync(join(tmpdir(), 'monspec-secrets-'));
  cpSync(EMBEDDED_SPEC_DIR, spec, { recursive: true });
  writeFileSync(join(spec, 'notifications.yaml'), NOTIFICATIONS);
  return compile('production', spec);
}

type Receiver = Record<string, Array<Record<string, unknown>>> & { name: string };

describe('secret references for every contact point kind', () => {
  const artifacts = generate(model());
  const am = parse(artifacts.find((a) => a.path === ALERTMANAGER_PATH)?.content ?? '') as { receivers: Receiver[] };
  const receiver = (name: string) => am.receivers.find((r) => r.name === name);

  it('Alertmanager reads each secret from a file: the env default location or the named file', () => {
    expect(receiver('oncall-pagerduty')?.pagerduty_configs?.[0]).toMatchObject({ routing_key_file: '/run/secrets/pd-routing-key' });
    expect(receiver('team-slack')?.slack_configs?.[0]).toMatchObject({ api_url_file: '/etc/alertmanager/secrets/SLACK_WEBHOOK_URL' });
    expect(receiver('relay')?.webhook_configs?.[0]).toEqual({
      url: 'https://relay.example.com/alerts',
      send_resolved: true,
      http_config: { authorization: { type: 'Bearer', credentials_file: '/etc/alertmanager/secrets/RELAY_TOKEN' } },
    });
    expect(receiver('relay-file')?.webhook_configs?.[0]).toMatchObject({ http_config: { authorization: { type: 'Bearer', credentials_file: '/run/secrets/relay2-token' } } });
  });

  it('Grafana expands ${VAR} and $__file{path}', () => {
    const cps = parse(artifacts.find((a) => a.path === GRAFANA_CONTACT_POINTS_PATH)?.content ?? '') as { contactPoints: Array<{ name: string; receivers: Array<{ settings: Record<string, unknown> }> }> };
    const settings = (name: string) => cps.contactPoints.find((c) => c.name === name)?.receivers[0]?.settings;
    expect(settings('oncall-pagerduty')).toEqual({ integrationKey: '$__file{/run/secrets/pd-routing-key}' });
    expect(settings('team-slack')).toMatchObject({ url: '${SLACK_WEBHOOK_URL}' });
    // Grafana's webhook integration: authorization_scheme / authorization_credentials
    // (https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/).
    expect(settings('relay')).toEqual({ url: 'https://relay.example.com/alerts', authorization_scheme: 'Bearer', authorization_credentials: '${RELAY_TOKEN}' });
    expect(settings('relay-file')).toMatchObject({ authorization_credentials: '$__file{/run/secrets/relay2-token}' });
  });

  const tools = requireTools(['amtool']);
  it.skipIf(tools.skip)(`amtool check-config accepts the receivers ${tools.reason}`, () => {
    const dir = writeFiles(artifacts);
    const [check] = runAmtoolChecks(dir, { routes: [] });
    expect(check?.status, check?.output).toBe('ok');
  });
});
