import { repairMovedShares } from '../../../src/app/agenda/repair-moved-shares';
import { saveAgenda } from '../../../src/app/agenda/save-agenda';
import { shareAgenda } from '../../../src/app/agenda/share-agenda';
import type { OneOnOne } from '../../../src/core/one-on-one';
import type { Person } from '../../../src/core/person';
import type { TestWorld } from '../../support/app-fixture';
import { agendaInput, createWorld } from '../../support/app-fixture';

async function sharedWith(w: TestWorld, counterpart: Person, startsAt: string): Promise<OneOnOne> {
  const oneOnOne = await w.addOneOnOne('ava', counterpart, 'manager', startsAt);
  await saveAgenda(w.deps, {
    actorId: 'ava',
    oneOnOneId: oneOnOne.id,
    baseRevision: null,
    input: agendaInput(),
  });
  await shareAgenda(w.deps, 'ava', oneOnOne.id);
  return oneOnOne;
}

/** What a store written before the sync withdrew moved shares may hold: the 1:1 moved, the agenda did not. */
async function movedWithoutWithdrawal(w: TestWorld, oneOnOne: OneOnOne, to: Person): Promise<void> {
  await w.store.saveOneOnOne({
    ...oneOnOne,
    relationship: 'peer',
    counterpart: { address: to.email, name: to.displayName, personId: to.id },
  });
}

describe('the one-time repair of agendas shared before their 1:1 moved', () => {
  test('withdraws only the agendas whose 1:1 is now with someone else, and tells the person who had them', async () => {
    const w = await createWorld();
    const { manager: max, peer: pia } = w.people;
    const moved = await sharedWith(w, max, '2026-11-25T09:00:00.000Z');
    const stays = await sharedWith(w, max, '2026-12-02T09:00:00.000Z');
    await movedWithoutWithdrawal(w, moved, pia);
    w.events.events.length = 0;

    expect(await repairMovedShares(w.deps, 'instance-a')).toEqual({ checked: 2, withdrawn: 1 });

    expect(await w.store.getAgenda('ava', moved.id)).toMatchObject({ counterpartId: pia.id, sharedAt: null });
    expect(await w.store.getAgenda('ava', stays.id)).toMatchObject({ counterpartId: max.id });
    expect((await w.store.listSharedAgendasFor(max.id)).map((a) => a.oneOnOneId)).toEqual([stays.id]);
    expect(w.events.events.map((e) => [e.type, 'recipientId' in e ? e.recipientId : null])).toEqual([
      ['agendaWithdrawn', max.id],
    ]);
  });

  test('runs once per store, whichever instance asks', async () => {
    const w = await createWorld();
    const moved = await sharedWith(w, w.people.manager, '2026-11-25T09:00:00.000Z');
    expect(await repairMovedShares(w.deps, 'instance-a')).toEqual({ checked: 1, withdrawn: 0 });

    await movedWithoutWithdrawal(w, moved, w.people.peer);
    expect(await repairMovedShares(w.deps, 'instance-a')).toBeNull();
    expect(await repairMovedShares(w.deps, 'instance-b')).toBeNull();
    expect(await w.store.getAgenda('ava', moved.id)).toMatchObject({ counterpartId: w.people.manager.id });
  });

  test('a pass that fails is released, and the next one repairs', async () => {
    const w = await createWorld();
    const { manager: max, peer: pia } = w.people;
    const moved = await sharedWith(w, max, '2026-11-25T09:00:00.000Z');
    await movedWithoutWithdrawal(w, moved, pia);
    const saveAgendaAsStored = w.store.saveAgenda.bind(w.store);
    w.store.saveAgenda = () => Promise.reject(new Error('store down'));

    await expect(repairMovedShares(w.deps, 'instance-a')).rejects.toThrow('store down');

    w.store.saveAgenda = saveAgendaAsStored;
    expect(await repairMovedShares(w.deps, 'instance-b')).toEqual({ checked: 1, withdrawn: 1 });
    expect(await w.store.listSharedAgendasFor(max.id)).toEqual([]);
  });
});
