// `npm run package -- --env <name>`: bundles src/packaging (TypeScript) with esbuild and runs it.
// Writes appPackage/build/appPackage.<name>.zip only when the package passes every offline check.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'tools', 'package-app.cjs');
mkdirSync(path.dirname(outfile), { recursive: true });
await build({
  entryPoints: [path.join(root, 'src', 'packaging', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const { main } = createRequire(import.meta.url)(outfile);
process.exitCode = main(process.argv.slice(2), root);
