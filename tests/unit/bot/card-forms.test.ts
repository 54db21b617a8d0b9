import { readAgendaForm } from '../../../src/bot/verbs/agenda-form';
import { readRecapForm } from '../../../src/bot/verbs/recap-form';
import { MalformedAction } from '../../../src/bot/verbs/verb-data';
import { BackgroundQueue } from '../../../src/bot/events/background-queue';
import { createLogger } from '../../../src/server/logger';

test('the agenda form turns rows and toggles into an agenda, keeping carried actions that are done now', () => {
  const form = readAgendaForm({
    oneOnOneId: 'ava:evt-1',
    baseRevision: 2,
    actionIds: ['ava~r1.a1', 'ava~r1.a2'],
    keptActionIds: ['ava~r0.a9'],
    askRows: 2,
    learningFocus: 'Pricing',
    knowledgeHolders: 'Priya\n\n  Any staff engineer  ',
    ask0Wanted: 'Lead a pricing test',
    ask0Support: '',
    carry0: 'false',
    carry1: 'true',
    privateNotes: 'just for me',
  });
  expect(form.baseRevision).toBe(2);
  expect(form.input).toEqual({
    learningFocus: 'Pricing',
    knowledgeHolders: [
      { label: 'Priya', personId: null },
      { label: 'Any staff engineer', personId: null },
    ],
    asks: [
      { wanted: 'Lead a pricing test', support: '' },
      { wanted: '', support: '' },
    ],
    carriedActionIds: ['ava~r1.a2', 'ava~r0.a9'],
    privateNotes: 'just for me',
  });
});

test('a first agenda save carries a null base revision; a forged revision is malformed', () => {
  expect(readAgendaForm({ oneOnOneId: 'ava:evt-1', baseRevision: null }).baseRevision).toBeNull();
  expect(() => readAgendaForm({ oneOnOneId: 'ava:evt-1', baseRevision: -1 })).toThrow(MalformedAction);
  expect(() =>
    readAgendaForm({ oneOnOneId: 'ava:evt-1', baseRevision: 1, carry0: 'maybe', actionIds: ['x'] }),
  ).toThrow(MalformedAction);
});

test('the recap form reads topics one per line and drops empty action rows', () => {
  const form = readRecapForm({
    oneOnOneId: 'ava:evt-1',
    rows: 3,
    actionIds: ['a1', '', ''],
    topics: 'Pricing\n\nMentoring ',
    action0Text: 'Book Priya',
    action0Owner: 'author',
    action0Due: '2026-12-01',
    action1Text: '',
    action2Text: 'Intro',
    action2Owner: 'recipient',
    action2Due: '2026-11-27',
  });
  expect(form.content).toEqual({
    topics: ['Pricing', 'Mentoring'],
    actions: [
      { id: 'a1', text: 'Book Priya', owner: 'author', dueOn: '2026-12-01' },
      { id: '', text: 'Intro', owner: 'recipient', dueOn: '2026-11-27' },
    ],
  });
});

test('a recap row with a forged owner is malformed', () => {
  expect(() => readRecapForm({ oneOnOneId: 'x', rows: 1, action0Text: 'a', action0Owner: 'ceo' })).toThrow(
    MalformedAction,
  );
});

test('background jobs with one key run in order; idle waits for all, including ones queued meanwhile', async () => {
  const queue = new BackgroundQueue(createLogger({ level: 'silent' }));
  const order: string[] = [];
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  queue.run(
    'recap:1',
    async () => {
      await pause(20);
      order.push('sent');
      queue.run('recap:1', () => Promise.resolve(void order.push('follow-up')), 'follow-up');
    },
    'sent',
  );
  queue.run('recap:1', () => Promise.resolve(void order.push('acknowledged')), 'acknowledged');
  queue.run('recap:1', () => Promise.reject(new Error('boom')), 'failing');
  queue.run('recap:1', () => Promise.resolve(void order.push('after failure')), 'after');
  await queue.idle();
  expect(order).toEqual(['sent', 'acknowledged', 'after failure', 'follow-up']);
});
