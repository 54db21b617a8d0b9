import { Writable } from 'node:stream';
import { saveAgenda } from '../../../src/app/agenda/save-agenda';
import { shareAgenda } from '../../../src/app/agenda/share-agenda';
import { acknowledgeRecap } from '../../../src/app/recap/answer-recap';
import { sendRecap } from '../../../src/app/recap/send-recap';
import { writeRecap } from '../../../src/app/recap/write-recap';
import type { CareerBot, CareerBotOptions } from '../../../src/bot';
import { createCareerBot } from '../../../src/bot';
import type { AppDeps } from '../../../src/app/deps';
import { OUTBOX_INTENT_HOLD_MS } from '../../../src/bot/events/outbox';
import type { OutboxEntry } from '../../../src/ports/store';
import { createLogger } from '../../../src/server/logger';
import { BotWorld } from '../../support/bot-world';

const GRACE_MS = 60_000;
/** A new entry is due after the intent hold; the drain takes it once the grace is over too. */
const DUE_MS = OUTBOX_INTENT_HOLD_MS + GRACE_MS;
const FAR_FUTURE = new Date('2100-01-01T00:00:00.000Z');
const PRIVATE_MARKER = 'PRIVATE-MARKER-0b7e51';

/**
 * The bot listener's durable outbox: what a published event owes the other person survives a crash or restart
 * (another bot instance on the same store drains it), failures are retried with backoff, and two instances
 * draining at once deliver once.
 */
