#!/usr/bin/env node
'use strict';
// Runs a TypeScript file in plain Node, e.g. `node scripts/run-ts.cjs bench/sync-bench.ts --users 1000`,
// through the shared esbuild require hook in scripts/ts-loader.cjs. The Bot Framework packages load as the
// production build runs them (async functions rewritten, see src/server/bot-framework-loading.ts), from a
// cache below node_modules, unless `--bot-framework-as-shipped` comes before the file (the bot bench's floor).
const path = require('node:path');
const { register } = require('./ts-loader.cjs');

const args = process.argv.slice(2);
const asShipped = args[0] === '--bot-framework-as-shipped';
const [file, ...rest] = asShipped ? args.slice(1) : args;
if (!file) {
  process.stderr.write('Usage: node scripts/run-ts.cjs [--bot-framework-as-shipped] <file.ts> [args...]\n');
  process.exit(2);
}
register();
if (!asShipped) {
  const rewritten = require('./native-async.cjs').ensureCache(path.resolve(__dirname, '..', 'node_modules'));
  require('../src/server/bot-framework-loading.ts').loadBotFrameworkFrom(rewritten);
}
const entry = path.resolve(file);
process.argv = [process.argv[0], entry, ...rest];
require(entry);
