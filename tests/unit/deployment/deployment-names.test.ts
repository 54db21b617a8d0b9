import { CONFIG_VARIABLES, loadConfig } from '../../../src/server/config';
import { placeholderNames } from '../../../src/packaging/placeholders';
import type { ToolkitAction } from './support/read-deployment';
import {
  bicepAppSettings,
  bicepOutputs,
  bicepParams,
  read,
  readEnvTemplate,
  readProject,
} from './support/read-deployment';

const bicep = read('infra/azure.bicep');
const parameters = JSON.parse(read('infra/azure.parameters.json')) as {
  parameters: Record<string, { value: string }>;
};

/** Outputs an action writes without a writeToEnvironmentFile line (documented toolkit behaviour). */
const IMPLICIT_OUTPUTS: Record<string, string[]> = {
  'teamsApp/create': ['TEAMS_APP_TENANT_ID'],
  'teamsApp/update': ['TEAMS_APP_TENANT_ID'],
  'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
};

/** App settings read by App Service itself, not by the app: telemetry and the build on deploy. */
const PLATFORM_SETTINGS = [
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
];

/** What Azure and the toolkit put into the settings that are expressions in the Bicep. */
const filledByAzure: Record<string, string> = {
  CC_TABLES_CONNECTION_STRING:
    'DefaultEndpointsProtocol=https;AccountName=cc;AccountKey=a2V5;EndpointSuffix=core.windows.net',
  PUBLIC_URL: 'https://careerconvdev-x7k2.azurewebsites.net',
  AAD_APP_TENANT_ID: '4f0c2a1e-8d3b-4c5a-9e6f-7a8b9c0d1e2f',
  AAD_APP_CLIENT_ID: 'b8a5d1f2-34c6-4e7b-8f90-1a2b3c4d5e6f',
  AAD_APP_CLIENT_SECRET: 'secret-from-aadApp-create',
  AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
  AAD_APP_ID_URI: 'api://careerconvdev-x7k2.azurewebsites.net/b8a5d1f2-34c6-4e7b-8f90-1a2b3c4d5e6f',
  BOT_ID: '0d4e9f1a-6b2c-4d3e-8f5a-9b0c1d2e3f4a',
  BOT_PASSWORD: 'secret-from-botAadApp-create',
  BOT_TENANT_ID: '4f0c2a1e-8d3b-4c5a-9e6f-7a8b9c0d1e2f',
};

function writesOf(action: ToolkitAction): string[] {
  const templates = Array.isArray(action.with.templates)
    ? (action.with.templates as Record<string, string>[])
    : [];
  const fromTemplates =
    action.uses === 'arm/deploy' ? templates.flatMap((t) => bicepOutputs(read(String(t.path)))) : [];
  return [...Object.values(action.writes), ...(IMPLICIT_OUTPUTS[action.uses] ?? []), ...fromTemplates];
}

/** Placeholders an action resolves: in its own inputs and in the files it renders (manifests, ARM parameters). */
function usesOf(action: ToolkitAction): { name: string; where: string }[] {
  const texts: [string, string][] = [[`${action.uses} inputs`, JSON.stringify(action.with)]];
  const file = action.with.manifestPath;
  if (typeof file === 'string') texts.push([file, read(file)]);
  const templates = Array.isArray(action.with.templates)
    ? (action.with.templates as Record<string, string>[])
    : [];
  for (const t of templates) texts.push([String(t.parameters), read(String(t.parameters))]);
  return texts.flatMap(([where, text]) => placeholderNames(text).map((name) => ({ name, where })));
}

describe.each([
  ['teamsapp.yml', 'dev'],
  ['teamsapp.local.yml', 'local'],
])('%s with env/.env.%s', (file, envName) => {
  const project = readProject(file);
  const template = readEnvTemplate(envName);
  const written = new Set(project.actions.flatMap(writesOf));

  it('uses the toolkit project format v1.x', () => {
    expect(project.version).toMatch(/^v1\.\d+$/);
  });

  it('uses each variable only after an earlier action writes it, or the env template (or the person) provides it', () => {
    // Empty in the template and written by no action: the person fills it in (subscription, tunnel URL).
    const available = new Set([
      'TEAMSFX_ENV',
      ...Object.keys(template).filter((k) => template[k] !== '' || !written.has(k)),
    ]);
    const missing: string[] = [];
    for (const action of project.actions) {
      const own = IMPLICIT_OUTPUTS[action.uses] ?? [];
      for (const use of usesOf(action)) {
        if (!available.has(use.name) && !own.includes(use.name))
          missing.push(`${use.name} (${action.lifecycle} ${action.uses}, ${use.where})`);
      }
      for (const name of writesOf(action)) available.add(name);
    }
    expect(missing).toEqual([]);
  });

  it('lists every non-secret variable an action writes in the committed env template', () => {
    const unlisted = [...written].filter((name) => !name.startsWith('SECRET_') && !(name in template));
    expect(unlisted).toEqual([]);
  });

  it('commits no secret in the env template', () => {
    const secrets = Object.entries(template).filter(
      ([k, v]) => (k.startsWith('SECRET_') || /PASSWORD|CLIENT_SECRET/.test(k)) && v !== '',
    );
    expect(secrets).toEqual([]);
  });
});

