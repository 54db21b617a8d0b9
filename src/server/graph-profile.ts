import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { startGraphEmulator } from '../dev';
import type { GraphEmulator } from '../dev';
import { createGraphAdapters } from '../graph/graph-adapters';
import type { GraphAdapters } from '../graph/graph-adapters';
import { DemoTokenProvider, certificateCredentialFromPem, createTenantIdentity } from '../identity';
import type { AppCredential, TenantIdentity } from '../identity';
import type { Clock } from '../ports/clock';
import type { AppConfig, TenantConfig } from './config';

export interface GraphProfile {
  graph: GraphAdapters;
  /** The local Microsoft 365 stand-in (demo profile only). */
  emulator: GraphEmulator | null;
  identity: TenantIdentity | null;
  close(): Promise<void>;
}

/** Graph for the profile: the emulator with a demo token, or graph.microsoft.com through MSAL. */
export async function openGraph(config: AppConfig, clock: Clock, logger: Logger): Promise<GraphProfile> {
  if (config.profile === 'demo') {
    const emulator = await startGraphEmulator({
      port: config.demo.graphPort,
      now: () => clock.now(),
      seed: config.demo.seed,
    });
    const graph = createGraphAdapters({ baseUrl: emulator.baseUrl, tokens: new DemoTokenProvider(), logger });
    return { graph, emulator, identity: null, close: () => emulator.close() };
  }
  const identity = createTenantIdentity(
    {
      app: {
        clientId: config.entra.clientId,
        tenantId: config.entra.tenantId,
        authorityHost: config.entra.authorityHost,
        credential: appCredential(config),
      },
      sso: {
        clientId: config.entra.clientId,
        appIdUri: config.entra.appIdUri,
        allowedTenants: config.entra.allowedTenants,
      },
    },
    { logger, now: () => clock.now() },
  );
  const graph = createGraphAdapters({ baseUrl: config.graphBaseUrl, tokens: identity.graphTokens, logger });
  return { graph, emulator: null, identity, close: () => Promise.resolve() };
}

function appCredential(config: TenantConfig): AppCredential {
  const { certificate, clientSecret } = config.entra;
  if (certificate) {
    return certificateCredentialFromPem(readFileSync(certificate.path, 'utf8'), certificate.thumbprint);
  }
  return { kind: 'secret', clientSecret: clientSecret ?? '' };
}
