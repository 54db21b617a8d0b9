import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageApp, validateZip } from '../../../src/packaging/package-app';
import { formatProblem } from '../../../src/packaging/package-checks';
import {
  bicepOutputNames,
  bicepTemplates,
  environmentFileWrites,
  readProvisionWrittenNames,
} from '../../../src/packaging/provisioned-names';
import { previewGuid, previewHost, previewStandIns, standInFor } from '../../../src/packaging/stand-ins';
import { readZip } from '../../../src/packaging/zip';
import { bicepOutputs, read, readProject } from '../deployment/support/read-deployment';
import type { ScratchRepo } from './support';
import { PROVISIONED, ROOT, scratchRepo } from './support';

const PROVISION_WRITTEN_IN_MANIFEST = [
  'TEAMS_APP_ID',
  'TAB_ENDPOINT',
  'BOT_ID',
  'TAB_DOMAIN',
  'AAD_APP_CLIENT_ID',
  'AAD_APP_TENANT_ID',
];
const GUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the names provisioning writes', () => {
  const yaml = [
    '# a comment: writeToEnvironmentFile',
    'version: v1.7',
    'provision:',
    '  - uses: aadApp/create',
    '    with:',
    '      name: app-${{TEAMSFX_ENV}}',
    '    writeToEnvironmentFile:',
    '      clientId: AAD_APP_CLIENT_ID # the app id',
    "      objectId: 'AAD_APP_OBJECT_ID'",
    '  - uses: arm/deploy',
    '    with:',
    '      templates:',
    '        - path: ./infra/azure.bicep',
    '          parameters: ./infra/azure.parameters.json',
    '  - writeToEnvironmentFile:',
    '      teamsAppId: TEAMS_APP_ID',
    '    uses: teamsApp/create',
    'publish:',
    '  - uses: teamsApp/publishAppPackage',
    '    writeToEnvironmentFile:',
    '      publishedAppId: TEAMS_APP_PUBLISHED_APP_ID',
  ].join('\n');

  it('are the values under writeToEnvironmentFile in the provision lifecycle', () => {
    expect(environmentFileWrites(yaml)).toEqual(['AAD_APP_CLIENT_ID', 'AAD_APP_OBJECT_ID', 'TEAMS_APP_ID']);
    expect(environmentFileWrites(yaml, 'publish')).toEqual(['TEAMS_APP_PUBLISHED_APP_ID']);
  });

  it('and the outputs of the Bicep templates arm/deploy deploys, upper-cased as the toolkit writes them', () => {
    expect(bicepTemplates(yaml)).toEqual(['./infra/azure.bicep']);
    const bicep = [
      "param location string = 'westeurope'",
      'output TAB_DOMAIN string = webApp.properties.defaultHostName',
      "output tabEndpoint string = 'https://${webApp.properties.defaultHostName}'",
      'output settings object = { a: 1 }',
    ].join('\n');
    expect(bicepOutputNames(bicep)).toEqual(['TAB_DOMAIN', 'TABENDPOINT']);
  });

  it.each([
    ['teamsapp.yml', 'dev'],
    ['teamsapp.local.yml', 'local'],
  ])('agree with the full YAML reading of %s (env %s)', (file, env) => {
    const actions = readProject(file).actions.filter((a) => a.lifecycle === 'provision');
    const expected = actions.flatMap((a) => [
      ...Object.values(a.writes),
      ...(a.uses === 'arm/deploy' && Array.isArray(a.with.templates)
        ? (a.with.templates as Record<string, string>[]).flatMap((t) => bicepOutputs(read(String(t.path))))
        : []),
    ]);
    const { projectFile, names } = readProvisionWrittenNames(ROOT, env);
    expect(projectFile).toBe(file);
    expect([...names].sort()).toEqual([...new Set(expected)].sort());
  });

  it('for dev include every id and host in the manifest, and nothing a person sets', () => {
    const { names } = readProvisionWrittenNames(ROOT, 'dev');
    for (const name of [...PROVISION_WRITTEN_IN_MANIFEST, 'BOT_DOMAIN']) expect(names).toContain(name);
    for (const name of ['AZURE_SUBSCRIPTION_ID', 'WEB_APP_SKU', 'TEAMSFX_ENV'])
      expect(names).not.toContain(name);
  });

  it('for local leave out the tunnel host, which the person sets', () => {
    const { names } = readProvisionWrittenNames(ROOT, 'local');
    expect(names).toContain('TEAMS_APP_ID');
    expect(names).not.toContain('TAB_DOMAIN');
    expect(names).not.toContain('TAB_ENDPOINT');
  });
});

