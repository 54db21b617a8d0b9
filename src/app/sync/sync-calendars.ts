import type { PersonOutcome, PersonSyncPolicy, SyncDeps } from './sync-person';
import { syncPerson } from './sync-person';
import { PersonRecords } from './person-records';
import { DEFAULT_FAILURE_POLICY, failureCode, isTransient } from './sync-failure';
import type { FailurePolicy } from './sync-failure';
import type { WindowPolicy } from './sync-window';
import { DEFAULT_WINDOW_POLICY } from './sync-window';

export type { SyncDeps } from './sync-person';

export interface SyncCalendarsOptions {
  /** Who to sync; default: everyone the store knows. */
  personIds?: readonly string[];
  /** People synced at once (the Graph gateway batches their requests together). */
  concurrency?: number;
  window?: Partial<WindowPolicy>;
  failure?: Partial<FailurePolicy>;
  directoryMaxAgeMs?: number;
  organisationDomains?: readonly string[];
  /** Ignore back-off and sync everyone now. */
  force?: boolean;
  /** Give people whose sync failed for a transient reason (throttling, 5xx, network) one more go at the end of the run. */
  retryTransientOnce?: boolean;
}

export interface SyncSummary {
  users: number;
  /** Calendar events read (added or changed). */
  events: number;
  /** Events detected as 1:1s. */
  oneOnOnes: number;
  failedUsers: number;
  /** Graph requests the sync asked for (pages and directory reads; the gateway's own retries not included). */
  graphRequests: number;
  deferredUsers: number;
  /** People read from scratch because their delta link expired or their window moved on. */
  restartedUsers: number;
  skippedEvents: number;
  created: number;
  updated: number;
  cancelled: number;
  deleted: number;
  /** Object ids and codes of the people whose sync failed (no names, no addresses). */
  failures: { personId: string; code: string }[];
}

const DAY_MS = 86_400_000;

/** A summary of no work: the start of a run's tally. */
export function emptySyncSummary(): SyncSummary {
  return {
    users: 0,
    events: 0,
    oneOnOnes: 0,
    failedUsers: 0,
    graphRequests: 0,
    deferredUsers: 0,
    restartedUsers: 0,
    skippedEvents: 0,
    created: 0,
    updated: 0,
    cancelled: 0,
    deleted: 0,
    failures: [],
  };
}

/**
 * Syncs the calendars of everyone who uses the app (or `personIds`): new, moved and cancelled 1:1s reach
 * the store, one person's failure is recorded against them and never stops the others.
 */
export async function syncCalendars(
  deps: SyncDeps,
  options: SyncCalendarsOptions = {},
): Promise<SyncSummary> {
  const personIds = options.personIds ?? (await deps.store.listPeople()).map((person) => person.id);
  const policy: PersonSyncPolicy = {
    window: { ...DEFAULT_WINDOW_POLICY, ...options.window },
    failure: { ...DEFAULT_FAILURE_POLICY, ...options.failure },
    directoryMaxAgeMs: options.directoryMaxAgeMs ?? DAY_MS,
    force: options.force ?? false,
    ...(options.organisationDomains ? { organisationDomains: options.organisationDomains } : {}),
  };
  const records = new PersonRecords(deps.store, new Set(personIds));
  const summary: SyncSummary = { ...emptySyncSummary(), users: personIds.length };
  const startedAt = Date.now();
  const concurrency = Math.max(1, options.concurrency ?? 100);

  const first = await inPool(personIds, concurrency, (id) => syncPerson(deps, records, id, policy));
  const final = new Map(personIds.map((id, index) => [id, first[index]]));
  for (const outcome of first) summary.graphRequests += requestsOf(outcome);
  const again =
    options.retryTransientOnce === false ? [] : personIds.filter((id) => isTransientFailure(final.get(id)));
  const second = await inPool(again, concurrency, (id) =>
    syncPerson(deps, records, id, { ...policy, force: true }),
  );
  again.forEach((id, index) => {
    const outcome = second[index];
    summary.graphRequests += requestsOf(outcome);
    final.set(id, outcome);
  });
  for (const [personId, outcome] of final) if (outcome) add(summary, personId, outcome);
  try {
    await records.flush();
  } catch (error) {
    // The next run writes them again; this run's 1:1s already carry the right person ids.
    deps.logger.warn({ code: failureCode(error) }, 'sync.acquaintances_not_saved');
  }

  deps.logger.info(
    {
      users: summary.users,
      events: summary.events,
      oneOnOnes: summary.oneOnOnes,
      failedUsers: summary.failedUsers,
      deferredUsers: summary.deferredUsers,
      restartedUsers: summary.restartedUsers,
      graphRequests: summary.graphRequests,
      ms: Date.now() - startedAt,
    },
    'sync.calendars_done',
  );
  return summary;
}

function add(summary: SyncSummary, personId: string, outcome: PersonOutcome): void {
  switch (outcome.status) {
    case 'synced':
      summary.events += outcome.events;
      summary.oneOnOnes += outcome.oneOnOnes;
      summary.skippedEvents += outcome.skipped;
      summary.created += outcome.created;
      summary.updated += outcome.updated;
      summary.cancelled += outcome.cancelled;
      summary.deleted += outcome.deleted;
      if (outcome.mode === 'restart') summary.restartedUsers += 1;
      return;
    case 'deferred':
      summary.deferredUsers += 1;
      return;
    case 'failed':
      summary.failedUsers += 1;
      summary.failures.push({ personId, code: outcome.code });
      return;
  }
}

function requestsOf(outcome: PersonOutcome | undefined): number {
  return outcome && outcome.status !== 'deferred' ? outcome.requests : 0;
}

function isTransientFailure(outcome: PersonOutcome | undefined): boolean {
  return outcome?.status === 'failed' && isTransient(outcome.code);
}

/** Runs `work` over `items` with at most `limit` at a time; results in input order. */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
