/**
 * How the pane signs in, from its own URL. The manifest opens `/addin/?clientId=<Entra app>&tenantId=<tenant>`
 * (both filled from env/.env.<name> when the app package is built); the API scope lives on this same host.
 */
export interface TenantSignIn {
  clientId: string;
  tenantId: string;
  /** `api://<this host>/<client id>/access_as_user`, the scope in appPackage/aad.manifest.json. */
  scope: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function tenantSignInFrom(location: { search: string; host: string }): TenantSignIn | null {
  const query = new URLSearchParams(location.search);
  const clientId = query.get('clientId') ?? '';
  const tenantId = query.get('tenantId') ?? '';
  if (!GUID.test(clientId) || !GUID.test(tenantId)) return null;
  return { clientId, tenantId, scope: `api://${location.host}/${clientId}/access_as_user` };
}
