import { cardOf } from '../../support/bot-connector';
import type { ConnectorCall } from '../../support/bot-connector';
import { BotWorld, findExecute, invokeCard } from '../../support/bot-world';

/** A 1:1 that ended an hour ago, a recap prompt, and the recap sent to Max. */
async function recapSentToMax(
  world: BotWorld,
): Promise<{ authorCard: ConnectorCall; managerCard: ConnectorCall }> {
  const { ava, max, connector } = world;
  await world.addOneOnOne(ava, max, 'manager', '2026-11-24T08:30:00.000Z');
  await world.install(ava);
  await world.install(max);
  await world.schedule();
  const [prompt] = connector.find(world.conversationOf(ava), 'Recap your 1:1 with Max Moreau');
  const sent = await world.press(
    ava,
    cardOf(prompt),
    'sendRecap',
    {
      topics: 'Pricing experiments',
      action0Text: 'Introduce Ava to pricing',
      action0Owner: 'recipient',
      action0Due: '2026-11-27',
    },
    prompt!.newId!,
  );
  expect(sent.status).toBe(200);
  await world.bot.idle();
  const [managerCard] = connector.find(world.conversationOf(max), 'Ava Chen sent you a recap');
  return { authorCard: prompt!, managerCard: managerCard! };
}

describe('suggest a change, revise, send version 2, acknowledge', () => {
  const world = new BotWorld();
  beforeAll(() => world.start());
  afterAll(() => world.stop());

  test('the comment goes back to the author, v2 supersedes v1, and v1 can no longer be acknowledged', async () => {
    const { ava, max, connector } = world;
    const avaChat = world.conversationOf(ava);
    const maxChat = world.conversationOf(max);
    const { managerCard } = await recapSentToMax(world);

    const asked = await world.press(
      max,
      cardOf(managerCard),
      'requestRecapChange',
      { comment: 'The intro is mine, by Friday the 27th' },
      managerCard.newId!,
    );
    expect(asked.status).toBe(200);
    expect(JSON.stringify(invokeCard(asked))).toContain('You asked for a change.');
    await world.bot.idle();

    // The author gets the editor again: current content plus the comment.
    const [revise] = connector.find(avaChat, 'Send the revised recap');
    const reviseText = JSON.stringify(cardOf(revise));
    expect(reviseText).toContain('The intro is mine, by Friday the 27th');
    expect(reviseText).toContain('Introduce Ava to pricing');

    const resent = await world.press(
      ava,
      cardOf(revise),
      'sendRecap',
      {
        topics: 'Pricing experiments',
        action0Text: 'Introduce Ava to the pricing team',
        action0Owner: 'recipient',
        action0Due: '2026-11-27',
      },
      revise!.newId!,
    );
    expect(resent.status).toBe(200);
    await world.bot.idle();

    // The old v1 card on Max's side now says it was replaced; v2 arrives as a new card.
    const superseded = connector.updates(maxChat).filter((u) => u.targetId === managerCard.newId);
    expect(JSON.stringify(cardOf(superseded.at(-1)))).toContain('Replaced by version 2.');
    const [v2] = connector.find(maxChat, 'version 2');
    expect(v2?.method).toBe('POST');
    expect(JSON.stringify(cardOf(v2))).toContain('Introduce Ava to the pricing team');

    // Acknowledging from the v1 card is refused with a clear stale message, and changes nothing.
    const stale = await world.press(max, cardOf(managerCard), 'acknowledgeRecap', {}, managerCard.newId!);
    expect(stale.status).toBe(200);
    const staleText = JSON.stringify(invokeCard(stale));
    expect(staleText).toContain('This card shows version 1, but the recap is now at version 2');
    expect(staleText).toContain('Replaced by version 2.');
    const [stored] = await world.store.listRecapsByAuthor(ava.id);
    expect(stored).toMatchObject({ state: 'sent', version: 2, acknowledgedAt: null });

    const acknowledged = await world.press(max, cardOf(v2), 'acknowledgeRecap', {}, v2!.newId!);
    expect(acknowledged.status).toBe(200);
    expect(JSON.stringify(invokeCard(acknowledged))).toContain('You acknowledged this recap.');
    await world.bot.idle();
    const [done] = await world.store.listRecapsByAuthor(ava.id);
    expect(done).toMatchObject({ state: 'acknowledged', version: 2, acknowledgedBy: max.id });
    expect(JSON.stringify(cardOf(connector.updates(avaChat).at(-1)))).toContain(
      'Max acknowledged this recap.',
    );
  });
});

