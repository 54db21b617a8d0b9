import type { Ask } from '../../core/agenda';
import type { Cadence } from '../../core/cadence';
import { cadenceOf } from '../../core/cadence';
import type { AppDeps } from '../deps';
import { requirePerson } from '../load';

export interface GrowthEntry {
  oneOnOneId: string;
  date: string;
  counterpartName: string;
  learningFocus: string;
  asks: Ask[];
  /** The conversation took place and its recap was sent (and, with a manager, acknowledged). */
  answered: boolean;
}

export interface GrowthView {
  entries: GrowthEntry[];
  cadence: Cadence;
}

/** What I said I wanted to learn and asked for over time, and how often I have career conversations. */
export async function growth(deps: AppDeps, personId: string): Promise<GrowthView> {
  const person = await requirePerson(deps.store, personId);
  const settings = await deps.store.getSettings(personId);
  const now = deps.clock.now().getTime();
  const [oneOnOnes, recaps, owned] = await Promise.all([
    deps.store.listOneOnOnes(personId),
    deps.store.listRecapsByAuthor(personId),
    deps.store.listActionsOwnedBy(personId),
  ]);
  const recapByOneOnOne = new Map(recaps.map((r) => [r.oneOnOneId, r]));
  const entries: GrowthEntry[] = [];
  for (const o of [...oneOnOnes].sort((a, b) => b.startsAt.localeCompare(a.startsAt))) {
    const agenda = await deps.store.getAgenda(personId, o.id);
    if (!agenda || (agenda.learningFocus === '' && agenda.asks.length === 0)) continue;
    const recap = recapByOneOnOne.get(o.id);
    entries.push({
      oneOnOneId: o.id,
      date: o.startsAt,
      counterpartName: o.counterpart.name,
      learningFocus: agenda.learningFocus,
      asks: agenda.asks,
      answered:
        recap !== undefined &&
        (recap.state === 'acknowledged' || (!recap.requiresAcknowledgement && recap.state === 'sent')),
    });
  }
  const cadence = cadenceOf({
    oneOnOnes,
    recaps,
    actions: owned,
    timeZone: person.timeZone,
    now,
    months: 6,
    nudgeAfterWeeks: settings.nudgeAfterWeeks,
  });
  return { entries, cadence };
}
