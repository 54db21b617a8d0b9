import type {
  BatchDocument,
  DocumentStore,
  ListOptions,
  PutOptions,
  StoredDocument,
} from '../../ports/document-store';
import { RevisionConflictError } from '../../ports/document-store';
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
  settle,
} from '../document-rules';
import { newRevision } from '../revision';

interface MemoryRow {
  revision: string;
  json: string;
}

interface MemoryClaim {
  holder: string;
  claimedAt: number;
  completed: boolean;
}

/**
 * The data behind one or more in-memory stores. Two stores opened on the same `MemoryData` behave like two
 * instances sharing one database, which the contract suite uses for its "second instance" cases.
 */
export class MemoryData {
  /** collection → partition → key → row */
  readonly documents = new Map<string, Map<string, Map<string, MemoryRow>>>();
  readonly claims = new Map<string, MemoryClaim>();
}

/** A fast fake of the storage port for use-case tests, with the same semantics as the real adapters. */
export function openMemoryStore(data: MemoryData = new MemoryData()): DocumentStore {
  return new MemoryDocumentStore(data);
}

class MemoryDocumentStore implements DocumentStore {
  private closed = false;

  constructor(private readonly data: MemoryData) {}

  get<T>(collection: string, partition: string, key: string): Promise<StoredDocument<T> | null> {
    return this.run(() => {
      checkAddress(collection, partition, key);
      const row = this.partitionOf(collection, partition, false)?.get(key);
      return row ? { partition, key, revision: row.revision, value: JSON.parse(row.json) as T } : null;
    });
  }

  list<T>(collection: string, partition: string, options?: ListOptions): Promise<StoredDocument<T>[]> {
    return this.run(() => {
      checkAddress(collection, partition);
      const range = keyRangeOf(options);
      const limit = limitOf(options);
      const rows = this.partitionOf(collection, partition, false);
      if (!rows || range.empty) return [];
      const keys = [...rows.keys()]
        .filter(
          (key) =>
            (range.lower === null || compareKeys(key, range.lower) >= 0) &&
            (range.upper === null || compareKeys(key, range.upper) < 0),
        )
        .sort(compareKeys)
        .slice(0, limit ?? undefined);
      return keys.map((key) => {
        const row = rows.get(key) as MemoryRow;
        return { partition, key, revision: row.revision, value: JSON.parse(row.json) as T };
      });
    });
  }

  put(
    collection: string,
    partition: string,
    key: string,
    value: unknown,
    options?: PutOptions,
  ): Promise<string> {
    return this.run(() => {
      checkAddress(collection, partition, key);
      const json = serialiseValue(collection, partition, key, value);
      const current = this.partitionOf(collection, partition, false)?.get(key);
      this.check(collection, partition, key, current, options?.expectedRevision);
      const revision = newRevision();
      this.partitionOf(collection, partition, true).set(key, { revision, json });
      return revision;
    });
  }

  putBatch(collection: string, partition: string, documents: readonly BatchDocument[]): Promise<string[]> {
    return this.run(() => {
      const batch = serialiseBatch(collection, partition, documents);
      const existing = this.partitionOf(collection, partition, false);
      for (const doc of batch) {
        this.check(collection, partition, doc.key, existing?.get(doc.key), doc.expectedRevision);
      }
      if (batch.length === 0) return [];
      const rows = this.partitionOf(collection, partition, true);
      return batch.map((doc) => {
        const revision = newRevision();
        rows.set(doc.key, { revision, json: doc.json });
        return revision;
      });
    });
  }

  delete(collection: string, partition: string, key: string): Promise<void> {
    return this.run(() => {
      checkAddress(collection, partition, key);
      const rows = this.partitionOf(collection, partition, false);
      rows?.delete(key);
      if (rows?.size === 0) this.data.documents.get(collection)?.delete(partition);
    });
  }

  claim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean> {
    return this.run(() => {
      checkClaim(key, holder);
      const lease = leaseOf(leaseMs);
      const at = claimTimeOf(key, now);
      const existing = this.data.claims.get(key);
      if (existing && (existing.completed || at - existing.claimedAt < lease)) return false;
      this.data.claims.set(key, { holder, claimedAt: at, completed: false });
      return true;
    });
  }

  renewClaim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean> {
    return this.run(() => {
      checkClaim(key, holder);
      leaseOf(leaseMs);
      const at = claimTimeOf(key, now);
      const existing = this.data.claims.get(key);
      if (existing?.holder !== holder || existing.completed) return false;
      existing.claimedAt = at;
      return true;
    });
  }

  completeClaim(key: string, holder: string): Promise<boolean> {
    return this.run(() => {
      checkClaim(key, holder);
      const existing = this.data.claims.get(key);
      if (existing?.holder !== holder) return false;
      existing.completed = true;
      return true;
    });
  }

  releaseClaim(key: string, holder: string): Promise<boolean> {
    return this.run(() => {
      checkClaim(key, holder);
      const existing = this.data.claims.get(key);
      if (existing?.holder !== holder || existing.completed) return false;
      this.data.claims.delete(key);
      return true;
    });
  }

  pruneClaims(prefix: string, claimedBefore: Date): Promise<number> {
    return this.run(() => {
      const before = checkClaimPrune(prefix, claimedBefore);
      let pruned = 0;
      for (const [key, claim] of this.data.claims) {
        if (!key.startsWith(prefix) || !claim.completed || claim.claimedAt >= before) continue;
        this.data.claims.delete(key);
        pruned += 1;
      }
      return pruned;
    });
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private run<R>(operation: () => R): Promise<R> {
    return settle(() => {
      if (this.closed) throw new Error('This store is closed.');
      return operation();
    });
  }

  private check(
    collection: string,
    partition: string,
    key: string,
    row: MemoryRow | undefined,
    expected: string | null | undefined,
  ): void {
    if (expected === undefined) return;
    if (expected === null ? row !== undefined : row?.revision !== expected) {
      throw new RevisionConflictError(collection, partition, key);
    }
  }

  private partitionOf(collection: string, partition: string, create: true): Map<string, MemoryRow>;
  private partitionOf(
    collection: string,
    partition: string,
    create: false,
  ): Map<string, MemoryRow> | undefined;
  private partitionOf(
    collection: string,
    partition: string,
    create: boolean,
  ): Map<string, MemoryRow> | undefined {
    let partitions = this.data.documents.get(collection);
    if (!partitions) {
      if (!create) return undefined;
      partitions = new Map();
      this.data.documents.set(collection, partitions);
    }
    let rows = partitions.get(partition);
    if (!rows && create) {
      rows = new Map();
      partitions.set(partition, rows);
    }
    return rows;
  }
}
