// What the benchmarks share: medians, a timed run of the compiled CLI, and its --timings line.
import { spawnSync } from 'node:child_process';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs node with `args` in `cwd`; wall milliseconds and stderr. Throws on a non-zero exit. */
export function timed(args, cwd) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { ms, stderr: r.stderr };
}

/** The `{"timings": …, "maxRssMiB": …}` line `build --timings` prints last on stderr. */
export function lastJson(stderr) {
  const line = stderr.trim().split('\n').reverse().find((l) => l.startsWith('{"timings"'));
  return line ? JSON.parse(line) : undefined;
}

export const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
