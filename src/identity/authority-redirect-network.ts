import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

export interface AuthorityRedirectOptions {
  /** The authority host MSAL is configured with, e.g. `login.microsoftonline.com`. */
  authorityHost: string;
  /** Origin of the local stand-in, e.g. `http://127.0.0.1:53123` (any path is ignored). Loopback only. */
  target: string;
  /** Per-request timeout in milliseconds; defaults to 5000. */
  timeoutMs?: number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export class AuthorityRedirectRefusedError extends Error {
  override readonly name = 'AuthorityRedirectRefusedError';
}

/**
 * Test/dev seam for MSAL's `system.networkClient`: MSAL keeps its https authority
 * (`https://login.microsoftonline.com/<tenant>`), and this module sends what MSAL asks of that host to
 * a local http server instead (same path and query). It refuses any other host and any non-loopback
 * target, so a secret or a user assertion can never be sent anywhere but the configured authority
 * host's stand-in. Production never uses it: without a `networkClient`, MSAL uses its default client.
 */
export function createAuthorityRedirect(options: AuthorityRedirectOptions): INetworkModule {
  const authorityHost = options.authorityHost.toLowerCase();
  const target = new URL(options.target);
  if (!LOOPBACK_HOSTS.has(target.hostname)) {
    throw new AuthorityRedirectRefusedError(
      `The authority redirect only targets a loopback server, not ${target.hostname}.`,
    );
  }
  const timeoutMs = options.timeoutMs ?? 5000;

  const rewrite = (url: string): string => {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.host.toLowerCase() !== authorityHost) {
      throw new AuthorityRedirectRefusedError(
        `MSAL asked for ${parsed.protocol}//${parsed.host}, which is not the configured authority host ${authorityHost}; refused.`,
      );
    }
    return `${target.origin}${parsed.pathname}${parsed.search}`;
  };

  const send = async <T>(
    url: string,
    method: 'GET' | 'POST',
    requestOptions: NetworkRequestOptions | undefined,
    timeout: number,
  ): Promise<NetworkResponse<T>> => {
    const response = await fetch(rewrite(url), {
      method,
      headers: requestOptions?.headers ?? {},
      body: method === 'POST' ? (requestOptions?.body ?? '') : undefined,
      signal: AbortSignal.timeout(timeout),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { headers, body: (await response.json()) as T, status: response.status };
  };

  return {
    sendGetRequestAsync: <T>(url: string, requestOptions?: NetworkRequestOptions, timeout?: number) =>
      send<T>(url, 'GET', requestOptions, timeout ?? timeoutMs),
    sendPostRequestAsync: <T>(url: string, requestOptions?: NetworkRequestOptions) =>
      send<T>(url, 'POST', requestOptions, timeoutMs),
  };
}
