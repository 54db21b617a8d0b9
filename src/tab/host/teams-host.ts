/** What the tab needs from the Teams (or Outlook / Microsoft 365) host. Loaded only when framed by one. */
export interface TeamsHost {
  theme: string;
  onThemeChange: (handler: (theme: string) => void) => void;
  /** An SSO token for our API; cached until shortly before it expires. */
  getToken: () => Promise<string>;
  forgetToken: () => void;
}

const EXPIRY_MARGIN_MS = 5 * 60_000;

/** Connects to the host, or resolves null when nobody answers within `timeoutMs` (a plain browser frame). */
export async function connectTeams(timeoutMs: number): Promise<TeamsHost | null> {
  const teams = await import('@microsoft/teams-js');
  const initialised = await Promise.race([
    teams.app.initialize().then(() => true),
    new Promise<false>((resolve) => {
      setTimeout(() => {
        resolve(false);
      }, timeoutMs);
    }),
  ]).catch(() => false);
  if (!initialised) return null;
  const context = await teams.app.getContext();
  void teams.app.notifySuccess();

  let cached: { token: string; expiresAt: number } | null = null;
  return {
    theme: context.app.theme,
    onThemeChange: (handler) => {
      teams.app.registerOnThemeChangeHandler(handler);
    },
    getToken: async () => {
      if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return cached.token;
      const token = await teams.authentication.getAuthToken();
      cached = { token, expiresAt: expiryOf(token) };
      return token;
    },
    forgetToken: () => {
      cached = null;
    },
  };
}

/** The token's `exp` (ms); zero when it cannot be read, so it is simply not cached. */
function expiryOf(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}
