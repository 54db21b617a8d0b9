/** @jest-environment jsdom */
import { agendaCard } from '../../../src/cards/agenda/agenda-card';
import { sharedAgendaCard } from '../../../src/cards/shared-agenda/shared-agenda-card';
import { checkCard } from '../../support/bot-card-check';
import { actionFixture, agendaFixture, oneOnOneFixture } from '../../support/bot-fixtures';

const draft = {
  learningFocus: 'How pricing experiments are designed',
  knowledgeHolders: ['Priya in Data Platform', 'any staff engineer'],
  asks: [{ wanted: 'Lead the next pricing test', support: 'An intro to the pricing team' }],
  carriedActionIds: ['ava~r0001.a1'],
  privateNotes: 'Nervous about asking',
};

/** Ava's agenda for her 1:1 with her manager, saved as version 3, with one open action to carry. */
const managerAgenda = () => ({
  oneOnOne: oneOnOneFixture(),
  timeZone: 'Europe/London',
  draft,
  baseRevision: 3,
  openActions: [actionFixture()],
  sharedAt: null,
});

test('the agenda prompt validates, labels every input and offers Save and Share with my manager', () => {
  const check = checkCard(agendaCard(managerAgenda()));
  expect(check.problems).toEqual([]);
  expect(check.unlabelledInputs).toEqual([]);
  expect(check.inputIds).toEqual([
    'learningFocus',
    'knowledgeHolders',
    'ask0Wanted',
    'ask0Support',
    'ask1Wanted',
    'ask1Support',
    'carry0',
    'privateNotes',
  ]);
  expect(check.text).toContain('Get ready for your 1:1 with Max Moreau');
  expect(check.text).toContain('Tuesday 24 November, 10:00');
  expect(check.text).toContain('only you see these');
  expect(check.text).toContain('Draft the pricing experiment brief (due Fri 20 Nov)');
  expect(check.executes.map((e) => [e.verb, e.data.baseRevision, e.hasSubmitFallback])).toEqual([
    ['saveAgenda', 3, true],
    ['shareAgenda', 3, true],
  ]);
  expect(check.executes[0]!.data.actionIds).toEqual(['ava~r0001.a1']);
});

test('the agenda card refreshes for its author alone, and validates with the refresh', () => {
  const input = managerAgenda();
  const card = agendaCard({ ...input, refreshUserIds: ['29:ava'] });
  expect(checkCard(card).problems).toEqual([]);
  expect(card.refresh).toEqual({
    action: { type: 'Action.Execute', verb: 'refreshAgenda', data: { oneOnOneId: input.oneOnOne.id } },
    userIds: ['29:ava'],
  });
  // Nobody to refresh for (the author cannot be reached in chat): no refresh at all.
  expect(agendaCard(input).refresh).toBeUndefined();
});

test('the light agenda for a curiosity conversation has one ask row and shares with the colleague by name', () => {
  const peer = oneOnOneFixture('peer', {
    counterpart: { address: 'pia@contoso.example', name: 'Pia Novak', personId: 'pia' },
  });
  const check = checkCard(
    agendaCard({
      oneOnOne: peer,
      timeZone: 'Europe/London',
      draft: { ...draft, asks: [] },
      baseRevision: null,
      openActions: [],
      sharedAt: null,
    }),
  );
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('curiosity conversation with Pia Novak');
  expect(check.inputIds.filter((id) => id.startsWith('ask'))).toEqual(['ask0Wanted', 'ask0Support']);
  expect(check.executes.map((e) => e.verb)).toEqual(['saveAgenda', 'shareAgenda']);
  expect(check.text).toContain('Share with Pia');
  expect(check.text).toContain('Not saved yet.');
});

test('after the 1:1 moved to someone else, the card names whom it was shared with and offers the share again', () => {
  const check = checkCard(
    agendaCard({
      oneOnOne: oneOnOneFixture('peer', {
        counterpart: { address: 'pia@contoso.example', name: 'Pia Novak', personId: 'pia' },
      }),
      timeZone: 'Europe/London',
      draft,
      baseRevision: 2,
      openActions: [],
      sharedAt: null,
      sharedEarlierWith: 'Max Moreau',
    }),
  );
  expect(check.problems).toEqual([]);
  expect(check.text).toContain(
    'You shared this agenda with Max Moreau, but this 1:1 is now with Pia. Max can no longer open it, but their card in chat still shows it until you share it again or save a change.',
  );
  expect(check.text).toContain('Share with Pia');
  expect(check.executes.map((e) => e.verb)).toEqual(['saveAgenda', 'shareAgenda']);
});

test('an agenda card with refused input shows every problem and no Share button once shared', () => {
  const check = checkCard(
    agendaCard({
      oneOnOne: oneOnOneFixture(),
      timeZone: 'Europe/London',
      draft,
      baseRevision: 1,
      openActions: [],
      sharedAt: '2026-11-23T09:00:00.000Z',
      problems: ['Keep to 5 asks so each gets time.'],
      notice: { text: 'This agenda changed elsewhere.', tone: 'warning' },
    }),
  );
  expect(check.problems).toEqual([]);
  expect(check.text).toContain('Nothing was saved. Please fix:');
  expect(check.text).toContain('Keep to 5 asks so each gets time.');
  expect(check.text).toContain('This agenda changed elsewhere.');
  expect(check.text).toContain('Shared with Max on Monday 23 November, 09:00');
  expect(check.executes.map((e) => e.verb)).toEqual(['saveAgenda']);
});

test('the shared agenda card shows learning, people, asks and carried actions', () => {
  const check = checkCard(
    sharedAgendaCard({
      agenda: agendaFixture(),
      oneOnOne: oneOnOneFixture(),
      authorName: 'Ava Chen',
      timeZone: 'America/New_York',
      carriedActions: [actionFixture(), actionFixture({ id: 'other', text: 'Not carried' })],
    }),
  );
  expect(check.problems).toEqual([]);
  expect(check.inputIds).toEqual([]);
  expect(check.text).toContain('Ava Chen shared an agenda for your 1:1');
  expect(check.text).toContain('Tuesday 24 November, 05:00');
  expect(check.text).toContain('How pricing experiments are designed');
  expect(check.text).toContain('Priya in Data Platform');
  expect(check.text).toContain('Lead the next pricing test. Support: An intro to the pricing team');
  expect(check.text).toContain('Draft the pricing experiment brief');
  expect(check.text).not.toContain('Not carried');
});

test('the shared agenda card refreshes for its reader alone, and validates with the refresh', () => {
  const input = {
    agenda: agendaFixture(),
    oneOnOne: oneOnOneFixture(),
    authorName: 'Ava Chen',
    timeZone: 'Europe/London',
    carriedActions: [],
  };
  const card = sharedAgendaCard({ ...input, refreshUserIds: ['29:max'] });
  expect(checkCard(card).problems).toEqual([]);
  expect(card.refresh).toEqual({
    action: {
      type: 'Action.Execute',
      verb: 'refreshSharedAgenda',
      data: { ownerId: input.agenda.authorId, oneOnOneId: input.agenda.oneOnOneId },
    },
    userIds: ['29:max'],
  });
  expect(sharedAgendaCard(input).refresh).toBeUndefined();
});
