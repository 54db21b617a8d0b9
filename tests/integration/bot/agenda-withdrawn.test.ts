import { saveAgenda } from '../../../src/app/agenda/save-agenda';
import { shareAgenda } from '../../../src/app/agenda/share-agenda';
import type { AppDeps } from '../../../src/app/deps';
import { OUTBOX_INTENT_HOLD_MS } from '../../../src/bot/events/outbox';
import type { AgendaInput } from '../../../src/core/agenda';
import type { OneOnOne } from '../../../src/core/one-on-one';
import type { Person } from '../../../src/core/person';
import { cardOf } from '../../support/bot-connector';
import { BotWorld, invokeCard } from '../../support/bot-world';

const FOCUS = 'How pricing experiments are designed';

function input(overrides: Partial<AgendaInput> = {}): AgendaInput {
  return {
    learningFocus: FOCUS,
    knowledgeHolders: [{ label: 'Priya in Data Platform', personId: null }],
    asks: [{ wanted: 'Lead the next pricing test', support: '' }],
    carriedActionIds: [],
    privateNotes: 'PRIVATE-MARKER-4d1c',
    ...overrides,
  };
}

/**
 * An agenda shared with one person, and the 1:1 then moves to someone else: the first person's shared agenda
 * card is replaced in place by one that says it is no longer shared (and shows none of it), through the bot's
 * outbox and the Bot Connector, whichever way the author made the change.
 */
