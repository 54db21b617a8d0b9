'use strict';
// A tiny TypeScript loader for plain Node: each .ts/.tsx file is transpiled to CommonJS with esbuild's
// transformSync when it is first required (no type checking: that is `npm run typecheck`). Shared by
// scripts/run-ts.cjs (benches) and usable by bin/career-conversations.cjs: `require('../scripts/ts-loader.cjs').register()`.
const fs = require('node:fs');

let registered = false;

function register() {
  if (registered) return;
  registered = true;
  const { transformSync } = require('esbuild');
  for (const extension of ['.ts', '.tsx']) {
    require.extensions[extension] = (module, filename) => {
      const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
        loader: extension === '.tsx' ? 'tsx' : 'ts',
        format: 'cjs',
        target: 'node20',
        jsx: 'automatic',
        sourcefile: filename,
        sourcemap: 'inline',
      });
      module._compile(code, filename);
    };
  }
  if (typeof process.setSourceMapsEnabled === 'function') process.setSourceMapsEnabled(true);
}

module.exports = { register };