describe('refusals change nothing and are never a 500', () => {
  const world = new BotWorld();
  let managerCard: ConnectorCall;
  beforeAll(async () => {
    await world.start();
    ({ managerCard } = await recapSentToMax(world));
  });
  afterAll(() => world.stop());

  async function unchanged(): Promise<void> {
    const [recap] = await world.store.listRecapsByAuthor(world.ava.id);
    expect(recap).toMatchObject({ state: 'sent', version: 1, acknowledgedAt: null, changeRequest: null });
  }

  test('an acknowledgement forged by a third person is refused with 403 and nothing changes', async () => {
    await world.install(world.oz);
    world.connector.reset();
    const forged = await world.press(
      world.oz,
      cardOf(managerCard),
      'acknowledgeRecap',
      {},
      managerCard.newId!,
    );
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({
      statusCode: 403,
      type: 'application/vnd.microsoft.error',
      value: {
        code: 'recap.not_recipient',
        message: 'Only the person this recap was sent to can answer it.',
      },
    });
    await world.bot.idle();
    expect(world.connector.calls).toEqual([]);
    await unchanged();
  });

  test('a store that fails mid-acknowledgement gets an error invoke response with a message (500 in the body, never a bare 500), and nothing changes', async () => {
    world.connector.reset();
    const saveRecap = jest
      .spyOn(world.store, 'saveRecap')
      .mockRejectedValueOnce(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }));
    try {
      const failed = await world.press(
        world.max,
        cardOf(managerCard),
        'acknowledgeRecap',
        {},
        managerCard.newId!,
      );
      expect(failed.status).toBe(500);
      expect(failed.body).toMatchObject({
        statusCode: 500,
        type: 'application/vnd.microsoft.error',
        value: {
          code: 'internal',
          message: 'Career Conversations could not finish this just now. Try again in a moment.',
        },
      });
      expect(JSON.stringify(failed.body)).not.toContain('disk I/O');
    } finally {
      saveRecap.mockRestore();
    }
    await world.bot.idle();
    expect(world.connector.calls).toEqual([]);
    await unchanged();
    expect(await world.store.listDueOutbox(new Date('2100-01-01T00:00:00.000Z'), 10)).toEqual([]);
  });

  test('the author cannot acknowledge their own recap', async () => {
    const own = await world.press(world.ava, cardOf(managerCard), 'acknowledgeRecap', {}, managerCard.newId!);
    expect(own.status).toBe(403);
    await unchanged();
  });

  test('an unknown verb is refused with 400', async () => {
    const forged = await world.invoke(world.max, {
      type: 'Action.Execute',
      verb: 'deleteEverything',
      data: {},
    });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({
      type: 'application/vnd.microsoft.error',
      value: { code: 'unknown_verb' },
    });
    await unchanged();
  });

  test.each([
    ['no recap id', { version: 1 }],
    ['a version that is not a number', { recapId: 'x', version: 'one' }],
    ['a version of zero', { recapId: 'x', version: 0 }],
    ['an id that is not text', { recapId: { $gt: '' }, version: 1 }],
  ])('acknowledge with %s is refused with 400', async (_case, data) => {
    const answer = await world.invoke(world.max, { type: 'Action.Execute', verb: 'acknowledgeRecap', data });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'malformed_action' },
    });
    await unchanged();
  });

  test.each([
    ['no value', undefined],
    ['a value that is a string', 'acknowledgeRecap'],
    ['an Action.Submit type', { action: { type: 'Action.Submit', verb: 'acknowledgeRecap', data: {} } }],
    ['an action without a verb', { action: { type: 'Action.Execute', data: {} } }],
  ])('an invoke with %s is refused with 400', async (_case, value) => {
    const answer = await world.post(
      world.activityFrom(world.max, { type: 'invoke', name: 'adaptiveCard/action', value }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      type: 'application/vnd.microsoft.error',
      value: { code: 'malformed_action' },
    });
    await unchanged();
  });

  test('an acknowledgement of a recap that does not exist is a 404, not a crash', async () => {
    const answer = await world.invoke(world.max, {
      type: 'Action.Execute',
      verb: 'acknowledgeRecap',
      data: { recapId: 'ava-0001~nope', version: 1 },
    });
    expect(answer.status).toBe(404);
  });

  test('a change request without a comment keeps the card and says what is missing', async () => {
    const answer = await world.press(
      world.max,
      cardOf(managerCard),
      'requestRecapChange',
      { comment: '   ' },
      managerCard.newId!,
    );
    expect(answer.status).toBe(200);
    expect(JSON.stringify(invokeCard(answer))).toContain('Say what should change so it can be revised.');
    await unchanged();
  });

  test.each([
    ['malformed JSON', '{"type": "message", '],
    ['a JSON array', '[1, 2]'],
    [
      'an activity without a conversation',
      JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1/',
        from: { id: 'x' },
        recipient: { id: 'b' },
      }),
    ],
    ['a service URL off this machine (demo profile)', null],
  ])('%s is refused with 400 and a reason', async (_case, body) => {
    const payload =
      body ??
      JSON.stringify(
        world.activityFrom(world.max, {
          type: 'message',
          text: 'help',
          serviceUrl: 'https://smba.example.com/',
        }),
      );
    const answer = await world.post(payload);
    expect(answer.status).toBe(400);
    const { error } = answer.body as { error: { code: unknown; message: unknown } };
    expect([typeof error.code, typeof error.message]).toEqual(['string', 'string']);
  });

  test('a body that is not JSON at all is refused with 415', async () => {
    const answer = await world.post('type=message', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(answer.status).toBe(415);
  });
});

describe('the answer card refreshes for both people', () => {
  const world = new BotWorld();
  beforeAll(() => world.start());
  afterAll(() => world.stop());

  test("the acting person's Teams id is the one their activity carries; the other's comes from their conversation", async () => {
    const { max } = world;
    const { managerCard } = await recapSentToMax(world);
    const acknowledge = findExecute(cardOf(managerCard), 'acknowledgeRecap');
    const action = { type: 'Action.Execute', verb: 'acknowledgeRecap', data: acknowledge?.data };
    // Max acts from a Teams id his stored conversation does not hold: the card lists that one, as Teams gave it.
    const answer = await world.post(
      world.activityFrom(max, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action, trigger: 'manual' },
        replyToId: managerCard.newId,
        from: { id: '29:max-as-teams-sent-it', name: max.displayName, aadObjectId: max.id },
      }),
    );
    expect(answer.status).toBe(200);
    const card = invokeCard(answer);
    expect(JSON.stringify(card)).toContain('You acknowledged this recap.');
    expect(card?.refresh).toMatchObject({ userIds: [`29:${world.ava.id}`, '29:max-as-teams-sent-it'] });
    await world.bot.idle();
  });
});
