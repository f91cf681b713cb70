/**
 * The spec as MCP resources: each spec file, a compact summary of the resolved model, every generated
 * artifact (generated in memory, as `monspec build` would write it) and each alert's runbook.
 */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { runbookDocument } from '@monspec/metrics-spec';
import type { Session } from './session.js';
import { modelSummary } from './summary.js';
import { ToolError } from './tool-error.js';

const MIME: ReadonlyArray<[RegExp, string]> = [
  [/\.ya?ml$/, 'application/yaml'],
  [/\.json$/, 'application/json'],
  [/\.md$/, 'text/markdown'],
  [/\.html$/, 'text/html'],
  [/\.svg$/, 'image/svg+xml'],
  [/\.css$/, 'text/css'],
  [/\.ts$/, 'text/x-typescript'],
];
const mimeOf = (path: string) => MIME.find(([re]) => re.test(path))?.[1] ?? 'text/plain';

/** A variable of a matched URI template, decoded (a client may percent-encode the slashes of a path). */
function variable(value: string | string[] | undefined): string {
  return decodeURIComponent(Array.isArray(value) ? value.join(',') : (value ?? ''));
}

export function registerResources(server: McpServer, session: Session): void {
  server.registerResource(
    'summary',
    'monspec://summary',
    { title: 'Resolved model summary', description: 'Services, metrics (meaning, unit), recording rules, thresholds, alerts, SLOs, dashboards and panels of the spec, compact: names and facts, not generated JSON.', mimeType: 'application/json' },
    (uri) => {
      const model = session.model();
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(modelSummary(model, session.files().map((f) => f.path)), null, 2) }] };
    },
  );

  server.registerResource(
    'spec-file',
    new ResourceTemplate('monspec://spec/{file}', {
      list: () => ({ resources: session.files().map((f) => ({ uri: `monspec://spec/${f.path}`, name: f.path, mimeType: 'application/yaml' })) }),
    }),
    { title: 'Spec file', description: 'A YAML file of the spec directory, as on disk.', mimeType: 'application/yaml' },
    (uri, vars) => {
      const name = variable(vars.file);
      const files = session.files();
      const file = files.find((f) => f.path === name);
      if (!file) throw new ToolError(`Unexpected spec file ${JSON.stringify(name)}, expected one of: ${files.map((f) => f.path).join(', ')}`);
      return { contents: [{ uri: uri.href, mimeType: 'application/yaml', text: file.text }] };
    },
  );

  server.registerResource(
    'artifact',
    new ResourceTemplate('monspec://artifacts/{+path}', {
      list: async () => {
        const model = session.model();
        return { resources: (await session.artifacts(model)).map((a) => ({ uri: `monspec://artifacts/${a.path}`, name: a.path, ...(a.title ? { description: a.title } : {}), mimeType: mimeOf(a.path) })) };
      },
    }),
    { title: 'Generated artifact', description: 'A file `monspec build` generates for the default environment (dashboards, rules, routing, docs), generated in memory from the spec as it is now.' },
    async (uri, vars) => {
      const path = variable(vars.path);
      const artifacts = await session.artifacts(session.model());
      const hit = artifacts.find((a) => a.path === path);
      if (!hit) throw new ToolError(`Unexpected artifact ${JSON.stringify(path)}, expected a path resources/list names (e.g. ${artifacts[0]?.path ?? 'manifest.json'})`);
      return { contents: [{ uri: uri.href, mimeType: mimeOf(path), text: hit.content }] };
    },
  );

  server.registerResource(
    'runbook',
    new ResourceTemplate('monspec://runbooks/{alert}', {
      list: () => ({ resources: [...new Set(session.model().alerts.map((a) => a.name))].map((name) => ({ uri: `monspec://runbooks/${name}`, name: `Runbook ${name}`, mimeType: 'text/markdown' })) }),
    }),
    { title: 'Runbook', description: "An alert's generated runbook (Markdown): meaning, impact, diagnosis with queries and links, mitigation, escalation.", mimeType: 'text/markdown' },
    async (uri, vars) => {
      const name = variable(vars.alert);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: await runbookText(session, name) }] };
    },
  );
}

/** An alert's generated runbook Markdown (docs/runbooks/NAME.md of the build). */
export async function runbookText(session: Session, alert: string): Promise<string> {
  const model = session.model();
  const path = `docs/${runbookDocument(alert)}`;
  const hit = (await session.artifacts(model)).find((a) => a.path === path);
  if (!hit) {
    const names = [...new Set(model.alerts.map((a) => a.name))];
    throw new ToolError(`Unexpected alert ${JSON.stringify(alert)}, expected one with a runbook: ${names.join(', ')}`);
  }
  return hit.content;
}
