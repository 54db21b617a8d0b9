#!/usr/bin/env node
'use strict';
// Runs a TypeScript file in plain Node, e.g. `node scripts/run-ts.cjs bench/sync-bench.ts --users 1000`,
// through the shared esbuild require hook in scripts/ts-loader.cjs.
const path = require('node:path');
const { register } = require('./ts-loader.cjs');

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  process.stderr.write('Usage: node scripts/run-ts.cjs <file.ts> [args...]\n');
  process.exit(2);
}
register();
const entry = path.resolve(file);
process.argv = [process.argv[0], entry, ...rest];
require(entry);
