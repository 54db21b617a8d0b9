import { saveAgenda } from '../../../src/app/agenda/save-agenda';
import { shareAgenda } from '../../../src/app/agenda/share-agenda';
import { acknowledgeRecap, requestRecapChange } from '../../../src/app/recap/answer-recap';
import { sendRecap } from '../../../src/app/recap/send-recap';
import { writeRecap } from '../../../src/app/recap/write-recap';
import { saveAndAnnounce } from '../../../src/app/save-and-announce';
import type { Recap } from '../../../src/core/recap';
import { acknowledgeRecap as acknowledgeStep } from '../../../src/core/recap';
import type {
  CareerEvent,
  CareerEvents,
  CareerIntent,
  PendingCareerEvent,
} from '../../../src/ports/career-events';
import type { TestWorld } from '../../support/app-fixture';
import { agendaInput, createWorld } from '../../support/app-fixture';

/** Writes what the listener was told into the same journal as the store's writes, in order. */
class JournalEvents implements CareerEvents {
  failWithdraw = false;
  constructor(private readonly journal: string[]) {}

  expect(intent: CareerIntent): Promise<PendingCareerEvent> {
    this.journal.push(`expect ${intent.type}`);
    return Promise.resolve({
      publish: (event: CareerEvent) => {
        this.journal.push(`publish ${event.type}`);
        return Promise.resolve();
      },
      withdraw: () => {
        this.journal.push(`withdraw ${intent.type}`);
        return this.failWithdraw ? Promise.reject(new Error('store down')) : Promise.resolve();
      },
    });
  }
}

const conflict = () => Object.assign(new Error('someone wrote first'), { name: 'RevisionConflictError' });

interface Journalled {
  w: TestWorld;
  journal: string[];
  events: JournalEvents;
  recap: Recap;
  oneOnOneId: string;
}

/** Ava's recap, sent to Max; from here on the journal records events and recap, agenda and action writes. */
async function journalled(): Promise<Journalled> {
  const w = await createWorld();
  const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-24T08:00:00.000Z');
  await saveAgenda(w.deps, {
    actorId: 'ava',
    oneOnOneId: o.id,
    baseRevision: null,
    input: agendaInput(),
  });
  const draft = await writeRecap(w.deps, {
    actorId: 'ava',
    oneOnOneId: o.id,
    content: {
      topics: ['Pricing review'],
      actions: [{ id: 'a1', text: 'Read the pricing memos', owner: 'author', dueOn: '2026-11-30' }],
    },
  });
  const journal: string[] = [];
  const events = new JournalEvents(journal);
  w.deps.events = events;
  const { store } = w;
  const saveRecap = store.saveRecap.bind(store);
  store.saveRecap = async (recap, revision) => {
    journal.push(`saveRecap ${recap.state}`);
    return saveRecap(recap, revision);
  };
  const save = store.saveAgenda.bind(store);
  store.saveAgenda = async (agenda) => {
    journal.push(`saveAgenda ${agenda.sharedAt ? 'shared' : 'written'}`);
    return save(agenda);
  };
  const saveActions = store.saveActions.bind(store);
  store.saveActions = async (actions) => {
    journal.push('saveActions');
    return saveActions(actions);
  };
  return { w, journal, events, recap: draft, oneOnOneId: o.id };
}

async function sentToMax(): Promise<Journalled> {
  const world = await journalled();
  await sendRecap(world.w.deps, 'ava', world.recap.id);
  world.journal.length = 0;
  return world;
}

