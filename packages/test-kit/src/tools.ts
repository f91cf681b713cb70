/**
 * The real tools the tests run: where each is, and one rule for when one is missing: locally the
 * tests that need it skip with a reason; in CI (`isCi`) a missing tool fails the test file instead,
 * so CI never passes by skipping. Install them with `bash scripts/install-tools.sh`.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { isCi } from './ci.js';

export type Tool = 'promtool' | 'amtool' | 'prometheus' | 'alertmanager' | 'chromium';

interface ToolInfo {
  /** Executable names looked up on PATH, first found wins (Debian names Alertmanager's `prometheus-alertmanager`). */
  readonly names: readonly string[];
  /** An environment variable that names the executable instead (a path, or a name looked up on PATH). */
  readonly env: string;
  /** The Debian package that installs it. */
  readonly debian: string;
}

const TOOLS: Readonly<Record<Tool, ToolInfo>> = {
  promtool: { names: ['promtool'], env: 'PROMTOOL', debian: 'prometheus' },
  amtool: { names: ['amtool'], env: 'AMTOOL', debian: 'prometheus-alertmanager' },
  prometheus: { names: ['prometheus'], env: 'PROMETHEUS_BIN', debian: 'prometheus' },
  alertmanager: { names: ['prometheus-alertmanager', 'alertmanager'], env: 'ALERTMANAGER_BIN', debian: 'prometheus-alertmanager' },
  chromium: { names: ['chromium', 'chromium-browser'], env: 'CHROMIUM_BIN', debian: 'chromium' },
};

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  if (isAbsolute(name)) return executable(name) ? name : undefined;
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir !== '' && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The absolute path of `tool` (its environment variable first, then PATH), or undefined when it is not installed. */
export function toolPath(tool: Tool, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const info = TOOLS[tool];
  const named = env[info.env];
  if (named !== undefined && named !== '') return onPath(named, env);
  for (const name of info.names) {
    const found = onPath(name, env);
    if (found !== undefined) return found;
  }
  return undefined;
}

export interface ToolRequirement {
  /** True only locally, when a tool is missing: pass to `describe.skipIf` / `it.skipIf`. */
  readonly skip: boolean;
  /** Why it skips (empty when it runs), for the test's title. */
  readonly reason: string;
}

/**
 * Whether the tests needing `tools` can run. Locally a missing tool means skip, with the reason;
 * in CI it throws, so the test file fails instead of skipping.
 */
export function requireTools(tools: readonly Tool[], env: NodeJS.ProcessEnv = process.env): ToolRequirement {
  const missing = tools.filter((t) => toolPath(t, env) === undefined);
  if (missing.length === 0) return { skip: false, reason: '' };
  const what = missing.map((t) => `${t} (Debian package ${TOOLS[t].debian}, or set ${TOOLS[t].env})`).join(', ');
  if (isCi(env)) throw new Error(`Unexpected missing ${what} with CI=true, expected every tool installed: run bash scripts/install-tools.sh`);
  return { skip: true, reason: `(skipped: ${what} not installed; required in CI)` };
}
