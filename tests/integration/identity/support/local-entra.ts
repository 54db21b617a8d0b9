import { constants, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { base64url, decodePart } from './test-jwt';
import { sendJson, startLocalHttpServer } from './local-http-server';
import type { LocalHttpServer } from './local-http-server';

/**
 * A local stand-in for `https://login.microsoftonline.com`, reached through the MSAL network seam.
 * It serves OpenID discovery, instance discovery and the v2 token endpoint (client credentials and
 * on-behalf-of), authenticates the client (secret, certificate-signed assertion, federated assertion)
 * the way Entra does, and records every request so tests can count round trips.
 */
export interface LocalEntraApp {
  clientId: string;
  clientSecret?: string;
  certificate?: { publicKey: KeyObject; thumbprintSha256Hex?: string; thumbprintSha1Hex?: string };
  /** A `client_assertion` accepted as is (a federated credential, e.g. a managed-identity token). */
  federatedAssertion?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  form: URLSearchParams;
}

export interface VerifiedClientAssertion {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

const AUTHORITY = 'https://login.microsoftonline.com';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access']);

export class LocalEntra {
  readonly requests: RecordedRequest[] = [];
  readonly clientAssertions: VerifiedClientAssertion[] = [];
  private readonly needsConsent = new Set<string>();
  private readonly needsInteraction = new Set<string>();
  private issued = 0;
  private server: LocalHttpServer | undefined;

  private constructor(private readonly app: LocalEntraApp) {}

  static async start(app: LocalEntraApp): Promise<LocalEntra> {
    const entra = new LocalEntra(app);
    entra.server = await startLocalHttpServer((request, body, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const form = new URLSearchParams(body);
      entra.requests.push({ method: request.method ?? 'GET', path: url.pathname, form });
      entra.handle(request.method ?? 'GET', url.pathname, form, response);
    });
    return entra;
  }

  get origin(): string {
    if (!this.server) throw new Error('LocalEntra is not started');
    return this.server.origin;
  }

  close(): Promise<void> {
    return this.server?.close() ?? Promise.resolve();
  }

  /** Token endpoint calls, optionally for one tenant and one grant type. */
  tokenRequests(filter: { tenant?: string; grantType?: string } = {}): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path.endsWith('/oauth2/v2.0/token') &&
        (filter.tenant === undefined || r.path === `/${filter.tenant}/oauth2/v2.0/token`) &&
        (filter.grantType === undefined || r.form.get('grant_type') === filter.grantType),
    );
  }

  discoveryRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'GET');
  }

  /** The user (by `oid`) has not consented: on-behalf-of answers AADSTS65001. */
  requireConsentFor(oid: string): void {
    this.needsConsent.add(oid);
  }

  /** Conditional access wants MFA for the user: on-behalf-of answers AADSTS50076 with a claims challenge. */
  requireInteractionFor(oid: string): void {
    this.needsInteraction.add(oid);
  }

  private handle(method: string, path: string, form: URLSearchParams, response: ServerResponse): void {
    const openId = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (method === 'GET' && openId?.[1]) {
      const tenant = openId[1];
      sendJson(response, 200, {
        token_endpoint: `${AUTHORITY}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${AUTHORITY}/${tenant}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${AUTHORITY}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${AUTHORITY}/${tenant}/discovery/v2.0/keys`,
        issuer: `${AUTHORITY}/${tenant}/v2.0`,
      });
      return;
    }
    if (method === 'GET' && path === '/common/discovery/instance') {
      sendJson(response, 200, {
        tenant_discovery_endpoint: `${AUTHORITY}/common/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: 'login.microsoftonline.com',
            preferred_cache: 'login.windows.net',
            aliases: [
              'login.microsoftonline.com',
              'login.windows.net',
              'login.microsoft.com',
              'sts.windows.net',
            ],
          },
        ],
      });
      return;
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (method === 'POST' && token?.[1]) {
      this.token(token[1], form, response);
      return;
    }
    sendJson(response, 404, { error: 'not_found', error_description: `No stand-in for ${method} ${path}` });
  }

  private token(tenant: string, form: URLSearchParams, response: ServerResponse): void {
    const refusal = this.authenticateClient(tenant, form);
    if (refusal) {
      sendJson(response, 401, entraError('invalid_client', refusal.code, refusal.text));
      return;
    }
    const requested = (form.get('scope') ?? '').split(' ').filter((s) => s !== '' && !OIDC_SCOPES.has(s));
    const grantType = form.get('grant_type');
    this.issued += 1;

    if (grantType === 'client_credentials') {
      if (requested.length !== 1 || !requested[0]?.endsWith('/.default')) {
        sendJson(
          response,
          400,
          entraError('invalid_scope', 1002012, 'The provided value for scope is not valid.'),
        );
        return;
      }
      sendJson(response, 200, {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: `app-token.${tenant}.${this.issued}`,
      });
      return;
    }

    if (grantType === JWT_BEARER && form.get('requested_token_use') === 'on_behalf_of') {
      const user = decodePart(form.get('assertion')?.split('.')[1]);
      const oid = String(user.oid);
      const tid = String(user.tid);
      if (this.needsConsent.has(oid)) {
        sendJson(response, 400, {
          ...entraError(
            'invalid_grant',
            65001,
            `The user or administrator has not consented to use the application with ID '${this.app.clientId}'. Send an interactive authorization request for this user and resource.`,
          ),
          suberror: 'consent_required',
        });
        return;
      }
      if (this.needsInteraction.has(oid)) {
        sendJson(response, 400, {
          ...entraError(
            'invalid_grant',
            50076,
            'Due to a configuration change made by your administrator, you must use multi-factor authentication.',
          ),
          suberror: 'basic_action',
          claims: '{"access_token":{"capolids":{"essential":true,"values":["policy-1"]}}}',
        });
        return;
      }
      const now = Math.floor(Date.now() / 1000);
      const idToken = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'stand-in' }))}.${base64url(
        JSON.stringify({
          aud: this.app.clientId,
          iss: `${AUTHORITY}/${tid}/v2.0`,
          iat: now,
          nbf: now,
          exp: now + 3600,
          oid,
          sub: `sub-${oid}`,
          tid,
          name: user.name,
          preferred_username: user.upn,
          ver: '2.0',
        }),
      )}.c2lnbmF0dXJl`;
      sendJson(response, 200, {
        token_type: 'Bearer',
        scope: requested.join(' '),
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: `obo-token.${oid}.${this.issued}`,
        refresh_token: `refresh.${oid}.${this.issued}`,
        id_token: idToken,
        client_info: base64url(JSON.stringify({ uid: oid, utid: tid })),
      });
      return;
    }

    sendJson(
      response,
      400,
      entraError('unsupported_grant_type', 70003, `Grant type ${grantType} is not supported.`),
    );
  }

  private authenticateClient(
    tenant: string,
    form: URLSearchParams,
  ): { code: number; text: string } | undefined {
    if (form.get('client_id') !== this.app.clientId) {
      return { code: 700016, text: 'Application not found in the directory.' };
    }
    const secret = form.get('client_secret');
    if (secret !== null) {
      return secret === this.app.clientSecret
        ? undefined
        : { code: 7000215, text: 'Invalid client secret provided.' };
    }
    const assertion = form.get('client_assertion');
    if (assertion === null || form.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) {
      return { code: 7000218, text: 'The request body must contain client_assertion or client_secret.' };
    }
    if (this.app.federatedAssertion !== undefined && assertion === this.app.federatedAssertion)
      return undefined;
    return this.verifyCertificateAssertion(tenant, assertion);
  }

  private verifyCertificateAssertion(
    tenant: string,
    assertion: string,
  ): { code: number; text: string } | undefined {
    const certificate = this.app.certificate;
    const [headerPart, payloadPart, signaturePart] = assertion.split('.');
    if (!certificate || !headerPart || !payloadPart || !signaturePart) {
      return { code: 700027, text: 'Client assertion failed signature validation.' };
    }
    const header = decodePart(headerPart);
    const payload = decodePart(payloadPart);
    const signingInput = Buffer.from(`${headerPart}.${payloadPart}`);
    const signature = Buffer.from(signaturePart, 'base64url');
    let signed = false;
    if (header.alg === 'PS256' && certificate.thumbprintSha256Hex !== undefined) {
      signed =
        header['x5t#S256'] === base64url(Buffer.from(certificate.thumbprintSha256Hex, 'hex')) &&
        verify(
          'sha256',
          signingInput,
          {
            key: certificate.publicKey,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
          },
          signature,
        );
    } else if (header.alg === 'RS256' && certificate.thumbprintSha1Hex !== undefined) {
      signed =
        header.x5t === base64url(Buffer.from(certificate.thumbprintSha1Hex, 'hex')) &&
        verify('RSA-SHA256', signingInput, certificate.publicKey, signature);
    }
    if (!signed) return { code: 700027, text: 'Client assertion failed signature validation.' };
    const now = Math.floor(Date.now() / 1000);
    if (
      payload.aud !== `${AUTHORITY}/${tenant}/oauth2/v2.0/token` ||
      payload.iss !== this.app.clientId ||
      payload.sub !== this.app.clientId ||
      typeof payload.exp !== 'number' ||
      payload.exp <= now ||
      typeof payload.jti !== 'string'
    ) {
      return {
        code: 700024,
        text: 'Client assertion is not within its valid time range or has the wrong audience.',
      };
    }
    this.clientAssertions.push({ header, payload });
    return undefined;
  }
}

function entraError(error: string, code: number, text: string): Record<string, unknown> {
  const traceId = '00000000-0000-0000-0000-000000000001';
  const correlationId = '00000000-0000-0000-0000-000000000002';
  const timestamp = new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z';
  return {
    error,
    error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  };
}
