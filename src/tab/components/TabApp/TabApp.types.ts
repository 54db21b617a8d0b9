import type { DemoPerson, MeResponse } from '../../../api/contract/api-types';
import type { CareerApi } from '../../../web/api/career-api';
import type { ThemeName } from '../../host/tab-theme';

export type SignInProblemKind = 'consent_required' | 'token_expired' | 'sign_in_failed';

export type TabSession =
  | { kind: 'starting' }
  | { kind: 'pick-person'; people: DemoPerson[]; problem: string | null }
  | { kind: 'ready'; api: CareerApi; me: MeResponse; host: 'teams' | 'browser' }
  | { kind: 'not-in-teams' }
  | { kind: 'sign-in-problem'; problem: SignInProblemKind; message: string }
  | { kind: 'failed'; error: unknown };

export interface TabAppProps {
  /** Where the API lives; the same origin by default. */
  baseUrl?: string;
  /** How long a frame may stay silent before it is treated as a plain browser. */
  hostTimeoutMs?: number;
}

export interface TabAppState {
  session: TabSession;
  theme: ThemeName;
  retry: () => void;
  /** Demo: pick who to view the tab as. */
  viewAs: (personId: string) => void;
  /** Demo: back to the picker. */
  switchPerson: () => void;
}
