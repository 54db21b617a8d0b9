import { DEFAULT_PROMPT_SETTINGS } from '../../../src/core';
import type { DocumentStore } from '../../../src/ports/document-store';
import type { OutboxEntry, SyncState } from '../../../src/ports/store';
import type { CareerStore } from '../../../src/store/career-store';
import { StoreConflictError, createCareerStore } from '../../../src/store/career-store';
import { COLLECTIONS, DIRECTORY_PARTITION, compositeKey } from '../../../src/store/career/collections';
import {
  action,
  agenda,
  meeting,
  newActionId,
  newRecapId,
  note,
  person,
  recap,
  seededRandom,
} from './career-records.fixtures';

/** A fresh, empty document store per test; the career store is built over it here, once for every adapter. */
export type DocumentStoreFactory = () => Promise<DocumentStore>;

const T0 = new Date('2026-03-02T09:00:00.000Z');
const SECRET = 'PRIVATE-NOTE-7f3a: I am thinking of leaving';

const syncState: SyncState = {
  deltaLink: 'https://graph.example/delta?token=1',
  windowStart: '2026-03-01T00:00:00.000Z',
  windowEnd: '2026-04-01T00:00:00.000Z',
  lastSyncedAt: '2026-03-02T09:00:00.000Z',
  failures: 0,
  lastError: null,
  nextAttemptAt: null,
  directoryRefreshedAt: null,
};

