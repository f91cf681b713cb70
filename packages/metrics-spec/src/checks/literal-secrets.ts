import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';

/** Query parameters that carry credentials (Slack/Opsgenie/Azure/S3-style signed or keyed URLs). */
const SECRET_PARAM = /^(?:key|sig|pass|pwd|auth|apikey|api[-_]?key|.*token.*|.*secret.*|.*passw(?:or)?d.*|.*signature.*|.*credential.*|x-amz-.*|x-goog-.*|routing[-_]?key|integration[-_]?key)$/i;

/** Services whose webhook URL is itself the credential, by host and path (documented webhook URL shapes). */
const WEBHOOK_HOSTS: ReadonlyArray<{ readonly name: string; readonly host: RegExp; readonly path: RegExp; readonly instead: string }> = [
  { name: 'Slack webhook URL', host: /^hooks\.slack(?:-gov)?\.com$/, path: /^\/(?:services|workflows|triggers)\//, instead: 'a slack contact point with secret: { env: NAME }' },
  { name: 'PagerDuty integration URL', host: /^events\.(?:eu\.)?pagerduty\.com$/, path: /^\/(?:integration|x-ere|generic)\/[^/]+/, instead: 'a pagerduty contact point with secret: { env: NAME } holding the routing key' },
  { name: 'Opsgenie integration URL', host: /(?:^|\.)opsgenie\.com$/, path: /\/integrations?\//, instead: 'the API key in secret: { env: NAME }' },
  { name: 'Microsoft Teams webhook URL', host: /(?:^|\.)(?:webhook\.office\.com|outlook\.office(?:365)?\.com)$/, path: /^\/webhook(?:b2)?\//, instead: 'a relay whose token is in secret: { env: NAME }' },
  { name: 'Microsoft Teams workflow URL', host: /\.logic\.azure\.com$/, path: /^\/workflows\//, instead: 'a relay whose token is in secret: { env: NAME }' },
  { name: 'Discord webhook URL', host: /^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/, path: /^\/api\/(?:v\d+\/)?webhooks\//, instead: 'a relay whose token is in secret: { env: NAME }' },
];

/** Chat tokens that are secrets wherever they appear (Slack bot/user/app tokens). */
const TOKEN = /\bxox[abposr]-[0-9A-Za-z-]{10,}|\bxapp-[0-9A-Za-z-]{10,}/;

const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>`)\]]+/g;

/** Why `url` would put a secret into the spec, or undefined. */
function secretInUrl(text: string): { what: string; instead: string } | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return { what: `credentials in the URL ${redact(url)}`, instead: 'a URL without user:password@ and the secret in secret: { env: NAME }' };
  const host = url.hostname.toLowerCase();
  for (const w of WEBHOOK_HOSTS) {
    if (w.host.test(host) && w.path.test(url.pathname)) return { what: `${w.name} ${redact(url)} written in the spec`, instead: w.instead };
  }
  for (const name of url.searchParams.keys()) {
    if (SECRET_PARAM.test(name)) return { what: `query parameter "${name}" in the URL ${redact(url)}`, instead: 'a URL without credentials and the secret in secret: { env: NAME }' };
  }
  return undefined;
}

/** The URL with its path and query hidden, so the finding does not repeat the secret. */
function redact(url: URL): string {
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}/…`;
}

/** Every string with its pointer, in document order (plain recursion: nested generators cost a resumption per level). */
function strings(value: unknown, pointer: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([pointer, value]);
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) strings(value[i], `${pointer}/${i}`, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${pointer}/${p(k)}`, out);
  return out;
}

const SECRET_REF = 'expected a secret reference (secret: { env: NAME }: Alertmanager reads the file <secretsDir>/NAME, Grafana expands ${NAME})';

export const literalSecrets: Check = {
  id: 'literal-secrets',
  severity: 'error',
  description:
    'No secret is written into the spec (it is committed and copied into generated files): anywhere in it, no URL with user:password@, no URL with a token-like query parameter (token, key, sig, api_key, ...), no Slack, PagerDuty, Opsgenie, Teams or Discord webhook URL, no Slack token. Secrets come from secret references instead.',
  examples: {
    valid: [
      {
        title: 'a webhook whose bearer token is a secret reference, and a Slack URL from the environment',
        yaml: 'notifications:\n  contactPoints:\n    relay:\n      type: webhook\n      description: x\n      url: https://relay.example.com/alerts?team=demo&code=5xx\n      secret: { env: RELAY_TOKEN }\n    chat:\n      type: slack\n      description: x\n      channel: "#demo"\n      secret: { env: SLACK_URL }\n',
      },
    ],
    invalid: [
      {
        title: 'a Slack webhook URL written in a contact point',
        yaml: 'notifications:\n  contactPoints:\n    chat:\n      type: webhook\n      description: x\n      url: https://hooks.slack.com/services/T000/B000/XXXXXXXX\n',
        message: 'Unexpected Slack webhook URL https://hooks.slack.com/… written in the spec at notifications.contactPoints.chat.url, expected a secret reference',
      },
      {
        title: 'credentials in a URL',
        yaml: 'notifications:\n  contactPoints:\n    relay:\n      type: webhook\n      description: x\n      url: https://alert:hunter2@relay.example.com/hook\n',
        message: 'Unexpected credentials in the URL https://relay.example.com/…',
      },
      {
        title: 'a token in a query string',
        yaml: 'notifications:\n  contactPoints:\n    relay:\n      type: webhook\n      description: x\n      url: https://relay.example.com/hook?api_key=abc123\n',
        message: 'Unexpected query parameter "api_key" in the URL https://relay.example.com/…',
      },
      {
        title: 'a PagerDuty integration URL as an API override',
        yaml: 'notifications:\n  contactPoints:\n    pager:\n      type: pagerduty\n      description: x\n      url: https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue\n      secret: { env: PD_KEY }\n',
        message: 'Unexpected PagerDuty integration URL',
      },
      {
        title: 'a Discord webhook pasted into a description',
        yaml: "logs:\n  sources:\n    app: { selector: '{app=\"demo\"}', description: 'Errors are also posted to https://discord.com/api/webhooks/123/abcdef.' }\n",
        message: 'Unexpected Discord webhook URL https://discord.com/… written in the spec at logs.sources.app.description',
      },
    ],
  },
  run({ spec }, report) {
    for (const [pointer, text] of strings(spec, '')) {
      const where = () => pointer.slice(1).split('/').join('.');
      const token = TOKEN.exec(text);
      if (token) report({ pointer, message: `Unexpected Slack token ${token[0].slice(0, 5)}… written in the spec at ${where()}, ${SECRET_REF}` });
      for (const m of text.matchAll(URL_IN_TEXT)) {
        const found = secretInUrl(m[0]);
        if (found) {
          report({ pointer, message: `Unexpected ${found.what} at ${where()}, ${SECRET_REF}; use ${found.instead}` });
          break;
        }
      }
    }
  },
};
