import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageApp, validateZip } from '../../../src/packaging/package-app';
import { formatProblem } from '../../../src/packaging/package-checks';
import { encodePng } from '../../../src/packaging/png';
import { readZip } from '../../../src/packaging/zip';
import type { ScratchRepo } from './support';
import { PROVISIONED, ROOT, scratchRepo } from './support';

function runPackageScript(
  env: Record<string, string>,
  flags: string[] = [],
): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['scripts/package-app.mjs', '--env', 'dev', ...flags], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('npm run package -- --env dev', () => {
  it('builds a zip that passes every check from the committed dev template plus what provision writes', () => {
    const run = runPackageScript(PROVISIONED);
    expect(run.output).toContain('appPackage/build/appPackage.dev.zip: valid');
    expect(run.status).toBe(0);
    const entries = readZip(readFileSync(path.join(ROOT, 'appPackage/build/appPackage.dev.zip')));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = entries[0]!.data.toString('utf8');
    expect(manifest).not.toContain('${{');
    expect(JSON.parse(manifest)).toMatchObject({
      id: PROVISIONED.TEAMS_APP_ID,
      validDomains: [PROVISIONED.TAB_DOMAIN],
    });
    expect(run.output).not.toContain('preview:');
  });

  it('before provisioning, builds a preview zip with stand-ins for what provision writes, and says so', () => {
    const run = runPackageScript({});
    expect(run.status).toBe(0);
    expect(run.output).toContain(
      'appPackage/build/appPackage.dev.zip: valid (schema, placeholders, icons, domains) from env/.env.dev\n' +
        '  preview: env/.env.dev is not provisioned yet, so 6 values use stand-ins: ' +
        'TEAMS_APP_ID, TAB_ENDPOINT, BOT_ID, TAB_DOMAIN, AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID; ' +
        'run `teamsapp provision --env dev` before uploading this package (`--strict` refuses stand-ins)\n',
    );
    const zip = readFileSync(path.join(ROOT, 'appPackage/build/appPackage.dev.zip'));
    expect(validateZip(zip)).toEqual([]);
    expect(readZip(zip)[0]!.data.toString('utf8')).toContain('"dev.career-conversations.invalid"');
  });

  it('with --strict, fails before provisioning, naming each id and domain that provision writes', () => {
    const run = runPackageScript({}, ['--strict']);
    expect(run.status).toBe(1);
    for (const name of Object.keys(PROVISIONED))
      expect(run.output).toContain(`\${{${name}}} is not set in env/.env.dev`);
    expect(run.output).toMatch(/6 problem\(s\)/);
  });
});

describe('a broken app package is refused with the place and rule that failed', () => {
  let repo: ScratchRepo;
  beforeEach(() => {
    repo = scratchRepo();
  });
  afterEach(() => {
    repo.remove();
  });
  const build = (): string[] => {
    const result = packageApp({ root: repo.root, env: 'dev' });
    expect(result.ok).toBe(false);
    expect(existsSync(path.join(repo.root, 'appPackage/build/appPackage.dev.zip'))).toBe(false);
    return result.problems.map(formatProblem);
  };

  it('the scratch copy itself passes (so each case below fails for its own reason)', () => {
    expect(packageApp({ root: repo.root, env: 'dev' }).problems).toEqual([]);
  });

  it('a wrong type: version as a number', () => {
    repo.writeManifest({ ...repo.manifest(), version: 1 });
    expect(build()).toEqual(['manifest.json#/version: must be string [schema #/properties/version/type]']);
  });

  it('a missing required field: developer.privacyUrl', () => {
    const manifest = repo.manifest();
    delete (manifest.developer as Record<string, unknown>).privacyUrl;
    repo.writeManifest(manifest);
    expect(build()).toEqual([
      "manifest.json#/developer: must have required property 'privacyUrl' [schema #/properties/developer/required]",
    ]);
  });

  it('an unknown property inside the Outlook extension', () => {
    const manifest = repo.manifest();
    (manifest.extensions as Record<string, unknown>[])[0]!.taskPane = true;
    repo.writeManifest(manifest);
    expect(build()).toEqual([
      'manifest.json#/extensions/0: must NOT have additional properties (taskPane) [schema #/properties/extensions/items/additionalProperties]',
    ]);
  });

  it('a bot id that is not a GUID, with the schema rule behind it', () => {
    const manifest = repo.manifest();
    (manifest.bots as Record<string, unknown>[])[0]!.botId = 'career-bot';
    repo.writeManifest(manifest);
    expect(build()).toEqual([
      'manifest.json#/bots/0/botId: must match pattern "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$" [schema #/properties/bots/items/properties/botId/pattern]',
    ]);
  });

  it('an unfilled placeholder', () => {
    repo.writeManifest({ ...repo.manifest(), accentColor: '${{ACCENT_COLOR}}' });
    expect(build()).toEqual([
      'manifest.json#/accentColor: ${{ACCENT_COLOR}} is not set in env/.env.dev; set it there or in the environment',
    ]);
  });

  it('a URL off the valid domains', () => {
    const manifest = repo.manifest();
    (manifest.staticTabs as Record<string, unknown>[])[0]!.contentUrl = 'https://tabs.example.com/tab/';
    repo.writeManifest(manifest);
    expect(build()).toEqual([
      `manifest.json#/staticTabs/0/contentUrl: tabs.example.com is not in validDomains (${PROVISIONED.TAB_DOMAIN})`,
    ]);
  });

  it('an SSO resource that does not end with the app id', () => {
    const manifest = repo.manifest();
    (manifest.webApplicationInfo as Record<string, unknown>).resource =
      `api://${PROVISIONED.TAB_DOMAIN}/another-app`;
    repo.writeManifest(manifest);
    expect(build()).toEqual([
      `manifest.json#/webApplicationInfo/resource: must be api://<domain>/${PROVISIONED.AAD_APP_CLIENT_ID} so SSO tokens carry this app's id`,
    ]);
  });

  it('a colour icon of the wrong size', () => {
    repo.writeFile(
      'appPackage/color.png',
      encodePng({ width: 96, height: 96, pixels: new Uint8Array(96 * 96 * 4).fill(200) }),
    );
    expect(build()).toEqual(['color.png: the color icon must be 192×192 pixels; it is 96×96']);
  });

  it('an outline icon with a coloured pixel and an opaque background', () => {
    const pixels = new Uint8Array(32 * 32 * 4).fill(255);
    pixels.set([255, 0, 0, 255], (5 * 32 + 7) * 4);
    repo.writeFile('appPackage/outline.png', encodePng({ width: 32, height: 32, pixels }));
    expect(build()).toEqual([
      'outline.png: the outline icon must be white on transparent; 1 pixels are not white, first (7, 5) is rgb(255, 0, 0)',
      'outline.png: the outline icon must have a transparent background; a corner pixel is opaque',
    ]);
  });

  it('an environment that does not exist', () => {
    expect(packageApp({ root: repo.root, env: 'staging' }).problems.map(formatProblem)).toEqual([
      'env/.env.staging: env/.env.staging does not exist; create it from env/.env.dev',
    ]);
  });
});
