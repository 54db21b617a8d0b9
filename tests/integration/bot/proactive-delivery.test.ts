import { cardOf } from '../../support/bot-connector';
import { BotWorld } from '../../support/bot-world';

describe('proactive delivery through the CloudAdapter to a connector that misbehaves', () => {
  const world = new BotWorld();
  beforeAll(async () => {
    await world.start();
    await world.install(world.ava);
    await world.install(world.max);
  });
  beforeEach(() => {
    world.connector.reset();
  });
  afterAll(() => world.stop());

  const nudge = (key: string) => ({ kind: 'cadenceNudge' as const, key, personId: world.ava.id });

  test('throttling (429 with Retry-After) and gateway errors are retried until the card goes through', async () => {
    world.connector.failNext({ status: 429, retryAfter: '0' }, { status: 502 }, { status: 504 });
    expect(await world.bot.notifier.deliver(nudge('n1'))).toBe('delivered');
    // Exactly our attempts reach the connector: the client's own retry policy is out of the way.
    expect(world.connector.attempts).toEqual(['POST 429', 'POST 502', 'POST 504', 'POST 200']);
    expect(
      world.connector.find(world.conversationOf(world.ava), 'time for a career conversation'),
    ).toHaveLength(1);
  });

  test('412 is retried too', async () => {
    world.connector.failNext({ status: 412 });
    expect(await world.bot.notifier.deliver(nudge('n2'))).toBe('delivered');
    expect(world.connector.attempts).toEqual(['POST 412', 'POST 200']);
  });

  test('a send that keeps failing stops after the last attempt and reports failed (the scheduler retries later)', async () => {
    world.connector.failNext({ status: 502 }, { status: 502 }, { status: 502 }, { status: 502 });
    expect(await world.bot.notifier.deliver(nudge('n3'))).toBe('failed');
    expect(world.connector.attempts).toHaveLength(4);
  });

  test('an error that retrying cannot fix (400) is not retried', async () => {
    world.connector.failNext({ status: 400, code: 'BadArgument' });
    expect(await world.bot.notifier.deliver(nudge('n4'))).toBe('failed');
    expect(world.connector.attempts).toEqual(['POST 400']);
    expect((await world.store.getConversation(world.ava.id))?.uninstalledAt).toBeNull();
  });

  test('a person who blocked the bot (403) is marked uninstalled and reported unreachable, without retries', async () => {
    world.connector.failNext({
      status: 403,
      code: 'ConversationBlockedByUser',
      message: 'User blocked the conversation with the bot.',
    });
    expect(
      await world.bot.notifier.deliver({ kind: 'cadenceNudge', key: 'n5', personId: world.max.id }),
    ).toBe('unreachable');
    expect(world.connector.attempts).toEqual(['POST 403']);
    expect((await world.store.getConversation(world.max.id))?.uninstalledAt).toBe(
      world.clock.now().toISOString(),
    );
    // Nothing more is sent to them until they add the app again.
    expect(
      await world.bot.notifier.deliver({ kind: 'cadenceNudge', key: 'n6', personId: world.max.id }),
    ).toBe('unreachable');
    expect(world.connector.attempts).toEqual(['POST 403']);
  });

  test('a conversation that no longer exists (404 ConversationNotFound) is unreachable', async () => {
    await world.install(world.oz);
    world.connector.reset();
    world.connector.failNext({ status: 404, code: 'ConversationNotFound' });
    expect(await world.bot.notifier.deliver({ kind: 'cadenceNudge', key: 'n7', personId: world.oz.id })).toBe(
      'unreachable',
    );
    expect((await world.store.getConversation(world.oz.id))?.uninstalledAt).not.toBeNull();
  });

  test('an acknowledgement reminder goes to the manager once, with the same buttons', async () => {
    await world.install(world.max);
    await world.addOneOnOne(world.ava, world.max, 'manager', '2026-11-24T08:00:00.000Z');
    await world.schedule();
    const [prompt] = world.connector.find(world.conversationOf(world.ava), 'Recap your 1:1');
    await world.press(world.ava, cardOf(prompt), 'sendRecap', { topics: 'Pricing' }, prompt!.newId!);
    await world.bot.idle();
    world.connector.reset();
    world.clock.set('2026-11-26T11:00:00.000Z');
    const run = await world.schedule();
    expect(run.delivered).toBeGreaterThanOrEqual(1);
    const reminders = world.connector.find(
      world.conversationOf(world.max),
      'Reminder: Ava Chen is waiting for your answer',
    );
    expect(reminders).toHaveLength(1);
    expect(JSON.stringify(cardOf(reminders[0]))).toContain('acknowledgeRecap');
    await world.schedule();
    expect(world.connector.find(world.conversationOf(world.max), 'Reminder: Ava Chen')).toHaveLength(1);
  });

  test('an action reminder goes to its owner with Mark done', async () => {
    world.clock.set('2026-11-30T10:00:00.000Z');
    await world.store.saveActions([
      {
        id: 'ava-0001~r7.a1',
        recapId: 'ava-0001~r7',
        oneOnOneId: 'ava-0001:x',
        employeeId: world.ava.id,
        counterpartId: world.max.id,
        ownerId: world.ava.id,
        text: 'Book a session with Priya',
        dueOn: '2026-11-30',
        status: 'open',
        createdAt: '2026-11-20T10:00:00.000Z',
        completedAt: null,
      },
    ]);
    expect(
      await world.bot.notifier.deliver({
        kind: 'actionReminder',
        key: 'a1',
        personId: world.ava.id,
        actionId: 'ava-0001~r7.a1',
      }),
    ).toBe('delivered');
    const [reminder] = world.connector.find(world.conversationOf(world.ava), 'This action is due today');
    expect(JSON.stringify(cardOf(reminder))).toContain('markActionDone');
  });
});
