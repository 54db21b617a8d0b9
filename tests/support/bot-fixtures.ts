import type { ActionItem } from '../../src/core/action-item';
import type { Agenda } from '../../src/core/agenda';
import type { OneOnOne, Relationship } from '../../src/core/one-on-one';
import type { Person } from '../../src/core/person';
import type { Recap } from '../../src/core/recap';

/** Plain records for card tests: Ava (employee) and Max (her manager). */
export function oneOnOneFixture(
  relationship: Relationship = 'manager',
  overrides: Partial<OneOnOne> = {},
): OneOnOne {
  return {
    id: 'ava:evt-1',
    ownerId: 'ava',
    eventId: 'evt-1',
    seriesId: null,
    counterpart: { address: 'max@contoso.example', name: 'Max Moreau', personId: 'max' },
    relationship,
    startsAt: '2026-11-24T10:00:00.000Z',
    endsAt: '2026-11-24T10:30:00.000Z',
    status: 'scheduled',
    ...overrides,
  };
}

/** A scheduled 1:1 of `ownerId` with `counterpart`, `minutes` long from `startsAt` (for fixtures that save it). */
export function scheduledOneOnOne(
  ownerId: string,
  eventId: string,
  counterpart: Pick<Person, 'id' | 'email' | 'displayName'>,
  relationship: Relationship,
  startsAt: string,
  minutes: number,
): OneOnOne {
  return {
    id: `${ownerId}:${eventId}`,
    ownerId,
    eventId,
    seriesId: null,
    counterpart: { address: counterpart.email, name: counterpart.displayName, personId: counterpart.id },
    relationship,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
    status: 'scheduled',
  };
}

export function actionFixture(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'ava~r0001.a1',
    recapId: 'ava~r0001',
    oneOnOneId: 'ava:evt-0',
    employeeId: 'ava',
    counterpartId: 'max',
    ownerId: 'ava',
    text: 'Draft the pricing experiment brief',
    dueOn: '2026-11-20',
    status: 'open',
    createdAt: '2026-11-01T10:00:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

export function agendaFixture(overrides: Partial<Agenda> = {}): Agenda {
  return {
    oneOnOneId: 'ava:evt-1',
    authorId: 'ava',
    counterpartId: 'max',
    learningFocus: 'How pricing experiments are designed',
    knowledgeHolders: [{ label: 'Priya in Data Platform', personId: null }],
    asks: [{ wanted: 'Lead the next pricing test', support: 'An intro to the pricing team' }],
    carriedActionIds: ['ava~r0001.a1'],
    sharedAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    revision: 2,
    ...overrides,
  };
}

export function recapFixture(overrides: Partial<Recap> = {}): Recap {
  return {
    id: 'ava~r0002',
    oneOnOneId: 'ava:evt-1',
    authorId: 'ava',
    recipientId: 'max',
    requiresAcknowledgement: true,
    topics: ['Learning: pricing experiments', 'Ask: lead the next pricing test'],
    actions: [
      { id: 'a1', text: 'Book a session with Priya', owner: 'author', dueOn: '2026-12-01' },
      { id: 'a2', text: 'Introduce Ava to the pricing team', owner: 'recipient', dueOn: '2026-11-27' },
    ],
    state: 'sent',
    version: 1,
    sentAt: '2026-11-24T11:00:00.000Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    changeRequest: null,
    history: [],
    createdAt: '2026-11-24T10:45:00.000Z',
    updatedAt: '2026-11-24T11:00:00.000Z',
    ...overrides,
  };
}
