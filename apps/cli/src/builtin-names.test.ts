/**
 * Names that match JavaScript built-ins (issue #13: never crash): as a command, an environment, or a
 * key in a spec file they are usage errors or findings with a clear message, never an internal error.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_SPEC, copyEmbeddedSpec, runCli, tempDir } from './test-support/run-cli.js';

describe('built-in names on the command line and in a spec', () => {
  for (const name of ['constructor', '__proto__', 'toString']) {
    it(`command "${name}" is an unknown command (exit 2)`, () => {
      const r = runCli([name], tempDir());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Unexpected command "${name}"`);
      expect(r.stderr).not.toContain('internal error');
    });
  }

  it('--env __proto__ / constructor / toString is an unknown environment (exit 2) for validate and build', () => {
    const cwd = tempDir();
    for (const [command, env] of [['validate', '__proto__'], ['build', 'constructor'], ['validate', 'toString']] as const) {
      const r = runCli([command, '--spec', EMBEDDED_SPEC, '--env', env, ...(command === 'build' ? ['--out', join(cwd, 'out')] : [])], cwd);
      expect(r.code, `${command} --env ${env}`).toBe(2);
      expect(r.stderr).toContain(`Unexpected environment "${env}", expected one of: production, staging`);
    }
  });

  it('a __proto__ key in a spec file is a finding at file:line (exit 1)', () => {
    const spec = copyEmbeddedSpec();
    const file = join(spec, 'thresholds.yaml');
    const lines = readFileSync(file, 'utf8').split('\n').length;
    appendFileSync(file, '  __proto__:\n    polluted: true\n');
    const r = runCli(['validate', '--spec', spec], tempDir());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`thresholds.yaml:${lines}:3: error Unexpected name "__proto__" at thresholds.__proto__`);
  });
});
