import type { ActionItem } from '../../../src/core';
import { carriedActions, isOverdue, setActionStatus, sortForReview } from '../../../src/core';

const AVERY = 'avery-id';
const MORGAN = 'morgan-id';
const PRIYA = 'priya-id';

function action(overrides: Partial<ActionItem> & Pick<ActionItem, 'id'>): ActionItem {
  return {
    recapId: 'recap-1',
    oneOnOneId: 'avery-id:event-1',
    employeeId: AVERY,
    counterpartId: MORGAN,
    ownerId: AVERY,
    text: 'Read the experimentation playbook',
    dueOn: '2026-03-20',
    status: 'open',
    createdAt: '2026-03-10T18:00:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

const ids = (actions: readonly ActionItem[]): string[] => actions.map((a) => a.id);

describe('carriedActions', () => {
  const all = [
    action({ id: 'later', dueOn: '2026-03-27' }),
    action({ id: 'sooner', dueOn: '2026-03-13', ownerId: MORGAN }),
    action({ id: 'done', dueOn: '2026-03-01', status: 'done', completedAt: '2026-03-02T10:00:00.000Z' }),
    action({ id: 'with-priya', counterpartId: PRIYA, dueOn: '2026-03-01' }),
    action({ id: 'reversed-pair', employeeId: MORGAN, counterpartId: AVERY, dueOn: '2026-03-01' }),
  ];

  it('keeps only open actions of the same employee and counterpart, soonest due first', () => {
    expect(ids(carriedActions(all, AVERY, MORGAN))).toEqual(['sooner', 'later']);
  });

  it('carries actions either side owns', () => {
    expect(carriedActions(all, AVERY, MORGAN).map((a) => a.ownerId)).toEqual([MORGAN, AVERY]);
  });

  it('breaks ties on the same due date by id so the order is stable', () => {
    const sameDay = [action({ id: 'b', dueOn: '2026-03-20' }), action({ id: 'a', dueOn: '2026-03-20' })];

    expect(ids(carriedActions(sameDay, AVERY, MORGAN))).toEqual(['a', 'b']);
  });

  it('does not reorder the list it was given', () => {
    const before = ids(all);
    carriedActions(all, AVERY, MORGAN);

    expect(ids(all)).toEqual(before);
  });
});

describe('isOverdue', () => {
  it('is false on the due date itself', () => {
    expect(isOverdue(action({ id: 'x', dueOn: '2026-03-20' }), '2026-03-20')).toBe(false);
  });

  it('is true the day after the due date', () => {
    expect(isOverdue(action({ id: 'x', dueOn: '2026-03-20' }), '2026-03-21')).toBe(true);
  });

  it('is false for a done action past its date', () => {
    expect(isOverdue(action({ id: 'x', dueOn: '2026-03-01', status: 'done' }), '2026-03-21')).toBe(false);
  });

  it('compares across a month and year boundary', () => {
    expect(isOverdue(action({ id: 'x', dueOn: '2025-12-31' }), '2026-01-01')).toBe(true);
  });
});

describe('sortForReview', () => {
  it('puts overdue first, then open by due date, then done ones last', () => {
    const actions = [
      action({ id: 'done-early', dueOn: '2026-03-01', status: 'done' }),
      action({ id: 'open-later', dueOn: '2026-03-30' }),
      action({ id: 'overdue-recent', dueOn: '2026-03-15' }),
      action({ id: 'open-today', dueOn: '2026-03-18' }),
      action({ id: 'overdue-old', dueOn: '2026-03-02' }),
      action({ id: 'done-late', dueOn: '2026-03-25', status: 'done' }),
    ];

    expect(ids(sortForReview(actions, '2026-03-18'))).toEqual([
      'overdue-old',
      'overdue-recent',
      'open-today',
      'open-later',
      'done-early',
      'done-late',
    ]);
  });

  it('returns a new array and leaves the input order alone', () => {
    const actions = [action({ id: 'b', dueOn: '2026-03-30' }), action({ id: 'a', dueOn: '2026-03-01' })];
    const sorted = sortForReview(actions, '2026-03-18');

    expect([ids(actions), sorted === actions]).toEqual([['b', 'a'], false]);
  });
});

describe('setActionStatus', () => {
  const NOW = '2026-03-18T12:00:00.000Z';

  it('lets the employee mark it done, recording when', () => {
    const result = setActionStatus(action({ id: 'x' }), AVERY, 'done', NOW);

    expect(
      result.ok && [result.value.action.status, result.value.action.completedAt, result.value.changed],
    ).toEqual(['done', NOW, true]);
  });

  it('lets the counterpart mark it done even when the employee owns it', () => {
    expect(setActionStatus(action({ id: 'x', ownerId: AVERY }), MORGAN, 'done', NOW).ok).toBe(true);
  });

  it('refuses anyone outside the pair with action.not_owner', () => {
    const result = setActionStatus(action({ id: 'x' }), PRIYA, 'done', NOW);

    expect(result.ok ? 'allowed' : result.error.code).toBe('action.not_owner');
  });

  it('marking done twice is a no-op with changed=false and the first completion time kept', () => {
    const first = setActionStatus(action({ id: 'x' }), AVERY, 'done', NOW);
    if (!first.ok) throw new Error('first completion refused');
    const second = setActionStatus(first.value.action, AVERY, 'done', '2026-03-19T09:00:00.000Z');

    expect(second).toEqual({ ok: true, value: { action: first.value.action, changed: false } });
  });

  it('reopening clears the completion time', () => {
    const doneAction = action({ id: 'x', status: 'done', completedAt: NOW });
    const result = setActionStatus(doneAction, MORGAN, 'open', '2026-03-19T09:00:00.000Z');

    expect(
      result.ok && [result.value.action.status, result.value.action.completedAt, result.value.changed],
    ).toEqual(['open', null, true]);
  });
});
