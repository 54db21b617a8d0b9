import { isAgendaIntent } from '../../ports/career-events';
import type { DocumentStore } from '../../ports/document-store';
import type { OutboxEntry, OutboxEvent } from './career-records';
import { COLLECTIONS, OUTBOX_PARTITION, compositeKey } from './collections';
import { parseOneOnOneId, partitionOfId } from './record-ids';

/** Milliseconds since the epoch up to the year 9999 fit in 15 digits; zero-padded they sort as numbers do. */
const DUE_DIGITS = 15;
const LATEST_DUE_MS = 253_402_300_799_999;
/** Entry ids go into a key with the due time; Cosmos DB's Table API caps a RowKey at 255 bytes. */
const MAX_ID_CHARS = 128;
const OUTBOX_EVENT_TYPES = new Set<OutboxEvent['type']>([
  'agendaShared',
  'agendaWithdrawn',
  'recapSent',
  'recapAcknowledged',
  'recapChangeRequested',
]);

/**
 * The bot's durable outbox: one partition, keyed by zero-padded due time then entry id, so "what is due now,
 * earliest first" is a single range query (`key < due(now + 1 ms)`) whatever else is waiting. Moving an entry
 * to a later time is a write at its new key and a delete of the old one (new first: a crash in between leaves
 * a duplicate, never a loss).
 */
export class OutboxRecords {
  constructor(private readonly documents: DocumentStore) {}

  async save(entry: OutboxEntry): Promise<void> {
    checkOutboxEntry(entry);
    await this.documents.put(COLLECTIONS.outbox, OUTBOX_PARTITION, keyOf(entry), entry);
  }

  async listDue(now: Date, limit: number): Promise<OutboxEntry[]> {
    const at = now.getTime();
    if (!Number.isFinite(at)) throw new RangeError('listDueOutbox needs a valid time.');
    if (!Number.isInteger(limit) || limit <= 0) {
      throw new RangeError(`listDueOutbox needs a positive whole number of entries (got ${limit}).`);
    }
    if (at < 0) return [];
    const docs = await this.documents.list<OutboxEntry>(COLLECTIONS.outbox, OUTBOX_PARTITION, {
      to: dueKey(Math.min(at, LATEST_DUE_MS) + 1),
      limit,
    });
    return docs.map((doc) => doc.value);
  }

  async delete(entry: Pick<OutboxEntry, 'id' | 'nextAttemptAt'>): Promise<void> {
    checkId(entry.id);
    await this.documents.delete(COLLECTIONS.outbox, OUTBOX_PARTITION, keyOf(entry));
  }
}

function keyOf(entry: Pick<OutboxEntry, 'id' | 'nextAttemptAt'>): string {
  return compositeKey(dueKey(instantOf(entry.nextAttemptAt, 'nextAttemptAt')), entry.id);
}

function dueKey(ms: number): string {
  return String(ms).padStart(DUE_DIGITS, '0');
}

function instantOf(value: unknown, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!(ms >= 0 && ms <= LATEST_DUE_MS)) {
    throw new RangeError(`An outbox entry's ${field} must be an ISO instant (got ${String(value)}).`);
  }
  return ms;
}

function checkId(id: unknown): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_CHARS) {
    throw new RangeError(`An outbox entry needs an id of 1 to ${MAX_ID_CHARS} characters.`);
  }
}

/** Refuses, with a RangeError naming what is wrong, an entry that could not be handled or found again. */
export function checkOutboxEntry(entry: OutboxEntry): void {
  checkId(entry.id);
  instantOf(entry.createdAt, 'createdAt');
  instantOf(entry.nextAttemptAt, 'nextAttemptAt');
  if (!Number.isInteger(entry.attempts) || entry.attempts < 0) {
    throw new RangeError(`An outbox entry's attempts must be a whole number (got ${entry.attempts}).`);
  }
  if (entry.lastError !== null && typeof entry.lastError !== 'string') {
    throw new RangeError("An outbox entry's lastError must be text or null.");
  }
  checkOutboxEvent(entry.event);
}

function checkOutboxEvent(event: OutboxEvent): void {
  if (!OUTBOX_EVENT_TYPES.has(event.type)) {
    throw new RangeError(`"${event.type}" is not an event the outbox knows.`);
  }
  if (isAgendaIntent(event)) {
    const { oneOnOneId, ownerId, recipientId } = event;
    if (!nonEmpty(ownerId) || !nonEmpty(recipientId) || parseOneOnOneId(oneOnOneId)?.ownerId !== ownerId) {
      throw new RangeError(
        `An ${event.type} entry needs its owner, its recipient, and a 1:1 id of that owner.`,
      );
    }
    return;
  }
  const { authorId, recapId } = event;
  if (!nonEmpty(authorId) || typeof recapId !== 'string' || partitionOfId(recapId) !== authorId) {
    throw new RangeError(`A ${event.type} entry needs the recap's author and a recap id of that author.`);
  }
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
