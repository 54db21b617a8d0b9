import type { DocumentStore } from '../../ports/document-store';
import type { ActionRecords } from './action-records';
import type { AgendaRecords } from './agenda-records';
import type { BotRecords } from './bot-records';
import type { PersonDataDeletion, PersonDataExport } from './career-records';
import { COLLECTIONS } from './collections';
import { deletePartition, valuesOf } from './index-reads';
import type { OneOnOneRecords } from './one-on-one-records';
import type { PeopleRecords } from './people-records';
import type { PreferenceRecords } from './preference-records';
import type { RecapRecords } from './recap-records';
import type { Agenda, PrivateNote } from '../../core';

export interface PersonDataParts {
  documents: DocumentStore;
  people: PeopleRecords;
  oneOnOnes: OneOnOneRecords;
  agendas: AgendaRecords;
  recaps: RecapRecords;
  actions: ActionRecords;
  bot: BotRecords;
  preferences: PreferenceRecords;
}

/**
 * A data-subject request over every collection. Export gathers what is stored about the person and what they
 * may already see (recaps sent to them, agendas shared with them, actions agreed with them) — never someone
 * else's private notes. Delete removes every record in the person's own partitions and their index entries.
 * Records in other people's partitions that mention the person (a recap someone wrote to them, a 1:1 on someone
 * else's calendar) belong to those people and stay.
 */
export async function exportPersonData(parts: PersonDataParts, personId: string): Promise<PersonDataExport> {
  const { documents, people, oneOnOnes, agendas, recaps, actions, bot, preferences } = parts;
  return {
    personId,
    person: await people.get(personId),
    settings: await preferences.getStoredSettings(personId),
    syncState: await preferences.getSyncState(personId),
    conversation: await bot.getConversation(personId),
    oneOnOnes: await oneOnOnes.list(personId),
    agendas: await valuesOf<Agenda>(documents, COLLECTIONS.agendas, personId),
    privateNotes: await valuesOf<PrivateNote>(documents, COLLECTIONS.privateNotes, personId),
    recapsWritten: await recaps.listByAuthor(personId),
    recapsReceived: await recaps.listForRecipient(personId),
    agendasSharedWithMe: await agendas.listSharedWith(personId),
    actions: await actions.listForEmployee(personId),
    actionsOwned: await actions.listOwnedBy(personId),
    actionsAsCounterpart: await actions.listWithCounterpart(personId),
    cardActivities: await bot.listCardActivitiesFor(personId),
  };
}

export async function deletePersonData(
  parts: PersonDataParts,
  personId: string,
): Promise<PersonDataDeletion> {
  if (personId.length === 0) throw new RangeError('Say whose data to delete.');
  const { documents, people, agendas, recaps, actions, bot, preferences } = parts;
  const authored = await agendas.deleteAuthored(personId);
  const recapCount = await recaps.deleteAuthored(personId);
  const actionCount = await actions.deleteForEmployee(personId);
  const oneOnOnes = await deletePartition(documents, COLLECTIONS.oneOnOnes, personId);
  const botCounts = await bot.deleteFor(personId);
  const preferenceCounts = await preferences.deleteFor(personId);
  let indexEntries = 0;
  for (const collection of [
    COLLECTIONS.sharedAgendas,
    COLLECTIONS.recapsByRecipient,
    COLLECTIONS.actionsByOwner,
    COLLECTIONS.actionsByCounterpart,
    COLLECTIONS.reports,
  ]) {
    indexEntries += await deletePartition(documents, collection, personId);
  }
  const person = (await people.delete(personId)) ? 1 : 0;
  return {
    personId,
    removed: {
      person,
      oneOnOnes,
      agendas: authored.agendas,
      privateNotes: authored.privateNotes,
      recaps: recapCount,
      actions: actionCount,
      conversation: botCounts.conversation,
      cardActivities: botCounts.cardActivities,
      settings: preferenceCounts.settings,
      syncState: preferenceCounts.syncState,
      indexEntries,
    },
  };
}