describe('changes the other person hears about are saved intent first', () => {
  it('records the acknowledgement before the recap is saved, and publishes it once it is', async () => {
    const { w, journal, recap } = await sentToMax();
    await acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 1 });
    expect(journal).toEqual([
      'expect recapAcknowledged',
      'saveRecap acknowledged',
      'publish recapAcknowledged',
    ]);
  });

  it('records a change request before the recap is saved, and publishes it once it is', async () => {
    const { w, journal, recap } = await sentToMax();
    await requestRecapChange(w.deps, {
      actorId: 'max',
      recapId: recap.id,
      version: 1,
      comment: 'Later date',
    });
    expect(journal).toEqual([
      'expect recapChangeRequested',
      'saveRecap changeRequested',
      'publish recapChangeRequested',
    ]);
  });

  it('records a send before the recap is saved, publishes it, then tracks its actions', async () => {
    const { w, journal, recap } = await journalled();
    await sendRecap(w.deps, 'ava', recap.id);
    expect(journal).toEqual(['expect recapSent', 'saveRecap sent', 'publish recapSent', 'saveActions']);
  });

  it('still publishes a saved send when tracking its actions fails', async () => {
    const { w, journal, recap } = await journalled();
    w.store.saveActions = () => Promise.reject(new Error('store down'));
    await expect(sendRecap(w.deps, 'ava', recap.id)).rejects.toThrow('store down');
    expect(journal).toEqual(['expect recapSent', 'saveRecap sent', 'publish recapSent']);
  });

  it('records a share before the agenda is saved, and publishes it once it is', async () => {
    const { w, journal, oneOnOneId } = await journalled();
    await shareAgenda(w.deps, 'ava', oneOnOneId);
    expect(journal).toEqual(['expect agendaShared', 'saveAgenda shared', 'publish agendaShared']);
  });

  it('records nothing for a step that changes nothing from the start (a second acknowledgement)', async () => {
    const { w, journal, recap } = await sentToMax();
    await acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 1 });
    journal.length = 0;
    const again = await acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 1 });
    expect(again.changed).toBe(false);
    expect(journal).toEqual([]);
  });

  it('withdraws the intent when, after a conflict, the step turns out to change nothing', async () => {
    const { w, journal, recap } = await sentToMax();
    const save = w.store.saveRecap.bind(w.store);
    let raced = false;
    w.store.saveRecap = async (next, revision) => {
      if (!raced) {
        raced = true;
        // Max acknowledged from another device in between: that write lands, this one conflicts.
        const loaded = await w.store.getRecap(recap.id);
        const step = acknowledgeStep(loaded!.recap, 'max', 1, w.clock.now().toISOString());
        if (!step.ok) throw step.error;
        await save(step.value.recap, loaded!.revision);
        throw conflict();
      }
      return save(next, revision);
    };
    const result = await acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 1 });
    expect(result).toMatchObject({ changed: false, recap: { state: 'acknowledged' } });
    expect(journal).toEqual([
      'expect recapAcknowledged',
      'saveRecap acknowledged',
      'withdraw recapAcknowledged',
    ]);
  });

  it('records the intent once when a conflict makes the step run again', async () => {
    const { w, journal, recap } = await sentToMax();
    const save = w.store.saveRecap.bind(w.store);
    let conflicts = 1;
    w.store.saveRecap = async (next, revision) => {
      if (conflicts-- > 0) {
        journal.push('conflict');
        throw conflict();
      }
      return save(next, revision);
    };
    await acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 1 });
    expect(journal).toEqual([
      'expect recapAcknowledged',
      'conflict',
      'saveRecap acknowledged',
      'publish recapAcknowledged',
    ]);
  });

  it('withdraws the intent when the recap save throws, and the error reaches the caller', async () => {
    const { w, journal, recap } = await sentToMax();
    w.store.saveRecap = () => Promise.reject(new Error('store down'));
    await expect(acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 1 })).rejects.toThrow(
      'store down',
    );
    expect(journal).toEqual(['expect recapAcknowledged', 'withdraw recapAcknowledged']);
    expect((await w.store.getRecap(recap.id))?.recap.state).toBe('sent');
  });

  it('withdraws the intent when the agenda save throws', async () => {
    const { w, journal, oneOnOneId } = await journalled();
    w.store.saveAgenda = () => Promise.reject(new Error('store down'));
    await expect(shareAgenda(w.deps, 'ava', oneOnOneId)).rejects.toThrow('store down');
    expect(journal).toEqual(['expect agendaShared', 'withdraw agendaShared']);
  });

  it('answers with the save error, not the withdrawal error, when both fail', async () => {
    const { w, journal, events, recap } = await sentToMax();
    events.failWithdraw = true;
    w.store.saveRecap = () => Promise.reject(new Error('save failed'));
    await expect(acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 1 })).rejects.toThrow(
      'save failed',
    );
    expect(journal).toEqual(['expect recapAcknowledged', 'withdraw recapAcknowledged']);
  });

  it('re-sharing with the person the 1:1 is now with expects both events before the save, then publishes both', async () => {
    const { w, journal, oneOnOneId } = await journalled();
    await shareAgenda(w.deps, 'ava', oneOnOneId);
    const o = await w.store.getOneOnOne(oneOnOneId);
    await w.store.saveOneOnOne({
      ...o!,
      counterpart: { address: w.people.peer.email, name: 'Pia Novak', personId: 'pia' },
      relationship: 'peer',
    });
    journal.length = 0;
    await shareAgenda(w.deps, 'ava', oneOnOneId);
    expect(journal).toEqual([
      'expect agendaShared',
      'expect agendaWithdrawn',
      'saveAgenda shared',
      'publish agendaShared',
      'publish agendaWithdrawn',
    ]);
  });

  it('withdraws each expected intent the saved change did not cause, and publishes the others', async () => {
    const { w, journal, recap } = await journalled();
    await saveAndAnnounce(
      w.deps,
      async (expect) => {
        await expect({ type: 'recapSent', authorId: 'ava', recapId: recap.id });
        await expect({ type: 'recapAcknowledged', authorId: 'ava', recapId: recap.id });
        await expect({ type: 'recapSent', authorId: 'ava', recapId: recap.id });
        return recap;
      },
      (saved) => [{ type: 'recapAcknowledged', recap: saved }],
    );
    expect(journal).toEqual([
      'expect recapSent',
      'expect recapAcknowledged',
      'withdraw recapSent',
      'publish recapAcknowledged',
    ]);
  });

  it('refuses to publish a saved change whose event was never expected (a use case bug)', async () => {
    const { w, recap } = await journalled();
    await expect(
      saveAndAnnounce(
        w.deps,
        () => Promise.resolve(recap),
        (saved) => [{ type: 'recapSent', recap: saved }],
      ),
    ).rejects.toThrow('saved without expecting it first');
  });

  it('refuses to publish an event about another record than the one expected', async () => {
    const { w, journal, recap } = await journalled();
    await expect(
      saveAndAnnounce(
        w.deps,
        async (expect) => {
          await expect({ type: 'recapSent', authorId: 'ava', recapId: 'ava~other' });
          return recap;
        },
        (saved) => [{ type: 'recapSent', recap: saved }],
      ),
    ).rejects.toThrow('saved without expecting it first');
    expect(journal).toEqual(['expect recapSent']);
  });
});