describe('the event outbox', () => {
  let world: BotWorld;
  const others: CareerBot[] = [];
  const logs: string[] = [];

  beforeEach(async () => {
    world = await new BotWorld().start();
    await world.install(world.ava);
    await world.install(world.max);
    world.connector.reset();
    logs.length = 0;
  });

  afterEach(async () => {
    for (const bot of others.splice(0)) await bot.close(0);
    await world.stop();
  });

  /** Another instance of the bot over the same store and connector (a restart, or a second server). */
  function instance(options: Pick<CareerBotOptions, 'background'> = {}): CareerBot {
    const bot = createCareerBot({
      ...options,
      deps: world.deps,
      auth: { profile: 'demo' },
      logger: createLogger({
        level: 'debug',
        destination: new Writable({
          write: (chunk: Buffer, _encoding, done) => {
            logs.push(chunk.toString('utf8'));
            done();
          },
        }),
      }),
      delivery: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 10 } },
    });
    others.push(bot);
    return bot;
  }

  /** An instance that saves what it publishes but dies before its queued work runs. */
  async function crashedInstance(): Promise<CareerBot> {
    const bot = instance();
    await bot.close(0);
    return bot;
  }

  const depsWith = (bot: CareerBot): AppDeps => ({ ...world.deps, events: bot.events });
  const outbox = () => world.store.listDueOutbox(FAR_FUTURE, 100);
  const recapCardsToMax = () => world.connector.find(world.conversationOf(world.max), 'sent you a recap');
  const later = (ms: number) => new Date(world.clock.now().getTime() + ms);

  async function sendARecap(deps: AppDeps, startsAt = '2026-11-24T08:00:00.000Z'): Promise<string> {
    const oneOnOne = await world.addOneOnOne(world.ava, world.max, 'manager', startsAt);
    const draft = await writeRecap(deps, {
      actorId: world.ava.id,
      oneOnOneId: oneOnOne.id,
      content: {
        topics: ['Pricing experiments'],
        actions: [{ id: 'a1', text: 'Book a session with Priya', owner: 'author', dueOn: '2026-12-01' }],
      },
    });
    await sendRecap(deps, world.ava.id, draft.id);
    return draft.id;
  }

  test('an entry (a reference, no content, due after the hold) is saved before the recap is; the queued run delivers and deletes it', async () => {
    const saved: OutboxEntry[] = [];
    const recapStates: (string | undefined)[] = [];
    const save = world.store.saveOutboxEntry.bind(world.store);
    world.store.saveOutboxEntry = async (entry) => {
      saved.push(entry);
      if (entry.event.type === 'recapSent')
        recapStates.push((await world.store.getRecap(entry.event.recapId))?.recap.state);
      return save(entry);
    };
    const recapId = await sendARecap(depsWith(world.bot));
    expect(recapStates).toEqual(['draft']);
    expect(saved).toEqual([
      {
        id: expect.any(String) as string,
        event: { type: 'recapSent', authorId: world.ava.id, recapId },
        createdAt: world.clock.now().toISOString(),
        attempts: 0,
        nextAttemptAt: later(OUTBOX_INTENT_HOLD_MS).toISOString(),
        lastError: null,
      },
    ]);
    expect(JSON.stringify(saved)).not.toContain('Pricing');
    await world.bot.idle();
    expect(recapCardsToMax()).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  test('a run that fails keeps the entry with its attempt, error and next time; a later drain delivers it', async () => {
    world.connector.failNext({ status: 502 }, { status: 502 }, { status: 502 }, { status: 502 });
    await sendARecap(depsWith(world.bot));
    await world.bot.idle();
    expect(recapCardsToMax()).toHaveLength(0);
    const [entry, ...rest] = await outbox();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      attempts: 1,
      nextAttemptAt: later(60_000).toISOString(),
      lastError: 'DeliveryFailedError: the recap card',
    });
    expect(world.logs.join('')).toContain('bot.outbox.retry');

    // Not due yet, then not past the grace period: left alone.
    expect(await world.bot.drainOutbox(later(59_000))).toMatchObject({ due: 0 });
    expect(await world.bot.drainOutbox(later(60_000 + GRACE_MS - 1))).toMatchObject({ due: 0 });
    expect(await world.bot.drainOutbox(later(60_000 + GRACE_MS))).toMatchObject({ due: 1, delivered: 1 });
    expect(recapCardsToMax()).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  test('an event the full in-memory queue turns away waits in the outbox, and a later drain delivers it', async () => {
    const busy = instance({ background: { capacity: 1 } });
    const release = world.connector.hold();
    // The first recap's run takes the queue's one place and waits on Teams; the second is turned away.
    await sendARecap(depsWith(busy));
    const turnedAway = await sendARecap(depsWith(busy), '2026-11-23T08:00:00.000Z');
    expect(logs.join('')).toContain('bot.background.full');
    release();
    await busy.idle();
    expect(recapCardsToMax()).toHaveLength(1);
    const [entry, ...rest] = await outbox();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      event: { type: 'recapSent', recapId: turnedAway },
      attempts: 0,
      nextAttemptAt: later(OUTBOX_INTENT_HOLD_MS).toISOString(),
    });

    expect(await busy.drainOutbox(later(DUE_MS))).toMatchObject({ due: 1, delivered: 1 });
    expect(recapCardsToMax()).toHaveLength(2);
    expect(await world.store.listCardActivities(turnedAway)).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  test('after a crash before the queued work ran, a restarted instance delivers the recap to the manager exactly once', async () => {
    const crashed = await crashedInstance();
    const recapId = await sendARecap(depsWith(crashed));
    expect((await world.store.getRecap(recapId))?.recap.state).toBe('sent');
    expect(recapCardsToMax()).toHaveLength(0);
    expect(await outbox()).toHaveLength(1);

    const restarted = instance();
    // Until it is due and past the grace, its change may still be in flight, or its run queued: left alone.
    expect(await restarted.drainOutbox(later(DUE_MS - 1))).toMatchObject({ due: 0 });
    expect(recapCardsToMax()).toHaveLength(0);
    expect(await outbox()).toHaveLength(1);

    expect(await restarted.drainOutbox(later(DUE_MS))).toEqual({
      due: 1,
      delivered: 1,
      failed: 0,
      abandoned: 0,
      alreadyHandled: 0,
    });
    expect(recapCardsToMax()).toHaveLength(1);
    expect(await outbox()).toEqual([]);
    expect(await restarted.drainOutbox(later(10 * GRACE_MS))).toMatchObject({ due: 0 });
    expect(recapCardsToMax()).toHaveLength(1);
    const cards = await world.store.listCardActivities(recapId);
    expect(cards.map((c) => `${c.personId} ${c.purpose}`)).toEqual([`${world.max.id} recap-recipient:v1`]);
  });

  test('two instances draining the same store at once deliver once', async () => {
    const crashed = await crashedInstance();
    await sendARecap(depsWith(crashed));
    const [a, b] = [instance(), instance()];
    const runs = await Promise.all([a.drainOutbox(later(DUE_MS)), b.drainOutbox(later(DUE_MS))]);
    expect(runs.map((r) => r.delivered).sort()).toEqual([0, 1]);
    expect(runs.map((r) => r.alreadyHandled).sort()).toEqual([0, 1]);
    expect(recapCardsToMax()).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  test('a queued run and a drain by another instance of the same entry deliver once', async () => {
    const recapId = await sendARecap(depsWith(world.bot));
    // The other instance drains while this one's run may still be going (a clock far ahead: no grace left).
    const drained = await instance().drainOutbox(later(DUE_MS));
    await world.bot.idle();
    expect(drained.due).toBeLessThanOrEqual(1);
    expect(recapCardsToMax()).toHaveLength(1);
    expect(await outbox()).toEqual([]);
    expect(await world.store.listCardActivities(recapId)).toHaveLength(1);
  });

  test('a shared agenda is read again by id when it is delivered, never with the private notes', async () => {
    const oneOnOne = await world.addOneOnOne(world.ava, world.max, 'manager', '2026-11-25T10:00:00.000Z');
    await saveAgenda(world.deps, {
      actorId: world.ava.id,
      oneOnOneId: oneOnOne.id,
      baseRevision: null,
      input: {
        learningFocus: 'How pricing experiments are designed',
        knowledgeHolders: [],
        asks: [],
        carriedActionIds: [],
        privateNotes: `Nervous about asking ${PRIVATE_MARKER}`,
      },
    });
    const crashed = await crashedInstance();
    await shareAgenda(depsWith(crashed), world.ava.id, oneOnOne.id);
    const [entry] = await outbox();
    expect(entry?.event).toEqual({
      type: 'agendaShared',
      oneOnOneId: oneOnOne.id,
      ownerId: world.ava.id,
      recipientId: world.max.id,
    });
    expect(JSON.stringify(entry)).not.toContain('pricing');

    expect(await instance().drainOutbox(later(DUE_MS))).toMatchObject({ due: 1, delivered: 1 });
    const cards = world.connector.find(world.conversationOf(world.max), 'shared an agenda');
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards)).toContain('How pricing experiments are designed');
    expect(JSON.stringify(world.connector.calls)).not.toContain(PRIVATE_MARKER);
    expect(logs.join('')).not.toContain(PRIVATE_MARKER);
  });

  test('work for a recap that is gone by then is done without sending anything', async () => {
    const crashed = await crashedInstance();
    await sendARecap(depsWith(crashed));
    await world.store.deletePersonData(world.ava.id);
    expect(await instance().drainOutbox(later(DUE_MS))).toMatchObject({ due: 1, delivered: 1 });
    expect(world.connector.calls).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  test('the same acknowledgement handled twice (a repeat after a crash) tells the author once', async () => {
    const recapId = await sendARecap(depsWith(world.bot));
    await world.bot.idle();
    const crashed = await crashedInstance();
    await acknowledgeRecap(depsWith(crashed), { actorId: world.max.id, recapId, version: 1 });
    const [entry] = await outbox();
    await world.store.saveOutboxEntry({ ...entry!, id: `${entry!.id}-again` });
    expect(await instance().drainOutbox(later(DUE_MS))).toMatchObject({ due: 2, delivered: 2 });
    expect(world.connector.find(world.conversationOf(world.ava), 'acknowledged your recap')).toHaveLength(1);
  });

  test('an entry still failing a day after its event is given up, with an error log', async () => {
    const crashed = await crashedInstance();
    await sendARecap(depsWith(crashed));
    const [entry] = await outbox();
    const lastTry: OutboxEntry = {
      ...entry!,
      attempts: 20,
      nextAttemptAt: later(23.5 * 3_600_000).toISOString(),
    };
    await world.store.saveOutboxEntry(lastTry);
    await world.store.deleteOutboxEntry(entry!);
    world.connector.failNext({ status: 502 }, { status: 502 });
    const drain = await instance().drainOutbox(later(23.5 * 3_600_000 + GRACE_MS));
    expect(drain).toMatchObject({ due: 1, abandoned: 1 });
    expect(await outbox()).toEqual([]);
    expect(logs.join('')).toContain('bot.outbox.abandoned');
  });
});
