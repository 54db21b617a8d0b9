import type { OneOnOne } from '../../core';
import { oneOnOneId } from '../../core';
import type { DocumentStore } from '../../ports/document-store';
import { MAX_BATCH_DOCUMENTS } from '../../ports/document-store';
import type { OneOnOneRange } from './career-records';
import { COLLECTIONS } from './collections';
import { valueOf } from './index-reads';
import { parseOneOnOneId } from './record-ids';

/** 1:1s as detected on each person's own calendar: partition owner id, key Graph event id. */
export class OneOnOneRecords {
  constructor(private readonly documents: DocumentStore) {}

  async save(meeting: OneOnOne): Promise<void> {
    checkOneOnOne(meeting);
    await this.documents.put(COLLECTIONS.oneOnOnes, meeting.ownerId, meeting.eventId, meeting);
  }

  /** One owner's 1:1s, in batches of the most documents one write may hold (the last of a repeated 1:1 wins). */
  async saveAll(ownerId: string, meetings: readonly OneOnOne[]): Promise<void> {
    const byEvent = new Map<string, OneOnOne>();
    for (const meeting of meetings) {
      checkOneOnOne(meeting);
      if (meeting.ownerId !== ownerId) {
        throw new RangeError(`A 1:1 of "${meeting.ownerId}" cannot be saved among "${ownerId}"'s.`);
      }
      byEvent.delete(meeting.eventId);
      byEvent.set(meeting.eventId, meeting);
    }
    const documents = [...byEvent.values()].map((meeting) => ({ key: meeting.eventId, value: meeting }));
    for (let start = 0; start < documents.length; start += MAX_BATCH_DOCUMENTS) {
      await this.documents.putBatch(
        COLLECTIONS.oneOnOnes,
        ownerId,
        documents.slice(start, start + MAX_BATCH_DOCUMENTS),
      );
    }
  }

  get(id: string): Promise<OneOnOne | null> {
    const parsed = parseOneOnOneId(id);
    if (!parsed) return Promise.resolve(null);
    return valueOf<OneOnOne>(this.documents, COLLECTIONS.oneOnOnes, parsed.ownerId, parsed.eventId);
  }

  /** The owner's 1:1s starting within the range, earliest first. */
  async list(ownerId: string, range: OneOnOneRange = {}): Promise<OneOnOne[]> {
    if (ownerId.length === 0) return [];
    const from = range.from === undefined ? -Infinity : instant(range.from, 'from');
    const to = range.to === undefined ? Infinity : instant(range.to, 'to');
    const all = await this.documents.list<OneOnOne>(COLLECTIONS.oneOnOnes, ownerId);
    return all
      .map((doc) => doc.value)
      .filter((o) => {
        const starts = Date.parse(o.startsAt);
        return starts >= from && starts < to;
      })
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : 1));
  }

  async delete(ownerId: string, eventId: string): Promise<void> {
    if (ownerId.length === 0 || eventId.length === 0) return;
    await this.documents.delete(COLLECTIONS.oneOnOnes, ownerId, eventId);
  }
}

function instant(text: string, name: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`"${text}" is not an instant (${name}); use ISO-8601.`);
  return ms;
}

function checkOneOnOne(meeting: OneOnOne): void {
  if (meeting.ownerId.length === 0 || meeting.ownerId.includes(':')) {
    throw new RangeError(`A 1:1's owner id must be non-empty and hold no ":" (got "${meeting.ownerId}").`);
  }
  if (meeting.eventId.length === 0) throw new RangeError('A 1:1 needs its calendar event id.');
  if (meeting.id !== oneOnOneId(meeting.ownerId, meeting.eventId)) {
    throw new RangeError(`A 1:1's id must be "ownerId:eventId" (got "${meeting.id}").`);
  }
}
