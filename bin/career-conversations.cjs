#!/usr/bin/env node
'use strict';
// `career-conversations`: the support command line. It runs the build (dist/cli/main.js, from `npm run build`)
// when there is one; in a fresh clone it compiles the TypeScript sources on the fly with esbuild instead, so
// no build step is needed. CAREER_CONVERSATIONS_FROM_SOURCE=1 always uses the sources (tests do).
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function fromBuild() {
  const built = path.join(root, 'dist', 'cli', 'main.js');
  if (process.env.CAREER_CONVERSATIONS_FROM_SOURCE === '1' || !fs.existsSync(built)) return null;
  try {
    const cli = require(built);
    return typeof cli.main === 'function' ? cli : null;
  } catch {
    return null; // an old or partial build: the sources still work
  }
}

function fromSource() {
  let transformSync;
  try {
    ({ transformSync } = require('esbuild'));
  } catch {
    process.stderr.write(
      'career-conversations: there is no build in dist/ and esbuild is not installed to run the sources.\n' +
        'Run `npm install` (or `npm run build`) in the project folder first.\n',
    );
    process.exit(1);
  }
  // A tiny TypeScript loader: each .ts file is transpiled to CommonJS when it is first required (no type checks).
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const { code } = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'inline',
    });
    module._compile(code, filename);
  };
  if (typeof process.setSourceMapsEnabled === 'function') process.setSourceMapsEnabled(true);
  return require(path.join(root, 'src', 'cli', 'main.ts'));
}

(fromBuild() ?? fromSource()).main();
