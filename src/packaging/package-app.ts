import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEnvironment } from './env-files';
import { validateAgainstSchema } from './manifest-schema';
import type { PackageProblem } from './package-checks';
import { checkDomains, checkIcons, checkSingleSignOn } from './package-checks';
import { fillPlaceholders } from './placeholders';
import type { UnfilledPlaceholder } from './placeholders';
import { readProvisionWrittenNames } from './provisioned-names';
import { previewStandIns } from './stand-ins';
import type { ZipEntry } from './zip';
import { readZip, writeZip } from './zip';

export interface PackageOptions {
  /** Repository root (holds appPackage/ and env/). */
  root: string;
  env: string;
  processEnv?: Record<string, string | undefined>;
  /** Refuse stand-ins: every placeholder must be filled from the environment. */
  strict?: boolean;
}

export interface PackageResult {
  ok: boolean;
  /** Written only when every check passed. */
  zipPath: string | null;
  problems: PackageProblem[];
  envFiles: string[];
  /** Provision-written names that were unset and got a preview stand-in (never in `strict` mode). */
  standIns: string[];
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
  provisionWritten: ReadonlySet<string>,
): PackageProblem[] {
  const byName = new Map<string, string[]>();
  for (const u of unfilled) byName.set(u.name, [...(byName.get(u.name) ?? []), u.pointer]);
  return [...byName].map(([name, pointers]) => ({
    where: `manifest.json#${pointers[0] ?? '/'}`,
    message:
      `\${{${name}}} is not set in ${files}` +
      (pointers.length > 1 ? ` (used in ${pointers.length} places)` : '') +
      (provisionWritten.has(name)
        ? `; \`teamsapp provision --env ${env}\` writes it, or set it in the environment`
        : '; set it there or in the environment'),
  }));
}

/** Validates a built zip as it will be uploaded. */
export function validateZip(zip: Buffer): PackageProblem[] {
  return validateAppPackage(new Map(readZip(zip).map((e) => [e.name, e.data])));
}

/**
 * Fills `appPackage/manifest.json` from `env/.env.<env>`, validates it offline and writes
 * `appPackage/build/appPackage.<env>.zip`. Unset names that provisioning writes get stand-ins (see `standIns`)
 * unless `strict`; the stand-ins go through the same checks as real values.
 */
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
      standIns: [],
      problems: [
        { where: `env/.env.${env}`, message: error instanceof Error ? error.message : String(error) },
      ],
    };
  }
  const template = JSON.parse(readFileSync(path.join(appPackage, 'manifest.json'), 'utf8')) as unknown;
  // Before provisioning, what provision writes gets a clearly fake stand-in (unless strict), so the rest is checked.
  const unset = fillPlaceholders(template, loaded.values).unfilled.map((u) => u.name);
  const provisionWritten =
    unset.length === 0 ? new Set<string>() : readProvisionWrittenNames(root, env).names;
  const preview = options.strict ? {} : previewStandIns(unset, provisionWritten, env);
  const standIns = Object.keys(preview);
  const filled = fillPlaceholders(template, { ...loaded.values, ...preview });
  const problems: PackageProblem[] = unfilledProblems(
    filled.unfilled,
    loaded.files.join(' + ') || `env/.env.${env}`,
    env,
    provisionWritten,
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
  if (problems.length > 0) return { ok: false, zipPath: null, problems, envFiles: loaded.files, standIns };
  mkdirSync(path.dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, zip);
  return { ok: true, zipPath, problems: [], envFiles: loaded.files, standIns };
}
