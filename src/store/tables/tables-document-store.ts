import { randomBytes } from 'node:crypto';
import { TableClient, odata } from '@azure/data-tables';
import type { TableEntity, TransactionAction } from '@azure/data-tables';
import type {
  BatchDocument,
  DocumentStore,
  ListOptions,
  PutOptions,
  StoredDocument,
} from '../../ports/document-store';
import { ClaimContentionError, RevisionConflictError } from '../../ports/document-store';
import {
  checkAddress,
  checkClaim,
  checkClaimPrune,
  claimTimeOf,
  compareKeys,
  keyRangeOf,
  leaseOf,
  limitOf,
  serialiseBatch,
  serialiseValue,
} from '../document-rules';
import { asciiPrefixUpperBound, encodeKeyPart, fitKey, keptLength, rowKeyBounds } from './table-keys';
import { joinValue, splitValue } from './table-values';

export interface TablesStoreOptions {
  /** An Azure Storage or Cosmos DB Table API connection string (Azurite's development one works too). */
  connectionString: string;
  /** The one table holding every collection. Default `careerconversations`. */
  tableName?: string;
  /** Needed for `http://` endpoints such as Azurite's. */
  allowInsecureConnection?: boolean;
  /** Create the table at open when missing. Default true. */
  createTable?: boolean;
  /** Longest RowKey written. Default 255 (Cosmos DB's limit; Azure Storage allows 512 characters). */
  maxRowKeyLength?: number;
  /** Longest PartitionKey written. Default 255. */
  maxPartitionKeyLength?: number;
  /**
   * How long one attempt of a request may take before it is abandoned. Default 30 s. The Azure SDK
   * sets no limit, so a connection that stops answering would hold a save for ever. An attempt that times out
   * fails the call (the SDK does not retry it); other transient failures are retried, each attempt bounded, so
   * every store call settles within `(maxRetries + 1) × requestTimeoutMs` plus the back-off, well inside the
   * outbox's hold (see `OUTBOX_INTENT_HOLD_MS`): a change is never saved after the drain has decided it was not.
   */
  requestTimeoutMs?: number;
  /** Retries of a failed request (the SDK's exponential back-off, from 1 s, at most 8 s). Default 3. */
  maxRetries?: number;
}

export const TABLES_REQUEST_TIMEOUT_MS = 30_000;
const TABLES_MAX_RETRY_DELAY_MS = 8_000;

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{2,62}$/;
const CLAIM_PARTITION_PREFIX = '!claim|';
const CLAIM_ROW = 'claim';
/**
 * How often a claim operation re-reads and retries after losing a race (each loss means someone else moved).
 * `claim` then answers false (someone else got there); renewing, completing or releasing a claim that every read
 * showed still ours throws `ClaimContentionError` instead, since nothing was decided.
 */
export const CLAIM_ATTEMPTS = 5;
/**
 * Deletes `pruneClaims` has in flight at once. Each claim is a partition of its own, and a transaction holds one
 * partition only, so there is nothing to batch into transactions: deletes go one request each, this many at once.
 */
const PRUNE_CONCURRENCY = 16;

/**
 * The storage port over Azure Tables / Cosmos DB Table API, in ONE table:
 * PartitionKey `${collection}|${encoded partition}` (collection names are identifiers, so the `|` is unambiguous),
 * RowKey the encoded key (see `table-keys.ts`), the real key in property `k`, the JSON value in `v0…` (see
 * `table-values.ts`), the entity's ETag as the revision. One table keeps set-up to a single `createTable`, and a
 * (collection, partition) pair is exactly one Azure partition, which is what a `putBatch` transaction needs.
 * Claims live in the same table, one partition each (`!claim|${encoded key}`) so they never contend.
 */
export async function openTablesStore(options: TablesStoreOptions): Promise<DocumentStore> {
  const tableName = options.tableName ?? 'careerconversations';
  if (!TABLE_NAME.test(tableName)) {
    throw new RangeError(
      `"${tableName}" is not a table name: 3 to 63 letters or digits, starting with a letter.`,
    );
  }
  const timeoutMs = options.requestTimeoutMs ?? TABLES_REQUEST_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? 3;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(
      `The Tables request timeout must be a positive number of milliseconds (got ${timeoutMs}).`,
    );
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RangeError(`The Tables retry count must be a whole number from 0 (got ${maxRetries}).`);
  }
  const client = TableClient.fromConnectionString(options.connectionString, tableName, {
    allowInsecureConnection: options.allowInsecureConnection ?? false,
    retryOptions: { maxRetries, maxRetryDelayInMs: TABLES_MAX_RETRY_DELAY_MS },
    additionalPolicies: [{ policy: requestTimeoutPolicy(timeoutMs), position: 'perRetry' }],
  });
  if (options.createTable ?? true) await client.createTable();
  return new TablesDocumentStore(
    client,
    options.maxRowKeyLength ?? 255,
    options.maxPartitionKeyLength ?? 255,
  );
}

