import { saveAgenda, AgendaValidationError } from '../../../src/app/agenda/save-agenda';
import { openAgenda } from '../../../src/app/agenda/open-agenda';
import { shareAgenda } from '../../../src/app/agenda/share-agenda';
import { readSharedAgenda } from '../../../src/app/agenda/read-shared-agenda';
import type { AgendaInput } from '../../../src/core/agenda';
import { CareerError } from '../../../src/core/errors';
import { createWorld } from '../../support/app-fixture';

const input = (over: Partial<AgendaInput> = {}): AgendaInput => ({
  learningFocus: 'How pricing decisions are made',
  knowledgeHolders: [{ label: 'Pia (pricing)', personId: 'pia' }],
  asks: [{ wanted: 'Join the pricing review', support: 'An intro to the team lead' }],
  carriedActionIds: [],
  privateNotes: 'PRIVATE-MARKER-7731',
  ...over,
});

describe('agenda use cases', () => {
  it('saves the agenda and keeps private notes apart, readable by the author', async () => {
    const w = await createWorld();
    const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    const saved = await saveAgenda(w.deps, {
      actorId: 'ava',
      oneOnOneId: o.id,
      input: input(),
      baseRevision: null,
    });
    expect(saved.agenda.revision).toBe(1);
    expect(JSON.stringify(saved.agenda)).not.toContain('PRIVATE-MARKER-7731');
    const opened = await openAgenda(w.deps, 'ava', o.id);
    expect(opened.privateNotes).toBe('PRIVATE-MARKER-7731');
    expect(opened.agenda?.learningFocus).toBe('How pricing decisions are made');
  });

  it('refuses a save from someone whose calendar does not hold the 1:1 and writes nothing', async () => {
    const w = await createWorld();
    const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    await expect(
      saveAgenda(w.deps, { actorId: 'oz', oneOnOneId: o.id, input: input(), baseRevision: null }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await w.store.getAgenda('ava', o.id)).toBeNull();
  });

  it('refuses a save based on a stale revision with a conflict', async () => {
    const w = await createWorld();
    const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    await saveAgenda(w.deps, { actorId: 'ava', oneOnOneId: o.id, input: input(), baseRevision: null });
    await expect(
      saveAgenda(w.deps, {
        actorId: 'ava',
        oneOnOneId: o.id,
        input: input({ learningFocus: 'other' }),
        baseRevision: null,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await w.store.getAgenda('ava', o.id))?.learningFocus).toBe('How pricing decisions are made');
  });

  it('lists every problem of an invalid agenda and saves nothing', async () => {
    const w = await createWorld();
    const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    const bad = input({
      knowledgeHolders: [{ label: 'Ghost', personId: 'nobody' }],
      carriedActionIds: ['nope'],
    });
    const error = await saveAgenda(w.deps, {
      actorId: 'ava',
      oneOnOneId: o.id,
      input: bad,
      baseRevision: null,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgendaValidationError);
    expect((error as AgendaValidationError).problems.map((p) => p.code).sort()).toEqual([
      'agenda.unknown_action',
      'agenda.unknown_person',
    ]);
    expect(await w.store.getAgenda('ava', o.id)).toBeNull();
    expect(await w.store.getPrivateNote('ava', o.id)).toBeNull();
  });

  it('shares with the manager once, announces it, and the manager reads it without private notes', async () => {
    const w = await createWorld();
    const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    await saveAgenda(w.deps, { actorId: 'ava', oneOnOneId: o.id, input: input(), baseRevision: null });
    const first = await shareAgenda(w.deps, 'ava', o.id);
    const second = await shareAgenda(w.deps, 'ava', o.id);
    expect([first.changed, second.changed]).toEqual([true, false]);
    expect(w.events.events.map((e) => e.type)).toEqual(['agendaShared']);
    const seen = (await readSharedAgenda(w.deps, 'max', 'ava', o.id)).agenda;
    expect(JSON.stringify(seen)).not.toContain('PRIVATE-MARKER-7731');
    await expect(readSharedAgenda(w.deps, 'oz', 'ava', o.id)).rejects.toBeInstanceOf(CareerError);
  });

  it('shares anew with the person the 1:1 is now with; the one it was shared with before stops seeing it and is told', async () => {
    const w = await createWorld();
    const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    await saveAgenda(w.deps, { actorId: 'ava', oneOnOneId: o.id, input: input(), baseRevision: null });
    await shareAgenda(w.deps, 'ava', o.id);
    // The invitation now goes to Pia instead of Max.
    const moved = { ...o, counterpart: { address: w.people.peer.email, name: 'Pia Novak', personId: 'pia' } };
    await w.store.saveOneOnOne({ ...moved, relationship: 'peer' });

    const again = await shareAgenda(w.deps, 'ava', o.id);

    expect([again.changed, again.recipientId, again.agenda.counterpartId]).toEqual([true, 'pia', 'pia']);
    expect(again.withdrawnFrom).toBe('max');
    expect(w.events.events.map((e) => [e.type, 'recipientId' in e ? e.recipientId : null])).toEqual([
      ['agendaShared', 'max'],
      ['agendaShared', 'pia'],
      ['agendaWithdrawn', 'max'],
    ]);
    expect((await readSharedAgenda(w.deps, 'pia', 'ava', o.id)).agenda.learningFocus).toBe(
      input().learningFocus,
    );
    await expect(readSharedAgenda(w.deps, 'max', 'ava', o.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('an edit after the 1:1 moved to someone else unshares the agenda and tells only the one who had it', async () => {
    const w = await createWorld();
    const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    await saveAgenda(w.deps, { actorId: 'ava', oneOnOneId: o.id, input: input(), baseRevision: null });
    const shared = await shareAgenda(w.deps, 'ava', o.id);
    const moved = { ...o, counterpart: { address: w.people.peer.email, name: 'Pia Novak', personId: 'pia' } };
    await w.store.saveOneOnOne({ ...moved, relationship: 'peer' });

    const edited = await saveAgenda(w.deps, {
      actorId: 'ava',
      oneOnOneId: o.id,
      input: input({ learningFocus: 'Negotiation' }),
      baseRevision: shared.agenda.revision,
    });

    expect([edited.agenda.counterpartId, edited.agenda.sharedAt]).toEqual(['pia', null]);
    expect(w.events.events.map((e) => [e.type, 'recipientId' in e ? e.recipientId : null])).toEqual([
      ['agendaShared', 'max'],
      ['agendaWithdrawn', 'max'],
    ]);
    // A second edit has nothing more to withdraw.
    await saveAgenda(w.deps, {
      actorId: 'ava',
      oneOnOneId: o.id,
      input: input({ learningFocus: 'Negotiation, again' }),
      baseRevision: edited.agenda.revision,
    });
    expect(w.events.events).toHaveLength(2);
    await expect(readSharedAgenda(w.deps, 'pia', 'ava', o.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(readSharedAgenda(w.deps, 'max', 'ava', o.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('does not show an unshared agenda to the manager', async () => {
    const w = await createWorld();
    const o = await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    await saveAgenda(w.deps, { actorId: 'ava', oneOnOneId: o.id, input: input(), baseRevision: null });
    await expect(readSharedAgenda(w.deps, 'max', 'ava', o.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
