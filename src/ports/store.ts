import type { ActionItem } from '../core/action-item';
import type { Agenda, PrivateNote } from '../core/agenda';
import type { OneOnOne } from '../core/one-on-one';
import type { Person } from '../core/person';
import type { Recap } from '../core/recap';
import type { PromptSettings } from '../core/settings';
import type { CareerIntent } from './career-events';

export interface ConversationRecord {
  /** The bot's conversation reference, opaque to everything outside src/bot. */
  reference: unknown;
  installedAt: string;
  uninstalledAt: string | null;
}

export interface CardActivity {
  /** What the card is about: a recap id or a 1:1 id. */
  subjectId: string;
  personId: string;
  /** Which card it is, e.g. `recap-author`, `recap-recipient`, `agenda-prompt`. */
  purpose: string;
  activityId: string;
  conversationId: string;
  version: number;
}

export interface SyncState {
  deltaLink: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  lastSyncedAt: string | null;
  failures: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  directoryRefreshedAt: string | null;
}

/** What an outbox entry is about: the event's intent, ids only (see `CareerIntent`). */
export type OutboxEvent = CareerIntent;

/** Work the bot still owes the other person for an event: kept until it is done (the durable outbox). */
export interface OutboxEntry {
  id: string;
  event: OutboxEvent;
  createdAt: string;
  /** Failed attempts so far. */
  attempts: number;
  /** When the entry is next due (ISO instant); its place in the outbox. */
  nextAttemptAt: string;
  lastError: string | null;
}

/** The typed store the use cases depend on; one implementation runs over every storage adapter. */
export interface Store {
  savePerson(person: Person): Promise<void>;
  getPerson(id: string): Promise<Person | null>;
  findPersonByEmail(email: string): Promise<Person | null>;
  listReports(managerId: string): Promise<Person[]>;
  listPeople(): Promise<Person[]>;

  saveOneOnOne(oneOnOne: OneOnOne): Promise<void>;
  /**
   * Saves several of one owner's 1:1s (each as `saveOneOnOne` would; a 1:1 listed twice: the last one wins),
   * in as few writes as the storage allows. Refuses, writing nothing, when any of them is not `ownerId`'s.
   */
  saveOneOnOnes(ownerId: string, oneOnOnes: readonly OneOnOne[]): Promise<void>;
  getOneOnOne(id: string): Promise<OneOnOne | null>;
  listOneOnOnes(ownerId: string, range?: { from?: string; to?: string }): Promise<OneOnOne[]>;
  deleteOneOnOne(ownerId: string, eventId: string): Promise<void>;

  getAgenda(authorId: string, oneOnOneId: string): Promise<Agenda | null>;
  /** Refuses with a conflict unless the stored revision is `agenda.revision - 1`. */
  saveAgenda(agenda: Agenda): Promise<void>;
  listSharedAgendasFor(counterpartId: string): Promise<Agenda[]>;
  getPrivateNote(authorId: string, oneOnOneId: string): Promise<PrivateNote | null>;
  savePrivateNote(note: PrivateNote): Promise<void>;

  getRecap(recapId: string): Promise<{ recap: Recap; revision: string } | null>;
  /** Returns the new revision; refuses with a conflict when the stored one is not `expectedRevision`. */
  saveRecap(recap: Recap, expectedRevision: string | null): Promise<string>;
  listRecapsByAuthor(authorId: string): Promise<Recap[]>;
  listRecapsForRecipient(recipientId: string): Promise<Recap[]>;
  findRecapForOneOnOne(authorId: string, oneOnOneId: string): Promise<Recap | null>;

  saveActions(actions: readonly ActionItem[]): Promise<void>;
  getAction(actionId: string): Promise<ActionItem | null>;
  listActionsForEmployee(employeeId: string): Promise<ActionItem[]>;
  listActionsOwnedBy(ownerId: string): Promise<ActionItem[]>;
  listActionsWithCounterpart(counterpartId: string): Promise<ActionItem[]>;
  deleteAction(actionId: string): Promise<void>;

  saveConversation(personId: string, record: ConversationRecord): Promise<void>;
  getConversation(personId: string): Promise<ConversationRecord | null>;
  markUninstalled(personId: string, at: string): Promise<void>;

  saveCardActivity(activity: CardActivity): Promise<void>;
  listCardActivities(subjectId: string): Promise<CardActivity[]>;

  getSettings(personId: string): Promise<PromptSettings>;
  saveSettings(personId: string, settings: PromptSettings): Promise<void>;

  getSyncState(personId: string): Promise<SyncState | null>;
  saveSyncState(personId: string, state: SyncState): Promise<void>;

  /**
   * Writes an entry at its due time. An entry is found by its id and `nextAttemptAt` together: to reschedule
   * one, save the new version, then delete the old one.
   */
  saveOutboxEntry(entry: OutboxEntry): Promise<void>;
  /** Entries due at `now` (nextAttemptAt <= now), the earliest due first, at most `limit`. */
  listDueOutbox(now: Date, limit: number): Promise<OutboxEntry[]>;
  /** Removes the entry saved with this id and due time; a missing one is not an error. */
  deleteOutboxEntry(entry: Pick<OutboxEntry, 'id' | 'nextAttemptAt'>): Promise<void>;

  claim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean>;
  /**
   * Restarts the lease of a claim `holder` still holds from `now`; false, changing nothing, when it is missing,
   * completed, or was taken over (see `DocumentStore.renewClaim`).
   */
  renewClaim(key: string, holder: string, now: Date, leaseMs?: number): Promise<boolean>;
  completeClaim(key: string, holder: string): Promise<void>;
  releaseClaim(key: string, holder: string): Promise<void>;
  /**
   * Deletes completed claims of `prefix` claimed before `claimedBefore`; returns how many (see
   * `DocumentStore.pruneClaims`: a pruned key can be claimed again, so only time-bounded prefixes may be pruned).
   */
  pruneClaims(prefix: string, claimedBefore: Date): Promise<number>;
}
