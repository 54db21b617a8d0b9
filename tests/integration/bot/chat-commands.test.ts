import { cardOf } from '../../support/bot-connector';
import { BotWorld, invokeCard, person } from '../../support/bot-world';

describe('chat commands and installation', () => {
  const world = new BotWorld();
  beforeAll(async () => {
    await world.start();
    await world.install(world.ava);
    await world.addOneOnOne(world.ava, world.max, 'manager', '2026-11-25T10:00:00.000Z');
  });
  afterAll(() => world.stop());

  const avaChat = (): string => world.conversationOf(world.ava);
  const lastCard = (): Record<string, unknown> | null => cardOf(world.connector.posts(avaChat()).at(-1));

  test('help lists the commands', async () => {
    await world.say(world.ava, 'help');
    expect(JSON.stringify(lastCard())).toContain('Here is what you can ask me');
  });

  test('text I do not understand gets the list of commands, never silence', async () => {
    const before = world.connector.posts(avaChat()).length;
    await world.say(world.ava, 'what is the meaning of life?');
    expect(world.connector.posts(avaChat())).toHaveLength(before + 1);
    expect(JSON.stringify(lastCard())).toContain("Sorry, I didn't understand that.");
  });

  test('the bot @mention is stripped before reading the command', async () => {
    await world.say(world.ava, '<at>Career Conversations</at> next', {
      entities: [
        {
          type: 'mention',
          text: '<at>Career Conversations</at>',
          mentioned: { id: '28:career-bot', name: 'Career Conversations' },
        },
      ],
    });
    expect(JSON.stringify(lastCard())).toContain('Your next 1:1: Max Moreau');
  });

  test('next shows the agenda state and its button opens the agenda card', async () => {
    await world.say(world.ava, 'Next');
    const card = lastCard();
    expect(JSON.stringify(card)).toContain('Not started yet');
    const opened = await world.press(world.ava, card, 'openAgenda');
    expect(opened.status).toBe(200);
    expect(JSON.stringify(invokeCard(opened))).toContain('Get ready for your 1:1 with Max Moreau');
  });

  test('actions lists my open actions overdue first, and Mark done completes one', async () => {
    const base = {
      recapId: 'ava-0001~r9',
      oneOnOneId: 'ava-0001:old',
      employeeId: world.ava.id,
      counterpartId: world.max.id,
      ownerId: world.ava.id,
      status: 'open' as const,
      createdAt: '2026-11-01T10:00:00.000Z',
      completedAt: null,
    };
    await world.store.saveActions([
      { ...base, id: 'ava-0001~r9.a1', text: 'Due next week', dueOn: '2026-12-01' },
      { ...base, id: 'ava-0001~r9.a2', text: 'Already late', dueOn: '2026-11-20' },
    ]);
    await world.say(world.ava, 'actions');
    const card = lastCard();
    const text = JSON.stringify(card);
    expect(text.indexOf('Already late')).toBeLessThan(text.indexOf('Due next week'));
    const done = await world.invoke(world.ava, {
      type: 'Action.Execute',
      verb: 'markActionDone',
      data: { actionId: 'ava-0001~r9.a2', view: 'list' },
    });
    expect(done.status).toBe(200);
    expect(JSON.stringify(invokeCard(done))).toContain('Marked done: Already late');
    expect(await world.store.getAction('ava-0001~r9.a2')).toMatchObject({ status: 'done' });
  });

  test('someone else cannot mark my action done', async () => {
    const answer = await world.invoke(world.oz, {
      type: 'Action.Execute',
      verb: 'markActionDone',
      data: { actionId: 'ava-0001~r9.a1', view: 'list' },
    });
    expect(answer.status).toBe(404);
    expect(await world.store.getAction('ava-0001~r9.a1')).toMatchObject({ status: 'open' });
  });

  test('settings: an out-of-range value is explained on the card and nothing changes; a valid one is saved', async () => {
    await world.say(world.ava, 'settings');
    const card = lastCard();
    const refused = await world.press(world.ava, card, 'saveSettings', {
      leadTimeHours: '0',
      nudgeAfterWeeks: '4',
      respectWorkingHours: 'true',
      promptsPaused: 'false',
    });
    expect(refused.status).toBe(200);
    expect(JSON.stringify(invokeCard(refused))).toContain(
      'Lead time must be a whole number of hours from 1 to 168.',
    );
    expect(await world.store.getSettings(world.ava.id)).toMatchObject({ leadTimeHours: 24 });
    const saved = await world.press(world.ava, card, 'saveSettings', {
      leadTimeHours: '48',
      nudgeAfterWeeks: '6',
      respectWorkingHours: 'false',
      promptsPaused: 'true',
    });
    expect(JSON.stringify(invokeCard(saved))).toContain('Saved.');
    expect(await world.store.getSettings(world.ava.id)).toEqual({
      leadTimeHours: 48,
      nudgeAfterWeeks: 6,
      respectWorkingHours: false,
      promptsPaused: true,
    });
  });

  test('a card submitted without Universal Actions (Action.Submit fallback) updates that card in place', async () => {
    world.connector.reset();
    const answer = await world.say(world.ava, '', {
      value: { verb: 'openNextUp' },
      replyToId: 'activity-earlier',
    });
    expect(answer.status).toBe(200);
    const [update] = world.connector.updates(avaChat());
    expect(update?.targetId).toBe('activity-earlier');
    expect(JSON.stringify(cardOf(update))).toContain('Your next 1:1: Max Moreau');
  });

  test('a message from a sender without a work account identity changes nothing and says why', async () => {
    const anonymous = world.activityFrom(world.ava, { type: 'message', text: 'settings' });
    anonymous.from = { id: '29:anonymous', name: 'Guest' };
    world.connector.reset();
    expect((await world.post(anonymous)).status).toBe(200);
    expect(JSON.stringify(world.connector.posts()[0]?.activity)).toContain('could not tell who you are');
  });

  test('removing the app marks the person uninstalled; adding it again welcomes them again, once', async () => {
    world.connector.reset();
    await world.post(world.activityFrom(world.ava, { type: 'installationUpdate', action: 'remove' }));
    expect((await world.store.getConversation(world.ava.id))?.uninstalledAt).not.toBeNull();
    expect((await world.schedule()).people).toBe(0);
    await world.install(world.ava);
    await world.install(world.ava);
    expect(world.connector.find(avaChat(), 'welcome to Career Conversations')).toHaveLength(1);
    expect(await world.store.getConversation(world.ava.id)).toMatchObject({ uninstalledAt: null });
  });

  test('someone the directory does not know yet is remembered with a minimal record and told why prompts wait', async () => {
    const newcomer = person('new-0001', 'Nia Okafor', null);
    await world.install(newcomer);
    expect(await world.store.getPerson(newcomer.id)).toMatchObject({
      displayName: 'Nia Okafor',
      email: 'new-0001@unknown.invalid',
      managerId: null,
    });
    expect(await world.store.getConversation(newcomer.id)).not.toBeNull();
    expect(
      world.connector.find(world.conversationOf(newcomer), 'Your calendar is not connected yet.'),
    ).toHaveLength(1);
  });

  test('only POST is accepted on the messages endpoint', async () => {
    const answer = await fetch(world.url);
    expect(answer.status).toBe(405);
  });
});

