import type { DocumentStore } from '../../ports/document-store';

/**
 * Writes an index entry unless the stored one already says the same: re-saving a record (an acknowledgement,
 * a new card version) then costs one read instead of one more write. Missing or different entries are written,
 * so an entry lost to a crash after its primary write still heals on the next save.
 */
export async function ensureIndexEntry(
  documents: DocumentStore,
  collection: string,
  partition: string,
  key: string,
  /** The ids that lead to the primary record (flat: strings only). */
  pointer: object,
): Promise<void> {
  const stored = await documents.get<unknown>(collection, partition, key);
  if (stored && samePointer(stored.value, pointer)) return;
  await documents.put(collection, partition, key, pointer);
}

function samePointer(stored: unknown, pointer: object): boolean {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return false;
  const fields = Object.entries(pointer);
  if (Object.keys(stored).length !== fields.length) return false;
  return fields.every(([field, value]) => (stored as Record<string, unknown>)[field] === value);
}
