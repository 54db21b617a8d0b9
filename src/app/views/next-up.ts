import { agendaStateOf } from '../../core/agenda';
import type { OneOnOne } from '../../core/one-on-one';
import type { RecapState } from '../../core/recap';
import type { AppDeps } from '../deps';

export type AgendaState = 'none' | 'written' | 'shared';

export interface UpcomingOneOnOne {
  oneOnOne: OneOnOne;
  agendaState: AgendaState;
  agendaRevision: number | null;
}

export interface PastOneOnOne {
  oneOnOne: OneOnOne;
  recapId: string | null;
  recapState: RecapState | null;
  recapVersion: number | null;
}

const DAY_MS = 86_400_000;

/** My next 1:1s (within `days`), soonest first, with how far the agenda is. Reports' side and externals included. */
export async function nextUp(deps: AppDeps, personId: string, days = 21): Promise<UpcomingOneOnOne[]> {
  const now = deps.clock.now().getTime();
  const from = new Date(now).toISOString();
  const to = new Date(now + days * DAY_MS).toISOString();
  const upcoming = (await deps.store.listOneOnOnes(personId))
    .filter((o) => o.status === 'scheduled' && o.endsAt > from && o.startsAt < to)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return Promise.all(
    upcoming.map(async (oneOnOne) => {
      const agenda = await deps.store.getAgenda(personId, oneOnOne.id);
      const agendaState: AgendaState = agendaStateOf(agenda, oneOnOne.counterpart.personId);
      return { oneOnOne, agendaState, agendaRevision: agenda?.revision ?? null };
    }),
  );
}

/** My ended career conversations (newest first) with their recap state. */
export async function pastConversations(
  deps: AppDeps,
  personId: string,
  days = 120,
): Promise<PastOneOnOne[]> {
  const now = deps.clock.now().getTime();
  const nowIso = new Date(now).toISOString();
  const since = new Date(now - days * DAY_MS).toISOString();
  const recaps = await deps.store.listRecapsByAuthor(personId);
  const byOneOnOne = new Map(recaps.map((r) => [r.oneOnOneId, r]));
  return (await deps.store.listOneOnOnes(personId))
    .filter(
      (o) =>
        o.status === 'scheduled' &&
        (o.relationship === 'manager' || o.relationship === 'peer') &&
        o.endsAt <= nowIso &&
        o.endsAt >= since,
    )
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .map((oneOnOne) => {
      const recap = byOneOnOne.get(oneOnOne.id);
      return {
        oneOnOne,
        recapId: recap?.id ?? null,
        recapState: recap?.state ?? null,
        recapVersion: recap?.version ?? null,
      };
    });
}
