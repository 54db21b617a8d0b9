import type { CareerStore } from '../../../src/store/career-store';
import { createCareerStore } from '../../../src/store/career-store';
import { COLLECTIONS, DIRECTORY_PARTITION } from '../../../src/store/career/collections';
import { openMemoryStore } from '../../../src/store/memory/memory-document-store';
import type { CountingDocumentStore, DocumentWrite } from '../../support/counting-document-store';
import { countingDocumentStore } from '../../support/counting-document-store';
import { person } from '../../contract/store/career-records.fixtures';

/** Which documents `savePerson` writes: index entries first, only those the stored version lacks. */
describe('savePerson writes only the index entries that changed', () => {
  let documents: CountingDocumentStore;
  let store: CareerStore;

  beforeEach(() => {
    documents = countingDocumentStore(openMemoryStore());
    store = createCareerStore(documents);
  });

  afterEach(async () => {
    await documents.close();
  });

  const ava = person('ava', 'Ava Chen', 'max', 'Ava.Chen@Contoso.example');
  const personDoc: DocumentWrite = {
    op: 'put',
    collection: COLLECTIONS.people,
    partition: DIRECTORY_PARTITION,
    key: 'ava',
  };

  /** The writes made by `work`, and only those. */
  async function writesOf(work: () => Promise<void>): Promise<DocumentWrite[]> {
    const before = documents.writes.length;
    await work();
    return documents.writes.slice(before);
  }

  async function expectLookUps(email: string, managerId: string | null, formerManagerId?: string) {
    expect((await store.findPersonByEmail(email))?.id).toBe('ava');
    if (managerId !== null) expect((await store.listReports(managerId)).map((p) => p.id)).toEqual(['ava']);
    if (formerManagerId !== undefined) expect(await store.listReports(formerManagerId)).toEqual([]);
  }

  it('a new person: the e-mail and reports entries, then the person (3 documents)', async () => {
    const writes = await writesOf(() => store.savePerson(ava));
    expect(writes).toHaveLength(3);
    expect(writes.slice(0, 2)).toEqual(
      expect.arrayContaining([
        {
          op: 'put',
          collection: COLLECTIONS.peopleByEmail,
          partition: 'ava.chen@contoso.example',
          key: 'ava',
        },
        { op: 'put', collection: COLLECTIONS.reports, partition: 'max', key: 'ava' },
      ]),
    );
    expect(writes[2]).toEqual(personDoc);
    expect(await store.getPerson('ava')).toEqual(ava);
    await expectLookUps('ava.chen@contoso.example', 'max');
  });

  it('a new person without a manager or an e-mail: only the entries they have', async () => {
    const loner = { ...person('zed', 'Zed Ng', null), email: '' };
    const writes = await writesOf(() => store.savePerson(loner));
    expect(writes).toEqual([{ ...personDoc, key: 'zed' }]);
    expect(await store.getPerson('zed')).toEqual(loner);
  });

  it('only the display name changed: the person alone (1 document)', async () => {
    await store.savePerson(ava);
    const renamed = { ...ava, displayName: 'Ava Chen-Moreau' };
    expect(await writesOf(() => store.savePerson(renamed))).toEqual([personDoc]);
    expect(await store.getPerson('ava')).toEqual(renamed);
    await expectLookUps('ava.chen@contoso.example', 'max');
  });

  it('an e-mail that differs only in case and spaces is the same entry: the person alone', async () => {
    await store.savePerson(ava);
    const recased = { ...ava, email: ' AVA.CHEN@contoso.EXAMPLE ' };
    expect(await writesOf(() => store.savePerson(recased))).toEqual([personDoc]);
    await expectLookUps('Ava.Chen@Contoso.example', 'max');
  });

  it('a new e-mail: the new entry, the person, then the old entry is deleted', async () => {
    await store.savePerson(ava);
    const moved = { ...ava, email: 'ava.new@contoso.example' };
    expect(await writesOf(() => store.savePerson(moved))).toEqual([
      { op: 'put', collection: COLLECTIONS.peopleByEmail, partition: 'ava.new@contoso.example', key: 'ava' },
      personDoc,
      {
        op: 'delete',
        collection: COLLECTIONS.peopleByEmail,
        partition: 'ava.chen@contoso.example',
        key: 'ava',
      },
    ]);
    expect(await store.findPersonByEmail('ava.chen@contoso.example')).toBeNull();
    await expectLookUps('ava.new@contoso.example', 'max');
    expect(await documents.list(COLLECTIONS.peopleByEmail, 'ava.chen@contoso.example')).toEqual([]);
  });

  it("a new manager: the new manager's entry, the person, then the old manager's entry is deleted", async () => {
    await store.savePerson(ava);
    const moved = { ...ava, managerId: 'zed' };
    expect(await writesOf(() => store.savePerson(moved))).toEqual([
      { op: 'put', collection: COLLECTIONS.reports, partition: 'zed', key: 'ava' },
      personDoc,
      { op: 'delete', collection: COLLECTIONS.reports, partition: 'max', key: 'ava' },
    ]);
    await expectLookUps('ava.chen@contoso.example', 'zed', 'max');
    expect(await documents.list(COLLECTIONS.reports, 'max')).toEqual([]);
  });

  it("losing the manager: the person, then the old manager's entry is deleted", async () => {
    await store.savePerson(ava);
    expect(await writesOf(() => store.savePerson({ ...ava, managerId: null }))).toEqual([
      personDoc,
      { op: 'delete', collection: COLLECTIONS.reports, partition: 'max', key: 'ava' },
    ]);
    await expectLookUps('ava.chen@contoso.example', null, 'max');
  });

  it('a new e-mail and a new manager at once: both new entries, the person, both old entries deleted', async () => {
    await store.savePerson(ava);
    const moved = { ...ava, email: 'ava.new@contoso.example', managerId: 'zed' };
    const writes = await writesOf(() => store.savePerson(moved));
    expect(writes).toHaveLength(5);
    expect(writes.slice(0, 2)).toEqual(
      expect.arrayContaining([
        {
          op: 'put',
          collection: COLLECTIONS.peopleByEmail,
          partition: 'ava.new@contoso.example',
          key: 'ava',
        },
        { op: 'put', collection: COLLECTIONS.reports, partition: 'zed', key: 'ava' },
      ]),
    );
    expect(writes[2]).toEqual(personDoc);
    expect(writes.slice(3)).toEqual(
      expect.arrayContaining([
        {
          op: 'delete',
          collection: COLLECTIONS.peopleByEmail,
          partition: 'ava.chen@contoso.example',
          key: 'ava',
        },
        { op: 'delete', collection: COLLECTIONS.reports, partition: 'max', key: 'ava' },
      ]),
    );
    expect(await store.findPersonByEmail('ava.chen@contoso.example')).toBeNull();
    await expectLookUps('ava.new@contoso.example', 'zed', 'max');
  });

  it('step by step, every look-up answers right after each save', async () => {
    await store.savePerson(ava);
    await expectLookUps('ava.chen@contoso.example', 'max');
    await store.savePerson({ ...ava, displayName: 'Ava C.' });
    await expectLookUps('ava.chen@contoso.example', 'max');
    await store.savePerson({ ...ava, displayName: 'Ava C.', email: 'ava@contoso.example' });
    await expectLookUps('ava@contoso.example', 'max');
    expect(await store.findPersonByEmail('ava.chen@contoso.example')).toBeNull();
    await store.savePerson({ ...ava, displayName: 'Ava C.', email: 'ava@contoso.example', managerId: 'zed' });
    await expectLookUps('ava@contoso.example', 'zed', 'max');
    // Back to the first address and manager: the entries deleted on the way are written again.
    await store.savePerson(ava);
    await expectLookUps('ava.chen@contoso.example', 'max', 'zed');
    expect(await store.findPersonByEmail('ava@contoso.example')).toBeNull();
    expect(await store.getPerson('ava')).toEqual(ava);
  });
});
