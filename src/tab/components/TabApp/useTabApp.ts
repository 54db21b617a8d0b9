import { useCallback, useEffect, useRef, useState } from 'react';
import { DEMO_USER_HEADER } from '../../../api/demo-header';
import { ApiError, isApiError } from '../../../web/api/api-error';
import type { CareerApi } from '../../../web/api/career-api';
import { createHttpCareerApi } from '../../../web/api/http-career-api';
import { rememberDemoPerson, rememberedDemoPerson } from '../../host/demo-person';
import { detectHost } from '../../host/detect-host';
import { browserThemeName, themeName } from '../../host/tab-theme';
import type { ThemeName } from '../../host/tab-theme';
import type { TeamsHost } from '../../host/teams-host';
import type { TabAppProps, TabAppState, TabSession } from './TabApp.types';

/**
 * Who is using the tab: in Teams, the signed-in person (SSO token on every call); in a plain browser on the
 * demo, whoever is picked in "view as"; in a plain browser on a real tenant, nobody (open it in Teams).
 */
export function useTabApp({ baseUrl = '', hostTimeoutMs = 800 }: TabAppProps): TabAppState {
  const [session, setSession] = useState<TabSession>({ kind: 'starting' });
  const [theme, setTheme] = useState<ThemeName>(() => browserThemeName(window));
  const [attempt, setAttempt] = useState(0);
  const hostRef = useRef<TeamsHost | null | undefined>(undefined);

  /** Opens the tab as a demo person; a person who no longer exists sends the picker back with a reason. */
  const openAs = useCallback(
    async (personId: string): Promise<boolean> => {
      const api = createHttpCareerApi({
        baseUrl,
        authHeaders: () => Promise.resolve({ [DEMO_USER_HEADER]: personId }),
      });
      try {
        const me = await api.me();
        rememberDemoPerson(personId);
        setSession({ kind: 'ready', api, me, host: 'browser' });
        return true;
      } catch (error) {
        rememberDemoPerson(null);
        if (!isApiError(error) || error.status !== 401) setSession({ kind: 'failed', error });
        return false;
      }
    },
    [baseUrl],
  );

  const showPicker = useCallback(
    async (problem: string | null, isCurrent: () => boolean): Promise<void> => {
      const publicApi = createHttpCareerApi({ baseUrl, authHeaders: () => Promise.resolve({}) });
      try {
        const { people } = await publicApi.demoPeople();
        if (isCurrent()) setSession({ kind: 'pick-person', people, problem });
      } catch (error) {
        if (!isCurrent()) return;
        setSession(
          isApiError(error) && error.status === 404 ? { kind: 'not-in-teams' } : { kind: 'failed', error },
        );
      }
    },
    [baseUrl],
  );

  useEffect(() => {
    let current = true;
    const start = async (): Promise<void> => {
      if (hostRef.current === undefined) hostRef.current = await detectHost(window, hostTimeoutMs);
      const host = hostRef.current;
      if (host) {
        setTheme(themeName(host.theme));
        host.onThemeChange((name) => {
          setTheme(themeName(name));
        });
        await startInTeams(host, baseUrl, (next) => {
          if (current) setSession(next);
        });
        return;
      }
      // The person picked earlier in this browser tab opens straight away; the picker loads only when needed.
      const remembered = rememberedDemoPerson();
      if (remembered && (await openAs(remembered))) return;
      await showPicker(null, () => current);
    };
    setSession({ kind: 'starting' });
    void start();
    return () => {
      current = false;
    };
  }, [attempt, baseUrl, hostTimeoutMs, openAs, showPicker]);

  // Follow the system theme in a plain browser.
  useEffect(() => {
    if (hostRef.current) return undefined;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = (): void => {
      if (!hostRef.current) setTheme(browserThemeName(window));
    };
    media.addEventListener('change', onChange);
    return () => {
      media.removeEventListener('change', onChange);
    };
  }, []);

  return {
    session,
    theme,
    retry: () => {
      setAttempt((n) => n + 1);
    },
    viewAs: (personId) => {
      void openAs(personId).then(async (opened) => {
        if (!opened)
          await showPicker('That demo person does not exist any more. Pick someone else.', () => true);
      });
    },
    switchPerson: () => {
      rememberDemoPerson(null);
      setAttempt((n) => n + 1);
    },
  };
}

async function startInTeams(
  host: TeamsHost,
  baseUrl: string,
  set: (session: TabSession) => void,
): Promise<void> {
  const api: CareerApi = createHttpCareerApi({
    baseUrl,
    authHeaders: async () => {
      try {
        return { authorization: `Bearer ${await host.getToken()}` };
      } catch (error) {
        throw tokenRefusal(error);
      }
    },
    refreshAuth: () => {
      host.forgetToken();
      return Promise.resolve(true);
    },
  });
  try {
    set({ kind: 'ready', api, me: await api.me(), host: 'teams' });
  } catch (error) {
    if (isApiError(error, 'consent_required'))
      set({ kind: 'sign-in-problem', problem: 'consent_required', message: error.message });
    else if (isApiError(error, 'token_expired'))
      set({ kind: 'sign-in-problem', problem: 'token_expired', message: error.message });
    else if (isApiError(error, 'sign_in_failed'))
      set({ kind: 'sign-in-problem', problem: 'sign_in_failed', message: error.message });
    else set({ kind: 'failed', error });
  }
}

/** Teams refuses a token with a plain message such as `resourceRequiresConsent` or `CancelledByUser`. */
function tokenRefusal(error: unknown): ApiError {
  const text = error instanceof Error ? error.message : String(error);
  if (/consent/i.test(text)) {
    return new ApiError(
      403,
      'consent_required',
      'Career Conversations needs your permission to sign you in.',
    );
  }
  return new ApiError(401, 'sign_in_failed', 'Teams could not sign you in to Career Conversations.');
}
