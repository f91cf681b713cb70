#!/usr/bin/env node
// Committed shim so npm links the `monspec` bin at install time, before the first build. It runs the
// bundle (scripts/bundle.mjs): the CLI with the workspace packages inlined, as `npm pack` ships it.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
