import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import type { ContactPoint } from '../generated/spec-types.js';

type Field = 'addresses' | 'channel' | 'url' | 'secret';

/**
 * The fields each kind's Alertmanager receiver and Grafana contact point are generated from
 * (alerts' alertmanager/config.ts and grafana/contact-points.ts). Any other field would be dropped
 * without a word. A Slack contact point's URL is its secret, so a literal `url` beside it is dropped.
 */
const USED: Readonly<Record<ContactPoint['type'], readonly Field[]>> = {
  email: ['addresses'],
  slack: ['channel', 'secret'],
  pagerduty: ['secret', 'url'],
  webhook: ['url', 'secret'],
};

const WHAT: Readonly<Record<Field, string>> = {
  addresses: 'email addresses',
  channel: 'a Slack channel',
  url: 'a URL',
  secret: 'a secret',
};

export const contactPointFields: Check = {
  id: 'contact-point-fields',
  severity: 'error',
  description:
    'A contact point sets only the fields its type uses (email: addresses; slack: channel, secret; pagerduty: secret, url; webhook: url, secret), so no setting in the spec is silently left out of the generated receivers.',
  examples: {
    valid: [{ title: 'a webhook with its URL and token', yaml: 'notifications:\n  contactPoints:\n    relay:\n      type: webhook\n      description: x\n      url: https://relay.example.com/alerts\n      secret: { env: RELAY_TOKEN }\n' }],
    invalid: [
      {
        title: 'a secret on an email contact point',
        yaml: 'notifications:\n  smtp: { smarthost: "smtp.example.com:587", from: a@example.com }\n  contactPoints:\n    mail:\n      type: email\n      description: x\n      addresses: [a@example.com]\n      secret: { env: SMTP_PASSWORD }\n',
        message: 'Unexpected a secret on email contact point mail, expected only addresses (the rest is not generated)',
      },
      {
        title: 'a channel on a webhook',
        yaml: 'notifications:\n  contactPoints:\n    relay:\n      type: webhook\n      description: x\n      url: https://relay.example.com/alerts\n      channel: "#ops"\n',
        message: 'Unexpected a Slack channel on webhook contact point relay, expected only url, secret',
      },
    ],
  },
  run({ spec }, report) {
    for (const [name, cp] of Object.entries(spec.notifications?.contactPoints ?? {})) {
      const used = USED[cp.type];
      if (!used) continue;
      for (const field of ['addresses', 'channel', 'url', 'secret'] as const) {
        if (cp[field] !== undefined && !used.includes(field)) {
          report({
            pointer: `/notifications/contactPoints/${p(name)}/${field}`,
            atKey: true,
            message: `Unexpected ${WHAT[field]} on ${cp.type} contact point ${name}, expected only ${used.join(', ')} (the rest is not generated)`,
          });
        }
      }
    }
  },
};
