import { acknowledgeRecap, requestRecapChange } from '../../../src/app/recap/answer-recap';
import { sendRecap } from '../../../src/app/recap/send-recap';
import { writeRecap } from '../../../src/app/recap/write-recap';
import { RecapValidationError } from '../../../src/app/recap/recap-errors';
import { myActions } from '../../../src/app/views/my-actions';
import type { RecapContent } from '../../../src/core/recap';
import { createWorld } from '../../support/app-fixture';

const content = (over: Partial<RecapContent> = {}): RecapContent => ({
  topics: ['Pricing review: I will shadow the next one'],
  actions: [
    { id: 'a1', text: 'Introduce Ava to the pricing lead', owner: 'recipient', dueOn: '2026-12-01' },
    { id: 'a2', text: 'Read the last two pricing memos', owner: 'author', dueOn: '2026-11-30' },
  ],
  ...over,
});

async function sentRecap() {
  const w = await createWorld();
  const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-24T08:00:00.000Z');
  const draft = await writeRecap(w.deps, { actorId: 'ava', oneOnOneId: o.id, content: content() });
  const sent = await sendRecap(w.deps, 'ava', draft.id);
  return { w, o, recap: sent.recap };
}

describe('recap use cases', () => {
  it('sends a recap, turning agreed actions into tracked actions for both people', async () => {
    const { w, recap } = await sentRecap();
    expect(recap.state).toBe('sent');
    expect(recap.requiresAcknowledgement).toBe(true);
    const managerView = await myActions(w.deps, 'max');
    expect(managerView.mine.map((a) => a.text)).toEqual(['Introduce Ava to the pricing lead']);
    const employeeView = await myActions(w.deps, 'ava');
    expect(employeeView.mine.map((a) => a.text)).toEqual(['Read the last two pricing memos']);
    expect(employeeView.agreedWithOthers.map((a) => a.text)).toEqual(['Introduce Ava to the pricing lead']);
    expect(w.events.events.map((e) => e.type)).toEqual(['recapSent']);
  });

  it('heals action items a crash left unsynced when the author presses Send again, keeping done ones and announcing nothing', async () => {
    const { w, recap } = await sentRecap();
    const items = await w.store.listActionsForEmployee('ava');
    const [first, second] = items;
    if (!first || !second) throw new Error('expected two action items');
    // As if the process died after saving the recap as sent, before the second item was written.
    await w.store.deleteAction(second.id);
    await w.store.saveActions([{ ...first, status: 'done', completedAt: '2026-11-25T09:00:00.000Z' }]);
    const again = await sendRecap(w.deps, 'ava', recap.id);
    expect(again.changed).toBe(false);
    const healed = await w.store.listActionsForEmployee('ava');
    expect(healed.map((a) => [a.id, a.status]).sort()).toEqual(
      [
        [first.id, 'done'],
        [second.id, 'open'],
      ].sort(),
    );
    expect(w.events.events.map((e) => e.type)).toEqual(['recapSent']);
  });

  it('lets the manager acknowledge once; a second acknowledgement changes nothing and announces nothing', async () => {
    const { w, recap } = await sentRecap();
    const first = await acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 1 });
    const again = await acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 1 });
    expect(first.recap.state).toBe('acknowledged');
    expect(again.changed).toBe(false);
    expect(w.events.events.filter((e) => e.type === 'recapAcknowledged')).toHaveLength(1);
  });

  it('refuses an acknowledgement from a third person and leaves the recap as it was', async () => {
    const { w, recap } = await sentRecap();
    await expect(
      acknowledgeRecap(w.deps, { actorId: 'oz', recapId: recap.id, version: 1 }),
    ).rejects.toMatchObject({
      code: 'recap.not_recipient',
    });
    expect((await w.store.getRecap(recap.id))?.recap.state).toBe('sent');
  });

  it('goes through change requested, revision as version 2, and refuses the stale version 1', async () => {
    const { w, o, recap } = await sentRecap();
    await requestRecapChange(w.deps, {
      actorId: 'max',
      recapId: recap.id,
      version: 1,
      comment: 'Due date of the intro is too early',
    });
    await writeRecap(w.deps, {
      actorId: 'ava',
      oneOnOneId: o.id,
      content: content({
        actions: [
          { id: 'a1', text: 'Introduce Ava to the pricing lead', owner: 'recipient', dueOn: '2026-12-08' },
        ],
      }),
    });
    const resent = await sendRecap(w.deps, 'ava', recap.id);
    expect(resent.recap.version).toBe(2);
    await expect(
      acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 1 }),
    ).rejects.toMatchObject({
      code: 'recap.stale_version',
    });
    const done = await acknowledgeRecap(w.deps, { actorId: 'max', recapId: recap.id, version: 2 });
    expect(done.recap.state).toBe('acknowledged');
    const actions = await w.store.listActionsForEmployee('ava');
    expect(actions.map((a) => `${a.text}|${a.dueOn}`)).toEqual([
      'Introduce Ava to the pricing lead|2026-12-08',
    ]);
  });

  it('refuses an invalid recap with each problem and stores nothing', async () => {
    const w = await createWorld();
    const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-24T08:00:00.000Z');
    const error = await writeRecap(w.deps, {
      actorId: 'ava',
      oneOnOneId: o.id,
      content: {
        topics: [],
        actions: [{ id: 'a1', text: 'Something', owner: 'author', dueOn: '2026-02-30' }],
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecapValidationError);
    expect((error as RecapValidationError).problems[0]?.code).toBe('recap.bad_due_date');
    expect(await w.store.findRecapForOneOnOne('ava', o.id)).toBeNull();
  });

  it('makes a curiosity-conversation recap that needs no acknowledgement', async () => {
    const w = await createWorld();
    const o = await w.addOneOnOne('ava', w.people.peer, 'peer', '2026-11-24T08:00:00.000Z');
    const recap = await writeRecap(w.deps, { actorId: 'ava', oneOnOneId: o.id, content: content() });
    expect(recap.requiresAcknowledgement).toBe(false);
    expect(recap.recipientId).toBe('pia');
  });
});
