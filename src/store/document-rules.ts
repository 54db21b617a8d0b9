import type { BatchDocument, ListOptions } from '../ports/document-store';
import {
  DEFAULT_CLAIM_LEASE_MS,
  DocumentTooLargeError,
  MAX_BATCH_CHARS,
  MAX_BATCH_DOCUMENTS,
  MAX_DOCUMENT_CHARS,
} from '../ports/document-store';

/** The checks and conversions every `DocumentStore` adapter shares, so they refuse the same things the same way. */

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9]{0,62}$/;

export function checkAddress(collection: string, partition: string, key?: string): void {
  if (!COLLECTION_NAME.test(collection)) {
    throw new RangeError(
      `"${collection}" is not a collection name: use a letter, then letters or digits (at most 63).`,
    );
  }
  if (partition.length === 0) throw new RangeError(`A partition of ${collection} must not be empty.`);
  if (key !== undefined && key.length === 0) {
    throw new RangeError(`A key in ${collection}/${partition} must not be empty.`);
  }
}

/** The value as stored: its JSON, within the size limit. */
export function serialiseValue(collection: string, partition: string, key: string, value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) {
    throw new TypeError(`${collection}/${partition}/${key}: the value is not JSON (${typeof value}).`);
  }
  if (json.length > MAX_DOCUMENT_CHARS) {
    throw new DocumentTooLargeError(collection, partition, key, json.length, MAX_DOCUMENT_CHARS);
  }
  return json;
}

export interface SerialisedBatchDocument {
  key: string;
  json: string;
  expectedRevision: string | null | undefined;
}

/** Checks a batch (size, distinct keys) and serialises its values. */
export function serialiseBatch(
  collection: string,
  partition: string,
  documents: readonly BatchDocument[],
): SerialisedBatchDocument[] {
  checkAddress(collection, partition);
  if (documents.length > MAX_BATCH_DOCUMENTS) {
    throw new RangeError(
      `A batch for ${collection}/${partition} has ${documents.length} documents; the limit is ${MAX_BATCH_DOCUMENTS}.`,
    );
  }
  const seen = new Set<string>();
  let total = 0;
  const out = documents.map((doc) => {
    checkAddress(collection, partition, doc.key);
    if (seen.has(doc.key)) {
      throw new RangeError(`A batch for ${collection}/${partition} names the key "${doc.key}" twice.`);
    }
    seen.add(doc.key);
    const json = serialiseValue(collection, partition, doc.key, doc.value);
    total += json.length;
    return { key: doc.key, json, expectedRevision: doc.expectedRevision };
  });
  if (total > MAX_BATCH_CHARS) {
    throw new DocumentTooLargeError(collection, partition, null, total, MAX_BATCH_CHARS);
  }
  return out;
}

export function leaseOf(leaseMs: number | undefined): number {
  const lease = leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  if (!Number.isFinite(lease) || lease <= 0) {
    throw new RangeError(`A claim's lease must be a positive number of milliseconds (got ${lease}).`);
  }
  return lease;
}

export function checkClaim(key: string, holder: string): void {
  if (key.length === 0) throw new RangeError('A claim key must not be empty.');
  if (holder.length === 0) throw new RangeError(`The holder of claim "${key}" must not be empty.`);
}

/**
 * Checks the time of `claim` and `renewClaim`: an invalid date would leave a lease that no clock can compare with
 * (and a claim at NaN would take over any live lease, since no comparison with NaN holds).
 */
export function claimTimeOf(key: string, now: Date): number {
  const at = now.getTime();
  if (!Number.isFinite(at)) throw new RangeError(`Claim "${key}" needs a valid date, not an invalid one.`);
  return at;
}

/** Checks `pruneClaims`' arguments; returns the cut-off in epoch milliseconds. */
export function checkClaimPrune(prefix: string, claimedBefore: Date): number {
  if (prefix.length === 0) {
    throw new RangeError('A claim prefix to prune must not be empty (it would prune every kind of claim).');
  }
  const before = claimedBefore.getTime();
  if (!Number.isFinite(before))
    throw new RangeError(`Claims of "${prefix}" cannot be pruned before an invalid date.`);
  return before;
}

/** Compares two strings by Unicode code point (UTF-8 byte order, as SQLite's BINARY collation does). */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** UTF-16 code units reordered so surrogates (code points above U+FFFF) sort after U+E000..U+FFFF. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/**
 * The smallest string greater than every string that starts with `prefix`, in code point order, or null when
 * there is none (an empty prefix). Keys in `[prefix, upper)` are exactly the keys starting with `prefix`.
 */
export function prefixUpperBound(prefix: string): string | null {
  const points = Array.from(prefix);
  while (points.length > 0) {
    const last = points.pop() as string;
    const code = last.codePointAt(0) as number;
    if (code < 0x10ffff) {
      const next = code === 0xd7ff ? 0xe000 : code + 1;
      return points.join('') + String.fromCodePoint(next);
    }
  }
  return null;
}

/** One key range `[lower, upper)` equivalent to a list's prefix, from and to; `empty` when nothing can match. */
export interface KeyRange {
  lower: string | null;
  upper: string | null;
  empty: boolean;
}

export function keyRangeOf(options: ListOptions | undefined): KeyRange {
  const prefix = options?.prefix !== undefined && options.prefix.length > 0 ? options.prefix : undefined;
  const lower = highest([prefix, options?.from]);
  const upper = lowest([prefix === undefined ? null : prefixUpperBound(prefix), options?.to]);
  const empty = lower !== null && upper !== null && compareKeys(lower, upper) >= 0;
  return { lower, upper, empty };
}

function highest(bounds: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const bound of bounds) {
    if (bound != null && (best === null || compareKeys(bound, best) > 0)) best = bound;
  }
  return best;
}

function lowest(bounds: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const bound of bounds) {
    if (bound != null && (best === null || compareKeys(bound, best) < 0)) best = bound;
  }
  return best;
}

export function limitOf(options: ListOptions | undefined): number | null {
  const limit = options?.limit;
  if (limit === undefined) return null;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`A list limit must be a whole number of documents (got ${limit}).`);
  }
  return limit;
}

/** Runs one synchronous operation as the async port expects: a thrown error becomes a rejection. */
export function settle<R>(operation: () => R): Promise<R> {
  try {
    return Promise.resolve(operation());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
