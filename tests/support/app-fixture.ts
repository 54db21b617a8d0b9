import type { AppDeps } from '../../src/app/deps';
import type { AgendaInput } from '../../src/core/agenda';
import type { OneOnOne, Relationship } from '../../src/core/one-on-one';
import type { Person } from '../../src/core/person';
import { DEFAULT_WORKING_HOURS } from '../../src/core/person';
import { RecordedCareerEvents } from '../../src/ports/career-events';
import { ManualClock } from '../../src/ports/clock';
import { SequentialIds } from '../../src/ports/ids';
import type { Store } from '../../src/ports/store';
import { scheduledOneOnOne } from './bot-fixtures';
import { createMemoryCareerStore } from './memory-store';

export const NOW = '2026-11-24T10:00:00.000Z';

export interface TestWorld {
  deps: AppDeps;
  store: Store;
  clock: ManualClock;
  events: RecordedCareerEvents;
  people: { employee: Person; manager: Person; peer: Person; outsider: Person };
  addOneOnOne(
    ownerId: string,
    counterpart: Person,
    relationship: Relationship,
    startsAt: string,
    minutes?: number,
  ): Promise<OneOnOne>;
}

export function person(
  id: string,
  displayName: string,
  managerId: string | null,
  timeZone = 'Europe/London',
): Person {
  return {
    id,
    email: `${displayName.split(' ')[0]!.toLowerCase()}@contoso.example`,
    displayName,
    jobTitle: null,
    managerId,
    timeZone,
    workingHours: DEFAULT_WORKING_HOURS,
  };
}

/** A small world: Ava reports to Max; Pia is a peer in another team; Oz is nobody's business. */
export async function createWorld(): Promise<TestWorld> {
  const store = createMemoryCareerStore();
  const clock = new ManualClock(NOW);
  const events = new RecordedCareerEvents();
  const deps: AppDeps = { store, clock, ids: new SequentialIds('r'), events };
  const manager = person('max', 'Max Moreau', null);
  const employee = person('ava', 'Ava Chen', 'max');
  const peer = person('pia', 'Pia Novak', 'zed');
  const outsider = person('oz', 'Oz Idris', 'zed');
  for (const p of [manager, employee, peer, outsider]) await store.savePerson(p);
  let n = 0;
  return {
    deps,
    store,
    clock,
    events,
    people: { employee, manager, peer, outsider },
    async addOneOnOne(ownerId, counterpart, relationship, startsAt, minutes = 30) {
      n += 1;
      const oneOnOne = scheduledOneOnOne(ownerId, `evt-${n}`, counterpart, relationship, startsAt, minutes);
      await store.saveOneOnOne(oneOnOne);
      return oneOnOne;
    },
  };
}

/** An agenda as its author submits it: a learning focus and nothing else, unless `overrides` say more. */
export function agendaInput(overrides: Partial<AgendaInput> = {}): AgendaInput {
  return {
    learningFocus: 'Pricing',
    knowledgeHolders: [],
    asks: [],
    carriedActionIds: [],
    privateNotes: '',
    ...overrides,
  };
}
