// Production build: the server and CLI bundled for Node, then the tab and the add-in for browsers.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const { precompile } = createRequire(import.meta.url)('./native-async.cjs');

const started = Date.now();
await build({
  entryPoints: { 'server/main': 'src/server/main.ts', 'cli/main': 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// botbuilder's async functions, rewritten from ES2015 generators to native ones (see src/server/bot-framework-loading.ts).
precompile('node_modules', 'dist/native-async');

// The browser surfaces own their build scripts; each exports `buildWeb()` / `buildAddin()`.
for (const [file, name] of [
  ['scripts/build-web.mjs', 'buildWeb'],
  ['scripts/build-addin.mjs', 'buildAddin'],
]) {
  if (!existsSync(file)) continue;
  const mod = await import(pathToFileURL(file).href);
  if (typeof mod[name] === 'function') await mod[name]({ production: true });
}
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
