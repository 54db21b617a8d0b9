import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Context } from '@microsoft/microsoft-graph-client';
import { NodeHttpMiddleware, WireFailure } from '../../../src/graph/node-http-middleware';
import type { WireTls } from '../../../src/graph/node-http-middleware';
import { isNetworkFailure } from '../../../src/graph/throttle-retry-middleware';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The client's port: the same one twice means a reused connection. */
  port: number | undefined;
}

interface Local {
  origin: string;
  seen: Seen[];
}

const servers: (http.Server | https.Server)[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
          server.closeAllConnections();
        }),
    ),
  );
});

/** A server on 127.0.0.1 that records each request (body read in full) before `answer` replies. */
async function serve(
  answer: (res: http.ServerResponse, seen: Seen) => void,
  tls?: { key: string; cert: string },
): Promise<Local> {
  const seen: Seen[] = [];
  const listener: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        port: req.socket.remotePort,
      };
      seen.push(request);
      answer(res, request);
    });
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, seen };
}

const json = (status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) =>
  function answer(res: http.ServerResponse): void {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };

function transport(timeoutMs = 5_000, tls: WireTls = {}) {
  const trips: [string, number | null][] = [];
  const middleware = new NodeHttpMiddleware(
    timeoutMs,
    {
      roundTrip: (url, status) => {
        trips.push([url, status]);
      },
    },
    tls,
  );
  const send = async (request: Context['request'], options: Context['options'] = {}) => {
    const context: Context = { request, options };
    await middleware.execute(context);
    return context.response!;
  };
  return { send, trips };
}

async function failureOf(pending: Promise<unknown>): Promise<unknown> {
  try {
    await pending;
  } catch (error) {
    return error;
  }
  throw new Error('The exchange did not fail.');
}

const USERS = { value: [{ id: 'u1', displayName: 'Zoë Ünal' }] };

