/**
 * Tunnel simulator processes of the e2e stack. Each has a fixed port for its whole life, so it can
 * be stopped (by PID) and started again as the same scrape target: that is how the suite takes a
 * replica down and brings it back. Its error log is appended to across restarts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopDaemon } from './processes.js';

const SIMULATOR_BIN = resolve(fileURLToPath(import.meta.url), '../../../bin/tunnel-simulator.js');

export class SimulatorProcess {
  private child: ChildProcess | undefined;

  constructor(
    readonly name: string,
    readonly port: number,
    readonly errorLog: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The scrape target, which is also Prometheus's `instance` label for it. */
  get target(): string {
    return `127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and resolves once it prints that it listens. */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    const child = spawn(process.execPath, [SIMULATOR_BIN, '--port', String(this.port), '--log-file', this.errorLog], { stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    let out = '';
    child.stdout?.setEncoding('utf8');
    await new Promise<void>((resolveStarted, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not start: ${out}`)), 10_000);
      child.stdout?.on('data', (chunk: string) => {
        out += chunk;
        if (out.includes(`listening on ${this.url}`)) {
          clearTimeout(timer);
          resolveStarted();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited (${code}): ${out}`));
      });
    });
  }

  /** SIGTERM by PID and wait for the exit; a no-op when it is not running. */
  async stop(): Promise<string> {
    if (!this.child) return 'never started';
    return `${this.name} (pid ${this.child.pid}): ${await stopDaemon({ child: this.child })}`;
  }
}
