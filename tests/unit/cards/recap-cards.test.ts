/** @jest-environment jsdom */
import { recapAnswerCard } from '../../../src/cards/recap-answer/recap-answer-card';
import { recapEditorCard } from '../../../src/cards/recap-editor/recap-editor-card';
import { recapStatusCard } from '../../../src/cards/recap-status/recap-status-card';
import type { RecapCardView } from '../../../src/cards/recap-view';
import { checkCard } from '../../support/bot-card-check';
import { oneOnOneFixture, recapFixture } from '../../support/bot-fixtures';

function view(overrides: Partial<RecapCardView> = {}): RecapCardView {
  return {
    recap: recapFixture(),
    oneOnOne: oneOnOneFixture(),
    authorName: 'Ava Chen',
    recipientName: 'Max Moreau',
    timeZone: 'Europe/London',
    refreshUserIds: ['29:ava', '29:max'],
    ...overrides,
  };
}

test('the recap editor has labelled topic and action rows, a message preview and Send', () => {
  const recap = recapFixture();
  const check = checkCard(
    recapEditorCard({
      oneOnOne: oneOnOneFixture(),
      authorName: 'Ava Chen',
      timeZone: 'Europe/London',
      today: '2026-11-24',
      content: { topics: recap.topics, actions: recap.actions },
      requiresAcknowledgement: true,
      changeRequest: null,
    }),
  );
  expect(check.problems).toEqual([]);
  expect(check.unlabelledInputs).toEqual([]);
  expect(check.inputIds).toEqual([
    'topics',
    'action0Text',
    'action0Owner',
    'action0Due',
    'action1Text',
    'action1Owner',
    'action1Due',
    'action2Text',
    'action2Owner',
    'action2Due',
  ]);
  expect(check.text).toContain('Recap your 1:1 with Max Moreau');
  expect(check.text).toContain('Hi Max, thanks for our conversation on Tuesday 24 November.');
  expect(check.text).toContain('- Me: Book a session with Priya (by 2026-12-01)');
  expect(check.text).toContain('Please confirm, or tell me what to change.');
  expect(check.executes.map((e) => e.verb)).toEqual(['sendRecap', 'previewRecap', 'saveRecap']);
  expect(check.executes[0]!.data).toEqual({ oneOnOneId: 'ava:evt-1', rows: 3, actionIds: ['a1', 'a2', ''] });
  expect(check.executes.every((e) => e.hasSubmitFallback)).toBe(true);
});

test('a recap editor after a change request shows the comment and offers to send the revision', () => {
  const check = checkCard(
    recapEditorCard({
      oneOnOne: oneOnOneFixture(),
      authorName: 'Ava Chen',
      timeZone: 'Europe/London',
      today: '2026-11-24',
      content: { topics: ['Pricing'], actions: [] },
      requiresAcknowledgement: true,
      changeRequest: { byName: 'Max', comment: 'The intro is mine, by Friday' },
      problems: ['Action 1 needs a due date (YYYY-MM-DD).'],
    }),
  );
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('Max asked for a change');
  expect(check.text).toContain('The intro is mine, by Friday');
  expect(check.text).toContain('Action 1 needs a due date');
  expect(check.text).toContain('Send the revised recap');
});

test('the recipient card offers Acknowledge and Suggest a change with a labelled comment, and refreshes for both', () => {
  const card = recapAnswerCard(view(), { cardVersion: 1 });
  const check = checkCard(card);
  expect(check.problems).toEqual([]);
  expect(check.unlabelledInputs).toEqual([]);
  expect(check.inputIds).toEqual(['comment']);
  expect(check.text).toContain('Ava Chen sent you a recap');
  expect(check.text).toContain('Ava: Book a session with Priya (by Tue 1 Dec)');
  expect(check.text).toContain('You: Introduce Ava to the pricing team (by Fri 27 Nov)');
  expect(check.executes.map((e) => [e.verb, e.data])).toEqual([
    ['acknowledgeRecap', { recapId: 'ava~r0002', version: 1 }],
    ['requestRecapChange', { recapId: 'ava~r0002', version: 1 }],
  ]);
  expect(card.refresh).toEqual({
    action: { type: 'Action.Execute', verb: 'refreshRecap', data: { recapId: 'ava~r0002', version: 1 } },
    userIds: ['29:ava', '29:max'],
  });
});

test('an acknowledged recap shows who acknowledged and when, to both people, without buttons', () => {
  const acknowledged = recapFixture({
    state: 'acknowledged',
    acknowledgedAt: '2026-11-24T15:05:00.000Z',
    acknowledgedBy: 'max',
  });
  const recipient = checkCard(recapAnswerCard(view({ recap: acknowledged }), { cardVersion: 1 }));
  expect(recipient.problems).toEqual([]);
  expect(recipient.text).toContain('You acknowledged this recap.');
  expect(recipient.text).toContain('Tuesday 24 November, 15:05');
  expect(recipient.executes).toEqual([]);
  const author = checkCard(recapStatusCard(view({ recap: acknowledged })));
  expect(author.problems).toEqual([]);
  expect(author.text).toContain('Max acknowledged this recap.');
  expect(author.text).toContain('Tuesday 24 November, 15:05');
  expect(author.executes).toEqual([]);
});

test('a card for an older version says it was replaced and offers no answer', () => {
  const check = checkCard(recapAnswerCard(view({ recap: recapFixture({ version: 2 }) }), { cardVersion: 1 }));
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('Replaced by version 2.');
  expect(check.text).not.toContain('Book a session with Priya');
  expect(check.executes).toEqual([]);
});

test('a reminder card says who is waiting and keeps both buttons', () => {
  const check = checkCard(recapAnswerCard(view(), { cardVersion: 1, reminder: true }));
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('Reminder: Ava Chen is waiting for your answer');
  expect(check.executes.map((e) => e.verb)).toEqual(['acknowledgeRecap', 'requestRecapChange']);
});

test('the author card after a change request quotes the comment and offers to revise', () => {
  const changed = recapFixture({
    state: 'changeRequested',
    changeRequest: {
      comment: 'The intro is mine, by Friday',
      byId: 'max',
      at: '2026-11-24T12:00:00.000Z',
      version: 1,
    },
  });
  const check = checkCard(recapStatusCard(view({ recap: changed })));
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('Max asked for a change.');
  expect(check.text).toContain('The intro is mine, by Friday');
  expect(check.executes.map((e) => [e.verb, e.data])).toEqual([['openRecap', { oneOnOneId: 'ava:evt-1' }]]);
});

test('the author card while waiting says who must confirm', () => {
  const check = checkCard(recapStatusCard(view()));
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('Waiting for Max to confirm.');
  expect(check.text).toContain('Sent Tuesday 24 November, 11:00.');
});
