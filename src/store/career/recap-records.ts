import type { Recap } from '../../core';
import type { DocumentStore } from '../../ports/document-store';
import { RevisionConflictError } from '../../ports/document-store';
import type { StoredRecap } from './career-records';
import { COLLECTIONS } from './collections';
import { followIndex, mapLimited } from './index-reads';
import { ensureIndexEntry } from './index-writes';
import { partitionOfId } from './record-ids';
import { StoreConflictError } from './store-errors';

interface RecapPointer {
  recapId: string;
}

/** Recaps: partition author id, key recap id (`${authorId}~…`), indexed by recipient and by 1:1. */
export class RecapRecords {
  constructor(private readonly documents: DocumentStore) {}

  async get(recapId: string): Promise<StoredRecap | null> {
    const authorId = partitionOfId(recapId);
    if (authorId === null) return null;
    const doc = await this.documents.get<Recap>(COLLECTIONS.recaps, authorId, recapId);
    return doc ? { recap: doc.value, revision: doc.revision } : null;
  }

  /**
   * Writes the recap if the stored one is still at `expectedRevision` (null: it must be new), then its index
   * entries. Returns the new revision; a mismatch throws `StoreConflictError` and writes nothing.
   */
  async save(recap: Recap, expectedRevision: string | null): Promise<string> {
    if (partitionOfId(recap.id) !== recap.authorId) {
      throw new RangeError(`A recap id must be "${recap.authorId}~…" (see newRecapId), got "${recap.id}".`);
    }
    if (recap.recipientId.length === 0 || recap.oneOnOneId.length === 0) {
      throw new RangeError('A recap needs its recipient and its 1:1.');
    }
    let revision: string;
    try {
      revision = await this.documents.put(COLLECTIONS.recaps, recap.authorId, recap.id, recap, {
        expectedRevision,
      });
    } catch (error) {
      if (error instanceof RevisionConflictError) {
        throw new StoreConflictError(
          'recap',
          recap.id,
          expectedRevision === null
            ? 'This recap already exists; open it to continue.'
            : 'This recap changed since you opened it; reload it and make your change again.',
        );
      }
      throw error;
    }
    // Checked on every save, so an entry lost to a crash after the primary write heals on the next save.
    const pointer: RecapPointer = { recapId: recap.id };
    await Promise.all([
      ensureIndexEntry(this.documents, COLLECTIONS.recapsByRecipient, recap.recipientId, recap.id, pointer),
      ensureIndexEntry(
        this.documents,
        COLLECTIONS.recapsByOneOnOne,
        recap.authorId,
        recap.oneOnOneId,
        pointer,
      ),
    ]);
    return revision;
  }

  /** The author's recaps, newest first. */
  async listByAuthor(authorId: string): Promise<Recap[]> {
    if (authorId.length === 0) return [];
    const docs = await this.documents.list<Recap>(COLLECTIONS.recaps, authorId);
    return docs.map((doc) => doc.value).sort(newestFirst);
  }

  /** Recaps sent to this person, newest first. Drafts are the author's alone and never listed here. */
  async listForRecipient(recipientId: string): Promise<Recap[]> {
    if (recipientId.length === 0) return [];
    const entries = await this.documents.list<RecapPointer>(COLLECTIONS.recapsByRecipient, recipientId);
    const recaps = await followIndex(
      entries,
      async (entry) => (await this.get(entry.value.recapId))?.recap ?? null,
      (recap) => recap.recipientId === recipientId && recap.state !== 'draft',
    );
    return recaps.sort(newestFirst);
  }

  async findForOneOnOne(authorId: string, oneOnOneId: string): Promise<StoredRecap | null> {
    if (authorId.length === 0 || oneOnOneId.length === 0) return null;
    const entry = await this.documents.get<RecapPointer>(COLLECTIONS.recapsByOneOnOne, authorId, oneOnOneId);
    if (!entry) return null;
    const found = await this.get(entry.value.recapId);
    return found && found.recap.authorId === authorId && found.recap.oneOnOneId === oneOnOneId ? found : null;
  }

  /** Removes the author's recaps and their index entries; returns how many recaps went. */
  async deleteAuthored(authorId: string): Promise<number> {
    const docs = await this.documents.list<Recap>(COLLECTIONS.recaps, authorId);
    await mapLimited(docs, async ({ value: recap }) => {
      await this.documents.delete(COLLECTIONS.recapsByRecipient, recap.recipientId, recap.id);
      await this.documents.delete(COLLECTIONS.recapsByOneOnOne, authorId, recap.oneOnOneId);
      await this.documents.delete(COLLECTIONS.recaps, authorId, recap.id);
    });
    return docs.length;
  }
}

function newestFirst(a: Recap, b: Recap): number {
  return b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
