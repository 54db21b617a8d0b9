import type {
  ActionOwnerSide,
  CareerError,
  Recap,
  RecapContent,
  RecapTransition,
  Result,
} from '../../../src/core';
import {
  RECAP_LIMITS,
  acknowledgeRecap,
  editRecap,
  isAwaitingAcknowledgement,
  requestRecapChange,
  sendRecap,
  startRecap,
  validateRecapContent,
} from '../../../src/core';

const AVERY = 'avery-id';
const MORGAN = 'morgan-id';
const STRANGER = 'kenji-id';
const T0 = '2026-03-10T18:00:00.000Z';
const T1 = '2026-03-10T18:10:00.000Z';
const T2 = '2026-03-11T09:00:00.000Z';
const T3 = '2026-03-11T10:00:00.000Z';
const T4 = '2026-03-11T11:00:00.000Z';
const T5 = '2026-03-12T08:00:00.000Z';

const CONTENT: RecapContent = {
  topics: ['What I want to learn next: pricing experiments', 'Stretch project on the payments team'],
  actions: [
    { id: 'a1', text: 'Introduce Avery to the pricing lead', owner: 'recipient', dueOn: '2026-03-20' },
    { id: 'a2', text: 'Read the experimentation playbook', owner: 'author', dueOn: '2026-03-27' },
  ],
};

function draft(overrides: Partial<Parameters<typeof startRecap>[0]> = {}): Recap {
  return startRecap({
    id: 'recap-1',
    oneOnOneId: 'avery-id:AAMkAGQ1-event',
    authorId: AVERY,
    recipientId: MORGAN,
    requiresAcknowledgement: true,
    content: CONTENT,
    now: T0,
    ...overrides,
  });
}

/** The transition's value, or the test fails saying which error came back instead. */
function done(result: Result<RecapTransition, CareerError>): RecapTransition {
  if (!result.ok) throw new Error(`expected the transition to succeed, got ${result.error.code}`);
  return result.value;
}

function refusal(result: Result<RecapTransition, CareerError>): string {
  return result.ok ? `succeeded in state ${result.value.recap.state}` : result.error.code;
}

function sent(): Recap {
  return done(sendRecap(draft(), AVERY, T1)).recap;
}

function changeRequested(): Recap {
  return done(requestRecapChange(sent(), MORGAN, 1, 'The intro is mine to do, not yours', T2)).recap;
}

