import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration, read once from the environment at start-up and validated. The names match
 * teamsapp.yml, infra/azure.parameters.json and env/.env.* so one deployment speaks one language.
 * A half-configured tenant is an error with a list of what is missing, never a silent fall-back to demo.
 */
const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce
  .number({ error: 'must be a port number from 0 to 65535' })
  .int('must be a port number from 0 to 65535')
  .min(0, 'must be a port number from 0 to 65535')
  .max(65535, 'must be a port number from 0 to 65535');
const positiveInt = z.coerce
  .number({ error: 'must be a whole number above 0' })
  .int('must be a whole number above 0')
  .positive('must be a whole number above 0');
const httpsUrl = z
  .url()
  .refine((u) => u.startsWith('https://'), 'must be an https:// URL')
  .transform((u) => u.replace(/\/+$/, ''));
const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

const common = z.object({
  PORT: port.default(3978),
  DATA_DIR: z.string().min(1).default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CC_STORE: z.enum(['sqlite', 'tables']).default('sqlite'),
  CC_SQLITE_FILE: z.string().min(1).optional(),
  CC_TABLES_CONNECTION_STRING: z.string().min(1).optional(),
  CC_TABLES_NAME: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, '3 to 63 letters and digits, starting with a letter')
    .default('careerconversations'),
  CC_SCHEDULER_TICK_SECONDS: positiveInt.default(60),
  CC_SYNC_INTERVAL_MINUTES: positiveInt.default(15),
  CC_SYNC_DAYS_BACK: positiveInt.default(7),
  CC_SYNC_DAYS_AHEAD: positiveInt.default(35),
});

const demo = common.extend({
  CC_PROFILE: z.literal('demo'),
  HOST: z.string().default('127.0.0.1'),
  CC_DEMO_GRAPH_PORT: port.default(0),
  CC_DEMO_SEED: z.coerce.number().int().default(42),
  CC_DEMO_PLAYGROUND: boolean.default(true),
  CC_DEMO_PLAYGROUND_PORT: port.default(56150),
});

const tenant = common.extend({
  CC_PROFILE: z.literal('tenant'),
  HOST: z.string().default('0.0.0.0'),
  /** Where Teams, Outlook and the Bot Service reach this app. */
  PUBLIC_URL: httpsUrl,
  AAD_APP_TENANT_ID: guid,
  AAD_APP_CLIENT_ID: guid,
  AAD_APP_CLIENT_SECRET: z.string().min(1).optional(),
  AAD_APP_CERTIFICATE_PATH: z.string().min(1).optional(),
  AAD_APP_CERTIFICATE_THUMBPRINT: z
    .string()
    .regex(/^[0-9a-fA-F]{40}$|^[0-9a-fA-F]{64}$/, 'must be a SHA-1 or SHA-256 hex thumbprint')
    .optional(),
  AAD_APP_OAUTH_AUTHORITY_HOST: httpsUrl.default('https://login.microsoftonline.com'),
  /** App ID URI of the API the tab and add-in ask tokens for, e.g. api://host/<client id>. */
  AAD_APP_ID_URI: z.string().regex(/^api:\/\/.+/, 'must start with api://'),
  /** Tenants whose people may use this deployment: GUIDs separated by commas, or * for any. */
  CC_ALLOWED_TENANTS: z.string().min(1).optional(),
  BOT_ID: guid,
  BOT_PASSWORD: z.string().min(1).optional(),
  BOT_TENANT_ID: guid.optional(),
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  GRAPH_BASE_URL: httpsUrl.default('https://graph.microsoft.com/v1.0'),
});

const schema = z.discriminatedUnion('CC_PROFILE', [demo, tenant]).superRefine((c, ctx) => {
  if (c.CC_STORE === 'tables' && !c.CC_TABLES_CONNECTION_STRING) {
    ctx.addIssue({
      code: 'custom',
      path: ['CC_TABLES_CONNECTION_STRING'],
      message: 'is required when CC_STORE=tables',
    });
  }
  if (c.CC_PROFILE !== 'tenant') return;
  const hasSecret = Boolean(c.AAD_APP_CLIENT_SECRET);
  const hasCertificate = Boolean(c.AAD_APP_CERTIFICATE_PATH && c.AAD_APP_CERTIFICATE_THUMBPRINT);
  if (!hasSecret && !hasCertificate) {
    ctx.addIssue({
      code: 'custom',
      path: ['AAD_APP_CLIENT_SECRET'],
      message: 'set a client secret, or AAD_APP_CERTIFICATE_PATH with AAD_APP_CERTIFICATE_THUMBPRINT',
    });
  }
  if (c.BOT_TYPE !== 'UserAssignedMSI' && !c.BOT_PASSWORD) {
    ctx.addIssue({
      code: 'custom',
      path: ['BOT_PASSWORD'],
      message: `is required when BOT_TYPE=${c.BOT_TYPE}`,
    });
  }
  if (c.CC_ALLOWED_TENANTS && c.CC_ALLOWED_TENANTS !== '*') {
    c.CC_ALLOWED_TENANTS.split(',').forEach((t, i) => {
      if (!guid.safeParse(t.trim()).success) {
        ctx.addIssue({
          code: 'custom',
          path: ['CC_ALLOWED_TENANTS', i],
          message: `"${t.trim()}" is not a tenant GUID`,
        });
      }
    });
  }
});

