import { describe, expect, it } from 'vitest';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import { exampleModel as model } from './test-support/example-model.js';
import { alertDashboardUrl, runbookDocument, runbookLink } from './links.js';
import { errorLinesQuery, patternLinesQuery } from './log-queries.js';

describe('runbook links', () => {
  it('points at the generated Markdown when the service publishes no runbooks', () => {
    expect(runbookDocument('DemoHighErrorRate')).toBe('runbooks/DemoHighErrorRate.md');
    expect(runbookLink(model(), 'DemoHighErrorRate')).toBe('docs/runbooks/DemoHighErrorRate.md');
  });
  it('points at the published page when runbookBaseUrl is set', () => {
    const base = EXAMPLE_BASE_SPEC['base.yaml'] as string;
    const published = model({ 'base.yaml': base.replace('  seriesBudget: 1000\n', '  seriesBudget: 1000\n  runbookBaseUrl: https://docs.example.com/runbooks\n') });
    expect(runbookLink(published, 'DemoHighErrorRate')).toBe('https://docs.example.com/runbooks/DemoHighErrorRate.html');
  });
});

describe('alertDashboardUrl', () => {
  it("opens the alert's panel", () => {
    const m = model();
    const alert = m.alerts.find((a) => a.name === 'DemoHighErrorRate');
    const panel = m.dashboards.find((d) => d.uid === 'demo')?.panels.find((p) => p.key === 'errors');
    expect(alert && alertDashboardUrl(m, alert)).toBe(`https://grafana.example.com/d/demo/demo?orgId=1&from=now-6h&to=now&timezone=browser&refresh=30s&viewPanel=${panel?.id}`);
  });
});

describe('errorLinesQuery', () => {
  it('appends the error filter to the selector, or gives the selector alone', () => {
    expect(errorLinesQuery({ selector: '{app="demo"}', errorFilter: '|= "error"' })).toBe('{app="demo"} |= "error"');
    expect(errorLinesQuery({ selector: '{app="demo"}', errorFilter: undefined })).toBe('{app="demo"}');
    expect(errorLinesQuery({ selector: '{app="demo"}' })).toBe('{app="demo"}');
  });
});

describe('patternLinesQuery', () => {
  it('filters the source by the pattern as a raw (backtick) LogQL string, or a quoted one when the pattern holds a backtick', () => {
    expect(patternLinesQuery({ selector: '{app="demo"}' }, { match: '(?i)timed out\\s+\\d+' })).toBe('{app="demo"} |~ `(?i)timed out\\s+\\d+`');
    expect(patternLinesQuery({ selector: '{app="demo"}' }, { match: 'a`b\\d' })).toBe('{app="demo"} |~ "a`b\\\\d"');
  });
});
