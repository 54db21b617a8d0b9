import { Writable } from 'node:stream';
import type { AppDeps } from '../../../src/app/deps';
import { saveAgenda } from '../../../src/app/agenda/save-agenda';
import { shareAgenda } from '../../../src/app/agenda/share-agenda';
import { acknowledgeRecap, requestRecapChange } from '../../../src/app/recap/answer-recap';
import { sendRecap } from '../../../src/app/recap/send-recap';
import { writeRecap } from '../../../src/app/recap/write-recap';
import type { CareerBot } from '../../../src/bot';
import { createCareerBot } from '../../../src/bot';
import { OUTBOX_INTENT_HOLD_MS } from '../../../src/bot/events/outbox';
import type { Store } from '../../../src/ports/store';
import { createLogger } from '../../../src/server/logger';
import { cardOf } from '../../support/bot-connector';
import { BotWorld } from '../../support/bot-world';

const GRACE_MS = 60_000;
/** A new entry is due after the intent hold; the drain takes it once the grace is over too. */
const DUE_MS = OUTBOX_INTENT_HOLD_MS + GRACE_MS;
const FAR_FUTURE = new Date('2100-01-01T00:00:00.000Z');

type StateWrite = 'saveRecap' | 'saveAgenda';

/**
 * The store as a process sees it that dies at its state write: `before` it lands, or right `after`. From then
 * on nothing it does reaches the store (no publish, no withdrawal), as when the process is gone.
 */
function dyingAt(store: Store, write: StateWrite, when: 'before' | 'after'): Store {
  let dead = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        if (dead) return Promise.reject(new Error('The process is gone.'));
        if (property !== write) return method.apply(target, args);
        const crash = async () => {
          if (when === 'after') await method.apply(target, args);
          dead = true;
          throw new Error('The process crashed.');
        };
        return crash();
      };
    },
  });
}

/**
 * Intent first: every event is in the outbox before its change is saved. A crash before the change is saved
 * leaves an entry whose handler finds nothing to deliver; a crash right after it leaves an entry a restarted
 * instance delivers, once. For each event a use case causes.
 */
