/** A demo spec folder and a Grafana double for the plan/apply tests, and the CLI run against them. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SPEC, writeFiles } from '@monspec/test-kit';
import { startGrafanaDouble, type GrafanaDouble } from './grafana-double.js';
import { runCliAsync, tempDir, type CliRun } from './run-cli.js';

export interface DeployFixture {
  readonly spec: string;
  readonly grafana: GrafanaDouble;
  run(...args: string[]): Promise<CliRun>;
  /** `run` with more environment variables (e.g. a contact point's secret). */
  runEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun>;
  /** Replaces `from` by `to` in one of the spec's files (it must occur). */
  editSpec(file: string, from: string, to: string): void;
}

export async function deployFixture(): Promise<DeployFixture> {
  const spec = writeFiles(DEMO_SPEC.map((f) => ({ path: f.path, content: f.text })), tempDir('monspec-deploy-'));
  const grafana = await startGrafanaDouble();
  return {
    spec,
    grafana,
    run: (...args) => runCliAsync([...args, '--spec', spec], spec, { GRAFANA_URL: grafana.url, GRAFANA_TOKEN: grafana.token, GRAFANA_SERVICE_ACCOUNT_TOKEN: '' }),
    runEnv: (env, ...args) => runCliAsync([...args, '--spec', spec], spec, { GRAFANA_URL: grafana.url, GRAFANA_TOKEN: grafana.token, GRAFANA_SERVICE_ACCOUNT_TOKEN: '', ...env }),
    editSpec(file, from, to) {
      const path = join(spec, file);
      const text = readFileSync(path, 'utf8');
      if (!text.includes(from)) throw new Error(`${from} is not in ${file}`);
      writeFileSync(path, text.replace(from, to));
    },
  };
}