describe('recap state machine', () => {
  it('starts as a version-1 draft with a drafted history entry', () => {
    const recap = draft();

    expect({
      state: recap.state,
      version: recap.version,
      sentAt: recap.sentAt,
      history: recap.history,
      createdAt: recap.createdAt,
    }).toEqual({
      state: 'draft',
      version: 1,
      sentAt: null,
      history: [{ kind: 'drafted', byId: AVERY, at: T0, version: 1 }],
      createdAt: T0,
    });
  });

  it('draft → sent by the author, as version 1', () => {
    const { recap, changed } = done(sendRecap(draft(), AVERY, T1));

    expect([recap.state, recap.version, recap.sentAt, changed]).toEqual(['sent', 1, T1, true]);
    expect(recap.history.at(-1)).toEqual({ kind: 'sent', byId: AVERY, at: T1, version: 1 });
  });

  it('sending again is a no-op with changed=false', () => {
    const once = sent();
    const again = done(sendRecap(once, AVERY, T2));

    expect([again.changed, again.recap]).toEqual([false, once]);
  });

  it('refuses a send by anyone but the author with recap.not_author', () => {
    expect(refusal(sendRecap(draft(), MORGAN, T1))).toBe('recap.not_author');
  });

  it('refuses to send a recap with no topics and no actions with recap.empty', () => {
    expect(refusal(sendRecap(draft({ content: { topics: [], actions: [] } }), AVERY, T1))).toBe(
      'recap.empty',
    );
  });

  it('sent → acknowledged by the recipient, recording who and when', () => {
    const { recap, changed } = done(acknowledgeRecap(sent(), MORGAN, 1, T2));

    expect([recap.state, recap.acknowledgedAt, recap.acknowledgedBy, changed]).toEqual([
      'acknowledged',
      T2,
      MORGAN,
      true,
    ]);
    expect(recap.history.map((h) => h.kind)).toEqual(['drafted', 'sent', 'acknowledged']);
  });

  it('acknowledging twice is a no-op with changed=false and the first time kept', () => {
    const first = done(acknowledgeRecap(sent(), MORGAN, 1, T2)).recap;
    const second = done(acknowledgeRecap(first, MORGAN, 1, T3));

    expect([second.changed, second.recap.acknowledgedAt, second.recap]).toEqual([false, T2, first]);
  });

  it('refuses an acknowledgement by the author with recap.not_recipient', () => {
    expect(refusal(acknowledgeRecap(sent(), AVERY, 1, T2))).toBe('recap.not_recipient');
  });

  it('refuses an acknowledgement by a third person with recap.not_recipient', () => {
    expect(refusal(acknowledgeRecap(sent(), STRANGER, 1, T2))).toBe('recap.not_recipient');
  });

  it('refuses to acknowledge a draft that was never sent with recap.wrong_state', () => {
    expect(refusal(acknowledgeRecap(draft(), MORGAN, 1, T2))).toBe('recap.wrong_state');
  });

  it('refuses an acknowledgement of a version other than the current one with recap.stale_version', () => {
    expect(refusal(acknowledgeRecap(sent(), MORGAN, 2, T2))).toBe('recap.stale_version');
  });

  it('sent → changeRequested keeps the trimmed comment, who, when and which version', () => {
    const { recap, changed } = done(requestRecapChange(sent(), MORGAN, 1, '  The intro is mine to do  ', T2));

    expect([recap.state, recap.changeRequest, changed]).toEqual([
      'changeRequested',
      { comment: 'The intro is mine to do', byId: MORGAN, at: T2, version: 1 },
      true,
    ]);
  });

  it('refuses a change request with a blank comment with recap.comment_required on comment', () => {
    const result = requestRecapChange(sent(), MORGAN, 1, '   \n ', T2);

    expect(result.ok ? null : [result.error.code, result.error.field]).toEqual([
      'recap.comment_required',
      'comment',
    ]);
  });

  it(`accepts a ${RECAP_LIMITS.comment}-character comment and refuses one more with recap.too_long`, () => {
    expect(requestRecapChange(sent(), MORGAN, 1, 'c'.repeat(RECAP_LIMITS.comment), T2).ok).toBe(true);
    const tooLong = requestRecapChange(sent(), MORGAN, 1, 'c'.repeat(RECAP_LIMITS.comment + 1), T2);
    expect(tooLong.ok ? null : [tooLong.error.code, tooLong.error.field]).toEqual([
      'recap.too_long',
      'comment',
    ]);
  });

  it('refuses a change request by the author with recap.not_recipient', () => {
    expect(refusal(requestRecapChange(sent(), AVERY, 1, 'Fix it', T2))).toBe('recap.not_recipient');
  });

  it('refuses a change request on an old version with recap.stale_version', () => {
    expect(refusal(requestRecapChange(sent(), MORGAN, 0, 'Fix it', T2))).toBe('recap.stale_version');
  });

  it('repeating the same change request is a no-op with changed=false', () => {
    const first = changeRequested();
    const again = done(requestRecapChange(first, MORGAN, 1, 'The intro is mine to do, not yours', T3));

    expect([again.changed, again.recap]).toEqual([false, first]);
  });

  it('refuses a second, different change request before the revision with recap.wrong_state', () => {
    expect(refusal(requestRecapChange(changeRequested(), MORGAN, 1, 'Also the dates', T3))).toBe(
      'recap.wrong_state',
    );
  });

  it('refuses to acknowledge while a change is requested with recap.wrong_state', () => {
    expect(refusal(acknowledgeRecap(changeRequested(), MORGAN, 1, T3))).toBe('recap.wrong_state');
  });

  it('lets the author edit after a change request, staying changeRequested at the same version', () => {
    const revised: RecapContent = { ...CONTENT, actions: [{ ...CONTENT.actions[0]!, owner: 'author' }] };
    const { recap, changed } = done(editRecap(changeRequested(), AVERY, revised, T3));

    expect([recap.state, recap.version, recap.actions, recap.updatedAt, changed]).toEqual([
      'changeRequested',
      1,
      revised.actions,
      T3,
      true,
    ]);
    expect(recap.history.at(-1)).toEqual({ kind: 'edited', byId: AVERY, at: T3, version: 1 });
  });

  it('refuses an edit by the recipient with recap.not_author', () => {
    expect(refusal(editRecap(changeRequested(), MORGAN, CONTENT, T3))).toBe('recap.not_author');
  });

  it('refuses an edit of a sent recap that is waiting for an answer with recap.wrong_state', () => {
    expect(refusal(editRecap(sent(), AVERY, CONTENT, T2))).toBe('recap.wrong_state');
  });

  it('lets the author edit a draft', () => {
    const { recap } = done(editRecap(draft(), AVERY, { topics: ['Only topic'], actions: [] }, T1));

    expect([recap.state, recap.topics, recap.actions]).toEqual(['draft', ['Only topic'], []]);
  });

  it('sends the revision as version 2, then acknowledges version 2', () => {
    const edited = done(editRecap(changeRequested(), AVERY, CONTENT, T3)).recap;
    const resent = done(sendRecap(edited, AVERY, T4)).recap;
    const acknowledged = done(acknowledgeRecap(resent, MORGAN, 2, T5)).recap;

    expect([resent.state, resent.version, resent.sentAt]).toEqual(['sent', 2, T4]);
    expect([acknowledged.state, acknowledged.version]).toEqual(['acknowledged', 2]);
    expect(acknowledged.history.map((h) => `${h.kind}@v${h.version}`)).toEqual([
      'drafted@v1',
      'sent@v1',
      'changeRequested@v1',
      'edited@v1',
      'sent@v2',
      'acknowledged@v2',
    ]);
  });

  it('refuses an acknowledgement from the version-1 card once version 2 is out with recap.stale_version', () => {
    const resent = done(sendRecap(changeRequested(), AVERY, T4)).recap;

    expect(refusal(acknowledgeRecap(resent, MORGAN, 1, T5))).toBe('recap.stale_version');
  });

  it('refuses an edit after acknowledgement with recap.wrong_state', () => {
    const acknowledged = done(acknowledgeRecap(sent(), MORGAN, 1, T2)).recap;

    expect(refusal(editRecap(acknowledged, AVERY, CONTENT, T3))).toBe('recap.wrong_state');
  });

  it('refuses a change request after acknowledgement with recap.wrong_state', () => {
    const acknowledged = done(acknowledgeRecap(sent(), MORGAN, 1, T2)).recap;

    expect(refusal(requestRecapChange(acknowledged, MORGAN, 1, 'Wait', T3))).toBe('recap.wrong_state');
  });

  it('sending an acknowledged recap changes nothing', () => {
    const acknowledged = done(acknowledgeRecap(sent(), MORGAN, 1, T2)).recap;

    expect(done(sendRecap(acknowledged, AVERY, T3))).toEqual({ recap: acknowledged, changed: false });
  });

  it('never mutates the recap it was given', () => {
    const before = sent();
    const copy = structuredClone(before);
    done(acknowledgeRecap(before, MORGAN, 1, T2));

    expect(before).toEqual(copy);
  });
});

