import type { ActionItem, Agenda, OneOnOne, Person, PrivateNote, PromptSettings, Recap } from '../../core';
import type { CardActivity, ConversationRecord, SyncState } from '../../ports/store';

export type {
  CardActivity,
  ConversationRecord,
  OutboxEntry,
  OutboxEvent,
  SyncState,
} from '../../ports/store';

/** A recap with the document revision to pass back to `saveRecap`. */
export interface StoredRecap {
  recap: Recap;
  revision: string;
}

export interface OneOnOneRange {
  /** Only 1:1s starting at or after this instant. */
  from?: string;
  /** Only 1:1s starting before this instant. */
  to?: string;
}

/** Everything stored about one person, for a data-subject access request (GDPR art. 15 and 20). */
export interface PersonDataExport {
  personId: string;
  person: Person | null;
  /** Null when the person never changed the defaults. */
  settings: PromptSettings | null;
  syncState: SyncState | null;
  conversation: ConversationRecord | null;
  oneOnOnes: OneOnOne[];
  agendas: Agenda[];
  privateNotes: PrivateNote[];
  recapsWritten: Recap[];
  recapsReceived: Recap[];
  agendasSharedWithMe: Agenda[];
  /** Actions from the person's own recaps. */
  actions: ActionItem[];
  /** Actions the person owns, from anyone's recaps. */
  actionsOwned: ActionItem[];
  /** Actions agreed with the person in someone else's recap. */
  actionsAsCounterpart: ActionItem[];
  cardActivities: CardActivity[];
}

/** What `deletePersonData` removed: records per kind (index entries pointing at them went too). */
export interface PersonDataDeletion {
  personId: string;
  removed: {
    person: number;
    oneOnOnes: number;
    agendas: number;
    privateNotes: number;
    recaps: number;
    actions: number;
    conversation: number;
    cardActivities: number;
    settings: number;
    syncState: number;
    /** Entries in the person's own index partitions, pointing at other people's records. */
    indexEntries: number;
  };
}
