import type { ActionItem } from './action-item';
import { isOverdue } from './action-item';
import type { OneOnOne } from './one-on-one';
import { isCareerConversation } from './one-on-one';
import type { Recap } from './recap';
import { isAwaitingAcknowledgement } from './recap';
import { localDate, pad, zonedParts } from './time-zone';

export interface CadenceInput {
  /** The person's own 1:1s (they own the calendar). */
  oneOnOnes: readonly OneOnOne[];
  /** Recaps the person wrote. */
  recaps: readonly Recap[];
  /** Actions the person owns. */
  actions: readonly ActionItem[];
  timeZone: string;
  now: number;
  /** How many calendar months the series covers, the current one included. */
  months?: number;
  nudgeAfterWeeks: number;
}

export interface MonthCount {
  /** `YYYY-MM` in the person's time zone. */
  month: string;
  withManager: number;
  curiosity: number;
}

export interface Cadence {
  months: MonthCount[];
  /** Averages over the last three months, the current one included. */
  withManagerPerMonth: number;
  curiosityPerMonth: number;
  lastConversationAt: string | null;
  daysSinceLast: number | null;
  recapsPendingAcknowledgement: number;
  overdueActions: number;
  /** True when it has been `nudgeAfterWeeks` or more since the last career conversation (or there was none). */
  nudge: boolean;
}

const DAY_MS = 86_400_000;

/** Held career conversations: with the manager or curiosity conversations, not cancelled, already ended. */
export function heldCareerConversations(oneOnOnes: readonly OneOnOne[], now: number): OneOnOne[] {
  return oneOnOnes.filter(
    (o) => o.status === 'scheduled' && isCareerConversation(o.relationship) && Date.parse(o.endsAt) <= now,
  );
}

export function cadenceOf(input: CadenceInput): Cadence {
  const monthsWanted = input.months ?? 6;
  const held = heldCareerConversations(input.oneOnOnes, input.now);
  const keys = lastMonths(input.now, input.timeZone, monthsWanted);
  const months = keys.map((month) => ({ month, withManager: 0, curiosity: 0 }));
  const byMonth = new Map(months.map((m) => [m.month, m]));
  for (const o of held) {
    const bucket = byMonth.get(localDate(Date.parse(o.startsAt), input.timeZone).slice(0, 7));
    if (!bucket) continue;
    if (o.relationship === 'manager') bucket.withManager += 1;
    else bucket.curiosity += 1;
  }
  const recent = months.slice(-3);
  const average = (pick: (m: MonthCount) => number): number =>
    recent.length === 0
      ? 0
      : Math.round((recent.reduce((sum, m) => sum + pick(m), 0) / recent.length) * 10) / 10;

  const last = held.reduce<number | null>((latest, o) => {
    const ended = Date.parse(o.endsAt);
    return latest === null || ended > latest ? ended : latest;
  }, null);
  const daysSinceLast = last === null ? null : Math.floor((input.now - last) / DAY_MS);
  const today = localDate(input.now, input.timeZone);

  return {
    months,
    withManagerPerMonth: average((m) => m.withManager),
    curiosityPerMonth: average((m) => m.curiosity),
    lastConversationAt: last === null ? null : new Date(last).toISOString(),
    daysSinceLast,
    recapsPendingAcknowledgement: input.recaps.filter(isAwaitingAcknowledgement).length,
    overdueActions: input.actions.filter((a) => isOverdue(a, today)).length,
    nudge: daysSinceLast === null || daysSinceLast >= input.nudgeAfterWeeks * 7,
  };
}

function lastMonths(now: number, timeZone: string, count: number): string[] {
  const p = zonedParts(now, timeZone);
  const keys: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const index = p.year * 12 + (p.month - 1) - i;
    keys.push(`${Math.floor(index / 12)}-${pad((index % 12) + 1)}`);
  }
  return keys;
}
