/**
 * The storage port every adapter implements (SQLite embedded, Azure Tables / Cosmos DB Table API).
 * Documents live in collections, grouped by partition (one person's records, say) and keyed within it,
 * the shape Azure Tables serves natively. Writes use optimistic concurrency on an opaque revision.
 */
export interface StoredDocument<T = unknown> {
  partition: string;
  key: string;
  /** Opaque; changes on every write. */
  revision: string;
  value: T;
}

export interface PutOptions {
  /** `null`: the document must not exist yet. A string: it must still be at that revision. Absent: upsert. */
  expectedRevision?: string | null;
}

export interface ListOptions {
  /** Only keys starting with this prefix. */
  prefix?: string;
  /** Keys greater than or equal to this. */
  from?: string;
  /** Keys strictly less than this. */
  to?: string;
  limit?: number;
}

export interface DocumentStore {
  get<T>(collection: string, partition: string, key: string): Promise<StoredDocument<T> | null>;
  /** Documents of one partition in key order. */
  list<T>(collection: string, partition: string, options?: ListOptions): Promise<StoredDocument<T>[]>;
  /** Writes a document; throws `RevisionConflictError` when `expectedRevision` does not hold. Returns the new revision. */
  put(collection: string, partition: string, key: string, value: unknown, options?: PutOptions): Promise<string>;
  /** Writes several documents of one partition atomically (all or none). */
  putBatch(
    collection: string,
    partition: string,
    documents: readonly { key: string; value: unknown; expectedRevision?: string | null }[],
  ): Promise<void>;
  /** Removes a document; a missing one is not an error. */
  delete(collection: string, partition: string, key: string): Promise<void>;
  /**
   * Claims a piece of work that must happen once (a prompt, a reminder). True for exactly one caller per key,
   * across processes and instances; a claim older than `leaseMs` that was never completed may be taken again.
   */
  claim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean>;
  /** Marks a claimed piece of work as done for good: it can never be claimed again. */
  completeClaim(key: string, holder: string): Promise<void>;
  /** Gives a claim back (the work failed and may be retried). */
  releaseClaim(key: string, holder: string): Promise<void>;
  close(): Promise<void>;
}

export class RevisionConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly partition: string,
    readonly key: string,
  ) {
    super(`${collection}/${partition}/${key} was changed by someone else; reload and try again.`);
    this.name = 'RevisionConflictError';
  }
}
