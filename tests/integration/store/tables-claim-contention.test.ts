import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DocumentStore } from '../../../src/ports/document-store';
import { ClaimContentionError } from '../../../src/ports/document-store';
import { CLAIM_ATTEMPTS, openTablesStore } from '../../../src/store/tables/tables-document-store';

/**
 * Renewing, completing or releasing a claim reads it and writes conditionally on its ETag; a write that loses
 * the race reads again. When every attempt loses while each read still shows the claim ours, nothing was
 * decided: the store must throw, not answer false (which callers read as "taken over", see `renewingClaims`).
 *
 * The race is produced deterministically by a small Table endpoint standing in for the service, spoken to by
 * the real Azure SDK: it keeps entities in memory and, while contending, has "someone else" touch the entity
 * (a new ETag, the same holder) just before each conditional write lands, so every write answers 412.
 */
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const ACCOUNT = 'devstoreaccount1';
const TABLE = 'careerconversations';
const ENTITY_PATH = new RegExp(
  `^/${ACCOUNT}/${TABLE}(?:\\(PartitionKey='((?:[^']|'')*)',RowKey='((?:[^']|'')*)'\\))?$`,
);

interface FakeTables {
  connectionString: string;
  /** While on, every conditional update or delete finds the entity changed by someone else (412). */
  contend(on: boolean): void;
  /** Update (PUT) and delete requests received so far. */
  writes(): number;
  close(): Promise<void>;
}

type Properties = Record<string, unknown>;

interface Reply {
  status: number;
  headers: Record<string, string>;
  json?: unknown;
}

const JSON_TYPE = 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';

function failure(status: number, code: string): Reply {
  const json = { 'odata.error': { code, message: { lang: 'en-US', value: code } } };
  return { status, headers: { 'x-ms-error-code': code }, json };
}

function entityId(partitionKey: string, rowKey: string): string {
  return `${partitionKey}\u0000${rowKey}`;
}

