import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openTablesStore } from '../../../src/store/tables/tables-document-store';

/**
 * A Tables endpoint that reads every request and never answers: the case where the Azure SDK, left to its
 * defaults, would wait for ever. An attempt gives up after the request timeout (the SDK does not retry an attempt
 * that timed out) and the call fails, so no store call outlives its bound (the outbox's hold depends on it).
 */
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

interface SilentEndpoint {
  connectionString: string;
  requests: () => number;
  close: () => Promise<void>;
}

async function silentEndpoint(): Promise<SilentEndpoint> {
  let requests = 0;
  const server = http.createServer((req) => {
    requests += 1;
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};` +
      `TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
    requests: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

describe('Tables store: a service that stops answering', () => {
  let endpoint: SilentEndpoint;

  beforeEach(async () => {
    endpoint = await silentEndpoint();
  });

  afterEach(async () => {
    await endpoint.close();
  });

  it('a read that gets no answer fails once its attempt times out, instead of waiting for ever', async () => {
    const store = await openTablesStore({
      connectionString: endpoint.connectionString,
      allowInsecureConnection: true,
      createTable: false,
      requestTimeoutMs: 150,
      maxRetries: 1,
    });
    const started = performance.now();
    await expect(store.get('people', 'directory', 'ava')).rejects.toThrow();
    const elapsed = performance.now() - started;
    expect(endpoint.requests()).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(5_000);
    await store.close();
  });

  it('a write gives up the same way and is reported as failed', async () => {
    const store = await openTablesStore({
      connectionString: endpoint.connectionString,
      allowInsecureConnection: true,
      createTable: false,
      requestTimeoutMs: 150,
      maxRetries: 0,
    });
    await expect(store.put('people', 'directory', 'ava', { name: 'Ava' })).rejects.toThrow();
    expect(endpoint.requests()).toBe(1);
    await store.close();
  });

  it('opening with a table to create fails instead of hanging', async () => {
    await expect(
      openTablesStore({
        connectionString: endpoint.connectionString,
        allowInsecureConnection: true,
        requestTimeoutMs: 150,
        maxRetries: 0,
      }),
    ).rejects.toThrow();
    expect(endpoint.requests()).toBe(1);
  });

  it('refuses a timeout or retry count that makes no sense, before any request', async () => {
    const open = (options: { requestTimeoutMs?: number; maxRetries?: number }) =>
      openTablesStore({
        connectionString: endpoint.connectionString,
        allowInsecureConnection: true,
        ...options,
      });
    await expect(open({ requestTimeoutMs: 0 })).rejects.toThrow(/timeout must be a positive number/);
    await expect(open({ requestTimeoutMs: Number.NaN })).rejects.toThrow(/timeout/);
    await expect(open({ maxRetries: -1 })).rejects.toThrow(/retry count/);
    await expect(open({ maxRetries: 1.5 })).rejects.toThrow(/retry count/);
    expect(endpoint.requests()).toBe(0);
  });
});
