import type { AppDeps } from '../deps';
import { withdrawShareFromFormerCounterpart } from './withdraw-moved-share';

/** The store claim that marks the repair done (completed claims of this kind are never pruned). */
export const MOVED_SHARES_REPAIR_CLAIM = 'repair:moved-shares:v1';
/** Longer than a pass over a large tenant takes, so a live pass keeps it; a dead one's is taken over after. */
export const MOVED_SHARES_REPAIR_LEASE_MS = 60 * 60_000;

export interface MovedSharesRepair {
  /** Agendas shared with someone that were checked against their 1:1. */
  checked: number;
  /** Those withdrawn from the person they were shared with, the 1:1 being with someone else. */
  withdrawn: number;
}

/**
 * One pass over every shared agenda: one whose 1:1 is no longer with the person it was shared with is withdrawn
 * from them (`withdrawShareFromFormerCounterpart`), so the shared agenda card in their chat is replaced. A store
 * written before the calendar sync withdrew moved shares itself may hold such agendas; since then the sync keeps
 * new ones from arising. Runs once per store: the completed claim `MOVED_SHARES_REPAIR_CLAIM` says it is done,
 * so instances sharing a store run it once between them (null: done before, or another instance is at it). A
 * pass that fails is released and runs again next time.
 */
export async function repairMovedShares(deps: AppDeps, holder: string): Promise<MovedSharesRepair | null> {
  const { store } = deps;
  const claimed = await store.claim(
    MOVED_SHARES_REPAIR_CLAIM,
    holder,
    deps.clock.now(),
    MOVED_SHARES_REPAIR_LEASE_MS,
  );
  if (!claimed) return null;
  const repair: MovedSharesRepair = { checked: 0, withdrawn: 0 };
  try {
    for (const person of await store.listPeople()) {
      for (const agenda of await store.listSharedAgendasFor(person.id)) {
        repair.checked += 1;
        const oneOnOne = await store.getOneOnOne(agenda.oneOnOneId);
        if (!oneOnOne || oneOnOne.ownerId !== agenda.authorId) continue;
        if (await withdrawShareFromFormerCounterpart(deps, oneOnOne)) repair.withdrawn += 1;
      }
    }
  } catch (error) {
    await store.releaseClaim(MOVED_SHARES_REPAIR_CLAIM, holder).catch(() => undefined);
    throw error;
  }
  await store.completeClaim(MOVED_SHARES_REPAIR_CLAIM, holder);
  return repair;
}