describe('preview stand-ins', () => {
  it('are deterministic version-5 GUIDs for ids, one per environment and name', () => {
    expect(previewGuid('dev', 'TEAMS_APP_ID')).toBe('f9fa26ab-0ddf-5518-8ee8-63c63133d25c');
    expect(previewGuid('dev', 'TEAMS_APP_ID')).toBe(previewGuid('dev', 'TEAMS_APP_ID'));
    const all = ['dev', 'prod'].flatMap((env) =>
      ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'AAD_APP_TENANT_ID'].map((n) => previewGuid(env, n)),
    );
    for (const guid of all) expect(guid).toMatch(GUID_V5);
    expect(new Set(all).size).toBe(all.length);
  });

  it('are a host under .invalid for domains, and https on that host for endpoints', () => {
    expect(standInFor('TAB_DOMAIN', 'dev')).toBe('dev.career-conversations.invalid');
    expect(standInFor('BOT_DOMAIN', 'dev')).toBe('dev.career-conversations.invalid');
    expect(standInFor('TAB_ENDPOINT', 'dev')).toBe('https://dev.career-conversations.invalid');
    expect(previewHost('My_Env-')).toBe('my-env.career-conversations.invalid');
  });

  it('are given only to provision-written names of a known shape', () => {
    const written = new Set(['TEAMS_APP_ID', 'TAB_DOMAIN', 'AAD_APP_OAUTH_AUTHORITY']);
    expect(
      previewStandIns(
        ['TEAMS_APP_ID', 'ACCENT_COLOR', 'AAD_APP_OAUTH_AUTHORITY', 'TAB_DOMAIN'],
        written,
        'dev',
      ),
    ).toEqual({
      TEAMS_APP_ID: previewGuid('dev', 'TEAMS_APP_ID'),
      TAB_DOMAIN: 'dev.career-conversations.invalid',
    });
  });
});

describe('packaging the committed dev template before provisioning', () => {
  let repo: ScratchRepo;
  beforeEach(() => {
    repo = scratchRepo({ provisioned: false });
  });
  afterEach(() => {
    repo.remove();
  });
  const problems = (options: { strict?: boolean; processEnv?: Record<string, string> } = {}): string[] => {
    const result = packageApp({ root: repo.root, env: 'dev', ...options });
    expect(result.ok).toBe(false);
    return result.problems.map(formatProblem);
  };

  it('succeeds with stand-ins, listed, and the zip passes the offline validation', () => {
    const result = packageApp({ root: repo.root, env: 'dev' });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.standIns).toEqual(PROVISION_WRITTEN_IN_MANIFEST);
    const zip = readFileSync(path.join(repo.root, 'appPackage/build/appPackage.dev.zip'));
    expect(validateZip(zip)).toEqual([]);
    const manifest = JSON.parse(readZip(zip)[0]!.data.toString('utf8')) as Record<string, unknown>;
    const clientId = previewGuid('dev', 'AAD_APP_CLIENT_ID');
    expect(manifest).toMatchObject({
      id: previewGuid('dev', 'TEAMS_APP_ID'),
      bots: [{ botId: previewGuid('dev', 'BOT_ID') }],
      validDomains: ['dev.career-conversations.invalid'],
      webApplicationInfo: { id: clientId, resource: `api://dev.career-conversations.invalid/${clientId}` },
    });
  });

  it('with strict, refuses the stand-ins and names each unset id and host', () => {
    const found = problems({ strict: true });
    expect(found).toHaveLength(PROVISION_WRITTEN_IN_MANIFEST.length);
    for (const name of PROVISION_WRITTEN_IN_MANIFEST)
      expect(found.some((p) => p.includes(`\${{${name}}} is not set in env/.env.dev`))).toBe(true);
  });

  it('still fails on a placeholder that provisioning does not write', () => {
    repo.writeManifest({ ...repo.manifest(), accentColor: '${{ACCENT_COLOR}}' });
    expect(problems()).toEqual([
      'manifest.json#/accentColor: ${{ACCENT_COLOR}} is not set in env/.env.dev; set it there or in the environment',
    ]);
  });

  it('still rejects a broken manifest with the schema rule that failed', () => {
    repo.writeManifest({ ...repo.manifest(), version: 1 });
    expect(problems()).toEqual(['manifest.json#/version: must be string [schema #/properties/version/type]']);
  });

  it('checks the stand-ins like real values: a real domain with a stand-in endpoint is off validDomains', () => {
    const found = problems({ processEnv: { TAB_DOMAIN: PROVISIONED.TAB_DOMAIN } });
    expect(found[0]).toBe(
      `manifest.json#/developer/websiteUrl: dev.career-conversations.invalid is not in validDomains (${PROVISIONED.TAB_DOMAIN})`,
    );
  });

  it('uses no stand-ins once provisioned', () => {
    const provisioned = scratchRepo();
    try {
      const result = packageApp({ root: provisioned.root, env: 'dev' });
      expect(result.ok).toBe(true);
      expect(result.standIns).toEqual([]);
    } finally {
      provisioned.remove();
    }
  });
});
