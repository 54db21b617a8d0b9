import type { DocumentStore } from '../../ports/document-store';
import { RevisionConflictError } from '../../ports/document-store';
import type { CardActivity, ConversationRecord } from './career-records';
import { COLLECTIONS, CONVERSATION_KEY, compositeKey } from './collections';
import { mapLimited, valueOf, valuesOf } from './index-reads';
import { ensureIndexEntry } from './index-writes';

interface CardPointer {
  subjectId: string;
  purpose: string;
}

/** What the bot keeps: each person's conversation reference, and the cards it sent (to update them later). */
export class BotRecords {
  constructor(private readonly documents: DocumentStore) {}

  async saveConversation(personId: string, record: ConversationRecord): Promise<void> {
    if (personId.length === 0) throw new RangeError('A conversation reference needs the person it reaches.');
    await this.documents.put(COLLECTIONS.conversations, personId, CONVERSATION_KEY, record);
  }

  getConversation(personId: string): Promise<ConversationRecord | null> {
    if (personId.length === 0) return Promise.resolve(null);
    return valueOf<ConversationRecord>(this.documents, COLLECTIONS.conversations, personId, CONVERSATION_KEY);
  }

  /** Records that the app was removed; nothing to do when there is no conversation. */
  async markUninstalled(personId: string, at: string): Promise<void> {
    if (personId.length === 0) return;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const doc = await this.documents.get<ConversationRecord>(
        COLLECTIONS.conversations,
        personId,
        CONVERSATION_KEY,
      );
      if (!doc) return;
      try {
        await this.documents.put(
          COLLECTIONS.conversations,
          personId,
          CONVERSATION_KEY,
          { ...doc.value, uninstalledAt: at },
          { expectedRevision: doc.revision },
        );
        return;
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error; // a reinstall raced us: read again
      }
    }
    throw new Error(`The conversation of ${personId} kept changing; could not mark it uninstalled.`);
  }

  /** One card per subject, person and purpose: saving again replaces it (e.g. after an update bumped `version`). */
  async saveCardActivity(activity: CardActivity): Promise<void> {
    const { subjectId, personId, purpose } = activity;
    if (subjectId.length === 0 || personId.length === 0 || purpose.length === 0) {
      throw new RangeError('A card activity needs its subject, person and purpose.');
    }
    await this.documents.put(
      COLLECTIONS.cardActivities,
      subjectId,
      compositeKey(personId, purpose),
      activity,
    );
    const pointer: CardPointer = { subjectId, purpose };
    await ensureIndexEntry(
      this.documents,
      COLLECTIONS.cardActivitiesByPerson,
      personId,
      compositeKey(subjectId, purpose),
      pointer,
    );
  }

  /** The cards sent about a subject, by person then purpose. */
  listCardActivities(subjectId: string): Promise<CardActivity[]> {
    if (subjectId.length === 0) return Promise.resolve([]);
    return valuesOf<CardActivity>(this.documents, COLLECTIONS.cardActivities, subjectId);
  }

  /** The cards sent to a person, found through the per-person index (dangling entries skipped). */
  async listCardActivitiesFor(personId: string): Promise<CardActivity[]> {
    const entries = await this.documents.list<CardPointer>(COLLECTIONS.cardActivitiesByPerson, personId);
    const cards = await mapLimited(entries, (entry) =>
      valueOf<CardActivity>(
        this.documents,
        COLLECTIONS.cardActivities,
        entry.value.subjectId,
        compositeKey(personId, entry.value.purpose),
      ),
    );
    return cards.filter((card): card is CardActivity => card !== null);
  }

  /** Removes the person's conversation and every card sent to them; returns how many records went. */
  async deleteFor(personId: string): Promise<{ conversation: number; cardActivities: number }> {
    const conversation = (await this.getConversation(personId)) ? 1 : 0;
    await this.documents.delete(COLLECTIONS.conversations, personId, CONVERSATION_KEY);
    const entries = await this.documents.list<CardPointer>(COLLECTIONS.cardActivitiesByPerson, personId);
    await mapLimited(entries, async (entry) => {
      const { subjectId, purpose } = entry.value;
      await this.documents.delete(COLLECTIONS.cardActivities, subjectId, compositeKey(personId, purpose));
      await this.documents.delete(COLLECTIONS.cardActivitiesByPerson, personId, entry.key);
    });
    return { conversation, cardActivities: entries.length };
  }
}
