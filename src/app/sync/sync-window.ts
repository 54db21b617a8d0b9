import type { CalendarWindow } from '../../ports/calendar';
import type { SyncState } from '../../ports/store';

const DAY_MS = 86_400_000;

export interface WindowPolicy {
  /** Whole UTC days before today the window starts. */
  daysBack: number;
  /** Whole UTC days after today the window ends. */
  daysAhead: number;
  /** How far (in days) the stored window may lag behind today's before the person is read again from scratch. */
  slackDays: number;
}

export const DEFAULT_WINDOW_POLICY: WindowPolicy = { daysBack: 7, daysAhead: 35, slackDays: 1 };

/** Today's window: midnight UTC `daysBack` days ago to midnight UTC `daysAhead` days ahead. */
export function windowFor(now: Date, policy: WindowPolicy): CalendarWindow {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return {
    start: new Date(today - policy.daysBack * DAY_MS).toISOString(),
    end: new Date(today + policy.daysAhead * DAY_MS).toISOString(),
  };
}

/** Whether the stored delta link still tracks a window close enough to today's to keep following it. */
export function canContinue(state: SyncState | null, wanted: CalendarWindow, policy: WindowPolicy): boolean {
  if (!state?.deltaLink || !state.windowStart || !state.windowEnd) return false;
  const lag = Date.parse(wanted.start) - Date.parse(state.windowStart);
  if (Number.isNaN(lag) || lag < 0) return false;
  return lag <= policy.slackDays * DAY_MS;
}
