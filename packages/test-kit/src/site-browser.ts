/// <reference lib="dom" />
/**
 * A generated site in real headless Chromium (Debian `chromium` via playwright-core), for the browser
 * tests: the `site/` artifacts written to a temp folder, served from loopback, one browser context
 * whose console errors, page errors and CSP violations are collected. Each test adds its own watchers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { writeFiles } from './files.js';
import { requireTools, toolPath } from './tools.js';
import { chromium, type BrowserContext } from 'playwright-core';

/** Always in CI (CI=true: a missing Chromium fails); locally skipped, with the reason, without Chromium. */
export const chromiumTools = requireTools(['chromium']);

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

export interface SiteInBrowser {
  readonly origin: string;
  readonly context: BrowserContext;
  /** Paths the server answered, and those it did not have. */
  readonly served: string[];
  readonly notFound: string[];
  /** Console errors (CSP violations included) and uncaught page errors. */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/** Serves the `site/` files among `files` (generated artifacts, with or without the build's headers). */
export async function openSite(files: readonly { readonly path: string; readonly content: string }[]): Promise<SiteInBrowser> {
  const root = writeFiles(files.filter((a) => a.path.startsWith('site/')).map((a) => ({ path: a.path.slice('site/'.length), content: a.content })));
  const profile = mkdtempSync(join(tmpdir(), 'monspec-chromium-'));
  const served: string[] = [];
  const notFound: string[] = [];
  const consoleErrors: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file)) {
      notFound.push(path);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    served.push(path);
    res.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: toolPath('chromium') ?? 'chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  // Runs before any page script and outside the page's CSP, so a violation becomes a console error.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  context.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.location().url}: ${m.text()}`);
  });
  context.on('weberror', (e) => consoleErrors.push(String(e.error())));
  return {
    origin,
    context,
    served,
    notFound,
    consoleErrors,
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