describe('NodeHttpMiddleware', () => {
  test('answers a plain JSON GET as a Response with status, headers and body, and meters it', async () => {
    const local = await serve(json(200, USERS, { 'request-id': 'r-1' }));
    const { send, trips } = transport();
    const response = await send(`${local.origin}/v1.0/users`, { method: 'GET' });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('OK');
    expect(response.ok).toBe(true);
    expect(response.headers.get('request-id')).toBe('r-1');
    expect(await response.json()).toEqual(USERS);
    expect(await response.text()).toBe(JSON.stringify(USERS));
    expect(trips).toEqual([[`${local.origin}/v1.0/users`, 200]]);
    expect(local.seen[0]).toMatchObject({ method: 'GET', url: '/v1.0/users' });
    expect(local.seen[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  test.each([
    ['gzip', 'gzip', zlib.gzipSync],
    ['deflate', 'zlib-wrapped deflate', zlib.deflateSync],
    ['deflate', 'raw deflate', zlib.deflateRawSync],
    ['br', 'brotli', zlib.brotliCompressSync],
  ])('decodes Content-Encoding: %s (%s)', async (encoding, _format, compress) => {
    const local = await serve((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding });
      res.end(compress(Buffer.from(JSON.stringify(USERS))));
    });
    const response = await transport().send(`${local.origin}/v1.0/users`);
    expect(await response.json()).toEqual(USERS);
    expect(response.headers.get('content-encoding')).toBe(encoding);
  });

  test('reuses one kept-alive connection for requests one after another', async () => {
    const local = await serve(json(200, USERS));
    const { send } = transport();
    for (let i = 0; i < 3; i++) await (await send(`${local.origin}/v1.0/users`)).text();
    expect(new Set(local.seen.map((seen) => seen.port)).size).toBe(1);
  });

  test('leaves an Accept-Encoding the caller set alone', async () => {
    const local = await serve(json(200, USERS));
    await transport().send(`${local.origin}/v1.0/users`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(local.seen[0]!.headers['accept-encoding']).toBe('identity');
  });

  test.each<[string, HeadersInit]>([
    ['a plain object', { Authorization: 'Bearer t-1', Prefer: 'odata.maxpagesize=10' }],
    ['a Headers instance', new Headers({ Authorization: 'Bearer t-1', Prefer: 'odata.maxpagesize=10' })],
    [
      'array pairs',
      [
        ['Authorization', 'Bearer t-1'],
        ['Prefer', 'odata.maxpagesize=10'],
      ],
    ],
  ])('sends the headers given as %s', async (_form, headers) => {
    const local = await serve(json(200, USERS));
    await transport().send(`${local.origin}/v1.0/users`, { headers });
    expect(local.seen[0]!.headers).toMatchObject({
      authorization: 'Bearer t-1',
      prefer: 'odata.maxpagesize=10',
    });
  });

  test.each([
    ['a string', (text: string) => text],
    ['a Buffer', (text: string) => Buffer.from(text)],
  ])('delivers a POST body given as %s intact', async (_form, wrap) => {
    const local = await serve(json(200, { responses: [] }));
    const text = JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/users/ü?$select=id' }] });
    await transport().send(`${local.origin}/v1.0/$batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: wrap(text),
    });
    expect(local.seen[0]!.method).toBe('POST');
    expect(local.seen[0]!.body.toString('utf8')).toBe(text);
    expect(local.seen[0]!.headers['content-length']).toBe(String(Buffer.byteLength(text)));
    expect(local.seen[0]!.headers['content-type']).toBe('application/json');
  });

  test('reads the URL, method, headers and body of a Request object', async () => {
    const local = await serve(json(200, {}));
    await transport().send(
      new Request(`${local.origin}/v1.0/$batch`, {
        method: 'POST',
        headers: { Authorization: 'Bearer t-2' },
        body: '{"requests":[]}',
      }),
    );
    expect(local.seen[0]).toMatchObject({ method: 'POST', url: '/v1.0/$batch' });
    expect(local.seen[0]!.headers.authorization).toBe('Bearer t-2');
    expect(local.seen[0]!.body.toString()).toBe('{"requests":[]}');
  });

  test('hands on a 429 with its Retry-After header and a body that can be drained', async () => {
    const local = await serve(json(429, { error: { code: 'TooManyRequests' } }, { 'Retry-After': '7' }));
    const { send, trips } = transport();
    const response = await send(`${local.origin}/v1.0/users`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(trips).toEqual([[`${local.origin}/v1.0/users`, 429]]);
  });

  test('gives an empty text for a 204', async () => {
    const local = await serve((res) => {
      res.writeHead(204);
      res.end();
    });
    const response = await transport().send(`${local.origin}/v1.0/users/u1`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(response.body).toBeNull();
  });

  test('follows a same-origin 307 with method, body and token, and drops the token on a change of origin', async () => {
    const elsewhere = await serve(json(200, { where: 'elsewhere' }));
    const local = await serve((res, seen) => {
      if (seen.url === '/v1.0/$batch') res.writeHead(307, { Location: '/v1.0/moved' }).end();
      else res.writeHead(302, { Location: `${elsewhere.origin}/v1.0/final` }).end();
    });
    const { send, trips } = transport();
    const response = await send(`${local.origin}/v1.0/$batch`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t-3', 'Content-Type': 'application/json' },
      body: '{"requests":[]}',
    });
    expect(await response.json()).toEqual({ where: 'elsewhere' });
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`${elsewhere.origin}/v1.0/final`);
    expect(local.seen[1]).toMatchObject({ method: 'POST', url: '/v1.0/moved' });
    expect(local.seen[1]!.headers.authorization).toBe('Bearer t-3');
    expect(local.seen[1]!.body.toString()).toBe('{"requests":[]}');
    expect(elsewhere.seen[0]!.method).toBe('GET');
    expect(elsewhere.seen[0]!.headers.authorization).toBeUndefined();
    expect(trips).toEqual([[`${local.origin}/v1.0/$batch`, 200]]);
  });

  describe('fails as a retryable network failure, metered without a status, when', () => {
    async function expectNetworkFailure(url: string, code: string, timeoutMs = 5_000): Promise<void> {
      const { send, trips } = transport(timeoutMs);
      const failure = await failureOf(send(url));
      expect(failure).toBeInstanceOf(WireFailure);
      expect(failure).toMatchObject({ code });
      expect(isNetworkFailure(failure)).toBe(true);
      expect(trips).toEqual([[url, null]]);
    }

    test('no answer comes within the timeout', async () => {
      const local = await serve(() => undefined);
      await expectNetworkFailure(`${local.origin}/v1.0/users`, 'timeout', 100);
    });

    test('the body stalls past the timeout', async () => {
      const local = await serve((res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
        res.write('{"value":[');
      });
      await expectNetworkFailure(`${local.origin}/v1.0/users`, 'timeout', 100);
    });

    test('the connection is refused', async () => {
      const local = await serve(() => undefined);
      await new Promise<void>((resolve) => {
        servers.pop()!.close(() => {
          resolve();
        });
      });
      await expectNetworkFailure(`${local.origin}/v1.0/users`, 'ECONNREFUSED');
    });

    test('the server drops the connection mid-body', async () => {
      const local = await serve((res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        res.write('{"value":[', () => res.socket?.destroy());
      });
      await expectNetworkFailure(`${local.origin}/v1.0/users`, 'ECONNRESET');
    });

    test.each([
      ['garbage', Buffer.from('this is not gzip')],
      ['truncated', zlib.gzipSync(Buffer.from(JSON.stringify(USERS))).subarray(0, 20)],
    ])('a gzip body is %s', async (_how, bytes) => {
      const local = await serve((res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        res.end(bytes);
      });
      await expectNetworkFailure(`${local.origin}/v1.0/users`, 'bad_encoding');
    });
  });

  test("rejects with the caller's AbortError when its signal aborts, and meters no status", async () => {
    const local = await serve(() => undefined);
    const { send, trips } = transport();
    const caller = new AbortController();
    const pending = send(`${local.origin}/v1.0/users`, { signal: caller.signal });
    setTimeout(() => {
      caller.abort();
    }, 50);
    const failure = await failureOf(pending);
    expect(failure).toMatchObject({ name: 'AbortError' });
    expect(trips).toEqual([[`${local.origin}/v1.0/users`, null]]);
  });

  const openssl = spawnSync('openssl', ['version']).status === 0;
  const overHttps = openssl ? 'over https' : 'over https (skipped: no openssl binary to make a certificate)';
  (openssl ? describe : describe.skip)(overHttps, () => {
    let tls: { key: string; cert: string };
    beforeAll(() => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'node-http-tls-'));
      try {
        const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:prime256v1',
            '-nodes',
            '-keyout',
            key,
            '-out',
            cert,
            '-days',
            '1',
            '-subj',
            '/CN=127.0.0.1',
            '-addext',
            'subjectAltName=IP:127.0.0.1',
          ],
          { stdio: 'ignore' },
        );
        tls = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('trusts a server whose certificate is in the given CA and sends it the request', async () => {
      const local = await serve(json(200, USERS), tls);
      const response = await transport(5_000, { ca: tls.cert }).send(`${local.origin}/v1.0/users`, {
        headers: { Authorization: 'Bearer t-4' },
      });
      expect(await response.json()).toEqual(USERS);
      expect(local.seen[0]!.headers.authorization).toBe('Bearer t-4');
    });

    test('refuses a self-signed certificate it was not told to trust', async () => {
      const local = await serve(json(200, USERS), tls);
      const { send, trips } = transport();
      const failure = await failureOf(send(`${local.origin}/v1.0/users`));
      expect(isNetworkFailure(failure)).toBe(true);
      expect(trips).toEqual([[`${local.origin}/v1.0/users`, null]]);
    });
  });
});