type TablesClientOptions = NonNullable<Parameters<typeof TableClient.fromConnectionString>[2]>;
type PipelinePolicy = NonNullable<TablesClientOptions['additionalPolicies']>[number]['policy'];

/** Gives every attempt a deadline (a request that sets its own keeps it). */
function requestTimeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: 'careerRequestTimeout',
    sendRequest: (request, next) => {
      if (!request.timeout) request.timeout = timeoutMs;
      return next(request);
    },
  };
}

/** `k`: the real key; `n` and `v0…`: the value's JSON in chunks. */
type DocumentEntity = Record<string, string | number>;

interface ClaimEntity {
  k: string;
  holder: string;
  token: string;
  claimedAt: number;
  completed: boolean;
}

class TablesDocumentStore implements DocumentStore {
  private closed = false;

  constructor(
    private readonly client: TableClient,
    private readonly maxRowKey: number,
    private readonly maxPartitionKey: number,
  ) {}

  async get<T>(collection: string, partition: string, key: string): Promise<StoredDocument<T> | null> {
    this.ready();
    checkAddress(collection, partition, key);
    const entity = await orNull(
      this.client.getEntity<DocumentEntity>(this.partitionKey(collection, partition), this.rowKey(key)),
    );
    return entity ? toDocument<T>(partition, entity) : null;
  }

  async list<T>(collection: string, partition: string, options?: ListOptions): Promise<StoredDocument<T>[]> {
    this.ready();
    checkAddress(collection, partition);
    const range = keyRangeOf(options);
    const limit = limitOf(options);
    if (range.empty || limit === 0) return [];
    const bounds = rowKeyBounds(range.lower, range.upper, this.maxRowKey);
    let filter = odata`PartitionKey eq ${this.partitionKey(collection, partition)}`;
    if (bounds.lower !== null) filter += ` and ${odata`RowKey ge ${bounds.lower}`}`;
    if (bounds.upper !== null) filter += ` and ${odata`RowKey lt ${bounds.upper}`}`;
    const documents: StoredDocument<T>[] = [];
    // Cosmos DB does not return rows in key order, and shortened keys sort only roughly: filter and sort here.
    for await (const entity of this.client.listEntities<DocumentEntity>({ queryOptions: { filter } })) {
      const key = realKey(entity);
      if (range.lower !== null && compareKeys(key, range.lower) < 0) continue;
      if (range.upper !== null && compareKeys(key, range.upper) >= 0) continue;
      documents.push(toDocument<T>(partition, entity));
    }
    documents.sort((a, b) => compareKeys(a.key, b.key));
    return limit === null ? documents : documents.slice(0, limit);
  }

  async put(
    collection: string,
    partition: string,
    key: string,
    value: unknown,
    options?: PutOptions,
  ): Promise<string> {
    this.ready();
    checkAddress(collection, partition, key);
    const entity = this.entity(collection, partition, key, serialiseValue(collection, partition, key, value));
    const expected = options?.expectedRevision;
    try {
      if (expected === undefined) return required((await this.client.upsertEntity(entity, 'Replace')).etag);
      if (expected === null) return required((await this.client.createEntity(entity)).etag);
      return required((await this.client.updateEntity(entity, 'Replace', { etag: expected })).etag);
    } catch (error) {
      if (expected !== undefined && isConflict(error))
        throw new RevisionConflictError(collection, partition, key);
      throw error;
    }
  }

