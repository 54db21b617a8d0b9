import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEnvironment } from './env-files';
import { validateAgainstSchema } from './manifest-schema';
import type { PackageProblem } from './package-checks';
import { checkDomains, checkIcons, checkSingleSignOn } from './package-checks';
import { fillPlaceholders } from './placeholders';
import type { UnfilledPlaceholder } from './placeholders';
import type { ZipEntry } from './zip';
import { readZip, writeZip } from './zip';

export interface PackageOptions {
  /** Repository root (holds appPackage/ and env/). */
  root: string;
  env: string;
  processEnv?: Record<string, string | undefined>;
}

export interface PackageResult {
  ok: boolean;
  /** Written only when every check passed. */
  zipPath: string | null;
  problems: PackageProblem[];
  envFiles: string[];
}

/** Checks an app package's files: schema (with the failing schema path), icons, domains, SSO resource. */
export function validateAppPackage(files: ReadonlyMap<string, Buffer>): PackageProblem[] {
  const text = files.get('manifest.json');
  if (!text) return [{ where: 'appPackage', message: 'manifest.json is missing from the package root' }];
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.toString('utf8'));
  } catch (error) {
    return [
      {
        where: 'manifest.json',
        message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
  // The schema checks some ribbon parts twice (through `dependencies`): report each failure once.
  const unique = new Map(validateAgainstSchema(manifest).map((p) => [`${p.pointer} ${p.message}`, p]));
  const schema = [...unique.values()].map((p) => ({
    where: `manifest.json#${p.pointer}`,
    message: p.message,
    schemaPath: p.schemaPath,
  }));
  return [
    ...schema,
    ...checkIcons(manifest, files),
    ...checkDomains(manifest),
    ...checkSingleSignOn(manifest),
  ];
}

function unfilledProblems(
  unfilled: readonly UnfilledPlaceholder[],
  files: string,
  env: string,
): PackageProblem[] {
  const byName = new Map<string, string[]>();
  for (const u of unfilled) byName.set(u.name, [...(byName.get(u.name) ?? []), u.pointer]);
  return [...byName].map(([name, pointers]) => ({
    where: `manifest.json#${pointers[0] ?? '/'}`,
    message:
      `\${{${name}}} is not set in ${files}` +
      (pointers.length > 1 ? ` (used in ${pointers.length} places)` : '') +
      `; \`teamsapp provision --env ${env}\` writes it, or set it in the environment`,
  }));
}

/** Validates a built zip as it will be uploaded. */
export function validateZip(zip: Buffer): PackageProblem[] {
  return validateAppPackage(new Map(readZip(zip).map((e) => [e.name, e.data])));
}

/** Fills `appPackage/manifest.json` from `env/.env.<env>`, validates it offline and writes `appPackage/build/appPackage.<env>.zip`. */
export function packageApp(options: PackageOptions): PackageResult {
  const { root, env } = options;
  const appPackage = path.join(root, 'appPackage');
  const zipPath = path.join(appPackage, 'build', `appPackage.${env}.zip`);
  rmSync(zipPath, { force: true });
  let loaded;
  try {
    loaded = loadEnvironment(root, env, options.processEnv);
  } catch (error) {
    return {
      ok: false,
      zipPath: null,
      envFiles: [],
      problems: [
        { where: `env/.env.${env}`, message: error instanceof Error ? error.message : String(error) },
      ],
    };
  }
  const template = JSON.parse(readFileSync(path.join(appPackage, 'manifest.json'), 'utf8')) as unknown;
  const filled = fillPlaceholders(template, loaded.values);
  const problems: PackageProblem[] = unfilledProblems(
    filled.unfilled,
    loaded.files.join(' + ') || `env/.env.${env}`,
    env,
  );
  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(filled.value, null, 2)}\n`) },
  ];
  const icons = (filled.value as { icons?: Record<string, unknown> }).icons ?? {};
  for (const file of [icons.color, icons.outline]) {
    if (typeof file !== 'string') continue;
    const source = path.join(appPackage, file);
    if (existsSync(source)) entries.push({ name: file, data: readFileSync(source) });
  }
  const zip = writeZip(entries);
  // A string still holding a placeholder fails the schema and domain rules too; its placeholder problem says it all.
  const pending = new Set(filled.unfilled.map((u) => `manifest.json#${u.pointer}`));
  problems.push(...validateZip(zip).filter((p) => !pending.has(p.where)));
  if (problems.length > 0) return { ok: false, zipPath: null, problems, envFiles: loaded.files };
  mkdirSync(path.dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, zip);
  return { ok: true, zipPath, problems: [], envFiles: loaded.files };
}
