import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from './package-checks';
import { packageApp } from './package-app';
import { encodePng } from './png';
import { colorIcon, outlineIcon } from './product-icons';

/** The icon files this repository commits, and how each is drawn. */
export const ICON_FILES: readonly { file: string; draw: () => Buffer }[] = [
  { file: 'appPackage/color.png', draw: () => encodePng(colorIcon(192)) },
  { file: 'appPackage/outline.png', draw: () => encodePng(outlineIcon(32)) },
  { file: 'src/addin/assets/icon-16.png', draw: () => encodePng(colorIcon(16)) },
  { file: 'src/addin/assets/icon-32.png', draw: () => encodePng(colorIcon(32)) },
  { file: 'src/addin/assets/icon-80.png', draw: () => encodePng(colorIcon(80)) },
];

const USAGE = 'usage: npm run package -- --env <name> [--strict]   |   npm run package -- icons';

/**
 * `npm run package -- --env dev` builds and checks the app package (`--strict`: no preview stand-ins);
 * `npm run package -- icons` redraws the icons.
 */
export function main(argv: readonly string[], root: string): number {
  if (argv[0] === 'icons') {
    for (const { file, draw } of ICON_FILES) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), draw());
      process.stdout.write(`drew ${file}\n`);
    }
    return 0;
  }
  const at = argv.findIndex((a) => a === '--env' || a.startsWith('--env='));
  const env = at < 0 ? undefined : argv[at]?.includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  if (!env || env.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const strict = argv.includes('--strict');
  const result = packageApp({ root, env, processEnv: process.env, strict });
  if (!result.ok) {
    process.stderr.write(`appPackage (${env}): ${result.problems.length} problem(s)\n`);
    for (const problem of result.problems) process.stderr.write(`  - ${formatProblem(problem)}\n`);
    return 1;
  }
  process.stdout.write(
    `${path.relative(root, result.zipPath ?? '')}: valid (schema, placeholders, icons, domains) from ${result.envFiles.join(', ')}\n`,
  );
  const count = result.standIns.length;
  if (count > 0) {
    process.stdout.write(
      `  preview: env/.env.${env} is not provisioned yet, so ${count} ${count === 1 ? 'value uses' : 'values use'} stand-ins: ` +
        `${result.standIns.join(', ')}; run \`teamsapp provision --env ${env}\` before uploading this package ` +
        '(`--strict` refuses stand-ins)\n',
    );
  }
  return 0;
}
