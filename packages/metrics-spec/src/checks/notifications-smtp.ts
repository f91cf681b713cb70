import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';

/** An email contact point without an SMTP relay sends nowhere (Alertmanager's localhost:25 is not a relay). */
export const notificationsSmtp: Check = {
  id: 'notifications-smtp',
  severity: 'error',
  description:
    'When a contact point sends email, notifications.smtp names the relay (smarthost and sender; password as a secret), so Alertmanager and Grafana do not fall back to a relay that does not exist.',
  examples: {
    valid: [
      {
        title: 'email with its relay',
        yaml: 'notifications:\n  contactPoints:\n    mail: { type: email, description: x, addresses: [a@example.com] }\n  smtp: { smarthost: "smtp.example.com:587", from: alerts@example.com, username: alerts, password: { env: SMTP_PASSWORD } }\n',
      },
    ],
    invalid: [
      {
        title: 'email without a relay',
        yaml: 'notifications:\n  contactPoints:\n    mail: { type: email, description: x, addresses: [a@example.com] }\n',
        message: 'Unexpected email contact point "mail" without notifications.smtp',
      },
    ],
  },
  run({ spec }, report) {
    const n = spec.notifications;
    if (!n || n.smtp) return;
    for (const [name, cp] of Object.entries(n.contactPoints ?? {})) {
      if (cp.type !== 'email') continue;
      report({
        pointer: `/notifications/contactPoints/${p(name)}/type`,
        message: `Unexpected email contact point "${name}" without notifications.smtp, expected the SMTP relay (smarthost: host:port, from, and a password secret when it needs auth)`,
      });
      return;
    }
  },
};
