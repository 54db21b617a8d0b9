import type { Agenda, AgendaInput, AgendaValidationContext, CareerError, Result } from '../../../src/core';
import {
  AGENDA_LIMITS,
  agendaStateOf,
  applyAgendaSave,
  shareStanding,
  validateAgenda,
  withdrawnFromFormerCounterpart,
} from '../../../src/core';

const KNOWN_PEOPLE = new Set([
  '3f2a8c1e-7b44-4d0e-9a51-6c2e1d9f0a11',
  '9b7e2d40-1c3f-4a8b-b2d6-0e5f7a9c3d22',
]);
const PRIYA_ID = '3f2a8c1e-7b44-4d0e-9a51-6c2e1d9f0a11';

const context: AgendaValidationContext = {
  isKnownPerson: (id) => KNOWN_PEOPLE.has(id),
  openActionIds: new Set(['action-1', 'action-2', 'action-3']),
};

function input(overrides: Partial<AgendaInput> = {}): AgendaInput {
  return {
    learningFocus: '',
    knowledgeHolders: [],
    asks: [],
    carriedActionIds: [],
    privateNotes: '',
    ...overrides,
  };
}

function problems(result: Result<AgendaInput, CareerError[]>): { code: string; field: string | undefined }[] {
  return result.ok ? [] : result.error.map((e) => ({ code: e.code, field: e.field }));
}

function valid(result: Result<AgendaInput, CareerError[]>): AgendaInput {
  if (!result.ok)
    throw new Error(`expected a valid agenda, got ${result.error.map((e) => e.code).join(', ')}`);
  return result.value;
}

const text = (length: number): string => 'x'.repeat(length);