type Parsed = z.infer<typeof schema>;

interface CommonConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevel: Parsed['LOG_LEVEL'];
  store: { kind: 'sqlite'; file: string } | { kind: 'tables'; connectionString: string; tableName: string };
  scheduler: { tickSeconds: number };
  sync: { intervalMinutes: number; daysBack: number; daysAhead: number };
}

export interface DemoConfig extends CommonConfig {
  profile: 'demo';
  demo: { graphPort: number; seed: number; playground: boolean; playgroundPort: number };
}

export interface TenantConfig extends CommonConfig {
  profile: 'tenant';
  publicUrl: string;
  entra: {
    tenantId: string;
    clientId: string;
    clientSecret: string | null;
    certificate: { path: string; thumbprint: string } | null;
    authorityHost: string;
    appIdUri: string;
    allowedTenants: string[] | '*';
  };
  bot: {
    appId: string;
    password: string | null;
    tenantId: string;
    type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  };
  graphBaseUrl: string;
}

export type AppConfig = DemoConfig | TenantConfig;

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

/** Reads and validates the configuration. Every problem is listed, with the variable it concerns. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = schema.safeParse(
    { CC_PROFILE: 'demo', ...cleaned },
    { error: (issue) => (issue.input === undefined ? 'is required' : undefined) },
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.map(String).join('.') || 'configuration';
      const value = issue.path[0] === 'CC_PROFILE' ? ' (use demo or tenant)' : '';
      return `${name}: ${issue.message}${value}`;
    });
    return { ok: false, problems };
  }
  return { ok: true, config: toConfig(parsed.data) };
}

function toConfig(c: Parsed): AppConfig {
  const dataDir = path.resolve(c.DATA_DIR);
  const common: CommonConfig = {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    logLevel: c.LOG_LEVEL,
    store:
      c.CC_STORE === 'tables'
        ? {
            kind: 'tables',
            connectionString: c.CC_TABLES_CONNECTION_STRING ?? '',
            tableName: c.CC_TABLES_NAME,
          }
        : { kind: 'sqlite', file: path.resolve(dataDir, c.CC_SQLITE_FILE ?? 'career-conversations.db') },
    scheduler: { tickSeconds: c.CC_SCHEDULER_TICK_SECONDS },
    sync: {
      intervalMinutes: c.CC_SYNC_INTERVAL_MINUTES,
      daysBack: c.CC_SYNC_DAYS_BACK,
      daysAhead: c.CC_SYNC_DAYS_AHEAD,
    },
  };
  if (c.CC_PROFILE === 'demo') {
    return {
      ...common,
      profile: 'demo',
      demo: {
        graphPort: c.CC_DEMO_GRAPH_PORT,
        seed: c.CC_DEMO_SEED,
        playground: c.CC_DEMO_PLAYGROUND,
        playgroundPort: c.CC_DEMO_PLAYGROUND_PORT,
      },
    };
  }
  const allowed = c.CC_ALLOWED_TENANTS ?? c.AAD_APP_TENANT_ID;
  return {
    ...common,
    profile: 'tenant',
    publicUrl: c.PUBLIC_URL,
    entra: {
      tenantId: c.AAD_APP_TENANT_ID,
      clientId: c.AAD_APP_CLIENT_ID,
      clientSecret: c.AAD_APP_CLIENT_SECRET ?? null,
      certificate:
        c.AAD_APP_CERTIFICATE_PATH && c.AAD_APP_CERTIFICATE_THUMBPRINT
          ? { path: c.AAD_APP_CERTIFICATE_PATH, thumbprint: c.AAD_APP_CERTIFICATE_THUMBPRINT }
          : null,
      authorityHost: c.AAD_APP_OAUTH_AUTHORITY_HOST,
      appIdUri: c.AAD_APP_ID_URI,
      allowedTenants: allowed === '*' ? '*' : allowed.split(',').map((t) => t.trim().toLowerCase()),
    },
    bot: {
      appId: c.BOT_ID,
      password: c.BOT_PASSWORD ?? null,
      tenantId: c.BOT_TENANT_ID ?? c.AAD_APP_TENANT_ID,
      type: c.BOT_TYPE,
    },
    graphBaseUrl: c.GRAPH_BASE_URL,
  };
}

/** Names of every variable the configuration reads (checked against teamsapp.yml and infra in tests). */
export const CONFIG_VARIABLES: readonly string[] = [
  ...new Set([...Object.keys(demo.shape), ...Object.keys(tenant.shape)]),
];
