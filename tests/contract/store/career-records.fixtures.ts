import type { ActionItem, Agenda, OneOnOne, Person, PrivateNote, Recap } from '../../../src/core';
import { DEFAULT_WORKING_HOURS, oneOnOneId } from '../../../src/core';
import type { RandomSource } from '../../../src/store/career-store';
import { newActionId, newRecapId } from '../../../src/store/career-store';

/** Builders for career records, with every field a test does not care about set to something plain. */

/** A small seeded generator (mulberry32), so generated ids are the same on every run. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function person(id: string, displayName: string, managerId: string | null, email?: string): Person {
  return {
    id,
    email: email ?? `${id}@contoso.example`,
    displayName,
    jobTitle: null,
    managerId,
    timeZone: 'Europe/London',
    workingHours: DEFAULT_WORKING_HOURS,
  };
}

export function meeting(ownerId: string, eventId: string, startsAt: string, counterpartId = 'max'): OneOnOne {
  return {
    id: oneOnOneId(ownerId, eventId),
    ownerId,
    eventId,
    seriesId: null,
    counterpart: {
      address: `${counterpartId}@contoso.example`,
      name: counterpartId,
      personId: counterpartId,
    },
    relationship: 'manager',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
    status: 'scheduled',
  };
}

export function agenda(authorId: string, meetingId: string, overrides: Partial<Agenda> = {}): Agenda {
  return {
    oneOnOneId: meetingId,
    authorId,
    counterpartId: 'max',
    learningFocus: 'Facilitation',
    knowledgeHolders: [],
    asks: [],
    carriedActionIds: [],
    sharedAt: null,
    updatedAt: '2026-03-02T09:00:00.000Z',
    revision: 1,
    ...overrides,
  };
}

export function note(authorId: string, meetingId: string, text: string): PrivateNote {
  return { oneOnOneId: meetingId, authorId, text, updatedAt: '2026-03-02T09:00:00.000Z' };
}

export function recap(
  id: string,
  authorId: string,
  recipientId: string,
  overrides: Partial<Recap> = {},
): Recap {
  return {
    id,
    oneOnOneId: `${authorId}:evt-1`,
    authorId,
    recipientId,
    requiresAcknowledgement: true,
    topics: ['Career goals'],
    actions: [],
    state: 'sent',
    version: 1,
    sentAt: '2026-03-03T10:00:00.000Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    changeRequest: null,
    history: [],
    createdAt: '2026-03-03T10:00:00.000Z',
    updatedAt: '2026-03-03T10:00:00.000Z',
    ...overrides,
  };
}

export function action(id: string, employeeId: string, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    recapId: `${employeeId}~recap`,
    oneOnOneId: `${employeeId}:evt-1`,
    employeeId,
    counterpartId: 'max',
    ownerId: employeeId,
    text: 'Shadow a workshop',
    dueOn: '2026-04-01',
    status: 'open',
    createdAt: '2026-03-03T10:00:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

export { newActionId, newRecapId };
