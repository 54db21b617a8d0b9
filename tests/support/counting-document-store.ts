import type { DocumentStore } from '../../src/ports/document-store';

export interface DocumentWrite {
  op: 'put' | 'delete';
  collection: string;
  partition: string;
  key: string;
}

/** A document store that records every document it is asked to write or delete (a batch counts per document). */
export interface CountingDocumentStore extends DocumentStore {
  readonly writes: DocumentWrite[];
  /** The writes to one collection, optionally of one kind. */
  writesTo(collection: string, op?: DocumentWrite['op']): DocumentWrite[];
}

export function countingDocumentStore(inner: DocumentStore): CountingDocumentStore {
  const writes: DocumentWrite[] = [];
  return {
    writes,
    writesTo: (collection, op) =>
      writes.filter((write) => write.collection === collection && (op === undefined || write.op === op)),
    get: (collection, partition, key) => inner.get(collection, partition, key),
    list: (collection, partition, options) => inner.list(collection, partition, options),
    put: (collection, partition, key, value, options) => {
      writes.push({ op: 'put', collection, partition, key });
      return inner.put(collection, partition, key, value, options);
    },
    putBatch: (collection, partition, documents) => {
      for (const { key } of documents) writes.push({ op: 'put', collection, partition, key });
      return inner.putBatch(collection, partition, documents);
    },
    delete: (collection, partition, key) => {
      writes.push({ op: 'delete', collection, partition, key });
      return inner.delete(collection, partition, key);
    },
    claim: (key, holder, now, leaseMs) => inner.claim(key, holder, now, leaseMs),
    renewClaim: (key, holder, now, leaseMs) => inner.renewClaim(key, holder, now, leaseMs),
    completeClaim: (key, holder) => inner.completeClaim(key, holder),
    releaseClaim: (key, holder) => inner.releaseClaim(key, holder),
    pruneClaims: (prefix, claimedBefore) => inner.pruneClaims(prefix, claimedBefore),
    close: () => inner.close(),
  };
}
