import type {
  AgendaResponse,
  DemoPerson,
  MeResponse,
  OneOnOneDto,
  RecapSummaryDto,
} from '../../api/contract/api-types';
import type { CareerApi } from '../../web/api/career-api';
import type { MeetingItem } from '../office/meeting-item';
import type { AccessTokenSource } from '../identity/nested-app-auth';
import type { TenantSignIn } from '../identity/addin-settings';

export interface MeetingPaneProps {
  /** `Office.context.mailbox.item`, or undefined outside Outlook. */
  officeItem: unknown;
  /** Where `/api` lives; empty for the same origin (the add-in is served by the app itself). */
  baseUrl?: string;
  /** The pane's own URL, which carries the tenant sign-in settings. */
  location: { search: string; host: string };
  /** Nested app authentication; replaced in tests. */
  signIn?: (settings: TenantSignIn) => Promise<AccessTokenSource>;
}

export interface LastRecap {
  startsAt: string;
  recap: RecapSummaryDto | null;
}

export interface ReadyPane {
  kind: 'ready';
  api: CareerApi;
  me: MeResponse;
  item: MeetingItem;
  oneOnOne: OneOnOneDto;
  agenda: AgendaResponse;
  lastRecap: LastRecap | null;
}

export type MeetingPaneState =
  | { kind: 'loading'; label: string }
  | { kind: 'not-a-meeting' }
  | { kind: 'pick-person'; people: DemoPerson[]; problem: string | null }
  | { kind: 'not-a-one-on-one'; message: string; viewingAs: string | null }
  | { kind: 'failed'; title: string; error: unknown }
  | ReadyPane;

export interface MeetingPaneModel {
  state: MeetingPaneState;
  viewAs: (personId: string) => void;
  /** Demo only: back to the "view as" list. */
  switchPerson: (() => void) | null;
  retry: () => void;
}
