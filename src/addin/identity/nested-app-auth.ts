import type { TenantSignIn } from './addin-settings';

export type AccessTokenSource = () => Promise<string>;

/**
 * Tokens for our API through nested app authentication: Outlook brokers the sign-in, so the person is
 * never asked again. MSAL is loaded only in the tenant profile (the demo never needs it).
 */
export async function nestedAppTokens(signIn: TenantSignIn): Promise<AccessTokenSource> {
  const msal = await import('@azure/msal-browser');
  const client = await msal.createNestablePublicClientApplication({
    auth: { clientId: signIn.clientId, authority: `https://login.microsoftonline.com/${signIn.tenantId}` },
  });
  const request = { scopes: [signIn.scope] };
  return async () => {
    try {
      const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
      return (await client.acquireTokenSilent(account ? { ...request, account } : request)).accessToken;
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
      return (await client.acquireTokenPopup(request)).accessToken;
    }
  };
}