describe("someone else's agenda", () => {
  const world = new BotWorld();
  beforeAll(async () => {
    await world.start();
    await world.install(world.ava);
    await world.install(world.max);
  });
  afterAll(() => world.stop());

  test('cannot be opened or saved by anyone but its author, not even the manager, and its notes never show', async () => {
    const oneOnOne = await world.addOneOnOne(world.ava, world.max, 'manager', '2026-11-25T10:00:00.000Z');
    const mine = await world.invoke(world.ava, {
      type: 'Action.Execute',
      verb: 'saveAgenda',
      data: {
        oneOnOneId: oneOnOne.id,
        baseRevision: null,
        learningFocus: 'Pricing',
        privateNotes: 'SECRET-NOTE-42',
      },
    });
    expect(mine.status).toBe(200);
    for (const intruder of [world.max, world.oz]) {
      const opened = await world.invoke(intruder, {
        type: 'Action.Execute',
        verb: 'openAgenda',
        data: { oneOnOneId: oneOnOne.id },
      });
      expect(opened.status).toBe(404);
      expect(opened.text).not.toContain('SECRET-NOTE-42');
      const saved = await world.invoke(intruder, {
        type: 'Action.Execute',
        verb: 'saveAgenda',
        data: { oneOnOneId: oneOnOne.id, baseRevision: 1, learningFocus: 'Overwritten' },
      });
      expect(saved.status).toBe(404);
    }
    expect(await world.store.getAgenda(world.ava.id, oneOnOne.id)).toMatchObject({
      learningFocus: 'Pricing',
      revision: 1,
    });
  });
});

describe('outside a personal chat', () => {
  const world = new BotWorld();
  beforeAll(() => world.start());
  afterAll(() => world.stop());

  const inGroup = (fields: Record<string, unknown>): Record<string, unknown> => ({
    ...world.activityFrom(world.ava, fields),
    conversation: {
      id: '19:group-chat@thread.v2',
      conversationType: 'groupChat',
      isGroup: true,
      tenantId: 'tenant-1',
    },
  });

  test('installing the app in a group chat keeps no conversation to prompt in and sends no welcome', async () => {
    await world.post(inGroup({ type: 'installationUpdate', action: 'add' }));
    await world.post(inGroup({ type: 'conversationUpdate', membersAdded: [{ id: '28:career-bot' }] }));
    expect(await world.store.getConversation(world.ava.id)).toBeNull();
    expect(world.connector.posts()).toEqual([]);
  });

  test('commands in a group chat answer with a pointer to the personal chat, never with personal data', async () => {
    await world.post(inGroup({ type: 'message', text: 'actions' }));
    const [answer] = world.connector.posts('19:group-chat@thread.v2');
    expect(JSON.stringify(answer?.activity)).toContain('one-to-one chat');
    expect(answer?.activity.attachments).toBeUndefined();
  });

  test('card actions from a group chat are refused', async () => {
    const answer = await world.post(
      inGroup({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'openActions', data: {} } },
      }),
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ value: { code: 'not_personal' } });
  });
});