  async putBatch(
    collection: string,
    partition: string,
    documents: readonly BatchDocument[],
  ): Promise<string[]> {
    this.ready();
    const batch = serialiseBatch(collection, partition, documents);
    if (batch.length === 0) return [];
    const entities = batch.map((doc) => this.entity(collection, partition, doc.key, doc.json));
    const actions = batch.map((doc, i): TransactionAction => {
      const entity = entities[i] as TableEntity<DocumentEntity>;
      if (doc.expectedRevision === undefined) return ['upsert', entity, 'Replace'];
      if (doc.expectedRevision === null) return ['create', entity];
      return ['update', entity, 'Replace', { etag: doc.expectedRevision }];
    });
    try {
      const response = await this.client.submitTransaction(actions);
      // Sub-responses come back in the order of the operations (upserts carry no row key to match them by).
      return entities.map((_, i) => required(response.subResponses[i]?.etag));
    } catch (error) {
      if (!isConflict(error)) throw error;
      // The service names the failing operation by its index at the start of the message: "1:The specified…".
      const index = Number(/^(\d+):/.exec(errorMessage(error))?.[1] ?? 0);
      const failed = batch[index] ?? batch[0];
      throw new RevisionConflictError(collection, partition, failed?.key ?? '');
    }
  }

  async delete(collection: string, partition: string, key: string): Promise<void> {
    this.ready();
    checkAddress(collection, partition, key);
    try {
      await this.client.deleteEntity(this.partitionKey(collection, partition), this.rowKey(key));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  async claim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean> {
    this.ready();
    checkClaim(key, holder);
    const lease = leaseOf(leaseMs);
    const at = claimTimeOf(key, now);
    // A token per call tells our own write apart from another caller's when the service's answer was lost
    // and a retry saw "already exists" or "condition not met".
    const fresh: TableEntity<ClaimEntity> = {
      partitionKey: this.claimPartitionKey(key),
      rowKey: CLAIM_ROW,
      k: key,
      holder,
      token: randomBytes(12).toString('base64url'),
      claimedAt: at,
      completed: false,
    };
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      try {
        await this.client.createEntity(fresh);
        return true;
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const current = await this.readClaim(key);
      if (current === null) continue; // released meanwhile: try to create it again
      if (current.token === fresh.token) return true;
      if (current.completed || at - current.claimedAt < lease) return false;
      try {
        await this.client.updateEntity(fresh, 'Replace', { etag: current.etag });
        return true;
      } catch (error) {
        if (!isConflict(error)) throw error; // someone else moved first: look again
      }
    }
    return false;
  }

  async renewClaim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean> {
    this.ready();
    checkClaim(key, holder);
    leaseOf(leaseMs);
    const at = claimTimeOf(key, now);
    // The token stays: it names the claim call that won, not this renewal.
    return this.changeClaim(key, holder, 'renew', (claim) => (claim.completed ? false : { claimedAt: at }));
  }

  async completeClaim(key: string, holder: string): Promise<boolean> {
    this.ready();
    checkClaim(key, holder);
    return this.changeClaim(key, holder, 'complete', (claim) =>
      claim.completed ? true : { completed: true },
    );
  }

  /**
   * Changes `holder`'s claim: `change` answers from the version read, either at once (a boolean), with the
   * fields to write, or `'delete'`. The write is conditional on that version, so a takeover, completion or
   * release in between fails it and the next read decides again; false when the claim is missing (deleted
   * meanwhile included) or someone else's. When every attempt lost its race while each read still showed the
   * claim ours, nothing was decided: that throws `ClaimContentionError` (a false would tell the caller its claim
   * was taken over).
   */
  private async changeClaim(
    key: string,
    holder: string,
    operation: 'renew' | 'complete' | 'release',
    change: (claim: ClaimEntity) => boolean | Partial<ClaimEntity> | 'delete',
  ): Promise<boolean> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      const current = await this.readClaim(key);
      if (current?.holder !== holder) return false;
      const decided = change(current);
      if (typeof decided === 'boolean') return decided;
      const { etag, ...claim } = current;
      try {
        if (decided === 'delete') await this.client.deleteEntity(claim.partitionKey, claim.rowKey, { etag });
        else await this.client.updateEntity({ ...claim, ...decided }, 'Replace', { etag });
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        if (!isConflict(error)) throw error;
      }
    }
    throw new ClaimContentionError(key, operation, CLAIM_ATTEMPTS);
  }

  async releaseClaim(key: string, holder: string): Promise<boolean> {
    this.ready();
    checkClaim(key, holder);
    // A completed claim is never given back.
    return this.changeClaim(key, holder, 'release', (claim) => (claim.completed ? false : 'delete'));
  }

