import type { Calendar, CalendarChanges, CalendarWindow } from '../../ports/calendar';
import { SyncStateExpired } from '../../ports/calendar';
import type { CareerEvents } from '../../ports/career-events';
import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { Store, SyncState } from '../../ports/store';
import type { WithdrawDeps } from '../agenda/withdraw-moved-share';
import { withdrawShareFromFormerCounterpart } from '../agenda/withdraw-moved-share';
import type { AppliedChanges, CalendarPlan, OneOnOneStore } from './apply-calendar-changes';
import { commitCalendarPlan, planCalendarChanges } from './apply-calendar-changes';
import type { OwnerFacts } from './owner-context';
import { refreshFromDirectory, storedOwnerFacts } from './owner-context';
import type { PeopleStore, PersonRecords } from './person-records';
import type { FailurePolicy } from './sync-failure';
import { UnknownPersonError, failureCode, nextAttemptAfter } from './sync-failure';
import type { SyncLog } from './sync-log';
import type { WindowPolicy } from './sync-window';
import { canContinue, windowFor } from './sync-window';

export type SyncStore = PeopleStore &
  OneOnOneStore &
  WithdrawDeps['store'] &
  Pick<Store, 'getSyncState' | 'saveSyncState' | 'listPeople'>;

export interface SyncDeps {
  store: SyncStore;
  calendar: Calendar;
  directory: Directory;
  clock: Clock;
  logger: SyncLog;
  /** Where an agenda withdrawn from someone a 1:1 is no longer with is announced (the bot replaces their card). */
  events: CareerEvents;
}

export interface PersonSyncPolicy {
  window: WindowPolicy;
  failure: FailurePolicy;
  /** How old the directory facts (manager, reports, mailbox settings) may get before they are read again. */
  directoryMaxAgeMs: number;
  organisationDomains?: readonly string[];
  /** Ignore `nextAttemptAt` (an operator's "sync now"). */
  force: boolean;
}

export type PersonOutcome =
  | ({
      status: 'synced';
      mode: 'initial' | 'delta' | 'restart';
      requests: number;
      skipped: number;
    } & AppliedChanges)
  | { status: 'deferred' }
  | { status: 'failed'; code: string; requests: number };

const NOTHING_APPLIED: AppliedChanges = {
  events: 0,
  oneOnOnes: 0,
  created: 0,
  updated: 0,
  cancelled: 0,
  deleted: 0,
};

/**
 * One person's sync: refresh the directory facts when they are a day old, follow the stored delta link
 * (or read the whole window when there is none, it expired, or the window moved on), apply the changes,
 * and only then save the new sync state. A crash before that save repeats the same round next time,
 * which is harmless: writes are idempotent and 1:1 ids are stable.
 */
export async function syncPerson(
  deps: SyncDeps,
  records: PersonRecords,
  personId: string,
  policy: PersonSyncPolicy,
): Promise<PersonOutcome> {
  const now = deps.clock.now();
  const state = await deps.store.getSyncState(personId);
  if (!policy.force && state?.nextAttemptAt && Date.parse(state.nextAttemptAt) > now.getTime()) {
    return { status: 'deferred' };
  }
  const tally = { requests: 0 };
  try {
    const facts = await ownerFacts(deps, records, personId, state, now, policy);
    tally.requests += facts.requests;
    const round = await readRound(deps, records, personId, state, facts, windowFor(now, policy.window), {
      policy,
      tally,
    });
    const { requests } = tally;
    // Before the 1:1s are saved: if a withdrawal fails, the round fails and is read again (the 1:1 still shows
    // the person it was with, so the next round sees the move again), instead of leaving the agenda with them.
    for (const oneOnOne of round.plan?.withAnotherPerson ?? []) {
      const from = await withdrawShareFromFormerCounterpart(deps, oneOnOne);
      if (from) deps.logger.info({ personId, oneOnOneId: oneOnOne.id }, 'sync.agenda_withdrawn');
    }
    const applied = round.plan ? await commitCalendarPlan(deps.store, personId, round.plan) : NOTHING_APPLIED;
    const saved: SyncState = {
      deltaLink: round.deltaLink,
      windowStart: round.window.start,
      windowEnd: round.window.end,
      lastSyncedAt: now.toISOString(),
      failures: 0,
      lastError: null,
      nextAttemptAt: null,
      directoryRefreshedAt: facts.requests > 0 ? now.toISOString() : (state?.directoryRefreshedAt ?? null),
    };
    await deps.store.saveSyncState(personId, saved);
    deps.logger.debug(
      { personId, mode: round.mode, events: applied.events, oneOnOnes: applied.oneOnOnes, requests },
      'sync.person_synced',
    );
    return { status: 'synced', mode: round.mode, requests, skipped: round.skipped, ...applied };
  } catch (error) {
    const code = failureCode(error);
    const failures = (state?.failures ?? 0) + 1;
    try {
      await deps.store.saveSyncState(personId, {
        deltaLink: state?.deltaLink ?? null,
        windowStart: state?.windowStart ?? null,
        windowEnd: state?.windowEnd ?? null,
        lastSyncedAt: state?.lastSyncedAt ?? null,
        failures,
        lastError: code,
        nextAttemptAt: nextAttemptAfter(now, failures, policy.failure),
        directoryRefreshedAt: state?.directoryRefreshedAt ?? null,
      });
    } catch (storeError) {
      // The store is failing too: the person is retried on the next run (no back-off recorded).
      deps.logger.warn({ personId, code: failureCode(storeError) }, 'sync.failure_not_recorded');
    }
    deps.logger.warn({ personId, code, failures }, 'sync.person_failed');
    return { status: 'failed', code, requests: tally.requests };
  }
}

