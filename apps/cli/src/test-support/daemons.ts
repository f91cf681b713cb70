/** A real Prometheus (`--web.enable-lifecycle`) and Alertmanager on loopback for the deploy tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, toolPath } from '@monspec/test-kit';
import type { DaemonTargets } from '../deploy/daemons.js';

async function ready(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} not ready after 30 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface Daemons {
  readonly targets: Required<DaemonTargets>;
  stop(): void;
}

/** Prometheus reading `rulesDir/*.yml` and Alertmanager started with `amFile` (both must exist), data under `root`. */
export async function startDaemons(root: string, rulesDir: string, amFile: string): Promise<Daemons> {
  writeFileSync(join(root, 'prometheus.yml'), `rule_files:\n  - ${rulesDir}/*.yml\n`);
  const [promPort, amPort] = [await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  const start = (bin: string, args: string[]) => children.push(spawn(bin, args, { stdio: 'ignore' }));
  start(toolPath('prometheus') ?? 'prometheus', [`--config.file=${join(root, 'prometheus.yml')}`, `--storage.tsdb.path=${join(root, 'prom-data')}`, `--web.listen-address=127.0.0.1:${promPort}`, '--web.enable-lifecycle', '--log.level=error']);
  start(toolPath('alertmanager') ?? 'alertmanager', [`--config.file=${amFile}`, `--storage.path=${join(root, 'am-data')}`, `--web.listen-address=127.0.0.1:${amPort}`, '--cluster.listen-address=', '--log.level=error']);
  const targets = { prometheus: { url: `http://127.0.0.1:${promPort}`, rulesDir }, alertmanager: { url: `http://127.0.0.1:${amPort}`, configFile: amFile } };
  const stop = () => {
    for (const c of children) if (c.pid !== undefined && c.exitCode === null) process.kill(c.pid, 'SIGTERM');
  };
  try {
    await Promise.all([ready(targets.prometheus.url), ready(targets.alertmanager.url)]);
  } catch (err) {
    stop();
    throw err;
  }
  return { targets, stop };
}
