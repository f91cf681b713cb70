#!/usr/bin/env node
// Committed shim so npm links the `monspec` bin at install time, before the first build. It runs the
// bundle (scripts/bundle.mjs: the CLI and its packages in one file, as `npm pack` ships it) through
// the V8 code cache (src/startup/compile-cache.ts). CommonJS (bin/package.json): an ES module entry
// would start Node's ESM loader, ~10 ms of every run.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file (bin/package.json), see above */
const { join } = require('node:path');

require('../dist/bundle/start.js')
  .start(join(__dirname, '..', 'dist', 'bundle'), process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