/** A round read and judged: what it asks of the store, without the events themselves. */
interface PlannedRound {
  mode: 'initial' | 'delta' | 'restart';
  window: CalendarWindow;
  deltaLink: string;
  skipped: number;
  /** Null when a delta round carried nothing (there was nothing to judge). */
  plan: CalendarPlan | null;
}

/**
 * Follows the stored delta link (or reads the whole window when there is none, it expired, or the window
 * moved on) and plans what the changes do to the stored 1:1s. Only the plan leaves this function: a round's
 * events are garbage before the caller waits for the writer, so hundreds of people in flight hold plans,
 * not calendars. Graph requests are counted into `tally` as they are made, so a round that fails still counts
 * the ones it made before (an expired delta link's included).
 */
async function readRound(
  deps: SyncDeps,
  records: PersonRecords,
  personId: string,
  state: SyncState | null,
  facts: OwnerFacts,
  wanted: CalendarWindow,
  { policy, tally }: { policy: PersonSyncPolicy; tally: { requests: number } },
): Promise<PlannedRound> {
  let mode: PlannedRound['mode'] = state?.deltaLink ? 'restart' : 'initial';
  let round: { changes: CalendarChanges; window: CalendarWindow; full: boolean } | null = null;
  if (
    state &&
    canContinue(state, wanted, policy.window) &&
    state.deltaLink &&
    state.windowStart &&
    state.windowEnd
  ) {
    try {
      const changes = await deps.calendar.calendarDelta(personId, state.deltaLink);
      round = { changes, window: { start: state.windowStart, end: state.windowEnd }, full: false };
      mode = 'delta';
    } catch (error) {
      if (!(error instanceof SyncStateExpired)) throw error;
      tally.requests += error.requests;
      deps.logger.debug({ personId }, 'sync.delta_expired');
    }
  }
  round ??= { changes: await deps.calendar.calendarWindow(personId, wanted), window: wanted, full: true };
  const { changes, window, full } = round;
  tally.requests += changes.requests;
  // Most delta rounds carry nothing: then there is nothing to judge, and the owner's context is not read.
  const plan =
    full || changes.events.length > 0 || changes.removed.length > 0
      ? await planCalendarChanges(
          deps.store,
          records,
          personId,
          await facts.context(),
          changes,
          full ? window : null,
        )
      : null;
  return {
    mode,
    window,
    deltaLink: changes.deltaLink,
    skipped: changes.skipped,
    plan,
  };
}

async function ownerFacts(
  deps: SyncDeps,
  records: PersonRecords,
  personId: string,
  state: SyncState | null,
  now: Date,
  policy: PersonSyncPolicy,
): Promise<OwnerFacts> {
  const refreshedAt = state?.directoryRefreshedAt ? Date.parse(state.directoryRefreshedAt) : Number.NaN;
  const fresh = !Number.isNaN(refreshedAt) && now.getTime() - refreshedAt < policy.directoryMaxAgeMs;
  const stored = state?.directoryRefreshedAt ? await deps.store.getPerson(personId) : null;
  if (fresh && stored) return storedOwnerFacts(deps.store, stored, policy.organisationDomains);
  try {
    return await refreshFromDirectory(
      deps.directory,
      records,
      personId,
      policy.organisationDomains,
      !state?.directoryRefreshedAt,
    );
  } catch (error) {
    // A directory hiccup does not hold the calendar back: yesterday's facts will do until the next run.
    if (!stored || error instanceof UnknownPersonError) throw error;
    deps.logger.warn({ personId, code: failureCode(error) }, 'sync.directory_refresh_failed');
    return storedOwnerFacts(deps.store, stored, policy.organisationDomains);
  }
}
