import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './run-cli.js';

export interface WatchRun {
  readonly child: ChildProcess;
  /** Everything on stderr so far. */
  stderr(): string;
  /** Resolves once `re` has matched `count` times on stderr (fails after `timeoutMs`). */
  seen(re: RegExp, count?: number, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** `monspec build --watch …` as a child process whose stderr a test can wait on. */
export function startWatch(args: readonly string[], cwd?: string): WatchRun {
  const child = spawn(process.execPath, [BIN, 'build', '--watch', ...args], { env: { ...process.env, NO_COLOR: '1' }, ...(cwd ? { cwd } : {}) });
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of [...waiters]) w();
  });
  const closed = new Promise<number | null>((done) => child.on('close', done));
  return {
    child,
    stderr: () => stderr,
    seen(re, count = 1, timeoutMs = 45_000) {
      const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
      return new Promise<void>((done, fail) => {
        const check = () => {
          if ((stderr.match(global) ?? []).length >= count) {
            clearTimeout(timer);
            waiters.delete(check);
            done();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(new Error(`timed out waiting for ${count} × ${re}; stderr:\n${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      child.kill('SIGTERM');
      return closed;
    },
  };
}