describe('validateAgenda', () => {
  it('accepts a learning focus alone', () => {
    expect(
      valid(validateAgenda(input({ learningFocus: 'How pricing experiments are run' }), context)),
    ).toEqual(input({ learningFocus: 'How pricing experiments are run' }));
  });

  it('trims every text and keeps the trimmed values', () => {
    const result = valid(
      validateAgenda(
        input({
          learningFocus: '  Data platform internals \n',
          knowledgeHolders: [{ label: '  Priya Nair ', personId: PRIYA_ID }],
          asks: [{ wanted: ' Lead the Q3 migration ', support: '  An intro to the platform team  ' }],
          privateNotes: '\tNervous about asking\n',
        }),
        context,
      ),
    );

    expect(result).toEqual({
      learningFocus: 'Data platform internals',
      knowledgeHolders: [{ label: 'Priya Nair', personId: PRIYA_ID }],
      asks: [{ wanted: 'Lead the Q3 migration', support: 'An intro to the platform team' }],
      carriedActionIds: [],
      privateNotes: 'Nervous about asking',
    });
  });

  it('refuses an empty agenda with agenda.empty and no field', () => {
    expect(problems(validateAgenda(input(), context))).toEqual([{ code: 'agenda.empty', field: undefined }]);
  });

  it('counts whitespace-only texts and blank rows as empty', () => {
    const result = validateAgenda(
      input({
        learningFocus: '   ',
        knowledgeHolders: [{ label: '  ', personId: null }],
        asks: [{ wanted: ' ', support: '\n' }],
        privateNotes: ' ',
      }),
      context,
    );

    expect(problems(result)).toEqual([{ code: 'agenda.empty', field: undefined }]);
  });

  it('accepts private notes alone as a non-empty agenda', () => {
    expect(validateAgenda(input({ privateNotes: 'Ask about the architecture guild' }), context).ok).toBe(
      true,
    );
  });

  it('accepts a carried action alone as a non-empty agenda', () => {
    expect(validateAgenda(input({ carriedActionIds: ['action-1'] }), context).ok).toBe(true);
  });

  it('drops blank knowledge-holder and ask rows from the saved agenda', () => {
    const result = valid(
      validateAgenda(
        input({
          knowledgeHolders: [
            { label: '', personId: null },
            { label: 'Someone in Finance', personId: null },
          ],
          asks: [
            { wanted: '', support: '' },
            { wanted: 'Payments team rotation', support: '' },
          ],
        }),
        context,
      ),
    );

    expect([result.knowledgeHolders, result.asks]).toEqual([
      [{ label: 'Someone in Finance', personId: null }],
      [{ wanted: 'Payments team rotation', support: '' }],
    ]);
  });

  it('keeps a holder picked from the directory even with a blank label', () => {
    const result = valid(
      validateAgenda(input({ knowledgeHolders: [{ label: ' ', personId: PRIYA_ID }] }), context),
    );

    expect(result.knowledgeHolders).toEqual([{ label: '', personId: PRIYA_ID }]);
  });

  it('removes duplicate carried actions', () => {
    const result = valid(
      validateAgenda(input({ carriedActionIds: ['action-2', 'action-1', 'action-2'] }), context),
    );

    expect(result.carriedActionIds).toEqual(['action-2', 'action-1']);
  });

  describe('length limits at the boundary', () => {
    it.each([
      ['learningFocus', AGENDA_LIMITS.learningFocus, (n: number) => input({ learningFocus: text(n) })],
      [
        'knowledgeHolders[0].label',
        AGENDA_LIMITS.holderLabel,
        (n: number) => input({ knowledgeHolders: [{ label: text(n), personId: null }] }),
      ],
      [
        'asks[0].wanted',
        AGENDA_LIMITS.askWanted,
        (n: number) => input({ asks: [{ wanted: text(n), support: '' }] }),
      ],
      [
        'asks[0].support',
        AGENDA_LIMITS.askSupport,
        (n: number) => input({ asks: [{ wanted: 'Tech lead', support: text(n) }] }),
      ],
      ['privateNotes', AGENDA_LIMITS.privateNotes, (n: number) => input({ privateNotes: text(n) })],
    ] as const)('%s: %i characters pass, one more is agenda.too_long on that field', (field, max, build) => {
      expect(problems(validateAgenda(build(max), context))).toEqual([]);
      expect(problems(validateAgenda(build(max + 1), context))).toEqual([{ code: 'agenda.too_long', field }]);
    });

    it('measures length after trimming', () => {
      const result = validateAgenda(
        input({ learningFocus: `   ${text(AGENDA_LIMITS.learningFocus)}   ` }),
        context,
      );

      expect(result.ok).toBe(true);
    });

    it('says how long the text is and what the limit is', () => {
      const result = validateAgenda(input({ learningFocus: text(1001) }), context);

      expect(result.ok ? '' : result.error[0]?.message).toMatch(/1001 characters; keep it to 1000/);
    });
  });

  describe('count limits at the boundary', () => {
    const holders = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ label: `Person ${i}`, personId: null }));
    const asks = (n: number) => Array.from({ length: n }, (_, i) => ({ wanted: `Area ${i}`, support: '' }));
    const actionIds = (n: number) => Array.from({ length: n }, (_, i) => `open-${i}`);
    const manyOpen: AgendaValidationContext = { ...context, openActionIds: new Set(actionIds(30)) };

    it(`accepts ${AGENDA_LIMITS.knowledgeHolders} knowledge holders and refuses one more on knowledgeHolders`, () => {
      expect(problems(validateAgenda(input({ knowledgeHolders: holders(10) }), context))).toEqual([]);
      expect(problems(validateAgenda(input({ knowledgeHolders: holders(11) }), context))).toEqual([
        { code: 'agenda.too_many', field: 'knowledgeHolders' },
      ]);
    });

    it('does not count blank holder rows towards the limit', () => {
      const rows = [...holders(10), { label: ' ', personId: null }];

      expect(validateAgenda(input({ knowledgeHolders: rows }), context).ok).toBe(true);
    });

    it(`accepts ${AGENDA_LIMITS.asks} asks and refuses one more on asks`, () => {
      expect(problems(validateAgenda(input({ asks: asks(5) }), context))).toEqual([]);
      expect(problems(validateAgenda(input({ asks: asks(6) }), context))).toEqual([
        { code: 'agenda.too_many', field: 'asks' },
      ]);
    });

    it(`accepts ${AGENDA_LIMITS.carriedActions} carried actions and refuses one more on carriedActionIds`, () => {
      expect(problems(validateAgenda(input({ carriedActionIds: actionIds(20) }), manyOpen))).toEqual([]);
      expect(problems(validateAgenda(input({ carriedActionIds: actionIds(21) }), manyOpen))).toEqual([
        { code: 'agenda.too_many', field: 'carriedActionIds' },
      ]);
    });

    it('counts carried actions after removing duplicates', () => {
      const ids = [...actionIds(20), 'open-0'];

      expect(validateAgenda(input({ carriedActionIds: ids }), manyOpen).ok).toBe(true);
    });
  });

  it('refuses a picked person not in the directory with agenda.unknown_person on that personId', () => {
    const result = validateAgenda(
      input({ knowledgeHolders: [{ label: 'Former colleague', personId: 'deleted-user-0001' }] }),
      context,
    );

    expect(problems(result)).toEqual([
      { code: 'agenda.unknown_person', field: 'knowledgeHolders[0].personId' },
    ]);
  });

  it('names the unknown person by their label', () => {
    const result = validateAgenda(
      input({ knowledgeHolders: [{ label: 'Former colleague', personId: 'deleted-user-0001' }] }),
      context,
    );

    expect(result.ok ? '' : result.error[0]?.message).toContain('"Former colleague"');
  });

  it('refuses a carried action that is unknown or closed with agenda.unknown_action on its index', () => {
    const result = validateAgenda(input({ carriedActionIds: ['action-1', 'action-done-7'] }), context);

    expect(problems(result)).toEqual([{ code: 'agenda.unknown_action', field: 'carriedActionIds[1]' }]);
  });

  it('refuses support asked for without saying what is wanted with agenda.empty on asks[i].wanted', () => {
    const result = validateAgenda(input({ asks: [{ wanted: '  ', support: 'Time for a course' }] }), context);

    expect(problems(result)).toEqual([{ code: 'agenda.empty', field: 'asks[0].wanted' }]);
  });

  it('points field paths at the input row even when blank rows before it were dropped', () => {
    const result = validateAgenda(
      input({
        knowledgeHolders: [
          { label: '', personId: null },
          { label: text(121), personId: null },
        ],
        asks: [
          { wanted: '', support: '' },
          { wanted: '', support: 'Mentoring' },
        ],
        carriedActionIds: ['action-1', 'action-1', 'closed-9'],
      }),
      context,
    );

    expect(problems(result)).toEqual([
      { code: 'agenda.too_long', field: 'knowledgeHolders[1].label' },
      { code: 'agenda.empty', field: 'asks[1].wanted' },
      { code: 'agenda.unknown_action', field: 'carriedActionIds[2]' },
    ]);
  });

  it('returns every problem at once, not only the first', () => {
    const result = validateAgenda(
      input({
        learningFocus: text(1001),
        knowledgeHolders: [{ label: 'Ghost', personId: 'nobody' }],
        asks: [{ wanted: '', support: 'Budget' }],
        carriedActionIds: ['nope'],
        privateNotes: text(4001),
      }),
      context,
    );

    expect(problems(result)).toEqual([
      { code: 'agenda.too_long', field: 'learningFocus' },
      { code: 'agenda.unknown_person', field: 'knowledgeHolders[0].personId' },
      { code: 'agenda.empty', field: 'asks[0].wanted' },
      { code: 'agenda.unknown_action', field: 'carriedActionIds[0]' },
      { code: 'agenda.too_long', field: 'privateNotes' },
    ]);
  });
});

