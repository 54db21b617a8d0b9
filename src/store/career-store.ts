import type { DocumentStore } from '../ports/document-store';
import type { Store } from '../ports/store';
import { ActionRecords } from './career/action-records';
import { AgendaRecords } from './career/agenda-records';
import { BotRecords } from './career/bot-records';
import type { PersonDataDeletion, PersonDataExport } from './career/career-records';
import { OneOnOneRecords } from './career/one-on-one-records';
import { OutboxRecords } from './career/outbox-records';
import { PeopleRecords } from './career/people-records';
import { deletePersonData, exportPersonData } from './career/person-data';
import { PreferenceRecords } from './career/preference-records';
import { RecapRecords } from './career/recap-records';

export type {
  CardActivity,
  ConversationRecord,
  OneOnOneRange,
  OutboxEntry,
  OutboxEvent,
  PersonDataDeletion,
  PersonDataExport,
  StoredRecap,
  SyncState,
} from './career/career-records';
export { newActionId, newRecapId, partitionOfId, secureRandom } from './career/record-ids';
export type { RandomSource } from './career/record-ids';
export { StoreConflictError } from './career/store-errors';

/**
 * The app's typed store (the `Store` port, plus the data-subject requests), written once over any
 * `DocumentStore`: SQLite, Azure Tables, or memory. Where each record lives: `career/collections.ts`.
 *
 * Consistency: a record is one document write. Index entries (look-ups from the other side: reports by manager,
 * recaps by recipient, shared agendas by counterpart, actions by owner and counterpart, people by e-mail) are
 * written after it. Azure Tables has no transaction across partitions, so instead of pretending, readers follow
 * each entry to its record and skip any that dangle or no longer match: an index entry is never returned without
 * its record, and a crash between the two writes at worst hides a record from one look-up until it is saved again.
 *
 * Concurrency: `saveAgenda` accepts only the next revision of the stored agenda and `saveRecap` only the stored
 * document revision, each as one conditional write, so concurrent writers cannot both win; the loser gets
 * `StoreConflictError` (code `conflict`). People, 1:1s, actions, settings and sync state are last-writer-wins.
 *
 * Ordering: people by display name; 1:1s by start; recaps newest first; actions by due date; shared agendas most
 * recently shared first; card activities by person then purpose.
 *
 * Privacy: private notes live in their own collection with no index, and no method that takes a counterpart's id
 * reads it. Recipients never see draft recaps. Ids must embed their partition (`newRecapId`, `newActionId`);
 * 1:1 ids are `${ownerId}:${eventId}` with owner ids free of `:` (event ids may hold anything).
 */
export interface CareerStore extends Store {
  /** Everything stored about the person, and what they can already see, for a data-subject access request. */
  exportPersonData(personId: string): Promise<PersonDataExport>;
  /** Removes every record in the person's own partitions and the index entries pointing at them. */
  deletePersonData(personId: string): Promise<PersonDataDeletion>;
}

export function createCareerStore(documents: DocumentStore): CareerStore {
  const people = new PeopleRecords(documents);
  const oneOnOnes = new OneOnOneRecords(documents);
  const agendas = new AgendaRecords(documents);
  const recaps = new RecapRecords(documents);
  const actions = new ActionRecords(documents);
  const bot = new BotRecords(documents);
  const preferences = new PreferenceRecords(documents);
  const outbox = new OutboxRecords(documents);
  const parts = { documents, people, oneOnOnes, agendas, recaps, actions, bot, preferences };

  return {
    savePerson: (person) => people.save(person),
    getPerson: (personId) => people.get(personId),
    findPersonByEmail: (email) => people.findByEmail(email),
    listReports: (managerId) => people.listReports(managerId),
    listPeople: () => people.list(),

    saveOneOnOne: (meeting) => oneOnOnes.save(meeting),
    saveOneOnOnes: (ownerId, meetings) => oneOnOnes.saveAll(ownerId, meetings),
    getOneOnOne: (oneOnOneId) => oneOnOnes.get(oneOnOneId),
    listOneOnOnes: (ownerId, range) => oneOnOnes.list(ownerId, range),
    deleteOneOnOne: (ownerId, eventId) => oneOnOnes.delete(ownerId, eventId),

    getAgenda: (authorId, oneOnOneId) => agendas.get(authorId, oneOnOneId),
    saveAgenda: (agenda) => agendas.save(agenda),
    listSharedAgendasFor: (counterpartId) => agendas.listSharedWith(counterpartId),
    getPrivateNote: (authorId, oneOnOneId) => agendas.getPrivateNote(authorId, oneOnOneId),
    savePrivateNote: (note) => agendas.savePrivateNote(note),

    getRecap: (recapId) => recaps.get(recapId),
    saveRecap: (recap, expectedRevision) => recaps.save(recap, expectedRevision),
    listRecapsByAuthor: (authorId) => recaps.listByAuthor(authorId),
    listRecapsForRecipient: (recipientId) => recaps.listForRecipient(recipientId),
    findRecapForOneOnOne: async (authorId, oneOnOneId) =>
      (await recaps.findForOneOnOne(authorId, oneOnOneId))?.recap ?? null,

    saveActions: (items) => actions.save(items),
    getAction: (actionId) => actions.get(actionId),
    listActionsForEmployee: (employeeId) => actions.listForEmployee(employeeId),
    listActionsOwnedBy: (ownerId) => actions.listOwnedBy(ownerId),
    listActionsWithCounterpart: (counterpartId) => actions.listWithCounterpart(counterpartId),
    deleteAction: (actionId) => actions.delete(actionId),

    saveConversation: (personId, record) => bot.saveConversation(personId, record),
    getConversation: (personId) => bot.getConversation(personId),
    markUninstalled: (personId, at) => bot.markUninstalled(personId, at),
    saveCardActivity: (activity) => bot.saveCardActivity(activity),
    listCardActivities: (subjectId) => bot.listCardActivities(subjectId),

    getSettings: (personId) => preferences.getSettings(personId),
    saveSettings: (personId, settings) => preferences.saveSettings(personId, settings),
    getSyncState: (personId) => preferences.getSyncState(personId),
    saveSyncState: (personId, state) => preferences.saveSyncState(personId, state),

    saveOutboxEntry: (entry) => outbox.save(entry),
    listDueOutbox: (now, limit) => outbox.listDue(now, limit),
    deleteOutboxEntry: (entry) => outbox.delete(entry),

    claim: (key, holder, now, leaseMs) => documents.claim(key, holder, now, leaseMs),
    renewClaim: (key, holder, now, leaseMs) => documents.renewClaim(key, holder, now, leaseMs),
    completeClaim: async (key, holder) => {
      await documents.completeClaim(key, holder);
    },
    releaseClaim: async (key, holder) => {
      await documents.releaseClaim(key, holder);
    },
    pruneClaims: (prefix, claimedBefore) => documents.pruneClaims(prefix, claimedBefore),

    exportPersonData: (personId) => exportPersonData(parts, personId),
    deletePersonData: (personId) => deletePersonData(parts, personId),
  };
}