describe('teamsapp.yml', () => {
  const uses = readProject('teamsapp.yml').actions.map((a) => `${a.lifecycle} ${a.uses}`);

  it.each([
    'provision aadApp/create',
    'provision teamsApp/create',
    'provision botAadApp/create',
    'provision arm/deploy',
    'provision aadApp/update',
    'provision teamsApp/validateManifest',
    'provision teamsApp/zipAppPackage',
    'provision teamsApp/update',
    'deploy azureAppService/zipDeploy',
    'publish teamsApp/publishAppPackage',
  ])('runs %s', (step) => {
    expect(uses).toContain(step);
  });

  it('creates the apps before deploying the Bicep that needs their ids, and updates the Entra app after it', () => {
    const at = (step: string): number => uses.indexOf(step);
    expect(at('provision arm/deploy')).toBeGreaterThan(at('provision botAadApp/create'));
    expect(at('provision arm/deploy')).toBeGreaterThan(at('provision aadApp/create'));
    expect(at('provision aadApp/update')).toBeGreaterThan(at('provision arm/deploy'));
  });
});

describe('infra/azure.parameters.json and infra/azure.bicep', () => {
  const params = bicepParams(bicep);

  it('sets only parameters the Bicep declares', () => {
    const declared = params.map((p) => p.name);
    expect(Object.keys(parameters.parameters).filter((p) => !declared.includes(p))).toEqual([]);
  });

  it('sets every Bicep parameter that has no default', () => {
    const required = params.filter((p) => !p.hasDefault).map((p) => p.name);
    expect(required.filter((p) => !(p in parameters.parameters))).toEqual([]);
  });
});

describe('the App Service settings in infra/azure.bicep', () => {
  const settings = bicepAppSettings(bicep);
  const literal = (name: string): string | undefined => /^'([^'$]*)'$/.exec(settings.get(name) ?? '')?.[1];

  it('names only variables of the app configuration (CONFIG_VARIABLES) or of the platform', () => {
    const unknown = [...settings.keys()].filter(
      (n) => !CONFIG_VARIABLES.includes(n) && !PLATFORM_SETTINGS.includes(n),
    );
    expect(unknown).toEqual([]);
  });

  it('sets every variable a tenant deployment on Azure Tables requires', () => {
    // The schema reports the conditional requirements (secret, bot password, connection string) only once the
    // unconditional ones are there: fill what it asks for and ask again until it is satisfied.
    const env: Record<string, string | undefined> = {
      CC_PROFILE: 'tenant',
      CC_STORE: 'tables',
      BOT_TYPE: literal('BOT_TYPE'),
    };
    const required = new Set<string>();
    for (let round = 0; round < 5; round++) {
      const result = loadConfig(env);
      if (result.ok) break;
      for (const name of result.problems.map((p) => p.split(/[.:]/)[0] ?? '')) {
        required.add(name);
        env[name] = filledByAzure[name] ?? 'unknown';
      }
    }
    expect([...required]).toEqual(
      expect.arrayContaining([
        'PUBLIC_URL',
        'AAD_APP_CLIENT_SECRET',
        'BOT_PASSWORD',
        'CC_TABLES_CONNECTION_STRING',
      ]),
    );
    expect([...required].filter((name) => !settings.has(name))).toEqual([]);
  });

  it('selects the tenant profile and the Tables store', () => {
    expect([literal('CC_PROFILE'), literal('CC_STORE')]).toEqual(['tenant', 'tables']);
  });

  it('gives values the configuration accepts (literals as written, expressions as Azure would fill them)', () => {
    const env: Record<string, string> = {};
    const unsampled: string[] = [];
    for (const name of settings.keys()) {
      if (PLATFORM_SETTINGS.includes(name)) continue;
      const value = literal(name) ?? filledByAzure[name];
      if (value === undefined) unsampled.push(name);
      else env[name] = value;
    }
    expect(unsampled).toEqual([]);
    const result = loadConfig(env);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('teamsapp.local.yml deploy settings for the local server', () => {
  const action = readProject('teamsapp.local.yml').actions.find(
    (a) => a.uses === 'file/createOrUpdateEnvironmentFile',
  );
  const envs = (action?.with.envs ?? {}) as Record<string, string>;

  it('writes to a git-ignored env/.env.*.user file', () => {
    expect(action?.with.target).toMatch(/^\.\/env\/\.env\.[\w.-]+\.user$/);
  });

  it('names only variables of the app configuration and gives a valid tenant configuration', () => {
    expect(Object.keys(envs).filter((n) => !CONFIG_VARIABLES.includes(n))).toEqual([]);
    const sample = (v: string): string =>
      v
        .replace(/\$\{\{\s*\w*(ID|TENANT_ID)\s*\}\}/g, '4f0c2a1e-8d3b-4c5a-9e6f-7a8b9c0d1e2f')
        .replace(/\$\{\{\s*TAB_ENDPOINT\s*\}\}/g, 'https://abc-3978.devtunnels.ms')
        .replace(/\$\{\{\s*TAB_DOMAIN\s*\}\}/g, 'abc-3978.devtunnels.ms')
        .replace(/\$\{\{\s*AAD_APP_OAUTH_AUTHORITY_HOST\s*\}\}/g, 'https://login.microsoftonline.com')
        .replace(/\$\{\{\s*SECRET_\w+\s*\}\}/g, 'a-secret');
    const result = loadConfig(Object.fromEntries(Object.entries(envs).map(([k, v]) => [k, sample(v)])));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});