describe('applyAgendaSave', () => {
  const meta = {
    oneOnOneId: 'avery-id:AAMkAGQ1-event',
    authorId: 'avery-id',
    counterpartId: 'morgan-id',
    now: '2026-03-09T16:00:00.000Z',
  };
  const saved = input({
    learningFocus: 'Pricing',
    asks: [{ wanted: 'Pricing squad', support: 'Intro' }],
    privateNotes: 'secret',
  });

  it('starts at revision 1, unshared, on the first save', () => {
    const agenda = applyAgendaSave(null, saved, meta);

    expect(agenda).toEqual({
      oneOnOneId: meta.oneOnOneId,
      authorId: 'avery-id',
      counterpartId: 'morgan-id',
      learningFocus: 'Pricing',
      knowledgeHolders: [],
      asks: [{ wanted: 'Pricing squad', support: 'Intro' }],
      carriedActionIds: [],
      sharedAt: null,
      updatedAt: meta.now,
      revision: 1,
    });
  });

  it('never copies the private notes into the agenda record', () => {
    expect(Object.keys(applyAgendaSave(null, saved, meta))).not.toContain('privateNotes');
  });

  it('increments the revision and keeps when it was shared on a later save', () => {
    const previous: Agenda = {
      ...applyAgendaSave(null, saved, meta),
      revision: 4,
      sharedAt: '2026-03-09T16:05:00.000Z',
    };

    const next = applyAgendaSave(previous, input({ learningFocus: 'Pricing and packaging' }), {
      ...meta,
      now: '2026-03-09T17:00:00.000Z',
    });

    expect([next.revision, next.sharedAt, next.updatedAt, next.learningFocus]).toEqual([
      5,
      '2026-03-09T16:05:00.000Z',
      '2026-03-09T17:00:00.000Z',
      'Pricing and packaging',
    ]);
  });

  it('is no longer shared once the 1:1 is with someone else, so an edit never reaches a person not chosen', () => {
    const previous: Agenda = {
      ...applyAgendaSave(null, saved, meta),
      sharedAt: '2026-03-09T16:05:00.000Z',
    };

    const moved = applyAgendaSave(previous, saved, { ...meta, counterpartId: 'riley-id' });
    const unresolved = applyAgendaSave(previous, saved, { ...meta, counterpartId: null });

    expect([moved.counterpartId, moved.sharedAt]).toEqual(['riley-id', null]);
    expect([unresolved.counterpartId, unresolved.sharedAt]).toEqual([null, null]);
  });
});