describe('isAwaitingAcknowledgement', () => {
  it('is true for a sent recap that needs acknowledgement', () => {
    expect(isAwaitingAcknowledgement(sent())).toBe(true);
  });

  it('is false for a sent recap that does not need acknowledgement (peer conversation)', () => {
    expect(
      isAwaitingAcknowledgement(done(sendRecap(draft({ requiresAcknowledgement: false }), AVERY, T1)).recap),
    ).toBe(false);
  });

  it('is false once acknowledged, while changes are requested, and for drafts', () => {
    const acknowledged = done(acknowledgeRecap(sent(), MORGAN, 1, T2)).recap;

    expect([acknowledged, changeRequested(), draft()].map(isAwaitingAcknowledgement)).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('validateRecapContent', () => {
  const TODAY = '2026-03-10';
  const action = (overrides: Partial<RecapContent['actions'][number]> = {}) => ({
    id: 'a1',
    text: 'Book a shadowing day with the pricing team',
    owner: 'author' as ActionOwnerSide,
    dueOn: '2026-03-20',
    ...overrides,
  });
  const problems = (content: RecapContent) => {
    const result = validateRecapContent(content, TODAY);
    return result.ok ? [] : result.error.map((e) => ({ code: e.code, field: e.field }));
  };

  it('trims topics and actions and drops blank rows', () => {
    const result = validateRecapContent(
      {
        topics: ['  Pricing  ', '   '],
        actions: [
          action({ text: '  Shadow a pricing review ', dueOn: ' 2026-03-20 ' }),
          action({ id: 'a2', text: '  ' }),
        ],
      },
      TODAY,
    );

    expect(result).toEqual({
      ok: true,
      value: {
        topics: ['Pricing'],
        actions: [{ id: 'a1', text: 'Shadow a pricing review', owner: 'author', dueOn: '2026-03-20' }],
      },
    });
  });

  it('refuses an empty recap with recap.empty', () => {
    expect(problems({ topics: [' '], actions: [] })).toEqual([{ code: 'recap.empty', field: undefined }]);
  });

  it('accepts actions without topics', () => {
    expect(problems({ topics: [], actions: [action()] })).toEqual([]);
  });

  it('accepts a due date of today', () => {
    expect(problems({ topics: [], actions: [action({ dueOn: TODAY })] })).toEqual([]);
  });

  it('refuses a due date in the past with recap.bad_due_date on that action', () => {
    expect(problems({ topics: [], actions: [action({ dueOn: '2026-03-09' })] })).toEqual([
      { code: 'recap.bad_due_date', field: 'actions[0].dueOn' },
    ]);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-3-20', '20/03/2026', '', '2026-03-20T10:00'])(
    'refuses the due date "%s" with recap.bad_due_date',
    (dueOn) => {
      expect(problems({ topics: [], actions: [action({ dueOn })] })).toEqual([
        { code: 'recap.bad_due_date', field: 'actions[0].dueOn' },
      ]);
    },
  );

  it('refuses an owner that is neither side with recap.bad_owner', () => {
    const owner = 'manager' as unknown as ActionOwnerSide;

    expect(problems({ topics: [], actions: [action({ owner })] })).toEqual([
      { code: 'recap.bad_owner', field: 'actions[0].owner' },
    ]);
  });

  it('accepts both owner values', () => {
    expect(
      problems({
        topics: [],
        actions: [action({ owner: 'author' }), action({ id: 'a2', owner: 'recipient' })],
      }),
    ).toEqual([]);
  });

  it(`accepts ${RECAP_LIMITS.topics} topics and refuses one more with recap.too_many on topics`, () => {
    const topics = (n: number) => Array.from({ length: n }, (_, i) => `Topic ${i}`);

    expect(problems({ topics: topics(10), actions: [] })).toEqual([]);
    expect(problems({ topics: topics(11), actions: [] })).toEqual([
      { code: 'recap.too_many', field: 'topics' },
    ]);
  });

  it(`accepts ${RECAP_LIMITS.actions} actions and refuses one more with recap.too_many on actions`, () => {
    const actions = (n: number) => Array.from({ length: n }, (_, i) => action({ id: `a${i}` }));

    expect(problems({ topics: [], actions: actions(10) })).toEqual([]);
    expect(problems({ topics: [], actions: actions(11) })).toEqual([
      { code: 'recap.too_many', field: 'actions' },
    ]);
  });

  it(`accepts a ${RECAP_LIMITS.topic}-character topic and refuses one more with recap.too_long`, () => {
    expect(problems({ topics: ['t'.repeat(300)], actions: [] })).toEqual([]);
    expect(problems({ topics: ['t'.repeat(301)], actions: [] })).toEqual([
      { code: 'recap.too_long', field: 'topics[0]' },
    ]);
  });

  it(`accepts a ${RECAP_LIMITS.actionText}-character action and refuses one more with recap.too_long`, () => {
    expect(problems({ topics: [], actions: [action({ text: 'a'.repeat(300) })] })).toEqual([]);
    expect(problems({ topics: [], actions: [action({ text: 'a'.repeat(301) })] })).toEqual([
      { code: 'recap.too_long', field: 'actions[0].text' },
    ]);
  });

  it('points field paths at the input row even when blank rows before it were dropped', () => {
    expect(
      problems({
        topics: ['', 't'.repeat(301)],
        actions: [action({ text: ' ' }), action({ id: 'a2', dueOn: '2026-02-30' })],
      }),
    ).toEqual([
      { code: 'recap.too_long', field: 'topics[1]' },
      { code: 'recap.bad_due_date', field: 'actions[1].dueOn' },
    ]);
  });

  it('numbers the action in the message as the person sees it', () => {
    const result = validateRecapContent(
      { topics: [], actions: [action({ text: '' }), action({ dueOn: '2026-03-01' })] },
      TODAY,
    );

    expect(result.ok ? '' : result.error[0]?.message).toMatch(
      /^Action 2 is due 2026-03-01, which has passed/,
    );
  });
});

describe('recap history under autosave', () => {
  it('keeps one edited entry for a run of edits by the author on the same version', () => {
    const start = startRecap({
      id: 'ava~h1',
      oneOnOneId: 'ava:e1',
      authorId: 'ava',
      recipientId: 'max',
      requiresAcknowledgement: true,
      content: { topics: ['One'], actions: [] },
      now: '2026-11-24T10:00:00.000Z',
    });
    let recap = start;
    for (const [i, at] of [
      '2026-11-24T10:01:00.000Z',
      '2026-11-24T10:02:00.000Z',
      '2026-11-24T10:03:00.000Z',
    ].entries()) {
      const edited = editRecap(recap, 'ava', { topics: [`Topic ${i}`], actions: [] }, at);
      if (!edited.ok) throw edited.error;
      recap = edited.value.recap;
    }
    expect(recap.history.map((h) => `${h.kind}@${h.at}`)).toEqual([
      'drafted@2026-11-24T10:00:00.000Z',
      'edited@2026-11-24T10:03:00.000Z',
    ]);
  });
});