describe('an agenda no longer shared with someone', () => {
  let world: BotWorld;
  let deps: AppDeps;
  let oneOnOne: OneOnOne;

  beforeEach(async () => {
    world = await new BotWorld().start();
    for (const p of [world.ava, world.max, world.oz]) await world.install(p);
    deps = { ...world.deps, events: world.bot.events };
    oneOnOne = await world.addOneOnOne(world.ava, world.max, 'manager', '2026-11-25T10:00:00.000Z');
    await saveAgenda(deps, {
      actorId: world.ava.id,
      oneOnOneId: oneOnOne.id,
      input: input(),
      baseRevision: null,
    });
    await shareAgenda(deps, world.ava.id, oneOnOne.id);
    await world.bot.idle();
    world.connector.reset();
  });

  afterEach(() => world.stop());

  const maxChat = () => world.conversationOf(world.max);
  const ozChat = () => world.conversationOf(world.oz);

  /** The invitation now goes to Oz instead of Max (what the calendar sync records). */
  async function movedToOz(): Promise<void> {
    await world.store.saveOneOnOne({
      ...oneOnOne,
      counterpart: { address: world.oz.email, name: world.oz.displayName, personId: world.oz.id },
      relationship: 'peer',
    });
  }

  /** Max's shared agenda card as Teams refreshes it when someone opens it (Universal Actions, `automatic`). */
  async function refreshedBy(p: Person): Promise<string> {
    const answer = await world.post(
      world.activityFrom(p, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'refreshSharedAgenda',
            data: { ownerId: world.ava.id, oneOnOneId: oneOnOne.id },
          },
          trigger: 'automatic',
        },
      }),
    );
    expect(answer.status).toBe(200);
    return JSON.stringify(invokeCard(answer));
  }

  test('the shared agenda card refreshes for the person it is shared with, and only shows them what they may read', async () => {
    // An edit redraws the card Max has (the connector's record of the first send was reset in beforeEach).
    const current = await world.store.getAgenda(world.ava.id, oneOnOne.id);
    await saveAgenda(deps, {
      actorId: world.ava.id,
      oneOnOneId: oneOnOne.id,
      input: input(),
      baseRevision: current?.revision ?? null,
    });
    await world.bot.idle();
    const [drawn] = world.connector.updates(maxChat());
    expect(cardOf(drawn)?.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'refreshSharedAgenda',
        data: { ownerId: world.ava.id, oneOnOneId: oneOnOne.id },
      },
      userIds: [`29:${world.max.id}`],
    });
    expect(await refreshedBy(world.max)).toContain(FOCUS);

    // Someone else asking for it gets nothing of it.
    const forOz = await refreshedBy(world.oz);
    expect(forOz).toContain('Ava Chen no longer shares this agenda with you');
    expect(forOz).not.toContain(FOCUS);

    // The 1:1 moves to Oz and the withdrawal has not reached Max's card yet: opening it shows none of it.
    await movedToOz();
    const forMax = await refreshedBy(world.max);
    expect(forMax).toContain('Ava Chen no longer shares this agenda with you');
    expect(forMax).not.toContain(FOCUS);
    expect(forMax).not.toContain('Lead the next pricing test');

    // A refresh without the agenda's owner is refused as malformed, and shows nothing.
    const malformed = await world.invoke(world.max, {
      type: 'Action.Execute',
      verb: 'refreshSharedAgenda',
      data: { oneOnOneId: oneOnOne.id },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.text).not.toContain(FOCUS);
  });

  test('sharing again with the new person updates the first person’s card to say it is no longer shared', async () => {
    await movedToOz();
    const result = await shareAgenda(deps, world.ava.id, oneOnOne.id);
    await world.bot.idle();

    expect(result.withdrawnFrom).toBe(world.max.id);
    expect(world.connector.find(ozChat(), 'Ava Chen shared an agenda for your 1:1')).toHaveLength(1);
    const [update, ...more] = world.connector.updates(maxChat());
    expect(more).toEqual([]);
    const card = JSON.stringify(cardOf(update));
    expect(card).toContain('Ava Chen no longer shares this agenda with you');
    expect(card).toContain('now with someone else');
    expect(card).not.toContain(FOCUS);
    expect(card).not.toContain('Lead the next pricing test');
    expect(world.connector.posts(maxChat())).toEqual([]);
    expect(await world.store.listDueOutbox(new Date('2100-01-01T00:00:00.000Z'), 10)).toEqual([]);
  });

  test('the agenda card opened in chat after the move says who still has it in chat; Share on it goes to the new person', async () => {
    await movedToOz();
    const opened = await world.invoke(world.ava, {
      type: 'Action.Execute',
      verb: 'openAgenda',
      data: { oneOnOneId: oneOnOne.id },
    });
    expect(opened.status).toBe(200);
    const card = invokeCard(opened);
    expect(JSON.stringify(card)).toContain(
      'You shared this agenda with Max Moreau, but this 1:1 is now with Oz.',
    );

    const shared = await world.press(world.ava, card, 'shareAgenda', { learningFocus: FOCUS });
    expect(shared.status).toBe(200);
    expect(JSON.stringify(invokeCard(shared))).toContain('Shared with Oz');
    await world.bot.idle();
    expect(world.connector.find(ozChat(), 'Ava Chen shared an agenda for your 1:1')).toHaveLength(1);
    expect(JSON.stringify(cardOf(world.connector.updates(maxChat())[0]))).toContain(
      'Ava Chen no longer shares this agenda with you',
    );
  });

  test('an edit after the move unshares it: the first person’s card says so, the new person gets nothing', async () => {
    await movedToOz();
    const current = await world.store.getAgenda(world.ava.id, oneOnOne.id);
    await saveAgenda(deps, {
      actorId: world.ava.id,
      oneOnOneId: oneOnOne.id,
      input: input({ learningFocus: 'Negotiation' }),
      baseRevision: current?.revision ?? null,
    });
    await world.bot.idle();

    const [update] = world.connector.updates(maxChat());
    expect(JSON.stringify(cardOf(update))).toContain('Ava Chen no longer shares this agenda with you');
    expect(JSON.stringify(cardOf(update))).not.toContain('Negotiation');
    expect(world.connector.calls.filter((c) => c.conversationId === ozChat())).toEqual([]);
  });

  test('a withdrawal left in the outbox, run once the agenda is shared with that person again, changes nothing', async () => {
    // A crash left this entry behind; meanwhile the agenda is (still, or again) shared with Max.
    await world.store.saveOutboxEntry({
      id: 'left-behind',
      event: {
        type: 'agendaWithdrawn',
        oneOnOneId: oneOnOne.id,
        ownerId: world.ava.id,
        recipientId: world.max.id,
      },
      createdAt: world.clock.now().toISOString(),
      attempts: 0,
      nextAttemptAt: world.clock.now().toISOString(),
      lastError: null,
    });
    const drained = await world.bot.drainOutbox(
      new Date(world.clock.now().getTime() + OUTBOX_INTENT_HOLD_MS + 60_000),
    );

    expect(drained).toMatchObject({ due: 1, delivered: 1, failed: 0 });
    expect(world.connector.calls.filter((c) => c.conversationId === maxChat())).toEqual([]);
    expect(await world.store.listDueOutbox(new Date('2100-01-01T00:00:00.000Z'), 10)).toEqual([]);
  });
});
