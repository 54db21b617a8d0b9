// The Outlook meeting add-in: src/addin bundled for browsers into dist/web/addin (served under /addin).
// Office.js is not bundled: index.html loads it from Microsoft's CDN.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the add-in; `outdir` defaults to dist/web/addin. Returns the folder written. */
export async function buildAddin({
  production = true,
  outdir = path.join(root, 'dist', 'web', 'addin'),
} = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { addin: path.join(root, 'src', 'addin', 'main.tsx') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    minify: production,
    sourcemap: true,
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    logLevel: 'warning',
  });
  cpSync(path.join(root, 'src', 'addin', 'index.html'), path.join(outdir, 'index.html'));
  cpSync(path.join(root, 'src', 'addin', 'assets'), path.join(outdir, 'assets'), { recursive: true });
  return outdir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const outdir = await buildAddin({ production: !process.argv.includes('--dev') });
  console.log(
    `build-addin: ${path.relative(root, outdir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
