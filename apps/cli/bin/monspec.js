#!/usr/bin/env node
// Committed shim so npm links the `monspec` bin at install time, before the first build.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
