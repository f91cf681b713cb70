import type { Check } from './types.js';

/**
 * engine both makes Prometheus and Grafana evaluate every alert. Without one Alertmanager both send
 * to, each alert is delivered twice and Alertmanager's inhibitions never see Grafana's copies.
 */
export const alertEngineBoth: Check = {
  id: 'alert-engine-both',
  severity: 'error',
  description:
    'With service.alerting.engine both, service.alerting.alertmanagerUrl names the external Alertmanager Grafana forwards its copies to, so each alert is de-duplicated and inhibited in one place instead of delivered twice.',
  examples: {
    valid: [
      { title: 'one engine (the default)', yaml: 'environments:\n  prod:\n    description: x\n    default: true\n    overlay:\n      service:\n        alerting: { engine: grafana }\n' },
      { title: 'both, with the shared Alertmanager', yaml: 'environments:\n  prod:\n    description: x\n    default: true\n    overlay:\n      service:\n        alerting: { engine: both, alertmanagerUrl: "http://alertmanager:9093" }\n' },
    ],
    invalid: [{ title: 'both without an Alertmanager', yaml: 'environments:\n  prod:\n    description: x\n    default: true\n    overlay:\n      service:\n        alerting: { engine: both }\n', message: 'Unexpected engine both without service.alerting.alertmanagerUrl' }],
  },
  run({ spec }, report) {
    const alerting = spec.service?.alerting;
    if (alerting?.engine === 'both' && !alerting.alertmanagerUrl) {
      report({
        pointer: '/service/alerting/engine',
        message:
          'Unexpected engine both without service.alerting.alertmanagerUrl (every alert would be delivered twice, and inhibitions would miss the Grafana copies), expected the URL of the Alertmanager both engines send to, or a single engine',
      });
    }
  },
};
