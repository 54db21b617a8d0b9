import type { DocumentStore } from '../../ports/document-store';

/**
 * Azure Tables has no transaction across partitions, so an index entry (in the reader's partition) is written
 * after its primary record (in the owner's partition) and may outlive it, or point at a record that has since
 * moved on. Readers therefore follow every entry to its primary and keep only records that still belong to
 * the query; dangling or stale entries are skipped, never returned.
 */
const PARALLEL_READS = 16;

export async function followIndex<E, R>(
  entries: readonly E[],
  read: (entry: E) => Promise<R | null>,
  belongs: (record: R) => boolean,
): Promise<R[]> {
  const records = await mapLimited(entries, read);
  return records.filter((record): record is R => record !== null && belongs(record));
}

/** Maps with at most `PARALLEL_READS` calls in flight, keeping the order. */
export async function mapLimited<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, items.length) }, worker));
  return results;
}

/** Deletes every document of one partition; returns how many there were. */
export async function deletePartition(
  documents: DocumentStore,
  collection: string,
  partition: string,
): Promise<number> {
  const all = await documents.list(collection, partition);
  await mapLimited(all, (doc) => documents.delete(collection, partition, doc.key));
  return all.length;
}

export async function valuesOf<T>(
  documents: DocumentStore,
  collection: string,
  partition: string,
): Promise<T[]> {
  return (await documents.list<T>(collection, partition)).map((doc) => doc.value);
}

export async function valueOf<T>(
  documents: DocumentStore,
  collection: string,
  partition: string,
  key: string,
): Promise<T | null> {
  return (await documents.get<T>(collection, partition, key))?.value ?? null;
}
