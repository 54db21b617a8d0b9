import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from './reusing-authentication';

/** Demo: no app id, no tokens (loopback only). Tenant: Bot Framework JWTs for the app registration. */
export type BotAuth =
  | { profile: 'demo' }
  | {
      profile: 'tenant';
      appId: string;
      /** Null with `UserAssignedMSI`, where the managed identity signs outgoing calls. */
      password: string | null;
      tenantId: string;
      type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    };

export function botAuthentication(auth: BotAuth): ConfigurationBotFrameworkAuthentication {
  if (auth.profile === 'demo') return new ReusingBotFrameworkAuthentication({});
  return new ReusingBotFrameworkAuthentication({
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.password ?? undefined,
    MicrosoftAppTenantId: auth.tenantId,
    MicrosoftAppType: auth.type,
  });
}

/** The app id proactive messages are sent as ('' in the demo profile, where nothing is signed). */
export function botAppIdOf(auth: BotAuth): string {
  return auth.profile === 'demo' ? '' : auth.appId;
}
