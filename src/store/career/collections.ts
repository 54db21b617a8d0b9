/**
 * Where the career records live in the document store. Primary records are partitioned by the person who owns
 * them; index collections are partitioned by the person who looks them up and hold only pointers.
 *
 * | collection              | partition        | key                          | value                    |
 * | ----------------------- | ---------------- | ---------------------------- | ------------------------ |
 * | people                  | `all`            | person id                    | Person                   |
 * | peopleByEmail (index)   | lower-case email | person id                    | { personId }             |
 * | reports (index)         | manager id       | report's person id           | { personId }             |
 * | oneOnOnes               | owner id         | Graph event id               | OneOnOne                 |
 * | agendas                 | author id        | 1:1 id                       | Agenda                   |
 * | sharedAgendas (index)   | counterpart id   | author id | 1:1 id           | { authorId, oneOnOneId } |
 * | privateNotes            | author id        | 1:1 id                       | PrivateNote              |
 * | recaps                  | author id        | recap id                     | Recap                    |
 * | recapsByRecipient (idx) | recipient id     | recap id                     | { recapId }              |
 * | recapsByOneOnOne (idx)  | author id        | 1:1 id                       | { recapId }              |
 * | actions                 | employee id      | action id                    | ActionItem               |
 * | actionsByOwner (index)  | owner id         | action id                    | { actionId }             |
 * | actionsByCounterpart    | counterpart id   | action id                    | { actionId }             |
 * | conversations           | person id        | `bot`                        | ConversationRecord       |
 * | cardActivities          | subject id       | person id | purpose          | CardActivity             |
 * | cardActivitiesByPerson  | person id        | subject id | purpose         | { subjectId, purpose }   |
 * | settings                | person id        | `prompts`                    | PromptSettings           |
 * | syncStates              | person id        | `calendar`                   | SyncState                |
 * | outbox                  | `due`            | due ms, 15 digits | entry id | OutboxEntry              |
 *
 * Private notes have no index: nothing keyed by a counterpart can lead to them.
 */
export const COLLECTIONS = {
  people: 'people',
  peopleByEmail: 'peopleByEmail',
  reports: 'reports',
  oneOnOnes: 'oneOnOnes',
  agendas: 'agendas',
  sharedAgendas: 'sharedAgendas',
  privateNotes: 'privateNotes',
  recaps: 'recaps',
  recapsByRecipient: 'recapsByRecipient',
  recapsByOneOnOne: 'recapsByOneOnOne',
  actions: 'actions',
  actionsByOwner: 'actionsByOwner',
  actionsByCounterpart: 'actionsByCounterpart',
  conversations: 'conversations',
  cardActivities: 'cardActivities',
  cardActivitiesByPerson: 'cardActivitiesByPerson',
  settings: 'settings',
  syncStates: 'syncStates',
  outbox: 'outbox',
} as const;

/** The one partition of the people directory (listing everyone is a single-partition query). */
export const DIRECTORY_PARTITION = 'all';
export const CONVERSATION_KEY = 'bot';
export const SETTINGS_KEY = 'prompts';
export const SYNC_STATE_KEY = 'calendar';
/** The one partition of the outbox: listing what is due is one range query on it. */
export const OUTBOX_PARTITION = 'due';

/** Joins key parts unambiguously, whatever characters they hold: `%` and `|` are escaped, `|` separates. */
export function compositeKey(...parts: string[]): string {
  return parts.map((part) => part.replaceAll('%', '%25').replaceAll('|', '%7C')).join('|');
}
