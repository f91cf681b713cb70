/**
 * `tunnel-simulator [--host 127.0.0.1] [--port 8080] [--scenario healthy] [--rename-metric]
 * [--log-file PATH] [--tick-ms 100]`: starts the simulated streaming-proxy. Prints one line
 * `tunnel-simulator listening on http://HOST:PORT` once it accepts connections (port 0 picks a free port).
 */
import { createWriteStream, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Registry } from 'prom-client';
import { createProcessMetrics, createServiceMetrics, SERVICE } from './generated/metrics.js';
import { jsonLogger } from './log.js';
import { isScenario, SCENARIOS } from './scenarios.js';
import { createSimulatorServer } from './server.js';
import { Simulator } from './simulator.js';

const USAGE = `usage: tunnel-simulator [--host 127.0.0.1] [--port 8080] [--scenario ${SCENARIOS.join('|')}] [--rename-metric] [--log-file PATH] [--tick-ms 100]`;

function openFds(): number {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return 0;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8080' },
        scenario: { type: 'string', default: 'healthy' },
        'rename-metric': { type: 'boolean', default: false },
        'log-file': { type: 'string' },
        'tick-ms': { type: 'string', default: '100' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  const tickMs = Number(values['tick-ms']);
  if (!isScenario(values.scenario) || !Number.isInteger(port) || port < 0 || !(tickMs > 0)) {
    console.error(USAGE);
    return 2;
  }
  const registry = new Registry();
  const logOut = values['log-file'] ? createWriteStream(values['log-file'], { flags: 'a' }) : process.stdout;
  const simulator = new Simulator(createServiceMetrics(registry), createProcessMetrics(registry), jsonLogger(logOut, SERVICE.name), tickMs, values.scenario);
  const server = createSimulatorServer({
    registry,
    simulator,
    metricsPath: SERVICE.metricsPath,
    renameMetric: values['rename-metric'],
    beforeScrape: () => simulator.setOpenFds(openFds()),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, values.host, resolve);
  });
  const timer = setInterval(() => simulator.tick(), tickMs);
  const { port: bound } = server.address() as AddressInfo;
  console.log(`tunnel-simulator listening on http://${values.host}:${bound} (scenario ${simulator.scenario}, metrics at ${SERVICE.metricsPath})`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      clearInterval(timer);
      server.close(() => {
        if (logOut !== process.stdout) logOut.end();
        resolve(0);
      });
      server.closeAllConnections();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
