import { cardOf } from '../../support/bot-connector';
import { BotWorld, invokeCard } from '../../support/bot-world';

const PRIVATE_MARKER = 'PRIVATE-MARKER-7f3a9c';

describe('the whole loop over HTTP through the real CloudAdapter', () => {
  const world = new BotWorld();
  beforeAll(() => world.start());
  afterAll(() => world.stop());

  test('install, agenda prompt, save and share, recap prompt, send, acknowledge, both cards updated', async () => {
    const { ava, max, connector } = world;
    const avaChat = world.conversationOf(ava);
    const maxChat = world.conversationOf(max);
    const oneOnOne = await world.addOneOnOne(ava, max, 'manager', '2026-11-25T10:00:00.000Z');

    // Install: both activities arrive, one welcome each, and the conversation is remembered.
    await world.install(ava);
    await world.install(max);
    expect(connector.find(avaChat, 'welcome to Career Conversations')).toHaveLength(1);
    expect(connector.find(maxChat, 'welcome to Career Conversations')).toHaveLength(1);
    expect(await world.store.getConversation(ava.id)).toMatchObject({ uninstalledAt: null });
    // The demo profile signs nothing: plain http to a loopback connector works.
    expect(connector.calls.every((c) => c.authorization === undefined)).toBe(true);

    // The scheduler (manual clock: 24 hours before the 1:1) sends the agenda prompt through the notifier.
    const firstRun = await world.schedule();
    expect(firstRun).toMatchObject({ due: 1, delivered: 1, failed: 0 });
    const [prompt] = connector.find(avaChat, 'Get ready for your 1:1 with Max Moreau');
    expect(prompt).toBeDefined();

    // Save with the revision the card shows, then share.
    const saved = await world.press(
      ava,
      cardOf(prompt),
      'saveAgenda',
      {
        learningFocus: 'How pricing experiments are designed',
        knowledgeHolders: 'Priya in Data Platform',
        ask0Wanted: 'Lead the next pricing test',
        ask0Support: 'An intro to the pricing team',
        privateNotes: `Nervous about asking ${PRIVATE_MARKER}`,
      },
      prompt!.newId!,
    );
    expect(saved.status).toBe(200);
    const savedCard = invokeCard(saved);
    expect(JSON.stringify(savedCard)).toContain('Saved version 1.');
    expect(JSON.stringify(savedCard)).toContain(PRIVATE_MARKER);

    const shared = await world.press(
      ava,
      savedCard,
      'shareAgenda',
      {
        learningFocus: 'How pricing experiments are designed',
        knowledgeHolders: 'Priya in Data Platform',
        ask0Wanted: 'Lead the next pricing test',
        ask0Support: 'An intro to the pricing team',
        privateNotes: `Nervous about asking ${PRIVATE_MARKER}`,
      },
      prompt!.newId!,
    );
    expect(shared.status).toBe(200);
    expect(JSON.stringify(invokeCard(shared))).toContain('Shared with Max.');
    await world.bot.idle();
    const [managerAgenda] = connector.find(maxChat, 'Ava Chen shared an agenda for your 1:1');
    expect(JSON.stringify(managerAgenda?.activity)).toContain('How pricing experiments are designed');

    // The meeting ends: the recap prompt comes prefilled from the agenda.
    world.clock.set('2026-11-25T11:00:00.000Z');
    expect(await world.schedule()).toMatchObject({ delivered: 1 });
    const [recapPrompt] = connector.find(avaChat, 'Recap your 1:1 with Max Moreau');
    expect(JSON.stringify(cardOf(recapPrompt))).toContain('Learning: How pricing experiments are designed');

    const sent = await world.press(
      ava,
      cardOf(recapPrompt),
      'sendRecap',
      {
        topics: 'Learning: pricing experiments\nAsk: lead the next pricing test',
        action0Text: 'Book a session with Priya',
        action0Owner: 'author',
        action0Due: '2026-12-01',
        action1Text: 'Introduce Ava to the pricing team',
        action1Owner: 'recipient',
        action1Due: '2026-11-27',
      },
      recapPrompt!.newId!,
    );
    expect(sent.status).toBe(200);
    expect(JSON.stringify(invokeCard(sent))).toContain('Waiting for Max to confirm.');
    await world.bot.idle();
    const [recapForMax] = connector.find(maxChat, 'Ava Chen sent you a recap');
    expect(recapForMax).toBeDefined();

    // The manager acknowledges from his card.
    connector.reset();
    const acknowledged = await world.press(
      max,
      cardOf(recapForMax),
      'acknowledgeRecap',
      {},
      recapForMax!.newId!,
    );
    expect(acknowledged.status).toBe(200);
    expect(JSON.stringify(invokeCard(acknowledged))).toContain('You acknowledged this recap.');
    await world.bot.idle();

    // Both cards were updated in place (PUT on the stored activities) to show who acknowledged and when.
    const avaUpdate = connector.updates(avaChat).find((u) => u.targetId === recapPrompt!.newId);
    const maxUpdate = connector.updates(maxChat).find((u) => u.targetId === recapForMax!.newId);
    expect(JSON.stringify(cardOf(avaUpdate))).toContain('Max acknowledged this recap.');
    expect(JSON.stringify(cardOf(avaUpdate))).toContain('On Wednesday 25 November, 11:00.');
    expect(JSON.stringify(cardOf(maxUpdate))).toContain('You acknowledged this recap.');
    expect(connector.find(avaChat, 'Max Moreau acknowledged your recap')).toHaveLength(1);

    // Universal Actions refresh lists both people so either sees the current card whenever they open it.
    expect(cardOf(maxUpdate)?.refresh).toMatchObject({ userIds: [`29:${ava.id}`, `29:${max.id}`] });

    const recap = await world.store.findRecapForOneOnOne(ava.id, oneOnOne.id);
    expect(recap).toMatchObject({ state: 'acknowledged', acknowledgedBy: max.id });
  });

  test('private notes never appear in anything sent to anyone but their author, nor in the logs', () => {
    const avaChat = world.conversationOf(world.ava);
    const elsewhere = world.connector.history.filter((c) => c.conversationId !== avaChat);
    expect(elsewhere.some((c) => JSON.stringify(c.activity).includes('shared an agenda'))).toBe(true);
    for (const call of elsewhere) expect(JSON.stringify(call.activity)).not.toContain(PRIVATE_MARKER);
    expect(world.logs.join('\n')).toContain('bot.card_action');
    expect(world.logs.join('\n')).not.toContain(PRIVATE_MARKER);
    expect(world.logs.join('\n')).not.toContain('pricing');
  });
});
