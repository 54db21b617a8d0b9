import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

/** What `teamsapp provision --env dev` would have written: ids and the App Service host. */
export const PROVISIONED = {
  TEAMS_APP_ID: '7c1c6a39-2d5e-4c55-9a43-0a8f2f3b1e10',
  AAD_APP_CLIENT_ID: 'b8a5d1f2-34c6-4e7b-8f90-1a2b3c4d5e6f',
  AAD_APP_TENANT_ID: '4f0c2a1e-8d3b-4c5a-9e6f-7a8b9c0d1e2f',
  BOT_ID: '0d4e9f1a-6b2c-4d3e-8f5a-9b0c1d2e3f4a',
  TAB_DOMAIN: 'careerconvdev-x7k2.azurewebsites.net',
  TAB_ENDPOINT: 'https://careerconvdev-x7k2.azurewebsites.net',
};

export interface ScratchRepo {
  root: string;
  manifest: () => Record<string, unknown>;
  writeManifest: (manifest: unknown) => void;
  writeFile: (relative: string, data: Buffer | string) => void;
  remove: () => void;
}

/**
 * A copy of appPackage/, env/, the toolkit project files and infra/ in a temporary folder, with the
 * provisioned values in env/.env.dev (or, with `provisioned: false`, env/.env.dev as committed).
 */
export function scratchRepo({ provisioned = true }: { provisioned?: boolean } = {}): ScratchRepo {
  const root = mkdtempSync(path.join(tmpdir(), 'cc-package-'));
  cpSync(path.join(ROOT, 'appPackage'), path.join(root, 'appPackage'), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}build`),
  });
  cpSync(path.join(ROOT, 'env'), path.join(root, 'env'), {
    recursive: true,
    filter: (s) => !s.endsWith('.user'),
  });
  for (const file of ['teamsapp.yml', 'teamsapp.local.yml', 'infra'])
    cpSync(path.join(ROOT, file), path.join(root, file), { recursive: true });
  const envFile = path.join(root, 'env', '.env.dev');
  const filled = Object.entries(provisioned ? PROVISIONED : {}).reduce(
    (text, [name, value]) => text.replace(new RegExp(`^${name}=.*$`, 'm'), `${name}=${value}`),
    readFileSync(envFile, 'utf8'),
  );
  writeFileSync(envFile, filled);
  const manifestPath = path.join(root, 'appPackage', 'manifest.json');
  return {
    root,
    manifest: () => JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>,
    writeManifest: (manifest) => {
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    },
    writeFile: (relative, data) => {
      writeFileSync(path.join(root, relative), data);
    },
    remove: () => {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
