import type { OneOnOne } from '../../../src/core/one-on-one';
import { cardOf } from '../../support/bot-connector';
import type { Person } from '../../../src/core/person';
import { BotWorld, invokeCard } from '../../support/bot-world';

/**
 * The agenda prompt follows the 1:1 across days: the scheduler (manual clock, real CloudAdapter delivery) prompts
 * Ava again when her 1:1 without an agenda moved to another day, once, and not when it moved within its day.
 */
describe('agenda prompts for a 1:1 that moved', () => {
  let world: BotWorld;
  let oneOnOne: OneOnOne;

  beforeEach(async () => {
    world = await new BotWorld().start();
    await world.install(world.ava);
    // Wednesday 25 November, 10:00 in London; the clock is 24 hours before, inside the lead time.
    oneOnOne = await world.addOneOnOne(world.ava, world.max, 'manager', '2026-11-25T10:00:00.000Z');
    expect(await world.schedule()).toMatchObject({ delivered: 1 });
    world.connector.reset();
  });

  afterEach(() => world.stop());

  const avaChat = () => world.conversationOf(world.ava);
  const prompts = () =>
    world.connector.posts(avaChat()).filter((c) => JSON.stringify(c.activity).includes('Get ready'));
  const moveTo = (startsAt: string) =>
    world.store.saveOneOnOne({
      ...oneOnOne,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
    });

  test('moved to another day without an agenda: one new prompt before the new time, saying it moved', async () => {
    await moveTo('2026-11-27T10:00:00.000Z');
    world.clock.set('2026-11-26T10:00:00.000Z');
    expect(await world.schedule()).toMatchObject({ due: 1, delivered: 1 });
    const [prompt, ...more] = prompts();
    expect(more).toEqual([]);
    expect(prompt?.activity).toMatchObject({ summary: 'Your 1:1 moved: get ready for it' });
    expect(JSON.stringify(cardOf(prompt))).toContain('Friday 27 November, 10:00');

    world.clock.set('2026-11-26T15:00:00.000Z');
    expect(await world.schedule()).toMatchObject({ delivered: 0, alreadyHandled: 1 });
    expect(prompts()).toHaveLength(1);
  });

  test('moved within its day: no second prompt', async () => {
    await moveTo('2026-11-25T14:00:00.000Z');
    world.clock.set('2026-11-25T09:00:00.000Z');
    expect(await world.schedule()).toMatchObject({ alreadyHandled: 1, delivered: 0 });
    expect(prompts()).toEqual([]);
  });

  test('moved to another day once an agenda is written: no prompt, the agenda is already there', async () => {
    await world.store.saveAgenda({
      oneOnOneId: oneOnOne.id,
      authorId: world.ava.id,
      counterpartId: world.max.id,
      learningFocus: 'Pricing',
      knowledgeHolders: [],
      asks: [],
      carriedActionIds: [],
      sharedAt: null,
      updatedAt: '2026-11-24T10:00:00.000Z',
      revision: 1,
    });
    await moveTo('2026-11-27T10:00:00.000Z');
    world.clock.set('2026-11-26T10:00:00.000Z');
    expect(await world.schedule()).toMatchObject({ due: 0 });
    expect(prompts()).toEqual([]);
  });
});

describe('agenda prompts after the upgrade that keyed them by day', () => {
  const world = new BotWorld();
  afterAll(() => world.stop());

  test('a 1:1 prompted for by an earlier version (card recorded as version 0) is not prompted again', async () => {
    await world.start();
    await world.install(world.ava);
    const oneOnOne = await world.addOneOnOne(world.ava, world.max, 'manager', '2026-11-25T10:00:00.000Z');
    // As an earlier version left it: its claim named the 1:1 only, and its card was recorded as version 0.
    const now = world.clock.now();
    await world.store.claim(`agenda-prompt:${oneOnOne.id}`, 'old-version', now);
    await world.store.completeClaim(`agenda-prompt:${oneOnOne.id}`, 'old-version');
    await world.store.saveCardActivity({
      subjectId: oneOnOne.id,
      personId: world.ava.id,
      purpose: 'agenda-prompt',
      activityId: 'activity-old',
      conversationId: world.conversationOf(world.ava),
      version: 0,
    });
    world.connector.reset();

    expect(await world.schedule()).toMatchObject({ due: 1, delivered: 1, failed: 0 });
    expect(world.connector.posts(world.conversationOf(world.ava))).toEqual([]);
  });
});

describe('the agenda card redraws itself for its author (Universal Actions refresh)', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await new BotWorld().start();
    await world.install(world.ava);
    await world.install(world.max);
  });
  afterEach(() => world.stop());

  test('after a move within its day the prompt Ava opens shows the new time; Max cannot draw her card', async () => {
    const oneOnOne = await world.addOneOnOne(world.ava, world.max, 'manager', '2026-11-25T10:00:00.000Z');
    expect(await world.schedule()).toMatchObject({ delivered: 1 });
    const [prompt] = world.connector.find(world.conversationOf(world.ava), 'Get ready for your 1:1');
    const card = cardOf(prompt);
    expect(JSON.stringify(card)).toContain('Wednesday 25 November, 10:00');
    const action = { type: 'Action.Execute', verb: 'refreshAgenda', data: { oneOnOneId: oneOnOne.id } };
    expect(card?.refresh).toEqual({ action, userIds: [`29:${world.ava.id}`] });

    // Moved to 14:00 the same day: no second prompt (see above), but the card Ava has shows it when she opens it.
    await world.store.saveOneOnOne({
      ...oneOnOne,
      startsAt: '2026-11-25T14:00:00.000Z',
      endsAt: '2026-11-25T14:30:00.000Z',
    });
    const refresh = (p: Person) =>
      world.post(
        world.activityFrom(p, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action, trigger: 'automatic' },
          replyToId: prompt!.newId,
        }),
      );
    const hers = await refresh(world.ava);
    expect(hers.status).toBe(200);
    const redrawn = JSON.stringify(invokeCard(hers));
    expect(redrawn).toContain('Wednesday 25 November, 14:00');
    expect(redrawn).not.toContain('10:00');
    expect(invokeCard(hers)?.refresh).toEqual({ action, userIds: [`29:${world.ava.id}`] });

    const his = await refresh(world.max);
    expect(his.status).toBe(404);
    expect(invokeCard(his)).toBeNull();
    expect(his.text).not.toContain('Get ready');
  });
});
