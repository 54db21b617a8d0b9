import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LoadConnection, postBytes } from '../../../bench/support/http-load';

/** The bot bench's load generator against a real Node HTTP server: answers read whole, failures never hang. */
describe('LoadConnection', () => {
  let server: http.Server;
  let url: URL;
  const sockets = new Set<unknown>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        sockets.add(req.socket);
        if (body === '"chunked"') {
          res.write('part one, ');
          res.end('part two');
        } else if (body === '"hang up"') {
          req.socket.destroy();
        } else {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ echo: body, big: 'é'.repeat(30_000) }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  });

  it('sends one POST after another on one keep-alive connection and reads each answer whole', async () => {
    const connection = new LoadConnection(url);
    sockets.clear();
    for (const n of [1, 2, 3]) {
      const answer = await connection.send(postBytes(url, JSON.stringify({ n })));
      expect(answer.status).toBe(200);
      const parsed = JSON.parse(answer.body.toString('utf8')) as { echo: string; big: string };
      expect(parsed.echo).toBe(JSON.stringify({ n }));
      expect(parsed.big).toHaveLength(30_000);
    }
    expect(sockets.size).toBe(1);
    connection.close();
  });

  it('refuses an answer without Content-Length, and a connection the server drops, then connects again', async () => {
    const connection = new LoadConnection(url);
    await expect(connection.send(postBytes(url, '"chunked"'))).rejects.toThrow(/without Content-Length/);
    await expect(connection.send(postBytes(url, '"hang up"'))).rejects.toThrow();
    const answer = await connection.send(postBytes(url, '"again"'));
    expect(answer.status).toBe(200);
    connection.close();
  });

  it('takes one request at a time', async () => {
    const connection = new LoadConnection(url);
    const first = connection.send(postBytes(url, '"one"'));
    await expect(connection.send(postBytes(url, '"two"'))).rejects.toThrow(/One request at a time/);
    await expect(first).resolves.toMatchObject({ status: 200 });
    connection.close();
  });
});
