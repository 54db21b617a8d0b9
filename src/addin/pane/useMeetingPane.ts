import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DemoPerson } from '../../api/contract/api-types';
import { DEMO_USER_HEADER } from '../../api/demo-header';
import { ApiError, isApiError } from '../../web/api/api-error';
import type { CareerApi } from '../../web/api/career-api';
import { createHttpCareerApi } from '../../web/api/http-career-api';
import { tenantSignInFrom } from '../identity/addin-settings';
import { nestedAppTokens } from '../identity/nested-app-auth';
import type { MeetingItem } from '../office/meeting-item';
import { meetingItemFrom } from '../office/meeting-item';
import type { MeetingPaneModel, MeetingPaneProps, MeetingPaneState, ReadyPane } from './MeetingPane.types';

const REMEMBERED = 'career-conversations.addin.demo-person';

function remembered(): string | null {
  try {
    return sessionStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

function remember(personId: string | null): void {
  try {
    if (personId === null) sessionStorage.removeItem(REMEMBERED);
    else sessionStorage.setItem(REMEMBERED, personId);
  } catch {
    // Storage may be blocked by policy: the picker simply asks again next time.
  }
}

/** Who I am, this meeting, and, when it is one of my 1:1s, its agenda, open actions and last recap. */
async function openMeeting(
  api: CareerApi,
  item: MeetingItem,
  viewingAs: string | null,
): Promise<MeetingPaneState> {
  const [me, details] = await Promise.all([api.me(), item.details()]);
  const found = await api.matchMeeting({
    start: details.start.toISOString(),
    end: details.end.toISOString(),
    attendees: details.attendees.map((a) => a.email),
  });
  if (!found.match) {
    return {
      kind: 'not-a-one-on-one',
      message: found.reason?.message ?? 'This meeting is not one of your 1:1s.',
      viewingAs,
    };
  }
  const oneOnOne = found.match;
  const [agenda, past] = await Promise.all([api.agenda(oneOnOne.id), api.past()]);
  const counterpart = oneOnOne.counterpart.email.toLowerCase();
  const last = past.oneOnOnes
    .filter((p) => p.counterpart.email.toLowerCase() === counterpart && p.startsAt < oneOnOne.startsAt)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
  const ready: ReadyPane = {
    kind: 'ready',
    api,
    me,
    item,
    oneOnOne,
    agenda,
    lastRecap: last ? { startsAt: last.startsAt, recap: last.recap } : null,
  };
  return ready;
}

export function useMeetingPane({
  officeItem,
  baseUrl = '',
  location,
  signIn = nestedAppTokens,
}: MeetingPaneProps): MeetingPaneModel {
  const item = useMemo(() => meetingItemFrom(officeItem), [officeItem]);
  const [state, setState] = useState<MeetingPaneState>({ kind: 'loading', label: 'Reading the meeting…' });
  const [people, setPeople] = useState<DemoPerson[] | null>(null);
  const [attempt, setAttempt] = useState(0);

  const openAs = useCallback(
    async (personId: string, list: DemoPerson[]) => {
      if (!item) return;
      setState({ kind: 'loading', label: 'Looking for this 1:1…' });
      const api = createHttpCareerApi({
        baseUrl,
        authHeaders: () => Promise.resolve({ [DEMO_USER_HEADER]: personId }),
      });
      try {
        const name = list.find((p) => p.id === personId)?.displayName ?? null;
        setState(await openMeeting(api, item, name));
        remember(personId);
      } catch (error) {
        remember(null);
        if (isApiError(error) && error.status === 401)
          setState({ kind: 'pick-person', people: list, problem: error.message });
        else setState({ kind: 'failed', title: 'The 1:1 could not be opened.', error });
      }
    },
    [baseUrl, item],
  );

  useEffect(() => {
    let current = true;
    const update = (next: MeetingPaneState): void => {
      if (current) setState(next);
    };
    const start = async (): Promise<void> => {
      if (!item) {
        update({ kind: 'not-a-meeting' });
        return;
      }
      const publicApi = createHttpCareerApi({ baseUrl, authHeaders: () => Promise.resolve({}) });
      let list: DemoPerson[] | null = null;
      try {
        list = (await publicApi.demoPeople()).people;
      } catch (error) {
        if (!(isApiError(error) && error.status === 404)) {
          update({ kind: 'failed', title: 'Career Conversations could not be reached.', error });
          return;
        }
      }
      if (list) {
        setPeople(list);
        const again = remembered();
        if (again && list.some((p) => p.id === again)) await openAs(again, list);
        else update({ kind: 'pick-person', people: list, problem: null });
        return;
      }
      const settings = tenantSignInFrom(location);
      if (!settings) {
        const error = new ApiError(
          0,
          'addin_settings',
          'The add-in was opened without its sign-in settings. Ask your admin to update the app.',
        );
        update({ kind: 'failed', title: 'Sign-in is not set up.', error });
        return;
      }
      try {
        const tokens = await signIn(settings);
        const api = createHttpCareerApi({
          baseUrl,
          authHeaders: async () => ({ authorization: `Bearer ${await tokens()}` }),
          refreshAuth: () => Promise.resolve(true),
        });
        update(await openMeeting(api, item, null));
      } catch (error) {
        update({ kind: 'failed', title: 'The 1:1 could not be opened.', error });
      }
    };
    setState({ kind: 'loading', label: 'Reading the meeting…' });
    void start();
    return () => {
      current = false;
    };
  }, [attempt, baseUrl, item, location, openAs, signIn]);

  return {
    state,
    viewAs: (personId) => {
      if (people) void openAs(personId, people);
    },
    switchPerson: people
      ? () => {
          remember(null);
          setState({ kind: 'pick-person', people, problem: null });
        }
      : null,
    retry: () => {
      setAttempt((n) => n + 1);
    },
  };
}