describe('shareStanding and agendaStateOf', () => {
  const shared = { sharedAt: '2026-03-09T16:05:00.000Z', counterpartId: 'max' };

  it('is shared when it was shared with the person the 1:1 is with now', () => {
    expect(shareStanding(shared, 'max')).toEqual({ sharedAt: shared.sharedAt, sharedEarlierWith: null });
  });

  it('names whom it was shared with when the 1:1 is now with someone else (or with nobody known)', () => {
    expect(shareStanding(shared, 'pia')).toEqual({ sharedAt: null, sharedEarlierWith: 'max' });
    expect(shareStanding(shared, null)).toEqual({ sharedAt: null, sharedEarlierWith: 'max' });
  });

  it('is neither when it was never shared, or there is no agenda', () => {
    const none = { sharedAt: null, sharedEarlierWith: null };
    expect(shareStanding({ sharedAt: null, counterpartId: 'max' }, 'max')).toEqual(none);
    expect(shareStanding(null, 'max')).toEqual(none);
  });

  it('counts as shared in the 1:1 list only when shared with the person it is with now', () => {
    const meta = { oneOnOneId: 'ava:evt-1', authorId: 'ava', counterpartId: 'max', now: shared.sharedAt };
    const agenda: Agenda = { ...applyAgendaSave(null, input({ learningFocus: 'Pricing' }), meta), ...shared };
    expect(agendaStateOf(null, 'max')).toBe('none');
    expect(agendaStateOf(agenda, 'max')).toBe('shared');
    expect(agendaStateOf(agenda, 'pia')).toBe('written');
  });
});

describe('withdrawnFromFormerCounterpart', () => {
  const meta = {
    oneOnOneId: 'ava:evt-1',
    authorId: 'ava',
    counterpartId: 'max',
    now: '2026-03-09T16:00:00.000Z',
  };
  const written = applyAgendaSave(null, input({ learningFocus: 'Pricing' }), meta);
  const shared: Agenda = { ...written, sharedAt: '2026-03-09T16:05:00.000Z' };

  it('takes the agenda from the person the 1:1 was with: about the new person, shared with nobody', () => {
    expect(withdrawnFromFormerCounterpart(shared, 'pia')).toEqual({
      ...shared,
      counterpartId: 'pia',
      sharedAt: null,
      revision: shared.revision + 1,
    });
    expect(withdrawnFromFormerCounterpart(shared, null)).toMatchObject({
      counterpartId: null,
      sharedAt: null,
    });
  });

  it('has nothing to withdraw when the agenda was not shared, or is shared with the person it is with now', () => {
    expect(withdrawnFromFormerCounterpart(written, 'pia')).toBeNull();
    expect(withdrawnFromFormerCounterpart(shared, 'max')).toBeNull();
  });
});
