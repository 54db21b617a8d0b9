import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FailingMailboxProxy {
  /** `http://127.0.0.1:PORT/v1.0`: point the gateway here instead of at the emulator. */
  baseUrl: string;
  close(): Promise<void>;
}

const unavailable = { error: { code: 'serviceNotAvailable', message: 'Mailbox unavailable (test proxy).' } };

/**
 * Sits in front of the emulator and makes every request about one mailbox fail with 503 — alone or
 * inside a `$batch` — while passing everything else through (links rewritten to point back here).
 */
export async function startFailingMailboxProxy(
  emulatorBaseUrl: string,
  mailboxId: string,
): Promise<FailingMailboxProxy> {
  const upstream = new URL(emulatorBaseUrl);
  const failing = (url: string) => url.toLowerCase().startsWith(`/users/${mailboxId.toLowerCase()}`);
  let origin = '';
  const forward = async (method: string, path: string, headers: Record<string, string>, body?: string) => {
    const response = await fetch(`${upstream.origin}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    return { status: response.status, text: (await response.text()).split(upstream.origin).join(origin) };
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      if (typeof req.headers.prefer === 'string') headers.prefer = req.headers.prefer;
      const url = req.url ?? '/';
      const reply = (status: number, text: string) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(text);
      };
      const work = async () => {
        if (url === '/v1.0/$batch') {
          const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            requests: { id: string; url: string }[];
          };
          const pass = batch.requests.filter((r) => !failing(r.url));
          const failed = batch.requests
            .filter((r) => failing(r.url))
            .map((r) => ({
              id: r.id,
              status: 503,
              headers: { 'Content-Type': 'application/json' },
              body: unavailable,
            }));
          let responses: unknown[] = [];
          if (pass.length > 0) {
            const answer = await forward('POST', url, headers, JSON.stringify({ requests: pass }));
            if (answer.status !== 200) {
              reply(answer.status, answer.text);
              return;
            }
            responses = (JSON.parse(answer.text) as { responses: unknown[] }).responses;
          }
          reply(200, JSON.stringify({ responses: [...responses, ...failed] }));
          return;
        }
        if (failing(url.replace(/^\/v1\.0/, ''))) {
          reply(503, JSON.stringify(unavailable));
          return;
        }
        const answer = await forward(req.method ?? 'GET', url, headers);
        reply(answer.status, answer.text);
      };
      work().catch(() => {
        reply(502, JSON.stringify({ error: { code: 'badGateway', message: 'proxy' } }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/v1.0`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