describe('the outbox, intent first', () => {
  let world: BotWorld;
  const others: CareerBot[] = [];

  beforeEach(async () => {
    world = await new BotWorld().start();
    await world.install(world.ava);
    await world.install(world.max);
    world.connector.reset();
  });

  afterEach(async () => {
    for (const bot of others.splice(0)) await bot.close(0);
    await world.stop();
  });

  function instance(store: Store = world.store): CareerBot {
    const bot = createCareerBot({
      deps: { ...world.deps, store },
      auth: { profile: 'demo' },
      logger: createLogger({
        level: 'silent',
        destination: new Writable({
          write: (_c, _e, done) => {
            done();
          },
        }),
      }),
      delivery: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 10 } },
    });
    others.push(bot);
    return bot;
  }

  /** Use-case deps of an instance that dies at `write` (its bot too: nothing it queued runs). */
  async function dying(write: StateWrite, when: 'before' | 'after'): Promise<AppDeps> {
    const store = dyingAt(world.store, write, when);
    const bot = instance(store);
    await bot.close(0);
    return { ...world.deps, store, events: bot.events };
  }

  const live = (): AppDeps => ({ ...world.deps, events: world.bot.events });
  const outbox = () => world.store.listDueOutbox(FAR_FUTURE, 100);
  const later = (ms: number) => new Date(world.clock.now().getTime() + ms);
  const toAva = (needle: string) => world.connector.find(world.conversationOf(world.ava), needle);
  const toMax = (needle: string) => world.connector.find(world.conversationOf(world.max), needle);

  /** The restarted instance drains once everything is due; the entry goes whatever its handler found. */
  async function drainAfterRestart(): Promise<void> {
    const left = await outbox();
    expect(left).toHaveLength(1);
    expect(await instance().drainOutbox(later(DUE_MS))).toMatchObject({ due: 1, delivered: 1, failed: 0 });
    expect(await outbox()).toEqual([]);
  }

  async function draftRecap(): Promise<string> {
    const oneOnOne = await world.addOneOnOne(world.ava, world.max, 'manager', '2026-11-24T08:00:00.000Z');
    const draft = await writeRecap(world.deps, {
      actorId: world.ava.id,
      oneOnOneId: oneOnOne.id,
      content: {
        topics: ['Pricing experiments'],
        actions: [{ id: 'a1', text: 'Book a session with Priya', owner: 'author', dueOn: '2026-12-01' }],
      },
    });
    return draft.id;
  }

  /** Sent to Max by the live bot, his card delivered; the connector forgets it. */
  async function recapWithMax(): Promise<string> {
    const recapId = await draftRecap();
    await sendRecap(live(), world.ava.id, recapId);
    await world.bot.idle();
    expect(toMax('sent you a recap')).toHaveLength(1);
    world.connector.reset();
    return recapId;
  }

  async function writtenAgenda(): Promise<string> {
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
        privateNotes: '',
      },
    });
    return oneOnOne.id;
  }

  const acknowledge = (deps: AppDeps, recapId: string) =>
    acknowledgeRecap(deps, { actorId: world.max.id, recapId, version: 1 });
  const askForChange = (deps: AppDeps, recapId: string) =>
    requestRecapChange(deps, { actorId: world.max.id, recapId, version: 1, comment: 'A later date, please' });
  const stateOf = async (recapId: string) => (await world.store.getRecap(recapId))?.recap.state;

  describe('a crash before the change is saved delivers nothing', () => {
    test('recapSent: the recap is still a draft, and Max is sent nothing', async () => {
      const recapId = await draftRecap();
      await expect(sendRecap(await dying('saveRecap', 'before'), world.ava.id, recapId)).rejects.toThrow(
        'crashed',
      );
      expect(await stateOf(recapId)).toBe('draft');
      await drainAfterRestart();
      expect(world.connector.calls).toEqual([]);
    });

    test('recapSent for a revision: the change request stands, and nothing is sent or redrawn', async () => {
      const recapId = await recapWithMax();
      await askForChange(live(), recapId);
      await world.bot.idle();
      await writeRecap(world.deps, {
        actorId: world.ava.id,
        oneOnOneId: (await world.store.getRecap(recapId))!.recap.oneOnOneId,
        content: { topics: ['Pricing experiments, revised'], actions: [] },
      });
      world.connector.reset();
      await expect(sendRecap(await dying('saveRecap', 'before'), world.ava.id, recapId)).rejects.toThrow(
        'crashed',
      );
      expect(await stateOf(recapId)).toBe('changeRequested');
      await drainAfterRestart();
      expect(world.connector.calls).toEqual([]);
    });

    test('recapAcknowledged: the recap is still waiting, and Ava is not told it was acknowledged', async () => {
      const recapId = await recapWithMax();
      await expect(acknowledge(await dying('saveRecap', 'before'), recapId)).rejects.toThrow('crashed');
      expect(await stateOf(recapId)).toBe('sent');
      await drainAfterRestart();
      expect(world.connector.calls).toEqual([]);
    });

    test('recapChangeRequested: the recap is still waiting, and Ava gets no editor', async () => {
      const recapId = await recapWithMax();
      await expect(askForChange(await dying('saveRecap', 'before'), recapId)).rejects.toThrow('crashed');
      expect(await stateOf(recapId)).toBe('sent');
      await drainAfterRestart();
      expect(world.connector.calls).toEqual([]);
    });

    test('agendaShared: the agenda is not shared, and Max is sent nothing', async () => {
      const oneOnOneId = await writtenAgenda();
      await expect(
        shareAgenda(await dying('saveAgenda', 'before'), world.ava.id, oneOnOneId),
      ).rejects.toThrow('crashed');
      expect((await world.store.getAgenda(world.ava.id, oneOnOneId))?.sharedAt).toBeNull();
      await drainAfterRestart();
      expect(world.connector.calls).toEqual([]);
    });
  });

  describe('a crash right after the change is saved delivers what was owed, once', () => {
    test('recapSent: Max gets the recap', async () => {
      const recapId = await draftRecap();
      await expect(sendRecap(await dying('saveRecap', 'after'), world.ava.id, recapId)).rejects.toThrow(
        'crashed',
      );
      expect(await stateOf(recapId)).toBe('sent');
      await drainAfterRestart();
      expect(toMax('sent you a recap')).toHaveLength(1);
      expect(world.connector.calls).toHaveLength(1);
    });

    test('recapAcknowledged: Ava is told, and Max’s card shows it acknowledged', async () => {
      const recapId = await recapWithMax();
      await expect(acknowledge(await dying('saveRecap', 'after'), recapId)).rejects.toThrow('crashed');
      expect(await stateOf(recapId)).toBe('acknowledged');
      await drainAfterRestart();
      expect(toAva('acknowledged your recap')).toHaveLength(1);
      expect(world.connector.updates(world.conversationOf(world.max))).toHaveLength(1);
      expect(world.connector.posts()).toHaveLength(1);
    });

    test('recapChangeRequested: Ava gets the editor with Max’s comment', async () => {
      const recapId = await recapWithMax();
      await expect(askForChange(await dying('saveRecap', 'after'), recapId)).rejects.toThrow('crashed');
      expect(await stateOf(recapId)).toBe('changeRequested');
      await drainAfterRestart();
      const editors = toAva('suggested a change to your recap');
      expect(editors).toHaveLength(1);
      expect(JSON.stringify(editors)).toContain('A later date, please');
      expect(world.connector.posts()).toHaveLength(1);
    });

    test('agendaShared: Max gets the shared agenda', async () => {
      const oneOnOneId = await writtenAgenda();
      await expect(shareAgenda(await dying('saveAgenda', 'after'), world.ava.id, oneOnOneId)).rejects.toThrow(
        'crashed',
      );
      await drainAfterRestart();
      expect(toMax('shared an agenda')).toHaveLength(1);
      expect(world.connector.calls).toHaveLength(1);
    });
  });

  describe('an edit of an agenda already shared reaches the card the other person has, from any surface', () => {
    /** Shared with Max by the live bot, his card delivered; the connector forgets it. */
    async function sharedWithMax(): Promise<string> {
      const oneOnOneId = await writtenAgenda();
      await shareAgenda(live(), world.ava.id, oneOnOneId);
      await world.bot.idle();
      expect(toMax('shared an agenda')).toHaveLength(1);
      world.connector.reset();
      return oneOnOneId;
    }

    const edit = async (deps: AppDeps, oneOnOneId: string, learningFocus: string) =>
      saveAgenda(deps, {
        actorId: world.ava.id,
        oneOnOneId,
        baseRevision: (await world.store.getAgenda(world.ava.id, oneOnOneId))?.revision ?? null,
        input: {
          learningFocus,
          knowledgeHolders: [],
          asks: [],
          carriedActionIds: [],
          privateNotes: 'Only for me: nervous about this',
        },
      });

    test('an edit saved as the tab or Outlook saves it updates Max’s card in place, without the private notes', async () => {
      const oneOnOneId = await sharedWithMax();
      await edit(live(), oneOnOneId, 'How pricing experiments are reviewed');
      await world.bot.idle();
      expect(world.connector.posts()).toEqual([]);
      const updates = world.connector.updates(world.conversationOf(world.max));
      expect(updates).toHaveLength(1);
      expect(JSON.stringify(updates[0]?.activity)).toContain('How pricing experiments are reviewed');
      expect(JSON.stringify(world.connector.calls)).not.toContain('nervous');
      expect(await outbox()).toEqual([]);
    });

    test('a crash right after the edit is saved: the restarted instance updates Max’s card', async () => {
      const oneOnOneId = await sharedWithMax();
      await expect(
        edit(await dying('saveAgenda', 'after'), oneOnOneId, 'Reviewed, not designed'),
      ).rejects.toThrow('crashed');
      await drainAfterRestart();
      const updates = world.connector.updates(world.conversationOf(world.max));
      expect(updates).toHaveLength(1);
      expect(JSON.stringify(updates[0]?.activity)).toContain('Reviewed, not designed');
      expect(world.connector.posts()).toEqual([]);
    });

    test('an edit of an agenda not shared tells nobody and leaves no entry', async () => {
      const oneOnOneId = await writtenAgenda();
      await edit(live(), oneOnOneId, 'Still private');
      await world.bot.idle();
      expect(world.connector.calls).toEqual([]);
      expect(await outbox()).toEqual([]);
    });
  });

  describe('from the bot’s own card actions, both listeners hear it (the outbox and the app’s)', () => {
    /** Max presses Acknowledge on the recap card the live bot sent him. */
    async function pressAcknowledge(): Promise<number> {
      const recapCard = world.connector.history.find(
        (c) =>
          c.conversationId === world.conversationOf(world.max) &&
          JSON.stringify(c.activity).includes('sent you a recap'),
      );
      const answer = await world.press(
        world.max,
        cardOf(recapCard),
        'acknowledgeRecap',
        {},
        recapCard!.newId!,
      );
      await world.bot.idle();
      return answer.status;
    }

    test('a saved acknowledgement is published to both', async () => {
      const recapId = await recapWithMax();
      expect(await pressAcknowledge()).toBe(200);
      expect(await stateOf(recapId)).toBe('acknowledged');
      expect(world.recorded.events.map((e) => e.type)).toEqual(['recapAcknowledged']);
      expect(toAva('acknowledged your recap')).toHaveLength(1);
      expect(await outbox()).toEqual([]);
    });

    test('an acknowledgement whose save fails is withdrawn from both: no entry left, nothing published', async () => {
      const recapId = await recapWithMax();
      const save = world.store.saveRecap.bind(world.store);
      let failures = 0;
      world.store.saveRecap = (recap, revision) => {
        if (recap.state !== 'acknowledged') return save(recap, revision);
        failures += 1;
        return Promise.reject(new Error('store down'));
      };
      await pressAcknowledge();
      expect(failures).toBe(1);
      expect(await stateOf(recapId)).toBe('sent');
      expect(world.recorded.events).toEqual([]);
      expect(await outbox()).toEqual([]);
      expect(toAva('acknowledged your recap')).toEqual([]);
    });
  });

  test('the drain leaves an entry alone while its change may still be in flight; the saved change is delivered once', async () => {
    const recapId = await recapWithMax();
    let land: () => void = () => undefined;
    const landed = new Promise<void>((resolve) => (land = resolve));
    let saving: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (saving = resolve));
    const save = world.store.saveRecap.bind(world.store);
    const slow: Store = Object.create(world.store) as Store;
    slow.saveRecap = async (recap, revision) => {
      saving();
      await landed;
      return save(recap, revision);
    };
    const acknowledging = acknowledge({ ...live(), store: slow }, recapId);
    await reached;
    expect(await outbox()).toHaveLength(1);

    // Past the drain's own grace, but the change is not saved yet: an early run would find nothing and drop it.
    expect(await instance().drainOutbox(later(GRACE_MS + 1))).toMatchObject({ due: 0 });
    land();
    await acknowledging;
    await world.bot.idle();
    expect(toAva('acknowledged your recap')).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });
});
