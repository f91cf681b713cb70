/* Generated from schema/monspec.schema.json by scripts/gen-types.mjs. Do not edit. */
/** The schema's `default` keywords by $defs name and property path (resolve.ts fills them in). */
export const SCHEMA_DEFAULTS = {
  "service": {
    "metricsPath": "/metrics",
    "scrape": {
      "interval": "15s",
      "retention": "15d"
    },
    "replicas": 1,
    "grafana": {
      "url": "http://localhost:3000"
    },
    "datasources": {
      "prometheus": {
        "uid": "monspec-prometheus",
        "name": "monspec-prometheus",
        "url": "http://prometheus:9090",
        "provision": true
      },
      "loki": {
        "uid": "monspec-loki",
        "name": "monspec-loki",
        "url": "http://loki:3100",
        "provision": true
      }
    },
    "alerting": {
      "engine": "prometheus",
      "evaluationInterval": "1m",
      "ruler": {
        "kubernetesNamespace": "monitoring",
        "partialResponseStrategy": "abort"
      }
    }
  },
  "metric": {
    "origin": "service"
  },
  "threshold": {
    "direction": "higher_is_worse",
    "states": {
      "ok": "ok",
      "warning": "warning",
      "critical": "critical"
    }
  },
  "alertTest": {
    "interval": "1m"
  },
  "alertEntry": {
    "datasource": "prometheus",
    "for": "0s",
    "execErrState": "Error"
  },
  "burnRateWindow": {
    "for": "0s"
  },
  "slo": {
    "window": "30d"
  },
  "panel": {
    "logsLink": false
  },
  "dashboardVariable": {
    "multi": true,
    "includeAll": true
  },
  "dashboard": {
    "tags": [],
    "refresh": "30s",
    "time": {
      "from": "now-6h",
      "to": "now"
    },
    "timeOptions": [
      "5m",
      "15m",
      "1h",
      "6h",
      "12h",
      "24h",
      "2d",
      "7d",
      "30d"
    ]
  },
  "notifications": {
    "groupBy": [
      "alertname"
    ],
    "smtp": {
      "requireTls": true
    }
  }
} as const;
