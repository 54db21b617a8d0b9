// Builds the Teams personal tab for browsers: src/tab/main.tsx → dist/web/tab (ES modules, code split, hashed names).
// `node scripts/build-web.mjs [--dev] [--out <dir>]`, or `buildWeb()` from scripts/build.mjs.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ production?: boolean, outDir?: string }} [options]
 * @returns {Promise<{ outDir: string, entry: string, initialFiles: string[], allFiles: string[], metafile: import('esbuild').Metafile }>}
 */
export async function buildWeb(options = {}) {
  const production = options.production ?? true;
  const outDir = path.resolve(ROOT, options.outDir ?? 'dist/web/tab');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/tab/main.tsx' },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'edge109', 'firefox115', 'safari16'],
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    jsx: 'automatic',
    minify: production,
    sourcemap: true,
    legalComments: 'linked',
    metafile: true,
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    logLevel: 'warning',
  });

  const outputs = result.metafile.outputs;
  const relative = (file) => path.relative(outDir, path.resolve(ROOT, file)).split(path.sep).join('/');
  const entryKey = Object.keys(outputs).find((file) => outputs[file].entryPoint === 'src/tab/main.tsx');
  if (!entryKey) throw new Error('build-web: esbuild produced no output for src/tab/main.tsx');

  // The entry and every chunk it imports statically: what the browser fetches before "Next up" can render.
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entryKey);

  const template = await readFile(path.join(ROOT, 'src/tab/index.html'), 'utf8');
  const preload = [...initial]
    .filter((file) => file !== entryKey)
    .map((file) => `<link rel="modulepreload" href="./${relative(file)}" />`)
    .join('\n    ');
  const html = template
    .replace('<!-- preload -->', preload)
    .replace('<!-- entry -->', `<script type="module" src="./${relative(entryKey)}"></script>`);
  await writeFile(path.join(outDir, 'index.html'), html);

  const summary = {
    entry: relative(entryKey),
    initialFiles: [...initial].map(relative),
    allFiles: Object.keys(outputs).map(relative),
    /** Loaded only inside Teams or Outlook (the host SDK). */
    hostOnlyFiles: Object.keys(outputs)
      .filter((file) =>
        Object.keys(outputs[file].inputs).some((input) =>
          input.includes('node_modules/@microsoft/teams-js/'),
        ),
      )
      .map(relative),
  };
  // Read by the browser tests and the bench, which run the build in a child process.
  await writeFile(path.join(outDir, 'build-info.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return { outDir, ...summary, metafile: result.metafile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const out = process.argv.indexOf('--out');
  const built = await buildWeb({
    production: !process.argv.includes('--dev'),
    ...(out > 0 && process.argv[out + 1] ? { outDir: process.argv[out + 1] } : {}),
  });
  console.log(
    `build-web: ${built.initialFiles.length} initial file(s), entry ${built.entry}, in ${Date.now() - started} ms`,
  );
}
