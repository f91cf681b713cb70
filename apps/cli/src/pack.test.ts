/**
 * The CLI as a package outside this repository (issue #14): `npm pack` of apps/cli installs into an
 * empty directory, locally (npx) and globally, and the README's "Use it for your own service" block
 * runs verbatim there. npm installs the dependencies from its cache where it can (prefer-offline).
 * Slow (two installs), but it runs in `npm test` and under CI=true like every other test.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireTools } from '@monspec/test-kit';
import { tempDir } from './test-support/run-cli.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI_DIR = join(REPO_ROOT, 'apps', 'cli');
const tools = requireTools(['promtool', 'amtool']);
const run = tools.skip ? describe.skip : describe;

const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };

/** Runs a shell script without blocking the test worker (an install takes a while). */
function sh(script: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-e', '-c', script], { cwd, env: { ...process.env, ...NPM_ENV, ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out }));
  });
}

/** The fenced block after the README's `own-service` marker, exactly as printed. */
function readmeBlock(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const m = /<!-- own-service:[^>]*-->\n```sh\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README.md has no own-service block');
  return m[1] as string;
}

run('the packed CLI outside this repository (npm pack + install, real promtool and amtool)', () => {
  it("README's \"Use it for your own service\" block runs verbatim in an empty repository next to a monspec checkout", async () => {
    const root = tempDir('monspec-pack-');
    symlinkSync(REPO_ROOT, join(root, 'monspec'));
    const service = join(root, 'my-service');
    mkdirSync(service);
    const r = await sh(readmeBlock(), service);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('✓ all tool checks passed');
    expect(r.out).toContain('✓ generated files are up to date');
    // The package carries no workspace (private, unpublished) dependency.
    const installed = JSON.parse(readFileSync(join(service, 'node_modules', '@monspec', 'cli', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(installed.dependencies).filter((d) => d.startsWith('@monspec/'))).toEqual([]);
    // The schema the starter names resolves from each spec file.
    const service_yaml = readFileSync(join(service, 'monitoring', 'service.yaml'), 'utf8');
    const schema = /\$schema=(.*)/.exec(service_yaml)?.[1] as string;
    expect(existsSync(resolve(service, 'monitoring', schema)), schema).toBe(true);
    // Nothing of the tunnel's leaked in.
    expect(readdirSync(join(service, 'generated'))).toEqual(['production', 'staging']);
    expect(readFileSync(join(service, 'generated', 'production', 'manifest.json'), 'utf8')).toContain('"service": "checkout"');
  }, 600_000);

  it('a global install runs from an empty directory, and without a spec there says how to make one', async () => {
    const root = tempDir('monspec-pack-');
    const packed = await sh(`npm pack ${JSON.stringify(CLI_DIR)} --pack-destination . --silent`, root);
    expect(packed.code, packed.out).toBe(0);
    const tgz = readdirSync(root).find((f) => f.endsWith('.tgz')) as string;
    const installed = await sh(`npm install --global --prefix ./global ./${tgz}`, root);
    expect(installed.code, installed.out).toBe(0);
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const bin = join(root, 'global', 'bin');
    const none = await sh('monspec validate || echo "exit $?"', empty, { PATH: `${bin}:${process.env.PATH}` });
    expect(none.out).toContain('no spec found: expected ./monitoring/ or --spec DIR');
    expect(none.out).toContain('exit 2');
    const flow = await sh('monspec init monitoring --service checkout && monspec build --all-envs && monspec validate --all-envs', empty, { PATH: `${bin}:${process.env.PATH}` });
    expect(flow.code, flow.out).toBe(0);
    expect(flow.out).toContain('✓ monitoring (staging)');
    // The MCP server's SDK is a dependency of the package, loaded only by `monspec mcp`: it answers from the install too.
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'sh', version: '1' } } });
    const mcp = await sh(`printf '%s\\n' '${initialize}' | monspec mcp --spec monitoring`, empty, { PATH: `${bin}:${process.env.PATH}` });
    expect(mcp.code, mcp.out).toBe(0);
    expect(mcp.out).toContain('"serverInfo":{"name":"monspec"');
  }, 600_000);
});
