import type { TeamsHost } from './teams-host';

/** Teams (desktop, web, mobile) and Outlook frame the tab or inject a native bridge; a plain browser does neither. */
export function looksHosted(win: Window): boolean {
  return (
    win.parent !== win ||
    'nativeInterface' in win ||
    new URLSearchParams(win.location.search).get('host') === 'teams'
  );
}

/** The host when there is one; a plain browser is told apart at once, a silent frame within `timeoutMs`. */
export async function detectHost(win: Window = window, timeoutMs = 800): Promise<TeamsHost | null> {
  if (!looksHosted(win)) return null;
  const { connectTeams } = await import('./teams-host');
  return connectTeams(timeoutMs);
}