export function describeCareerStoreContract(name: string, factory: DocumentStoreFactory): void {
  describe(`CareerStore contract: ${name}`, () => {
    let documents: DocumentStore;
    let store: CareerStore;

    beforeEach(async () => {
      documents = await factory();
      store = createCareerStore(documents);
    });

    afterEach(async () => {
      await documents.close();
    });

    const ava = person('ava', 'Ava Chen', 'max', 'Ava.Chen@Contoso.example');
    const max = person('max', 'Max Moreau', null);
    const zed = person('zed', 'Zed Ng', null);
    const bea = person('bea', 'Bea Ito', 'max');
    /** A recap card the bot sent Max (without its version). */
    const recapCardForMax = {
      subjectId: 'ava~r1',
      personId: 'max',
      purpose: 'recap-recipient',
      activityId: 'a1',
      conversationId: 'c1',
    };

    describe('people', () => {
      it('getPerson returns a saved person and null for an unknown id', async () => {
        await store.savePerson(ava);
        expect(await store.getPerson('ava')).toEqual(ava);
        expect(await store.getPerson('nobody')).toBeNull();
      });

      it('findPersonByEmail ignores case and surrounding spaces', async () => {
        await store.savePerson(ava);
        expect((await store.findPersonByEmail('  ava.chen@CONTOSO.example '))?.id).toBe('ava');
        expect(await store.findPersonByEmail('someone@contoso.example')).toBeNull();
      });

      it('findPersonByEmail follows a change of address: the old one finds nobody', async () => {
        await store.savePerson(ava);
        await store.savePerson({ ...ava, email: 'ava.new@contoso.example' });
        expect(await store.findPersonByEmail('ava.chen@contoso.example')).toBeNull();
        expect((await store.findPersonByEmail('ava.new@contoso.example'))?.id).toBe('ava');
      });

      it('findPersonByEmail finds the current holder of an address that moved to someone else', async () => {
        await store.savePerson(person('old', 'Old Holder', null, 'team@contoso.example'));
        await store.savePerson(person('old', 'Old Holder', null, 'old@contoso.example'));
        await store.savePerson(person('new', 'New Holder', null, 'team@contoso.example'));
        expect((await store.findPersonByEmail('team@contoso.example'))?.id).toBe('new');
      });

      it("listReports lists a manager's reports by display name", async () => {
        for (const p of [max, ava, bea, zed]) await store.savePerson(p);
        expect((await store.listReports('max')).map((p) => p.id)).toEqual(['ava', 'bea']);
        expect(await store.listReports('zed')).toEqual([]);
      });

      it('a change of manager moves the person from the old manager’s reports to the new one’s', async () => {
        await store.savePerson(ava);
        await store.savePerson({ ...ava, managerId: 'zed' });
        expect(await store.listReports('max')).toEqual([]);
        expect((await store.listReports('zed')).map((p) => p.id)).toEqual(['ava']);
      });

      it('losing a manager removes the person from their reports', async () => {
        await store.savePerson(ava);
        await store.savePerson({ ...ava, managerId: null });
        expect(await store.listReports('max')).toEqual([]);
      });

      it('listReports skips an index entry whose person does not exist or reports elsewhere', async () => {
        await store.savePerson(ava);
        await documents.put(COLLECTIONS.reports, 'max', 'ghost', { personId: 'ghost' });
        await documents.put(COLLECTIONS.reports, 'max', 'zed', { personId: 'zed' });
        await store.savePerson(zed);
        expect((await store.listReports('max')).map((p) => p.id)).toEqual(['ava']);
      });

      it('listPeople lists everyone by display name', async () => {
        for (const p of [zed, max, ava]) await store.savePerson(p);
        expect((await store.listPeople()).map((p) => p.displayName)).toEqual([
          'Ava Chen',
          'Max Moreau',
          'Zed Ng',
        ]);
      });
    });

    describe('1:1s', () => {
      it('getOneOnOne finds a saved 1:1 by its id', async () => {
        const m = meeting('ava', 'evt-1', '2026-03-03T10:00:00.000Z');
        await store.saveOneOnOne(m);
        expect(await store.getOneOnOne('ava:evt-1')).toEqual(m);
      });

      it('event ids with any characters round-trip, colons and slashes included', async () => {
        const eventId = `AAMkAGI2:TG93/AAA+b#?%'é😀 ${'x'.repeat(300)}=`;
        const m = meeting('ava', eventId, '2026-03-03T10:00:00.000Z');
        await store.saveOneOnOne(m);
        expect(await store.getOneOnOne(`ava:${eventId}`)).toEqual(m);
      });

      it('getOneOnOne of an id that is not owner:event is null', async () => {
        expect(await store.getOneOnOne('no-colon')).toBeNull();
        expect(await store.getOneOnOne(':evt')).toBeNull();
      });

      it("listOneOnOnes returns the owner's 1:1s by start, from inclusive and to exclusive", async () => {
        await store.saveOneOnOne(meeting('ava', 'c', '2026-03-10T10:00:00.000Z'));
        await store.saveOneOnOne(meeting('ava', 'a', '2026-03-01T10:00:00.000Z'));
        await store.saveOneOnOne(meeting('ava', 'b', '2026-03-05T10:00:00Z'));
        await store.saveOneOnOne(meeting('max', 'd', '2026-03-05T10:00:00.000Z'));
        expect((await store.listOneOnOnes('ava')).map((o) => o.eventId)).toEqual(['a', 'b', 'c']);
        const range = { from: '2026-03-05T10:00:00.000Z', to: '2026-03-10T10:00:00.000Z' };
        expect((await store.listOneOnOnes('ava', range)).map((o) => o.eventId)).toEqual(['b']);
      });

      it('deleteOneOnOne removes the 1:1', async () => {
        await store.saveOneOnOne(meeting('ava', 'evt-1', '2026-03-03T10:00:00.000Z'));
        await store.deleteOneOnOne('ava', 'evt-1');
        expect(await store.getOneOnOne('ava:evt-1')).toBeNull();
        expect(await store.listOneOnOnes('ava')).toEqual([]);
      });

      it('saveOneOnOne refuses an id that is not ownerId:eventId', async () => {
        const m = { ...meeting('ava', 'evt-1', '2026-03-03T10:00:00.000Z'), id: 'max:evt-1' };
        await expect(store.saveOneOnOne(m)).rejects.toThrow(/ownerId:eventId/);
      });

      it('saveOneOnOnes saves every 1:1 of the list, more than one batch holds included', async () => {
        const day = (n: number): string => new Date(Date.UTC(2026, 2, 1, 9, n)).toISOString();
        const list = Array.from({ length: 130 }, (_, n) => meeting('ava', `evt-${1000 + n}`, day(n)));
        await store.saveOneOnOnes('ava', list);
        expect(await store.listOneOnOnes('ava')).toEqual(list);
      });

      it('saveOneOnOnes replaces stored 1:1s, and the last of a repeated 1:1 wins', async () => {
        await store.saveOneOnOne(meeting('ava', 'evt-1', '2026-03-03T10:00:00.000Z'));
        const moved = meeting('ava', 'evt-1', '2026-03-04T10:00:00.000Z');
        const cancelled = { ...moved, status: 'cancelled' as const };
        await store.saveOneOnOnes('ava', [
          moved,
          meeting('ava', 'evt-2', '2026-03-05T10:00:00.000Z'),
          cancelled,
        ]);
        expect(await store.getOneOnOne('ava:evt-1')).toEqual(cancelled);
        expect((await store.listOneOnOnes('ava')).map((o) => o.eventId)).toEqual(['evt-1', 'evt-2']);
      });

      it("saveOneOnOnes refuses, writing nothing, a list holding someone else's 1:1", async () => {
        const list = [
          meeting('ava', 'evt-1', '2026-03-03T10:00:00.000Z'),
          meeting('max', 'evt-2', '2026-03-04T10:00:00.000Z'),
        ];
        await expect(store.saveOneOnOnes('ava', list)).rejects.toThrow(/max/);
        expect(await store.listOneOnOnes('ava')).toEqual([]);
      });

      it('saveOneOnOnes of an empty list changes nothing', async () => {
        await store.saveOneOnOnes('ava', []);
        expect(await store.listOneOnOnes('ava')).toEqual([]);
      });
    });

    describe('agendas', () => {
      it('getAgenda returns the saved agenda', async () => {
        const a = agenda('ava', 'ava:evt-1');
        await store.saveAgenda(a);
        expect(await store.getAgenda('ava', 'ava:evt-1')).toEqual(a);
        expect(await store.getAgenda('ava', 'ava:evt-2')).toBeNull();
      });

      it('revision 1 is refused with a conflict when an agenda already exists', async () => {
        await store.saveAgenda(agenda('ava', 'ava:evt-1'));
        const again = store.saveAgenda(agenda('ava', 'ava:evt-1', { learningFocus: 'other' }));
        await expect(again).rejects.toBeInstanceOf(StoreConflictError);
        await expect(again).rejects.toMatchObject({ code: 'conflict' });
        expect((await store.getAgenda('ava', 'ava:evt-1'))?.learningFocus).toBe('Facilitation');
      });

      it('the next revision is accepted', async () => {
        await store.saveAgenda(agenda('ava', 'ava:evt-1'));
        await store.saveAgenda(agenda('ava', 'ava:evt-1', { revision: 2, learningFocus: 'Coaching' }));
        expect(await store.getAgenda('ava', 'ava:evt-1')).toMatchObject({
          revision: 2,
          learningFocus: 'Coaching',
        });
      });

      it('a revision that skips ahead is refused', async () => {
        await store.saveAgenda(agenda('ava', 'ava:evt-1'));
        await expect(store.saveAgenda(agenda('ava', 'ava:evt-1', { revision: 3 }))).rejects.toBeInstanceOf(
          StoreConflictError,
        );
      });

      it('a revision based on an older one is refused and the stored agenda stays', async () => {
        await store.saveAgenda(agenda('ava', 'ava:evt-1'));
        await store.saveAgenda(agenda('ava', 'ava:evt-1', { revision: 2, learningFocus: 'first writer' }));
        const stale = store.saveAgenda(
          agenda('ava', 'ava:evt-1', { revision: 2, learningFocus: 'second writer' }),
        );
        await expect(stale).rejects.toBeInstanceOf(StoreConflictError);
        expect((await store.getAgenda('ava', 'ava:evt-1'))?.learningFocus).toBe('first writer');
      });

      it('a first revision other than 1 is refused', async () => {
        await expect(store.saveAgenda(agenda('ava', 'ava:evt-1', { revision: 2 }))).rejects.toBeInstanceOf(
          StoreConflictError,
        );
      });

      it('of five concurrent saves of the same next revision exactly one wins', async () => {
        await store.saveAgenda(agenda('ava', 'ava:evt-1'));
        const results = await Promise.allSettled(
          [1, 2, 3, 4, 5].map((i) =>
            store.saveAgenda(agenda('ava', 'ava:evt-1', { revision: 2, learningFocus: `writer ${i}` })),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(losers.every((r) => r.reason instanceof StoreConflictError)).toBe(true);
      });

      it('listSharedAgendasFor lists agendas shared with the counterpart, not unshared ones', async () => {
        await store.saveAgenda(agenda('ava', 'ava:evt-1', { sharedAt: '2026-03-02T09:00:00.000Z' }));
        await store.saveAgenda(agenda('ava', 'ava:evt-2'));
        await store.saveAgenda(agenda('bea', 'bea:evt-9', { sharedAt: '2026-03-04T09:00:00.000Z' }));
        await store.saveAgenda(
          agenda('bea', 'bea:evt-8', { counterpartId: 'zed', sharedAt: '2026-03-04T09:00:00Z' }),
        );
        const shared = await store.listSharedAgendasFor('max');
        expect(shared.map((a) => a.oneOnOneId)).toEqual(['bea:evt-9', 'ava:evt-1']);
        expect(await store.listSharedAgendasFor('ava')).toEqual([]);
      });

      it('an agenda shared with someone else afterwards leaves the first counterpart’s list', async () => {
        await store.saveAgenda(agenda('ava', 'ava:evt-1', { sharedAt: '2026-03-02T09:00:00.000Z' }));
        await store.saveAgenda(
          agenda('ava', 'ava:evt-1', {
            revision: 2,
            counterpartId: 'zed',
            sharedAt: '2026-03-02T10:00:00.000Z',
          }),
        );
        expect(await store.listSharedAgendasFor('max')).toEqual([]);
        expect((await store.listSharedAgendasFor('zed')).map((a) => a.oneOnOneId)).toEqual(['ava:evt-1']);
      });

      it('an agenda no longer shared leaves the counterpart’s list', async () => {
        await store.saveAgenda(agenda('ava', 'ava:evt-1', { sharedAt: '2026-03-02T09:00:00.000Z' }));
        await store.saveAgenda(agenda('ava', 'ava:evt-1', { revision: 2, sharedAt: null }));
        expect(await store.listSharedAgendasFor('max')).toEqual([]);
      });
    });

    describe('private notes', () => {
      it('getPrivateNote returns the author’s note, kept apart from the agenda', async () => {
        await store.saveAgenda(agenda('ava', 'ava:evt-1'));
        await store.savePrivateNote(note('ava', 'ava:evt-1', SECRET));
        expect((await store.getPrivateNote('ava', 'ava:evt-1'))?.text).toBe(SECRET);
        expect(JSON.stringify(await store.getAgenda('ava', 'ava:evt-1'))).not.toContain(SECRET);
      });

      it("a private note's text appears in no result of any query the counterpart can make", async () => {
        const random = seededRandom(7);
        for (const p of [ava, max]) await store.savePerson(p);
        await store.saveOneOnOne(meeting('ava', 'evt-1', '2026-03-03T10:00:00.000Z'));
        await store.saveOneOnOne(meeting('max', 'evt-1', '2026-03-03T10:00:00.000Z', 'ava'));
        await store.saveAgenda(agenda('ava', 'ava:evt-1', { sharedAt: '2026-03-02T09:00:00.000Z' }));
        await store.savePrivateNote(note('ava', 'ava:evt-1', SECRET));
        const recapId = newRecapId('ava', random);
        await store.saveRecap(recap(recapId, 'ava', 'max', { oneOnOneId: 'ava:evt-1' }), null);
        await store.saveActions([action(newActionId('ava', random), 'ava', { recapId, ownerId: 'max' })]);
        await store.saveCardActivity({
          subjectId: recapId,
          personId: 'max',
          purpose: 'recap-recipient',
          activityId: 'a1',
          conversationId: 'c1',
          version: 1,
        });
        expect(JSON.stringify(await store.getPrivateNote('ava', 'ava:evt-1'))).toContain(SECRET);

        const counterpartResults: unknown[] = [
          await store.getPerson('max'),
          await store.findPersonByEmail(max.email),
          await store.listReports('max'),
          await store.listPeople(),
          await store.listOneOnOnes('max'),
          await store.getOneOnOne('max:evt-1'),
          await store.getAgenda('max', 'ava:evt-1'),
          await store.getAgenda('max', 'max:evt-1'),
          await store.listSharedAgendasFor('max'),
          await store.getPrivateNote('max', 'ava:evt-1'),
          await store.getPrivateNote('max', 'max:evt-1'),
          await store.getRecap(recapId),
          await store.listRecapsByAuthor('max'),
          await store.listRecapsForRecipient('max'),
          await store.findRecapForOneOnOne('max', 'max:evt-1'),
          await store.listActionsForEmployee('max'),
          await store.listActionsOwnedBy('max'),
          await store.listActionsWithCounterpart('max'),
          await store.getConversation('max'),
          await store.listCardActivities(recapId),
          await store.getSettings('max'),
          await store.getSyncState('max'),
          await store.exportPersonData('max'),
        ];
        for (const result of counterpartResults) expect(JSON.stringify(result)).not.toContain(SECRET);
      });
    });

    describe('recaps', () => {
      const random = seededRandom(42);

      it('newRecapId embeds the author and is the same for the same seed', () => {
        const id = newRecapId('ava', seededRandom(1));
        expect(id).toMatch(/^ava~[0-9a-z]{16}$/);
        expect(newRecapId('ava', seededRandom(1))).toBe(id);
        expect(newRecapId('ava', seededRandom(2))).not.toBe(id);
      });

      it('getRecap returns the saved recap and the revision saveRecap returned', async () => {
        const r = recap(newRecapId('ava', random), 'ava', 'max');
        const revision = await store.saveRecap(r, null);
        expect(await store.getRecap(r.id)).toEqual({ recap: r, revision });
      });

      it('getRecap of an unknown or malformed id is null', async () => {
        expect(await store.getRecap('ava~unknown')).toBeNull();
        expect(await store.getRecap('no-author-part')).toBeNull();
      });

      it('saving a new recap whose id already exists is a conflict', async () => {
        const r = recap(newRecapId('ava', random), 'ava', 'max');
        await store.saveRecap(r, null);
        await expect(store.saveRecap({ ...r, topics: ['other'] }, null)).rejects.toBeInstanceOf(
          StoreConflictError,
        );
        expect((await store.getRecap(r.id))?.recap.topics).toEqual(['Career goals']);
      });

      it('a save at the current revision is accepted and returns a new revision', async () => {
        const r = recap(newRecapId('ava', random), 'ava', 'max');
        const first = await store.saveRecap(r, null);
        const second = await store.saveRecap({ ...r, state: 'acknowledged' }, first);
        expect(second).not.toBe(first);
        expect(await store.getRecap(r.id)).toMatchObject({
          revision: second,
          recap: { state: 'acknowledged' },
        });
      });

      it('a save at a stale revision is a conflict and the stored recap stays', async () => {
        const r = recap(newRecapId('ava', random), 'ava', 'max');
        const first = await store.saveRecap(r, null);
        await store.saveRecap({ ...r, state: 'acknowledged' }, first);
        const stale = store.saveRecap({ ...r, state: 'changeRequested' }, first);
        await expect(stale).rejects.toMatchObject({ name: 'StoreConflictError', code: 'conflict' });
        expect((await store.getRecap(r.id))?.recap.state).toBe('acknowledged');
      });

      it('saveRecap refuses an id that does not embed its author', async () => {
        await expect(store.saveRecap(recap('max~abc', 'ava', 'max'), null)).rejects.toThrow(/newRecapId/);
      });

      it("listRecapsByAuthor lists the author's recaps newest first, drafts included", async () => {
        const older = recap(newRecapId('ava', random), 'ava', 'max', {
          createdAt: '2026-03-01T10:00:00.000Z',
        });
        const newer = recap(newRecapId('ava', random), 'ava', 'zed', {
          state: 'draft',
          createdAt: '2026-03-05T10:00:00.000Z',
        });
        await store.saveRecap(older, null);
        await store.saveRecap(newer, null);
        await store.saveRecap(recap(newRecapId('bea', random), 'bea', 'max'), null);
        expect((await store.listRecapsByAuthor('ava')).map((r) => r.id)).toEqual([newer.id, older.id]);
      });

      it('listRecapsForRecipient lists recaps sent to them, never drafts or recaps to others', async () => {
        const sent = recap(newRecapId('ava', random), 'ava', 'max');
        await store.saveRecap(sent, null);
        await store.saveRecap(recap(newRecapId('ava', random), 'ava', 'max', { state: 'draft' }), null);
        await store.saveRecap(recap(newRecapId('ava', random), 'ava', 'zed'), null);
        expect((await store.listRecapsForRecipient('max')).map((r) => r.id)).toEqual([sent.id]);
      });

      it('findRecapForOneOnOne finds the author’s recap of that 1:1 only', async () => {
        const r = recap(newRecapId('ava', random), 'ava', 'max', { oneOnOneId: 'ava:evt-7' });
        await store.saveRecap(r, null);
        expect(await store.findRecapForOneOnOne('ava', 'ava:evt-7')).toEqual(r);
        expect(await store.findRecapForOneOnOne('ava', 'ava:evt-8')).toBeNull();
        expect(await store.findRecapForOneOnOne('max', 'ava:evt-7')).toBeNull();
      });
    });

    describe('index entries', () => {
      const random = seededRandom(77);
      const revisionOf = async (collection: string, partition: string, key: string) =>
        (await documents.get(collection, partition, key))?.revision ?? null;

      it('re-saving a recap for the same recipient and 1:1 leaves its index entries as they are', async () => {
        const r = recap(newRecapId('ava', random), 'ava', 'max');
        const first = await store.saveRecap(r, null);
        const byRecipient = await revisionOf(COLLECTIONS.recapsByRecipient, 'max', r.id);
        const byOneOnOne = await revisionOf(COLLECTIONS.recapsByOneOnOne, 'ava', r.oneOnOneId);
        expect(byRecipient).not.toBeNull();
        expect(byOneOnOne).not.toBeNull();
        await store.saveRecap({ ...r, state: 'acknowledged' }, first);
        expect(await revisionOf(COLLECTIONS.recapsByRecipient, 'max', r.id)).toBe(byRecipient);
        expect(await revisionOf(COLLECTIONS.recapsByOneOnOne, 'ava', r.oneOnOneId)).toBe(byOneOnOne);
      });

      it('an index entry a crash lost after the recap was written comes back on the next save', async () => {
        const r = recap(newRecapId('ava', random), 'ava', 'max');
        const first = await store.saveRecap(r, null);
        await documents.delete(COLLECTIONS.recapsByRecipient, 'max', r.id);
        await documents.put(COLLECTIONS.recapsByOneOnOne, 'ava', r.oneOnOneId, { recapId: 'ava~other' });
        expect(await store.listRecapsForRecipient('max')).toEqual([]);
        expect(await store.findRecapForOneOnOne('ava', r.oneOnOneId)).toBeNull();

        await store.saveRecap({ ...r, state: 'acknowledged' }, first);
        expect((await store.listRecapsForRecipient('max')).map((x) => x.id)).toEqual([r.id]);
        expect((await store.findRecapForOneOnOne('ava', r.oneOnOneId))?.id).toBe(r.id);
      });

      it('a malformed index entry is written over, not trusted', async () => {
        const r = recap(newRecapId('ava', random), 'ava', 'max');
        const first = await store.saveRecap(r, null);
        await documents.put(COLLECTIONS.recapsByRecipient, 'max', r.id, { recapId: r.id, extra: 'x' });
        await store.saveRecap({ ...r, state: 'acknowledged' }, first);
        expect((await documents.get(COLLECTIONS.recapsByRecipient, 'max', r.id))?.value).toEqual({
          recapId: r.id,
        });
      });

      it("a card's per-person entry is written once, and again only when it went missing", async () => {
        const card = { ...recapCardForMax, version: 1 };
        const key = compositeKey(card.subjectId, card.purpose);
        await store.saveCardActivity(card);
        const entry = await revisionOf(COLLECTIONS.cardActivitiesByPerson, 'max', key);
        expect(entry).not.toBeNull();
        await store.saveCardActivity({ ...card, version: 2, activityId: 'a2' });
        expect(await revisionOf(COLLECTIONS.cardActivitiesByPerson, 'max', key)).toBe(entry);

        await documents.delete(COLLECTIONS.cardActivitiesByPerson, 'max', key);
        await store.saveCardActivity({ ...card, version: 3, activityId: 'a3' });
        expect((await store.exportPersonData('max')).cardActivities).toEqual([
          { ...card, version: 3, activityId: 'a3' },
        ]);
      });

      it('a shared agenda lost from the counterpart’s index comes back when the agenda is saved again', async () => {
        const shared = agenda('ava', 'ava:evt-1', { sharedAt: '2026-03-02T09:00:00.000Z' });
        await store.saveAgenda(shared);
        const key = compositeKey('ava', 'ava:evt-1');
        const entry = await revisionOf(COLLECTIONS.sharedAgendas, 'max', key);
        expect(entry).not.toBeNull();
        await store.saveAgenda({ ...shared, learningFocus: 'Pricing', revision: 2 });
        expect(await revisionOf(COLLECTIONS.sharedAgendas, 'max', key)).toBe(entry);

        await documents.delete(COLLECTIONS.sharedAgendas, 'max', key);
        expect(await store.listSharedAgendasFor('max')).toEqual([]);
        await store.saveAgenda({ ...shared, learningFocus: 'Pricing', revision: 3 });
        expect((await store.listSharedAgendasFor('max')).map((a) => a.revision)).toEqual([3]);
      });
    });

    describe('actions', () => {
      const random = seededRandom(9);

      it('getAction returns a saved action; an unknown id is null', async () => {
        const a = action(newActionId('ava', random), 'ava');
        await store.saveActions([a]);
        expect(await store.getAction(a.id)).toEqual(a);
        expect(await store.getAction('ava~unknown')).toBeNull();
      });

      it("listActionsForEmployee lists the employee's actions earliest due first", async () => {
        const late = action(newActionId('ava', random), 'ava', { dueOn: '2026-05-01' });
        const soon = action(newActionId('ava', random), 'ava', { dueOn: '2026-03-15' });
        await store.saveActions([late, soon, action(newActionId('bea', random), 'bea')]);
        expect((await store.listActionsForEmployee('ava')).map((a) => a.id)).toEqual([soon.id, late.id]);
      });

      it("listActionsOwnedBy lists a person's actions from every employee's recaps", async () => {
        const fromAva = action(newActionId('ava', random), 'ava', { ownerId: 'max', dueOn: '2026-04-02' });
        const fromBea = action(newActionId('bea', random), 'bea', { ownerId: 'max', dueOn: '2026-04-01' });
        await store.saveActions([fromAva, fromBea, action(newActionId('ava', random), 'ava')]);
        expect((await store.listActionsOwnedBy('max')).map((a) => a.id)).toEqual([fromBea.id, fromAva.id]);
      });

      it('listActionsWithCounterpart lists actions agreed with that person', async () => {
        const withMax = action(newActionId('ava', random), 'ava');
        const withZed = action(newActionId('ava', random), 'ava', { counterpartId: 'zed' });
        await store.saveActions([withMax, withZed]);
        expect((await store.listActionsWithCounterpart('max')).map((a) => a.id)).toEqual([withMax.id]);
        expect((await store.listActionsWithCounterpart('zed')).map((a) => a.id)).toEqual([withZed.id]);
      });

      it('an action whose owner changes moves from the old owner’s list to the new one’s', async () => {
        const a = action(newActionId('ava', random), 'ava', { ownerId: 'max' });
        await store.saveActions([a]);
        await store.saveActions([{ ...a, ownerId: 'ava' }]);
        expect(await store.listActionsOwnedBy('max')).toEqual([]);
        expect((await store.listActionsOwnedBy('ava')).map((x) => x.id)).toEqual([a.id]);
      });

      it('deleteAction removes the action from every list', async () => {
        const a = action(newActionId('ava', random), 'ava', { ownerId: 'max' });
        await store.saveActions([a]);
        await store.deleteAction(a.id);
        expect(await store.getAction(a.id)).toBeNull();
        expect(await store.listActionsForEmployee('ava')).toEqual([]);
        expect(await store.listActionsOwnedBy('max')).toEqual([]);
        expect(await store.listActionsWithCounterpart('max')).toEqual([]);
      });

      it('more actions than one batch holds are all saved', async () => {
        const many = Array.from({ length: 150 }, () => action(newActionId('ava', random), 'ava'));
        await store.saveActions(many);
        expect(await store.listActionsForEmployee('ava')).toHaveLength(150);
        expect(await store.listActionsWithCounterpart('max')).toHaveLength(150);
      });

      it('saveActions refuses an id that does not embed its employee, and saves none of the call', async () => {
        const good = action(newActionId('ava', random), 'ava');
        await expect(store.saveActions([good, action('x~1', 'ava')])).rejects.toThrow(/newActionId/);
        expect(await store.listActionsForEmployee('ava')).toEqual([]);
      });
    });

    describe('bot records', () => {
      const reference = {
        conversation: { id: 'a:1' },
        serviceUrl: 'https://smba.example/',
        nested: [1, 'two'],
      };

      it('getConversation returns the saved reference as it was given', async () => {
        await store.saveConversation('ava', {
          reference,
          installedAt: '2026-03-01T09:00:00.000Z',
          uninstalledAt: null,
        });
        expect(await store.getConversation('ava')).toEqual({
          reference,
          installedAt: '2026-03-01T09:00:00.000Z',
          uninstalledAt: null,
        });
        expect(await store.getConversation('max')).toBeNull();
      });

      it('markUninstalled records the time and keeps the reference', async () => {
        await store.saveConversation('ava', {
          reference,
          installedAt: '2026-03-01T09:00:00.000Z',
          uninstalledAt: null,
        });
        await store.markUninstalled('ava', '2026-03-09T09:00:00.000Z');
        expect(await store.getConversation('ava')).toMatchObject({
          reference,
          uninstalledAt: '2026-03-09T09:00:00.000Z',
        });
      });

      it('markUninstalled of someone who never installed changes nothing', async () => {
        await store.markUninstalled('ava', '2026-03-09T09:00:00.000Z');
        expect(await store.getConversation('ava')).toBeNull();
      });

      it('listCardActivities lists the cards of one subject; saving the same card again replaces it', async () => {
        const card = recapCardForMax;
        await store.saveCardActivity({ ...card, version: 1 });
        await store.saveCardActivity({ ...card, version: 2, activityId: 'a2' });
        await store.saveCardActivity({ ...card, personId: 'ava', purpose: 'recap-author', version: 1 });
        await store.saveCardActivity({ ...card, subjectId: 'ava~r2', version: 1 });
        expect(await store.listCardActivities('ava~r1')).toEqual([
          { ...card, personId: 'ava', purpose: 'recap-author', version: 1 },
          { ...card, version: 2, activityId: 'a2' },
        ]);
      });
    });

    describe('outbox', () => {
      const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();
      const entry = (id: string, dueMinutes: number, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
        id,
        event: { type: 'recapSent', authorId: 'ava', recapId: 'ava~r1' },
        createdAt: at(0),
        attempts: 0,
        nextAttemptAt: at(dueMinutes),
        lastError: null,
        ...overrides,
      });

      it('listDueOutbox returns the entries due by then (the boundary included), earliest first, as saved', async () => {
        const shared = entry('e-3', 2, {
          event: { type: 'agendaShared', oneOnOneId: 'ava:evt|1', ownerId: 'ava', recipientId: 'max' },
          attempts: 2,
          lastError: 'DeliveryFailedError: the recap card',
        });
        const withdrawn = entry('e-4', 6, {
          event: { type: 'agendaWithdrawn', oneOnOneId: 'ava:evt|1', ownerId: 'ava', recipientId: 'oz' },
        });
        await store.saveOutboxEntry(entry('e-2', 5));
        await store.saveOutboxEntry(shared);
        await store.saveOutboxEntry(withdrawn);
        await store.saveOutboxEntry(entry('e-1', 0));
        await store.saveOutboxEntry(entry('e-0', 60 * 24 * 400));
        expect(await store.listDueOutbox(new Date(at(5)), 10)).toEqual([
          entry('e-1', 0),
          shared,
          entry('e-2', 5),
        ]);
        expect((await store.listDueOutbox(new Date(at(6)), 10)).at(-1)).toEqual(withdrawn);
        expect((await store.listDueOutbox(new Date(at(4)), 10)).map((e) => e.id)).toEqual(['e-1', 'e-3']);
        expect((await store.listDueOutbox(new Date(at(5)), 2)).map((e) => e.id)).toEqual(['e-1', 'e-3']);
        expect(await store.listDueOutbox(new Date(Date.parse(at(0)) - 1), 10)).toEqual([]);
      });

      it('entries due at the same time come in id order; deleteOutboxEntry removes one, twice is fine', async () => {
        await store.saveOutboxEntry(entry('b', 1));
        await store.saveOutboxEntry(entry('a', 1));
        expect((await store.listDueOutbox(new Date(at(1)), 10)).map((e) => e.id)).toEqual(['a', 'b']);
        await store.deleteOutboxEntry(entry('a', 1));
        await store.deleteOutboxEntry(entry('a', 1));
        expect((await store.listDueOutbox(new Date(at(1)), 10)).map((e) => e.id)).toEqual(['b']);
      });

      it('rescheduling is a save at the new time and a delete at the old one; saving again at one time replaces', async () => {
        const first = entry('e-1', 0);
        const later = { ...first, attempts: 1, nextAttemptAt: at(30), lastError: 'Error' };
        await store.saveOutboxEntry(later);
        await store.deleteOutboxEntry(first);
        expect(await store.listDueOutbox(new Date(at(29)), 10)).toEqual([]);
        await store.saveOutboxEntry({ ...later, lastError: 'Error again' });
        expect(await store.listDueOutbox(new Date(at(30)), 10)).toEqual([
          { ...later, lastError: 'Error again' },
        ]);
      });

      it('refuses entries that could not be handled or found again, with a RangeError, writing nothing', async () => {
        const bad: OutboxEntry[] = [
          entry('', 0),
          entry('x'.repeat(129), 0),
          entry('e', 0, { nextAttemptAt: 'soon' }),
          entry('e', 0, { createdAt: '' }),
          entry('e', 0, { attempts: -1 }),
          entry('e', 0, { attempts: 1.5 }),
          entry('e', 0, { event: { type: 'recapSent', authorId: 'ava', recapId: 'max~r1' } }),
          entry('e', 0, { event: { type: 'recapAcknowledged', authorId: '', recapId: '~r1' } }),
          entry('e', 0, {
            event: { type: 'agendaShared', oneOnOneId: 'max:evt-1', ownerId: 'ava', recipientId: 'max' },
          }),
          entry('e', 0, {
            event: { type: 'agendaShared', oneOnOneId: 'ava:evt-1', ownerId: 'ava', recipientId: '' },
          }),
          entry('e', 0, {
            event: { type: 'agendaWithdrawn', oneOnOneId: 'max:evt-1', ownerId: 'ava', recipientId: 'oz' },
          }),
        ];
        for (const e of bad) await expect(store.saveOutboxEntry(e)).rejects.toThrow(RangeError);
        await expect(store.listDueOutbox(new Date(at(0)), 0)).rejects.toThrow(RangeError);
        await expect(store.deleteOutboxEntry({ id: '', nextAttemptAt: at(0) })).rejects.toThrow(RangeError);
        expect(await store.listDueOutbox(new Date(at(60)), 100)).toEqual([]);
      });
    });

    describe('settings and sync state', () => {
      it('getSettings returns the defaults for someone who never saved any', async () => {
        expect(await store.getSettings('ava')).toEqual(DEFAULT_PROMPT_SETTINGS);
      });

      it('getSettings returns saved settings', async () => {
        const settings = { ...DEFAULT_PROMPT_SETTINGS, leadTimeHours: 48, promptsPaused: true };
        await store.saveSettings('ava', settings);
        expect(await store.getSettings('ava')).toEqual(settings);
        expect(await store.getSettings('max')).toEqual(DEFAULT_PROMPT_SETTINGS);
      });

      it('getSyncState is null until saved, then returns what was saved', async () => {
        expect(await store.getSyncState('ava')).toBeNull();
        await store.saveSyncState('ava', syncState);
        await store.saveSyncState('ava', { ...syncState, failures: 2, lastError: 'throttled' });
        expect(await store.getSyncState('ava')).toEqual({
          ...syncState,
          failures: 2,
          lastError: 'throttled',
        });
      });
    });

    describe('claims', () => {
      it('claims pass through: once, not again, completed for good, released for a retry', async () => {
        expect(await store.claim('prompt:ava:evt-1', 'worker-a', T0)).toBe(true);
        expect(await store.claim('prompt:ava:evt-1', 'worker-b', T0)).toBe(false);
        await store.completeClaim('prompt:ava:evt-1', 'worker-a');
        expect(await store.claim('prompt:ava:evt-1', 'worker-b', new Date(T0.getTime() + 86_400_000))).toBe(
          false,
        );
        expect(await store.claim('remind:ava', 'worker-a', T0)).toBe(true);
        await store.releaseClaim('remind:ava', 'worker-a');
        expect(await store.claim('remind:ava', 'worker-b', T0)).toBe(true);
      });

      it('renewClaim passes through: the holder keeps the lease from the renewal on, nobody else may renew', async () => {
        const minute = 60_000;
        const at = (ms: number) => new Date(T0.getTime() + ms);
        expect(await store.claim('sync-shard:32/1:slot', 'worker-a', T0, 10 * minute)).toBe(true);
        expect(await store.renewClaim('sync-shard:32/1:slot', 'worker-b', at(5 * minute), 10 * minute)).toBe(
          false,
        );
        expect(await store.renewClaim('sync-shard:32/1:slot', 'worker-a', at(8 * minute), 10 * minute)).toBe(
          true,
        );
        expect(await store.claim('sync-shard:32/1:slot', 'worker-b', at(12 * minute), 10 * minute)).toBe(
          false,
        );
        expect(await store.claim('sync-shard:32/1:slot', 'worker-b', at(18 * minute), 10 * minute)).toBe(
          true,
        );
      });
    });

    describe('export and delete of a person’s data', () => {
      const random = seededRandom(3);

      /** Ava's world: her records, what she shares with Max, what Max sends her, and Max's own records. */
      async function seedAvaAndMax() {
        for (const p of [ava, max]) await store.savePerson(p);
        await store.saveSettings('ava', { ...DEFAULT_PROMPT_SETTINGS, leadTimeHours: 12 });
        await store.saveSyncState('ava', syncState);
        await store.saveConversation('ava', {
          reference: { id: 'conv-ava' },
          installedAt: T0.toISOString(),
          uninstalledAt: null,
        });
        await store.saveOneOnOne(meeting('ava', 'evt-1', '2026-03-03T10:00:00.000Z'));
        await store.saveOneOnOne(meeting('max', 'evt-1', '2026-03-03T10:00:00.000Z', 'ava'));
        await store.saveAgenda(agenda('ava', 'ava:evt-1', { sharedAt: '2026-03-02T09:00:00.000Z' }));
        await store.saveAgenda(
          agenda('max', 'max:evt-1', { counterpartId: 'ava', sharedAt: '2026-03-02T09:00:00.000Z' }),
        );
        await store.savePrivateNote(note('ava', 'ava:evt-1', 'ava private'));
        await store.savePrivateNote(note('max', 'max:evt-1', 'max private'));
        const written = recap(newRecapId('ava', random), 'ava', 'max', { oneOnOneId: 'ava:evt-1' });
        const received = recap(newRecapId('max', random), 'max', 'ava', { oneOnOneId: 'max:evt-1' });
        await store.saveRecap(written, null);
        await store.saveRecap(received, null);
        const own = action(newActionId('ava', random), 'ava', { recapId: written.id });
        const ownedByMax = action(newActionId('ava', random), 'ava', { recapId: written.id, ownerId: 'max' });
        const fromMax = action(newActionId('max', random), 'max', { counterpartId: 'ava', ownerId: 'ava' });
        await store.saveActions([own, ownedByMax, fromMax]);
        const card = {
          subjectId: received.id,
          personId: 'ava',
          purpose: 'recap-recipient',
          activityId: 'a',
          conversationId: 'c',
          version: 1,
        };
        await store.saveCardActivity(card);
        await store.saveCardActivity({ ...card, subjectId: written.id, personId: 'max' });
        return { written, received, own, ownedByMax, fromMax, card };
      }

      it('exportPersonData gathers every record about the person and what they can see', async () => {
        const seeded = await seedAvaAndMax();
        const exported = await store.exportPersonData('ava');
        expect(exported.person).toEqual(ava);
        expect(exported.settings?.leadTimeHours).toBe(12);
        expect(exported.syncState).toEqual(syncState);
        expect(exported.conversation?.reference).toEqual({ id: 'conv-ava' });
        expect(exported.oneOnOnes.map((o) => o.id)).toEqual(['ava:evt-1']);
        expect(exported.agendas.map((a) => a.oneOnOneId)).toEqual(['ava:evt-1']);
        expect(exported.privateNotes.map((n) => n.text)).toEqual(['ava private']);
        expect(exported.recapsWritten.map((r) => r.id)).toEqual([seeded.written.id]);
        expect(exported.recapsReceived.map((r) => r.id)).toEqual([seeded.received.id]);
        expect(exported.agendasSharedWithMe.map((a) => a.oneOnOneId)).toEqual(['max:evt-1']);
        expect(exported.actions.map((a) => a.id).sort()).toEqual(
          [seeded.own.id, seeded.ownedByMax.id].sort(),
        );
        expect(exported.actionsOwned.map((a) => a.id).sort()).toEqual(
          [seeded.own.id, seeded.fromMax.id].sort(),
        );
        expect(exported.actionsAsCounterpart.map((a) => a.id)).toEqual([seeded.fromMax.id]);
        expect(exported.cardActivities).toEqual([seeded.card]);
        expect(JSON.stringify(exported)).not.toContain('max private');
      });

      it('deletePersonData removes every record in the person’s partitions', async () => {
        const seeded = await seedAvaAndMax();
        const deletion = await store.deletePersonData('ava');
        expect(deletion.removed).toMatchObject({
          person: 1,
          oneOnOnes: 1,
          agendas: 1,
          privateNotes: 1,
          recaps: 1,
          actions: 2,
          conversation: 1,
          cardActivities: 1,
          settings: 1,
          syncState: 1,
        });
        expect(await store.getPerson('ava')).toBeNull();
        expect(await store.findPersonByEmail(ava.email)).toBeNull();
        expect(await store.getSettings('ava')).toEqual(DEFAULT_PROMPT_SETTINGS);
        expect(await store.getSyncState('ava')).toBeNull();
        expect(await store.getConversation('ava')).toBeNull();
        expect(await store.listOneOnOnes('ava')).toEqual([]);
        expect(await store.getAgenda('ava', 'ava:evt-1')).toBeNull();
        expect(await store.getPrivateNote('ava', 'ava:evt-1')).toBeNull();
        expect(await store.getRecap(seeded.written.id)).toBeNull();
        expect(await store.listActionsForEmployee('ava')).toEqual([]);
        const empty = await store.exportPersonData('ava');
        expect(empty).toMatchObject({
          person: null,
          recapsReceived: [],
          agendasSharedWithMe: [],
          actionsOwned: [],
        });
        expect(empty.cardActivities).toEqual([]);
      });

      it('deletePersonData leaves no trace in other people’s look-ups and keeps their own records', async () => {
        const seeded = await seedAvaAndMax();
        await store.deletePersonData('ava');
        expect(await store.listReports('max')).toEqual([]);
        expect(await store.listSharedAgendasFor('max')).toEqual([]);
        expect(await store.listRecapsForRecipient('max')).toEqual([]);
        expect((await store.listActionsOwnedBy('max')).map((a) => a.id)).toEqual([]);
        const maxsCard = { ...seeded.card, subjectId: seeded.written.id, personId: 'max' };
        expect(await store.listCardActivities(seeded.written.id)).toEqual([maxsCard]);
        expect(await store.getPerson('max')).toEqual(max);
        expect((await store.getRecap(seeded.received.id))?.recap.id).toBe(seeded.received.id);
        expect(await store.getAgenda('max', 'max:evt-1')).not.toBeNull();
        expect((await store.getPrivateNote('max', 'max:evt-1'))?.text).toBe('max private');
        expect((await store.listActionsForEmployee('max')).map((a) => a.id)).toEqual([seeded.fromMax.id]);
        expect(await documents.list(COLLECTIONS.people, DIRECTORY_PARTITION)).toHaveLength(1);
      });
    });
  });
}
