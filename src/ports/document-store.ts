/**
 * The storage port every adapter implements (SQLite embedded, Azure Tables / Cosmos DB Table API).
 * Documents live in collections, grouped by partition (one person's records, say) and keyed within it,
 * the shape Azure Tables serves natively. Writes use optimistic concurrency on an opaque revision.
 *
 * Rules every adapter keeps the same way (the contract suite checks them):
 * - Collection names are identifiers: a letter, then letters or digits (at most 63 characters).
 * - Partitions and keys are any non-empty strings; adapters encode them as their backend needs.
 * - Keys sort by Unicode code point (the order of their UTF-8 bytes).
 * - Values are JSON: what `JSON.stringify` drops or changes (undefined, Dates) comes back that way.
 * - A value's JSON is at most `MAX_DOCUMENT_CHARS` characters; a batch holds at most `MAX_BATCH_DOCUMENTS`
 *   documents and `MAX_BATCH_CHARS` characters of JSON. Larger ones throw `DocumentTooLargeError`.
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

export interface BatchDocument {
  key: string;
  value: unknown;
  expectedRevision?: string | null;
}

export interface DocumentStore {
  get<T>(collection: string, partition: string, key: string): Promise<StoredDocument<T> | null>;
  /** Documents of one partition in key order. */
  list<T>(collection: string, partition: string, options?: ListOptions): Promise<StoredDocument<T>[]>;
  /** Writes a document; throws `RevisionConflictError` when `expectedRevision` does not hold. Returns the new revision. */
  put(
    collection: string,
    partition: string,
    key: string,
    value: unknown,
    options?: PutOptions,
  ): Promise<string>;
  /**
   * Writes several documents of one partition atomically (all or none); distinct keys only.
   * Throws `RevisionConflictError` (naming the first document that did not hold) and writes nothing when any
   * `expectedRevision` does not hold. Returns the new revisions in the order of `documents`.
   */
  putBatch(collection: string, partition: string, documents: readonly BatchDocument[]): Promise<string[]>;
  /** Removes a document; a missing one is not an error. */
  delete(collection: string, partition: string, key: string): Promise<void>;
  /**
   * Claims a piece of work that must happen once (a prompt, a reminder). True for exactly one caller per key,
   * across processes and instances; a claim at least `leaseMs` old (default `DEFAULT_CLAIM_LEASE_MS`) that was
   * never completed may be taken again, by any holder. Instances' clocks are assumed to agree within the lease.
   */
  claim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean>;
  /**
   * Keeps a claim whose work outlasts its lease (renew well within it: every third of the lease, say). True when
   * `holder` holds the claim and it was not completed; its lease then runs again from `now`, exactly as if it had
   * been claimed at `now` (a lapsed claim nobody took over yet is still the holder's). False, changing nothing,
   * when the claim is missing, completed, or held by someone else, one that lapsed and was taken over included.
   * Throws `ClaimContentionError` when the claim, still `holder`'s, kept changing under every attempt to renew it:
   * that is contention, not an answer, so it must not be read as a takeover (try again).
   * Like `claim`, the store keeps when a claim was made, not its lease: a taker judges its age by the taker's own
   * `leaseMs`, so the holders and takers of a kind of key must agree on it. `pruneClaims` counts from the renewal.
   */
  renewClaim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean>;
  /**
   * Marks a claimed piece of work as done for good: it can never be claimed again. True when `holder` held the
   * claim (completing twice is fine); false, changing nothing, when the claim is missing or held by someone else.
   * Throws `ClaimContentionError` when the claim, still `holder`'s, kept changing under every attempt.
   */
  completeClaim(key: string, holder: string): Promise<boolean>;
  /**
   * Gives a claim back (the work failed and may be retried). True when `holder` held it and it was not completed;
   * false, changing nothing, otherwise. Throws `ClaimContentionError` when the claim, still `holder`'s and not
   * completed, kept changing under every attempt to release it.
   */
  releaseClaim(key: string, holder: string): Promise<boolean>;
  /**
   * Housekeeping: deletes the COMPLETED claims whose key starts with `prefix` (non-empty) and that were claimed
   * before `claimedBefore`; returns how many went. Uncompleted claims (live leases, or ones waiting to be taken
   * over) and other prefixes are never touched. A pruned key can be claimed again, as if never claimed: prune
   * only prefixes whose keys are bounded in time (a slot, an attempt), so that nobody claims them again once
   * they are that old. Work that must stay done however long it waits (a reminder) must not be pruned.
   */
  pruneClaims(prefix: string, claimedBefore: Date): Promise<number>;
  close(): Promise<void>;
}

/** Ten minutes: long enough for a prompt to be sent, short enough that a crashed instance's work is retried soon. */
export const DEFAULT_CLAIM_LEASE_MS = 10 * 60 * 1000;
/** Characters of JSON in one document (about 512 KiB as UTF-16, within Azure Tables' 1 MiB entity). */
export const MAX_DOCUMENT_CHARS = 256 * 1024;
/** Documents in one `putBatch` (Azure Tables' limit for a transaction). */
export const MAX_BATCH_DOCUMENTS = 100;
/** Characters of JSON in one `putBatch` (within Cosmos DB's 2 MB and Azure Tables' 4 MiB per transaction). */
export const MAX_BATCH_CHARS = 800_000;

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

const CLAIM_OPERATION_DONE = { renew: 'renewed', complete: 'completed', release: 'released' } as const;

/**
 * A claim operation (`renewClaim`, `completeClaim`, `releaseClaim`) lost every race it ran: each read showed the
 * claim still `holder`'s, yet each conditional write found it changed again. Nothing was decided (the claim was
 * neither refused nor changed by this call), so it is not a `false`; the caller may simply try again.
 */
export class ClaimContentionError extends Error {
  readonly code = 'store.claim_contention';

  constructor(
    readonly key: string,
    readonly operation: 'renew' | 'complete' | 'release',
    readonly attempts: number,
  ) {
    super(
      `The claim "${key}" kept changing while it was being ${CLAIM_OPERATION_DONE[operation]} (${attempts} attempts); try again.`,
    );
    this.name = 'ClaimContentionError';
  }
}

export class DocumentTooLargeError extends Error {
  constructor(
    readonly collection: string,
    readonly partition: string,
    /** The document's key, or null for a whole batch. */
    readonly key: string | null,
    readonly chars: number,
    readonly limit: number,
  ) {
    super(
      key === null
        ? `A batch for ${collection}/${partition} is ${chars} characters of JSON; the limit is ${limit}. Write it in smaller batches.`
        : `${collection}/${partition}/${key} is ${chars} characters of JSON; the limit is ${limit}.`,
    );
    this.name = 'DocumentTooLargeError';
  }
}