  async pruneClaims(prefix: string, claimedBefore: Date): Promise<number> {
    this.ready();
    const before = checkClaimPrune(prefix, claimedBefore);
    // Every claim partition of a key starting with `prefix` starts with this, shortened (hashed) ones included;
    // encodings sort and prefix like the keys. The real key `k` is checked again below.
    const lower = (CLAIM_PARTITION_PREFIX + encodeKeyPart(prefix)).slice(0, keptLength(this.maxPartitionKey));
    const upper = asciiPrefixUpperBound(lower);
    let filter = odata`PartitionKey ge ${lower}`;
    if (upper !== null) filter += ` and ${odata`PartitionKey lt ${upper}`}`;
    // claimedAt is stored as Edm.Double (epoch milliseconds do not fit Edm.Int32): compare it with a Double
    // literal, since the service does not convert between numeric types.
    filter += ` and RowKey eq '${CLAIM_ROW}' and completed eq true and claimedAt lt ${before.toFixed(1)}`;
    let pruned = 0;
    let pending: { partitionKey: string; etag: string }[] = [];
    const flush = async (): Promise<void> => {
      const deleted = await Promise.all(pending.map((claim) => this.deleteClaim(claim)));
      pruned += deleted.filter(Boolean).length;
      pending = [];
    };
    for await (const entity of this.client.listEntities<ClaimEntity>({ queryOptions: { filter } })) {
      if (typeof entity.k !== 'string' || !entity.k.startsWith(prefix)) continue;
      if (!entity.completed || !(entity.claimedAt < before)) continue;
      // The ETag makes each delete conditional: a claim that changed after this read is left alone.
      pending.push({
        partitionKey: entity.partitionKey ?? this.claimPartitionKey(entity.k),
        etag: required(entity.etag),
      });
      if (pending.length >= PRUNE_CONCURRENCY) await flush();
    }
    await flush();
    return pruned;
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  /** Deletes a claim still at the version read; false when it is gone or changed meanwhile. */
  private async deleteClaim(claim: { partitionKey: string; etag: string }): Promise<boolean> {
    try {
      await this.client.deleteEntity(claim.partitionKey, CLAIM_ROW, { etag: claim.etag });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  private async readClaim(
    key: string,
  ): Promise<(ClaimEntity & { partitionKey: string; rowKey: string; etag: string }) | null> {
    const partitionKey = this.claimPartitionKey(key);
    const entity = await orNull(this.client.getEntity<ClaimEntity>(partitionKey, CLAIM_ROW));
    if (!entity) return null;
    return {
      partitionKey,
      rowKey: CLAIM_ROW,
      etag: entity.etag,
      k: entity.k,
      holder: entity.holder,
      token: entity.token,
      claimedAt: entity.claimedAt,
      completed: entity.completed,
    };
  }

  private entity(
    collection: string,
    partition: string,
    key: string,
    json: string,
  ): TableEntity<DocumentEntity> {
    return {
      partitionKey: this.partitionKey(collection, partition),
      rowKey: this.rowKey(key),
      k: key,
      ...splitValue(json),
    };
  }

  private partitionKey(collection: string, partition: string): string {
    return fitKey(`${collection}|${encodeKeyPart(partition)}`, this.maxPartitionKey);
  }

  private rowKey(key: string): string {
    return fitKey(encodeKeyPart(key), this.maxRowKey);
  }

  private claimPartitionKey(key: string): string {
    return fitKey(CLAIM_PARTITION_PREFIX + encodeKeyPart(key), this.maxPartitionKey);
  }

  private ready(): void {
    if (this.closed) throw new Error('This store is closed.');
  }
}

function toDocument<T>(partition: string, entity: DocumentEntity & { etag: string }): StoredDocument<T> {
  return {
    partition,
    key: realKey(entity),
    revision: entity.etag,
    value: JSON.parse(joinValue(entity)) as T,
  };
}

function realKey(entity: DocumentEntity): string {
  const key = entity['k'];
  if (typeof key !== 'string')
    throw new Error('A stored document has no key (k); it was not written by this adapter.');
  return key;
}

/** 409: already exists; 412: the ETag no longer matches; 404: gone before a conditional update. */
function isConflict(error: unknown): boolean {
  const status = statusOf(error);
  return status === 409 || status === 412 || status === 404;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const status = error.statusCode;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

function required(etag: string | undefined): string {
  if (etag === undefined) throw new Error('The table service answered without an ETag.');
  return etag;
}