async function fakeTables(): Promise<FakeTables> {
  const entities = new Map<string, { etag: string; properties: Properties }>();
  let versions = 0;
  let contending = false;
  let writes = 0;
  const nextEtag = (): string =>
    `W/"datetime'${new Date(Date.UTC(2025, 0, 1, 0, 0, 0, ++versions)).toISOString()}'"`;

  /** What the service answers a request: the whole of the fake's behaviour. */
  const respond = (method: string, url: string, ifMatch: string, body: string): Reply => {
    const match = ENTITY_PATH.exec(decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname));
    if (!match) return failure(400, 'InvalidUri');
    if (match[1] === undefined) {
      if (method !== 'POST') return failure(405, 'UnsupportedHttpVerb');
      const properties = JSON.parse(body) as Properties;
      const created = entityId(String(properties['PartitionKey']), String(properties['RowKey']));
      if (entities.has(created)) return failure(409, 'EntityAlreadyExists');
      const etag = nextEtag();
      entities.set(created, { etag, properties });
      return { status: 204, headers: { ETag: etag, 'Preference-Applied': 'return-no-content' } };
    }
    const id = entityId(unquote(match[1]), unquote(match[2] ?? ''));
    const stored = entities.get(id);
    if (method === 'GET') {
      if (!stored) return failure(404, 'ResourceNotFound');
      const json = {
        'odata.metadata': `http://127.0.0.1/${ACCOUNT}/$metadata#${TABLE}/@Element`,
        'odata.etag': stored.etag,
        ...stored.properties,
      };
      return { status: 200, headers: { ETag: stored.etag }, json };
    }
    if (method !== 'PUT' && method !== 'DELETE') return failure(405, 'UnsupportedHttpVerb');
    writes += 1;
    if (!stored) return failure(404, 'ResourceNotFound');
    // Someone else wrote the entity between our read and this write: its holder stays, its ETag moves on.
    if (contending && ifMatch !== '*') stored.etag = nextEtag();
    if (ifMatch !== '*' && ifMatch !== stored.etag) return failure(412, 'UpdateConditionNotSatisfied');
    if (method === 'DELETE') {
      entities.delete(id);
      return { status: 204, headers: {} };
    }
    const etag = nextEtag();
    entities.set(id, { etag, properties: JSON.parse(body) as Properties });
    return { status: 204, headers: { ETag: etag } };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const reply = respond(req.method ?? 'GET', req.url ?? '/', req.headers['if-match'] ?? '*', body);
      const text = reply.json === undefined ? '' : JSON.stringify(reply.json);
      res.writeHead(reply.status, {
        ...reply.headers,
        ...(reply.json === undefined ? {} : { 'Content-Type': JSON_TYPE }),
        'Content-Length': String(Buffer.byteLength(text)),
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${DEV_KEY};` +
      `TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    contend: (on) => {
      contending = on;
    },
    writes: () => writes,
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

function unquote(text: string): string {
  return text.replace(/''/g, "'");
}

/** What a call rejected with (it must reject). */
async function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('The call resolved; it was expected to reject.');
}

describe('Tables store: a claim that keeps changing while it is renewed, completed or released', () => {
  let tables: FakeTables;
  let store: DocumentStore;
  const now = new Date();

  beforeAll(async () => {
    tables = await fakeTables();
    store = await openTablesStore({
      connectionString: tables.connectionString,
      allowInsecureConnection: true,
      createTable: false,
      requestTimeoutMs: 5_000,
      // Only the store's own attempts reach the endpoint, so they can be counted.
      maxRetries: 0,
    });
  });

  afterEach(() => {
    tables.contend(false);
  });

  afterAll(async () => {
    await store.close();
    await tables.close();
  });

  /** Runs `operation` on a claim `me` holds while every write loses its race; answers the error and the writes. */
  async function underContention(
    key: string,
    operation: () => Promise<boolean>,
  ): Promise<{ error: unknown; writes: number }> {
    expect(await store.claim(key, 'me', now)).toBe(true);
    tables.contend(true);
    const before = tables.writes();
    const error = await rejectionOf(operation());
    const writes = tables.writes() - before;
    tables.contend(false);
    return { error, writes };
  }

  /** Runs `operation` under contention: it throws the contention error naming the key, after every attempt wrote. */
  async function expectContention(
    key: string,
    operation: 'renew' | 'complete' | 'release',
    run: () => Promise<boolean>,
  ): Promise<void> {
    const { error, writes } = await underContention(key, run);
    const done = { renew: 'renewed', complete: 'completed', release: 'released' }[operation];
    expect(error).toBeInstanceOf(ClaimContentionError);
    expect(error).toMatchObject({
      name: 'ClaimContentionError',
      code: 'store.claim_contention',
      key,
      operation,
      attempts: CLAIM_ATTEMPTS,
      message: `The claim "${key}" kept changing while it was being ${done} (${CLAIM_ATTEMPTS} attempts); try again.`,
    });
    expect(writes).toBe(CLAIM_ATTEMPTS);
  }

  it('renewClaim throws ClaimContentionError after every attempt lost, instead of answering "taken over"', async () => {
    const key = 'sync-shard:32/7:2025-01-01T00:00:00.000Z';
    await expectContention(key, 'renew', () => store.renewClaim(key, 'me', now));
    // Nothing was decided: once the race is over, trying again renews the claim, which is still ours.
    expect(await store.renewClaim(key, 'me', now)).toBe(true);
  });

  it('completeClaim throws ClaimContentionError after every attempt lost', async () => {
    const key = 'outbox:entry-1:0';
    await expectContention(key, 'complete', () => store.completeClaim(key, 'me'));
    expect(await store.completeClaim(key, 'me')).toBe(true);
    expect(await store.claim(key, 'someone', new Date(now.getTime() + 60 * 60_000))).toBe(false);
  });

  it('releaseClaim throws ClaimContentionError after every attempt lost', async () => {
    const key = 'welcome:ava:install-1';
    await expectContention(key, 'release', () => store.releaseClaim(key, 'me'));
    expect(await store.releaseClaim(key, 'me')).toBe(true);
    expect(await store.claim(key, 'someone', now)).toBe(true);
  });

  it("a claim read as someone else's, missing or (for release) completed still answers false, writing nothing", async () => {
    const theirs = 'sync-shard:32/8:2025-01-01T00:00:00.000Z';
    expect(await store.claim(theirs, 'someone', now)).toBe(true);
    const done = 'sync-shard:32/9:2025-01-01T00:00:00.000Z';
    expect(await store.claim(done, 'me', now)).toBe(true);
    expect(await store.completeClaim(done, 'me')).toBe(true);
    tables.contend(true);
    const before = tables.writes();

    await expect(store.renewClaim(theirs, 'me', now)).resolves.toBe(false);
    await expect(store.completeClaim(theirs, 'me')).resolves.toBe(false);
    await expect(store.releaseClaim(theirs, 'me')).resolves.toBe(false);
    await expect(store.renewClaim('never-claimed', 'me', now)).resolves.toBe(false);
    await expect(store.completeClaim('never-claimed', 'me')).resolves.toBe(false);
    await expect(store.releaseClaim('never-claimed', 'me')).resolves.toBe(false);
    await expect(store.releaseClaim(done, 'me')).resolves.toBe(false);
    await expect(store.renewClaim(done, 'me', now)).resolves.toBe(false);
    await expect(store.completeClaim(done, 'me')).resolves.toBe(true);

    expect(tables.writes() - before).toBe(0);
  });
});
