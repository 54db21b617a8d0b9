/** @jest-environment jsdom */
import { actionReminderCard } from '../../../src/cards/action-reminder/action-reminder-card';
import { cadenceNudgeCard } from '../../../src/cards/cadence-nudge/cadence-nudge-card';
import { helpCard } from '../../../src/cards/help/help-card';
import { myActionsCard } from '../../../src/cards/my-actions/my-actions-card';
import { nextUpCard } from '../../../src/cards/next-up/next-up-card';
import { noticeCard } from '../../../src/cards/notice/notice-card';
import { settingsCard } from '../../../src/cards/settings/settings-card';
import { welcomeCard } from '../../../src/cards/welcome/welcome-card';
import { DEFAULT_PROMPT_SETTINGS } from '../../../src/core/settings';
import { checkCard } from '../../support/bot-card-check';
import { actionFixture, oneOnOneFixture } from '../../support/bot-fixtures';

const names = new Map([
  ['ava', 'Ava Chen'],
  ['max', 'Max Moreau'],
]);

test('the help card lists every command', () => {
  const check = checkCard(helpCard({ didNotUnderstand: true }));
  expect(check.problems).toEqual([]);
  expect(check.text).toContain("Sorry, I didn't understand that.");
  for (const command of ['next', 'recap', 'actions', 'settings', 'help'])
    expect(check.text).toContain(command);
});

test('the welcome card for someone the directory does not know yet says prompts start with the calendar', () => {
  const check = checkCard(welcomeCard({ displayName: '', known: false }));
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('Hi there');
  expect(check.text).toContain('Your calendar is not connected yet.');
});

test('the next-up card shows the next 1:1, its agenda state and a button to open it', () => {
  const later = oneOnOneFixture('peer', {
    id: 'ava:evt-2',
    startsAt: '2026-11-26T14:00:00.000Z',
    counterpart: { address: 'pia@contoso.example', name: 'Pia Novak', personId: 'pia' },
  });
  const check = checkCard(
    nextUpCard({
      upcoming: [
        { oneOnOne: oneOnOneFixture(), agendaState: 'written' },
        { oneOnOne: later, agendaState: 'none' },
      ],
      timeZone: 'Europe/London',
    }),
  );
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('Your next 1:1: Max Moreau');
  expect(check.text).toContain('Written, not shared with Max yet');
  expect(check.text).toContain('Thursday 26 November, 14:00: Pia Novak');
  expect(check.executes.map((e) => [e.verb, e.data])).toEqual([['openAgenda', { oneOnOneId: 'ava:evt-1' }]]);
});

test('the next-up card with nothing planned suggests a curiosity conversation', () => {
  const check = checkCard(nextUpCard({ upcoming: [], timeZone: 'Europe/London' }));
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('No 1:1s on your calendar in the next three weeks.');
  expect(check.executes).toEqual([]);
});

test('my actions lists open ones overdue first with Mark done, and what others owe me', () => {
  const check = checkCard(
    myActionsCard({
      mine: [
        { ...actionFixture({ id: 'late', text: 'Overdue thing', dueOn: '2026-11-20' }), overdue: true },
        { ...actionFixture({ id: 'soon', text: 'Upcoming thing', dueOn: '2026-12-02' }), overdue: false },
        { ...actionFixture({ id: 'done', text: 'Finished thing', status: 'done' }), overdue: false },
      ],
      others: [
        { ...actionFixture({ id: 'theirs', ownerId: 'max', text: 'Intro to pricing' }), overdue: false },
      ],
      names,
      viewerId: 'ava',
    }),
  );
  expect(check.problems).toEqual([]);
  expect(check.text.indexOf('Overdue thing')).toBeLessThan(check.text.indexOf('Upcoming thing'));
  expect(check.text).toContain('Overdue: was due Fri 20 Nov · agreed with Max');
  expect(check.text).not.toContain('Finished thing');
  expect(check.text).toContain('Max: Intro to pricing');
  expect(check.executes.map((e) => e.data.actionId)).toEqual(['late', 'soon']);
});

test('an action reminder offers Mark done until it is done', () => {
  const open = checkCard(
    actionReminderCard({ action: actionFixture(), overdue: true, withName: 'Max Moreau' }),
  );
  expect(open.problems).toEqual([]);
  expect(open.text).toContain('This action is overdue');
  expect(open.executes.map((e) => e.verb)).toEqual(['markActionDone', 'openActions']);
  const done = checkCard(
    actionReminderCard({ action: actionFixture({ status: 'done' }), overdue: false, withName: 'Max Moreau' }),
  );
  expect(done.text).toContain('Done: nice work');
  expect(done.executes.map((e) => e.verb)).toEqual(['openActions']);
});

test('the cadence nudge suggests a curiosity conversation about what the person wants to learn', () => {
  const check = checkCard(
    cadenceNudgeCard({
      displayName: 'Ava Chen',
      nudgeAfterWeeks: 4,
      daysSinceLast: 35,
      learningFocus: 'pricing experiments',
      knowledgeHolders: ['Priya in Data Platform'],
    }),
  );
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('5 weeks ago');
  expect(check.text).toContain('You said you want to learn: pricing experiments.');
  expect(check.text).toContain('Priya in Data Platform');
});

test('the settings card has a labelled input for each setting and shows refusals', () => {
  const check = checkCard(
    settingsCard({ settings: DEFAULT_PROMPT_SETTINGS, problems: ['Lead time must be a whole number'] }),
  );
  expect(check.problems).toEqual([]);
  expect(check.unlabelledInputs).toEqual([]);
  expect(check.inputIds).toEqual([
    'leadTimeHours',
    'respectWorkingHours',
    'nudgeAfterWeeks',
    'promptsPaused',
  ]);
  expect(check.text).toContain('Nothing was changed. Please fix:');
  expect(check.executes.map((e) => e.verb)).toEqual(['saveSettings']);
});

test('a notice card carries its message', () => {
  const check = checkCard(noticeCard({ title: 'That recap is not one of yours.', tone: 'attention' }));
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('That recap is not one of yours.');
});
