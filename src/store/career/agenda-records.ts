import type { Agenda, PrivateNote } from '../../core';
import type { DocumentStore } from '../../ports/document-store';
import { RevisionConflictError } from '../../ports/document-store';
import { COLLECTIONS, compositeKey } from './collections';
import { deletePartition, followIndex, mapLimited, valueOf } from './index-reads';
import { ensureIndexEntry } from './index-writes';
import { StoreConflictError } from './store-errors';

interface SharedAgendaPointer {
  authorId: string;
  oneOnOneId: string;
}

/**
 * Agendas (shareable) and private notes (never shared), kept in separate collections. Only agendas have a
 * counterpart-side index, written when `sharedAt` is set.
 */
export class AgendaRecords {
  constructor(private readonly documents: DocumentStore) {}

  get(authorId: string, oneOnOneId: string): Promise<Agenda | null> {
    if (authorId.length === 0 || oneOnOneId.length === 0) return Promise.resolve(null);
    return valueOf<Agenda>(this.documents, COLLECTIONS.agendas, authorId, oneOnOneId);
  }

  /**
   * Saves the agenda only if it is the next revision of the stored one (revision 1: none is stored). The check
   * and the write are one conditional write on the document revision, so of two concurrent saves of the same
   * revision exactly one succeeds; the other gets a `StoreConflictError`.
   */
  async save(agenda: Agenda): Promise<void> {
    const { authorId, oneOnOneId } = agenda;
    if (authorId.length === 0 || oneOnOneId.length === 0) {
      throw new RangeError('An agenda needs its author and its 1:1.');
    }
    if (!Number.isInteger(agenda.revision) || agenda.revision < 1) {
      throw new RangeError(`An agenda's revision is a whole number from 1 (got ${agenda.revision}).`);
    }
    const current = await this.documents.get<Agenda>(COLLECTIONS.agendas, authorId, oneOnOneId);
    const storedRevision = current?.value.revision ?? 0;
    if (agenda.revision !== storedRevision + 1) throw conflict(agenda, storedRevision);
    try {
      await this.documents.put(COLLECTIONS.agendas, authorId, oneOnOneId, agenda, {
        expectedRevision: current?.revision ?? null,
      });
    } catch (error) {
      if (error instanceof RevisionConflictError) throw conflict(agenda, null);
      throw error;
    }

    const key = compositeKey(authorId, oneOnOneId);
    const sharedWith = sharedWithOf(agenda);
    const previouslySharedWith = current ? sharedWithOf(current.value) : null;
    if (sharedWith !== null) {
      const pointer: SharedAgendaPointer = { authorId, oneOnOneId };
      await ensureIndexEntry(this.documents, COLLECTIONS.sharedAgendas, sharedWith, key, pointer);
    }
    if (previouslySharedWith !== null && previouslySharedWith !== sharedWith) {
      await this.documents.delete(COLLECTIONS.sharedAgendas, previouslySharedWith, key);
    }
  }

  /** Agendas shared with this person, most recently shared first (private notes are never part of an agenda). */
  async listSharedWith(counterpartId: string): Promise<Agenda[]> {
    if (counterpartId.length === 0) return [];
    const entries = await this.documents.list<SharedAgendaPointer>(COLLECTIONS.sharedAgendas, counterpartId);
    const agendas = await followIndex(
      entries,
      (entry) => this.get(entry.value.authorId, entry.value.oneOnOneId),
      (agenda) => sharedWithOf(agenda) === counterpartId,
    );
    return agendas.sort(
      (a, b) =>
        (b.sharedAt ?? '').localeCompare(a.sharedAt ?? '') || a.oneOnOneId.localeCompare(b.oneOnOneId),
    );
  }

  getPrivateNote(authorId: string, oneOnOneId: string): Promise<PrivateNote | null> {
    if (authorId.length === 0 || oneOnOneId.length === 0) return Promise.resolve(null);
    return valueOf<PrivateNote>(this.documents, COLLECTIONS.privateNotes, authorId, oneOnOneId);
  }

  async savePrivateNote(note: PrivateNote): Promise<void> {
    if (note.authorId.length === 0 || note.oneOnOneId.length === 0) {
      throw new RangeError('A private note needs its author and its 1:1.');
    }
    await this.documents.put(COLLECTIONS.privateNotes, note.authorId, note.oneOnOneId, note);
  }

  /** Removes the author's agendas (with their shared-index entries) and private notes. */
  async deleteAuthored(authorId: string): Promise<{ agendas: number; privateNotes: number }> {
    const agendas = await this.documents.list<Agenda>(COLLECTIONS.agendas, authorId);
    await mapLimited(agendas, async (doc) => {
      const sharedWith = sharedWithOf(doc.value);
      if (sharedWith !== null) {
        await this.documents.delete(COLLECTIONS.sharedAgendas, sharedWith, compositeKey(authorId, doc.key));
      }
      await this.documents.delete(COLLECTIONS.agendas, authorId, doc.key);
    });
    const privateNotes = await deletePartition(this.documents, COLLECTIONS.privateNotes, authorId);
    return { agendas: agendas.length, privateNotes };
  }
}

function sharedWithOf(agenda: Agenda): string | null {
  return agenda.sharedAt !== null && agenda.counterpartId !== null && agenda.counterpartId.length > 0
    ? agenda.counterpartId
    : null;
}

function conflict(agenda: Agenda, storedRevision: number | null): StoreConflictError {
  const now = storedRevision === null ? 'it was just saved elsewhere' : `it is at revision ${storedRevision}`;
  return new StoreConflictError(
    'agenda',
    `${agenda.authorId}/${agenda.oneOnOneId}`,
    `This agenda changed since you opened it (${now}, yours is based on revision ${agenda.revision - 1}). ` +
      'Reload it and make your change again.',
  );
}
