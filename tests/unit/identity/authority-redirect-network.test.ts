import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  AuthorityRedirectRefusedError,
  createAuthorityRedirect,
} from '../../../src/identity/authority-redirect-network';

interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

let server: Server;
let origin: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        contentType: request.headers['content-type'],
        body,
      });
      const status = request.url?.startsWith('/fail') ? 400 : 200;
      response.writeHead(status, { 'content-type': 'application/json', 'X-Ms-Request-Id': 'req-1' });
      response.end(JSON.stringify({ ok: status === 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
});

beforeEach(() => {
  seen.length = 0;
});

describe('the MSAL network seam (authority redirect)', () => {
  it('sends a GET for the configured authority host to the local server, same path and query', async () => {
    const network = createAuthorityRedirect({ authorityHost: 'login.microsoftonline.com', target: origin });

    const response = await network.sendGetRequestAsync<{ ok: boolean }>(
      'https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&x=y',
    );

    expect(seen).toEqual([
      {
        method: 'GET',
        url: '/common/discovery/instance?api-version=1.1&x=y',
        contentType: undefined,
        body: '',
      },
    ]);
    expect(response).toEqual({
      status: 200,
      body: { ok: true },
      headers: expect.objectContaining({
        'content-type': 'application/json',
        'x-ms-request-id': 'req-1',
      }) as unknown,
    });
  });

  it('sends a POST with its headers and form body, and hands back error statuses as responses', async () => {
    const network = createAuthorityRedirect({ authorityHost: 'login.microsoftonline.com', target: origin });

    const response = await network.sendPostRequestAsync<{ ok: boolean }>(
      'https://login.microsoftonline.com/fail/oauth2/v2.0/token',
      {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      },
    );

    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/fail/oauth2/v2.0/token',
        contentType: 'application/x-www-form-urlencoded',
        body: 'grant_type=client_credentials',
      },
    ]);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ ok: false });
  });

  it.each([
    ['another host', 'https://graph.microsoft.com/v1.0/me'],
    ['a look-alike host', 'https://login.microsoftonline.com.evil.example/tenant/oauth2/v2.0/token'],
    ['the authority over plain http', 'http://login.microsoftonline.com/tenant/oauth2/v2.0/token'],
    ['the authority on another port', 'https://login.microsoftonline.com:8443/tenant/oauth2/v2.0/token'],
    ['region discovery (IMDS)', 'http://169.254.169.254/metadata/instance/compute/location'],
  ])('refuses %s and sends nothing', async (_what, url) => {
    const network = createAuthorityRedirect({ authorityHost: 'login.microsoftonline.com', target: origin });

    await expect(network.sendGetRequestAsync(url)).rejects.toBeInstanceOf(AuthorityRedirectRefusedError);
    await expect(network.sendPostRequestAsync(url, { body: 'client_secret=s3cret' })).rejects.toBeInstanceOf(
      AuthorityRedirectRefusedError,
    );
    expect(seen).toEqual([]);
  });

  it('only redirects to a loopback server', () => {
    expect(() =>
      createAuthorityRedirect({
        authorityHost: 'login.microsoftonline.com',
        target: 'https://collector.example',
      }),
    ).toThrow(AuthorityRedirectRefusedError);
  });
});
