import type { GraphEvent } from '../../core/graph-event';
import type { OneOnOne } from '../../core/one-on-one';
import { oneOnOneId } from '../../core/one-on-one';
import type { OwnerContext } from '../../core/one-on-one-detection';
import { detectOneOnOne } from '../../core/one-on-one-detection';
import type { CalendarChanges, CalendarWindow } from '../../ports/calendar';
import type { Store } from '../../ports/store';
import { mayBeOneOnOne } from './one-on-one-candidates';
import type { PersonRecords } from './person-records';

export type OneOnOneStore = Pick<
  Store,
  'listOneOnOnes' | 'saveOneOnOnes' | 'deleteOneOnOne' | 'getAgenda' | 'findRecapForOneOnOne'
>;

export interface AppliedChanges {
  events: number;
  /** Events detected as 1:1s in this round. */
  oneOnOnes: number;
  created: number;
  updated: number;
  cancelled: number;
  deleted: number;
}

/** What a round of calendar changes asks of the store: 1:1s to write and 1:1s to delete (by event id). */
export interface CalendarPlan {
  applied: AppliedChanges;
  save: OneOnOne[];
  remove: string[];
  /** Stored 1:1s this round finds with another person (as they are to be saved): see `withdrawShareFromFormerCounterpart`. */
  withAnotherPerson: OneOnOne[];
}

/**
 * Plans how one person's stored 1:1s come in line with a round of calendar changes. Ids stay
 * `${ownerId}:${eventId}`, so a moved 1:1 keeps its agenda and its recap. A 1:1 that is gone (deleted, moved
 * out of the window, no longer one-to-one, declined) is marked `cancelled` when someone prepared for it or wrote
 * it up, and deleted otherwise. After a full read (`full`), stored 1:1s in the window that the read did not
 * return are gone too.
 *
 * Two steps: this one reads (the stored 1:1s, agendas, recaps) and decides, never writing; `commitCalendarPlan`
 * writes. The sync runs them apart so that a person's events are let go before it waits for the writer.
 */
export async function planCalendarChanges(
  store: OneOnOneStore,
  records: PersonRecords,
  ownerId: string,
  context: OwnerContext,
  changes: CalendarChanges,
  full: CalendarWindow | null,
): Promise<CalendarPlan> {
  const applied: AppliedChanges = {
    events: changes.events.length,
    oneOnOnes: 0,
    created: 0,
    updated: 0,
    cancelled: 0,
    deleted: 0,
  };
  const stored = new Map((await store.listOneOnOnes(ownerId)).map((one) => [one.eventId, one]));
  const seen = new Set<string>();
  /** New and changed 1:1s, written together at the end (each event id at most once). */
  const save: OneOnOne[] = [];
  const remove: string[] = [];
  const withAnotherPerson: OneOnOne[] = [];

  const retire = async (existing: OneOnOne): Promise<void> => {
    stored.delete(existing.eventId);
    const [agenda, recap] = await Promise.all([
      store.getAgenda(ownerId, existing.id),
      store.findRecapForOneOnOne(ownerId, existing.id),
    ]);
    if (agenda || recap) {
      if (existing.status !== 'cancelled') {
        save.push({ ...existing, status: 'cancelled' });
        applied.cancelled += 1;
      }
      return;
    }
    remove.push(existing.eventId);
    applied.deleted += 1;
  };

  for (const event of latestById(changes.events)) {
    seen.add(event.id);
    const existing = stored.get(event.id);
    if (!existing && !mayBeOneOnOne(event, context)) continue;
    const detection = detectOneOnOne(event, context);
    if (
      detection.isOneOnOne &&
      detection.counterpart &&
      detection.relationship &&
      detection.startsAt &&
      detection.endsAt
    ) {
      applied.oneOnOnes += 1;
      const next: OneOnOne = {
        id: oneOnOneId(ownerId, event.id),
        ownerId,
        eventId: event.id,
        seriesId: event.seriesMasterId ?? null,
        counterpart: {
          address: detection.counterpart.address,
          name: detection.counterpart.name,
          personId: await records.idOf(detection.counterpart.address),
        },
        relationship: detection.relationship,
        startsAt: detection.startsAt,
        endsAt: detection.endsAt,
        status: 'scheduled',
      };
      if (!existing) applied.created += 1;
      else if (!sameOneOnOne(existing, next)) applied.updated += 1;
      else continue;
      if (existing && existing.counterpart.personId !== next.counterpart.personId)
        withAnotherPerson.push(next);
      save.push(next);
      stored.set(event.id, next);
      continue;
    }
    if (!existing) continue;
    if (detection.reason === 'cancelled') {
      if (existing.status !== 'cancelled') {
        const cancelled: OneOnOne = { ...existing, status: 'cancelled' };
        save.push(cancelled);
        stored.set(event.id, cancelled);
        applied.cancelled += 1;
      }
      continue;
    }
    await retire(existing);
  }

  for (const removed of changes.removed) {
    if (seen.has(removed.id)) continue;
    const existing = stored.get(removed.id);
    if (existing) await retire(existing);
  }

  if (full) {
    for (const existing of [...stored.values()]) {
      if (!seen.has(existing.eventId) && overlapsWindow(existing, full)) await retire(existing);
    }
  }
  return { applied, save, remove, withAnotherPerson };
}

/** Carries out a plan: the deletions, then every new or changed 1:1 in one write. */
export async function commitCalendarPlan(
  store: OneOnOneStore,
  ownerId: string,
  plan: CalendarPlan,
): Promise<AppliedChanges> {
  await Promise.all(plan.remove.map((eventId) => store.deleteOneOnOne(ownerId, eventId)));
  if (plan.save.length > 0) await store.saveOneOnOnes(ownerId, plan.save);
  return plan.applied;
}

/** Delta pages can carry the same event twice when it changed mid-round: the last one wins. */
function latestById(events: readonly GraphEvent[]): GraphEvent[] {
  const byId = new Map<string, GraphEvent>();
  for (const event of events) {
    byId.delete(event.id);
    byId.set(event.id, event);
  }
  return [...byId.values()];
}

function overlapsWindow(oneOnOne: OneOnOne, window: CalendarWindow): boolean {
  return oneOnOne.startsAt < window.end && oneOnOne.endsAt > window.start;
}

function sameOneOnOne(a: OneOnOne, b: OneOnOne): boolean {
  return (
    a.status === b.status &&
    a.startsAt === b.startsAt &&
    a.endsAt === b.endsAt &&
    a.seriesId === b.seriesId &&
    a.relationship === b.relationship &&
    a.counterpart.address === b.counterpart.address &&
    a.counterpart.name === b.counterpart.name &&
    a.counterpart.personId === b.counterpart.personId
  );
}
