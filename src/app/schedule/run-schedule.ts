import { heldCareerConversations } from '../../core/cadence';
import type { DueItem, ScheduleSubject } from '../../core/schedule';
import { dueNow } from '../../core/schedule';
import type { Person } from '../../core/person';
import type { Notifier } from '../../ports/notifier';
import type { AppDeps } from '../deps';

export interface ScheduleRun {
  people: number;
  due: number;
  delivered: number;
  /** Already claimed by this or another instance. */
  alreadyHandled: number;
  unreachable: number;
  failed: number;
}

const WINDOW_MS = 8 * 86_400_000;

/**
 * One scheduler tick: for every person who has the app, what is due now is claimed by key in the store
 * and delivered once. Any number of instances may run this at the same time.
 */
export async function runSchedule(
  deps: AppDeps & { notifier: Notifier; holder: string },
  options: { leaseMs?: number } = {},
): Promise<ScheduleRun> {
  const run: ScheduleRun = { people: 0, due: 0, delivered: 0, alreadyHandled: 0, unreachable: 0, failed: 0 };
  const now = deps.clock.now();
  for (const person of await deps.store.listPeople()) {
    const conversation = await deps.store.getConversation(person.id);
    if (!conversation || conversation.uninstalledAt) continue;
    run.people += 1;
    const items = dueNow(await subjectFor(deps, person, now.getTime()), now.getTime());
    for (const item of items) {
      run.due += 1;
      await deliverOnce(deps, item, now, run, options.leaseMs);
    }
  }
  return run;
}

async function deliverOnce(
  deps: AppDeps & { notifier: Notifier; holder: string },
  item: DueItem,
  now: Date,
  run: ScheduleRun,
  leaseMs: number | undefined,
): Promise<void> {
  if (!(await deps.store.claim(item.key, deps.holder, now, leaseMs))) {
    run.alreadyHandled += 1;
    return;
  }
  let outcome: 'delivered' | 'unreachable' | 'failed';
  try {
    outcome = await deps.notifier.deliver(item);
  } catch {
    outcome = 'failed';
  }
  if (outcome === 'failed') {
    run.failed += 1;
    await deps.store.releaseClaim(item.key, deps.holder);
    return;
  }
  run[outcome] += 1;
  await deps.store.completeClaim(item.key, deps.holder);
}

/** Gathers what the pure schedule needs about one person. */
export async function subjectFor(deps: AppDeps, person: Person, now: number): Promise<ScheduleSubject> {
  const { store } = deps;
  const [settings, oneOnOnes, recapsToAnswer, owned, authored] = await Promise.all([
    store.getSettings(person.id),
    store.listOneOnOnes(person.id),
    store.listRecapsForRecipient(person.id),
    store.listActionsOwnedBy(person.id),
    store.listRecapsByAuthor(person.id),
  ]);
  const recapFor = new Set(authored.map((r) => r.oneOnOneId));
  const near = oneOnOnes.filter((o) => Math.abs(Date.parse(o.startsAt) - now) <= WINDOW_MS);
  const scheduled = await Promise.all(
    near.map(async (oneOnOne) => ({
      oneOnOne,
      hasAgenda: (await store.getAgenda(person.id, oneOnOne.id)) !== null,
      hasRecap: recapFor.has(oneOnOne.id),
    })),
  );
  const held = heldCareerConversations(oneOnOnes, now);
  const last = held.reduce<string | null>(
    (latest, o) => (latest === null || o.endsAt > latest ? o.endsAt : latest),
    null,
  );
  return {
    person,
    settings,
    oneOnOnes: scheduled,
    recapsToAnswer,
    actionsOwned: owned.filter((a) => a.status === 'open'),
    lastCareerConversationAt: last,
    hasManager: person.managerId !== null,
  };
}
