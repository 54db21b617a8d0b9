/**
 * The JSON shapes the HTTP API answers with, shared by the Teams tab and the Outlook add-in.
 * Types only: importing this file adds nothing to a bundle.
 */
import type { ActionStatus } from '../../core/action-item';
import type { Ask, KnowledgeHolder } from '../../core/agenda';
import type { Relationship } from '../../core/one-on-one';
import type { WorkingHours } from '../../core/person';
import type {
  ActionOwnerSide,
  RecapAction,
  RecapContent,
  RecapEventKind,
  RecapState,
} from '../../core/recap';
import type { PromptSettings } from '../../core/settings';

export type {
  ActionOwnerSide,
  ActionStatus,
  Ask,
  KnowledgeHolder,
  PromptSettings,
  RecapAction,
  RecapContent,
  RecapState,
  Relationship,
  WorkingHours,
};

export interface ApiProblem {
  /** The input field the problem concerns, e.g. `asks[1].wanted`; null for the request as a whole. */
  field: string | null;
  code: string;
  message: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: { problems?: ApiProblem[]; field?: string } & Record<string, unknown>;
  };
}

export interface PersonSummary {
  id: string;
  displayName: string;
  jobTitle: string | null;
  email: string;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface MeResponse {
  /** Time zone and working hours as read from the person's Outlook mailbox settings. */
  person: PersonSummary & { timeZone: string; workingHours: WorkingHours };
  manager: PersonSummary | null;
  hasReports: boolean;
  profile: 'demo' | 'tenant';
}

export interface DemoPerson extends PersonSummary {
  managerName: string | null;
  reportCount: number;
}

export interface DemoPeopleResponse {
  people: DemoPerson[];
}

export interface PeopleSearchResponse {
  people: PersonSummary[];
}

export type AgendaState = 'none' | 'written' | 'shared';

export interface OneOnOneDto {
  id: string;
  counterpart: { name: string; email: string; personId: string | null };
  relationship: Relationship;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled';
}

export interface UpcomingOneOnOneDto extends OneOnOneDto {
  agendaState: AgendaState;
  agendaRevision: number | null;
}

export interface UpcomingResponse {
  oneOnOnes: UpcomingOneOnOneDto[];
}

export interface ChangeRequestDto {
  comment: string;
  by: PersonRef;
  at: string;
  version: number;
}

export interface RecapSummaryDto {
  id: string;
  state: RecapState;
  version: number;
  requiresAcknowledgement: boolean;
  sentAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: PersonRef | null;
  changeRequest: ChangeRequestDto | null;
}

export interface RecapDto extends RecapSummaryDto, RecapContent {
  oneOnOneId: string;
  author: PersonRef;
  recipient: PersonRef;
  history: { kind: RecapEventKind; by: PersonRef; at: string; version: number }[];
  createdAt: string;
  updatedAt: string;
}

export interface PastOneOnOneDto extends OneOnOneDto {
  recap: RecapSummaryDto | null;
}

export interface PastResponse {
  oneOnOnes: PastOneOnOneDto[];
}

export interface AgendaDto {
  learningFocus: string;
  knowledgeHolders: KnowledgeHolder[];
  asks: Ask[];
  carriedActionIds: string[];
  /** When it was shared with the person the 1:1 is with now; null when it is not shared with them. */
  sharedAt: string | null;
  /**
   * Someone it was shared with before the 1:1 moved to another person. They can no longer open it (see
   * `readSharedAgenda`), but their card in chat still shows it until it is withdrawn from them: by the calendar
   * sync that sees the move, or when the author shares it again (with the person it is with now) or saves a change.
   */
  sharedEarlierWith: PersonRef | null;
  updatedAt: string;
  revision: number;
}

export interface ActionDto {
  id: string;
  text: string;
  dueOn: string;
  status: ActionStatus;
  overdue: boolean;
  completedAt: string | null;
  owner: PersonRef;
  /** The other person of the pair who agreed it (not me). */
  agreedWith: PersonRef;
  oneOnOneId: string;
  recapId: string;
}

export interface AgendaResponse {
  oneOnOne: OneOnOneDto;
  agenda: AgendaDto | null;
  /** Only ever sent to the author. */
  privateNotes: string;
  openActions: ActionDto[];
  /** Who a share would go to, or null when this 1:1 cannot be shared (external guest, unknown person). */
  shareWith: PersonRef | null;
  /** The other person's agenda for this same meeting, when they shared it with me. */
  sharedWithMe: SharedAgendaDto | null;
}

export interface AgendaInputDto {
  learningFocus: string;
  knowledgeHolders: KnowledgeHolder[];
  asks: Ask[];
  carriedActionIds: string[];
  privateNotes: string;
}

export interface SaveAgendaRequest extends AgendaInputDto {
  baseRevision: number | null;
}

export interface SaveAgendaResponse {
  agenda: AgendaDto;
  privateNotes: string;
}

export interface ShareAgendaResponse {
  agenda: AgendaDto;
  sharedWith: PersonRef;
  changed: boolean;
}

export interface RecapForOneOnOneResponse {
  oneOnOne: OneOnOneDto;
  recap: RecapDto | null;
  /** A first draft from the agenda when there is no recap yet. */
  prefill: RecapContent | null;
  /** `YYYY-MM-DD` in my time zone: due dates start here. */
  today: string;
}

export interface WriteRecapRequest {
  topics: string[];
  actions: { id?: string; text: string; owner: ActionOwnerSide; dueOn: string }[];
}

export interface RecapResponse {
  recap: RecapDto;
  changed?: boolean;
}

export interface ActionsResponse {
  today: string;
  mine: ActionDto[];
  agreedWithOthers: ActionDto[];
}

export interface ActionResponse {
  action: ActionDto;
  changed: boolean;
}

export interface GrowthEntryDto {
  oneOnOneId: string;
  date: string;
  counterpartName: string;
  learningFocus: string;
  asks: Ask[];
  answered: boolean;
  /** The conversation has not happened yet. */
  upcoming: boolean;
}

export interface MonthCountDto {
  month: string;
  withManager: number;
  curiosity: number;
}

export interface GrowthResponse {
  entries: GrowthEntryDto[];
  cadence: {
    months: MonthCountDto[];
    withManagerPerMonth: number;
    curiosityPerMonth: number;
    lastConversationAt: string | null;
    daysSinceLast: number | null;
    overdueActions: number;
    recapsPendingAcknowledgement: number;
    nudge: boolean;
    nudgeAfterWeeks: number;
  };
}

export interface TeamRecapDto {
  id: string;
  version: number;
  topics: string[];
  actions: RecapAction[];
  sentAt: string | null;
  oneOnOneId: string;
  meetingStartsAt: string | null;
}

export interface TeamMemberDto {
  person: PersonSummary;
  lastConversationAt: string | null;
  daysSinceLast: number | null;
  withManagerPerMonth: number;
  curiosityPerMonth: number;
  nudge: boolean;
  awaitingMe: TeamRecapDto[];
  myOverdueActions: ActionDto[];
  sharedAgendaCount: number;
}

export interface TeamResponse {
  reports: TeamMemberDto[];
}

export interface SharedAgendaDto {
  oneOnOneId: string;
  meetingStartsAt: string | null;
  learningFocus: string;
  knowledgeHolders: KnowledgeHolder[];
  asks: Ask[];
  carriedActions: { id: string; text: string; dueOn: string; status: ActionStatus }[];
  sharedAt: string;
  updatedAt: string;
}

export interface SharedAgendasResponse {
  report: PersonSummary;
  agendas: SharedAgendaDto[];
}

export interface SettingsResponse {
  settings: PromptSettings;
}

export type MeetingMatchReason =
  | 'no_other_attendee'
  | 'more_than_two_people'
  | 'no_one_on_one_at_that_time'
  | 'different_attendees'
  | 'cancelled';

export interface MeetingMatchResponse {
  match: (OneOnOneDto & { agendaState: AgendaState }) | null;
  reason: { code: MeetingMatchReason; message: string } | null;
}

export interface SharedAgendaResponse {
  agenda: SharedAgendaDto;
}
