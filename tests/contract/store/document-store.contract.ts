import type { DocumentStore } from '../../../src/ports/document-store';
import {
  DEFAULT_CLAIM_LEASE_MS,
  DocumentTooLargeError,
  MAX_BATCH_DOCUMENTS,
  MAX_DOCUMENT_CHARS,
  RevisionConflictError,
} from '../../../src/ports/document-store';

/** What an adapter's test file hands the contract: a fresh, empty store for each test. */
export interface DocumentStoreSubject {
  store: DocumentStore;
  /** Opens another store over the same data, as a second process or app instance would. */
  openTwin?: () => Promise<DocumentStore>;
}

export interface DocumentStoreContractOptions {
  /** Whether the subject can open a second instance over the same data (not SQLite's `:memory:`). */
  twins: boolean;
}

const T0 = new Date('2025-03-03T09:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

/** Reserved or awkward characters for Azure Tables keys, SQL and URLs, and characters beyond ASCII. */
const AWKWARD = [
  'a/b',
  'a\\b',
  'a#b',
  'a?b',
  'a\u0001b',
  "it's",
  'a%2Fb',
  'a b',
  'a|b',
  'a~b',
  'é',
  '😀',
  '\u007f',
];

export function describeDocumentStoreContract(
  name: string,
  factory: () => Promise<DocumentStoreSubject>,
  options: DocumentStoreContractOptions,
): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let opened: DocumentStore[] = [];
    let subject: DocumentStoreSubject;
    let store: DocumentStore;

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
      opened = [store];
    });

    afterEach(async () => {
      for (const s of opened) await s.close();
    });

    const twin = async (): Promise<DocumentStore> => {
      if (!subject.openTwin) throw new Error(`${name} cannot open a second instance`);
      const other = await subject.openTwin();
      opened.push(other);
      return other;
    };

    describe('get and put', () => {
      it('get returns null for a document never written', async () => {
        expect(await store.get('people', 'p1', 'missing')).toBeNull();
      });

      it('get returns the value and the revision that put returned', async () => {
        const revision = await store.put('people', 'p1', 'k1', { name: 'Ada', tags: ['x'], n: 1.5 });
        expect(await store.get('people', 'p1', 'k1')).toEqual({
          partition: 'p1',
          key: 'k1',
          revision,
          value: { name: 'Ada', tags: ['x'], n: 1.5 },
        });
      });

      it('values come back as their JSON: undefined fields dropped, dates as ISO strings', async () => {
        await store.put('people', 'p1', 'k1', {
          a: undefined,
          d: new Date('2025-01-02T03:04:05.000Z'),
          z: null,
        });
        expect((await store.get('people', 'p1', 'k1'))?.value).toEqual({
          d: '2025-01-02T03:04:05.000Z',
          z: null,
        });
      });

      it('every write gives the document a new revision', async () => {
        const first = await store.put('people', 'p1', 'k1', 1);
        const second = await store.put('people', 'p1', 'k1', 1);
        const third = await store.put('people', 'p1', 'k1', 2);
        expect(new Set([first, second, third]).size).toBe(3);
        expect((await store.get('people', 'p1', 'k1'))?.revision).toBe(third);
      });

      it('documents of different collections and partitions are kept apart', async () => {
        await store.put('people', 'p1', 'k', 'people/p1');
        await store.put('people', 'p2', 'k', 'people/p2');
        await store.put('recaps', 'p1', 'k', 'recaps/p1');
        expect((await store.get('people', 'p1', 'k'))?.value).toBe('people/p1');
        expect((await store.get('people', 'p2', 'k'))?.value).toBe('people/p2');
        expect((await store.get('recaps', 'p1', 'k'))?.value).toBe('recaps/p1');
        expect((await store.list('people', 'p1')).map((d) => d.value)).toEqual(['people/p1']);
      });

      it.each(AWKWARD)('a partition and key containing %j round-trip', async (text) => {
        await store.put('people', `p${text}`, `k${text}`, text);
        expect(await store.get('people', `p${text}`, `k${text}`)).toMatchObject({
          partition: `p${text}`,
          key: `k${text}`,
          value: text,
        });
        expect((await store.list('people', `p${text}`)).map((d) => d.key)).toEqual([`k${text}`]);
      });

      it('keys far longer than a table row key allows round-trip and stay distinct', async () => {
        const base = 'AAMkAGI2TG93AAA/+='.repeat(30);
        await store.put('agendas', 'p1', `${base}1`, 1);
        await store.put('agendas', 'p1', `${base}2`, 2);
        expect((await store.get('agendas', 'p1', `${base}1`))?.value).toBe(1);
        expect((await store.get('agendas', 'p1', `${base}2`))?.value).toBe(2);
        expect((await store.list('agendas', 'p1', { prefix: base })).map((d) => d.value)).toEqual([1, 2]);
      });

      it('a value larger than 64 KiB round-trips intact', async () => {
        // ASCII only: Azurite 3.35 garbles multi-byte characters that straddle a request chunk (Azure/Azurite#2670).
        const text = Array.from({ length: 20_000 }, (_, i) => `${i};`).join('');
        await store.put('recaps', 'p1', 'big', { text });
        const stored = await store.get<{ text: string }>('recaps', 'p1', 'big');
        expect(stored?.value.text.length).toBe(text.length);
        expect(stored?.value.text === text).toBe(true);
      });

      it('text beyond ASCII in values round-trips: accents, emoji, NUL, line separators', async () => {
        const value = { text: 'Zoë 😀 \u0000 \u2028 \uffff 日本語', list: ['\ud83d\ude00'] };
        await store.put('recaps', 'p1', 'unicode', value);
        expect((await store.get('recaps', 'p1', 'unicode'))?.value).toEqual(value);
      });

      it(`a value over ${MAX_DOCUMENT_CHARS} characters of JSON is refused and nothing is written`, async () => {
        const put = store.put('recaps', 'p1', 'huge', 'x'.repeat(MAX_DOCUMENT_CHARS));
        await expect(put).rejects.toBeInstanceOf(DocumentTooLargeError);
        expect(await store.get('recaps', 'p1', 'huge')).toBeNull();
      });

      it('a collection name that is not an identifier is refused', async () => {
        await expect(store.put('bad/name', 'p1', 'k', 1)).rejects.toThrow(/not a collection name/);
      });

      it('an empty key is refused', async () => {
        await expect(store.put('people', 'p1', '', 1)).rejects.toThrow(/must not be empty/);
      });
    });

    describe('list', () => {
      const seed = async (keys: string[]): Promise<void> => {
        for (const key of keys) await store.put('items', 'p1', key, key);
      };
      const keysOf = async (opts?: Parameters<DocumentStore['list']>[2]): Promise<string[]> =>
        (await store.list('items', 'p1', opts)).map((d) => d.key);

      it('lists a partition in key order whatever the write order', async () => {
        await seed(['c', 'a', 'b2', 'b10', 'b1']);
        expect(await keysOf()).toEqual(['a', 'b1', 'b10', 'b2', 'c']);
      });

      it('orders keys by code point: punctuation, digits, upper case, lower case, then beyond ASCII', async () => {
        await seed(['😀', 'é', 'a', 'Z', '0', '-', '~', '\uff01', '/']);
        expect(await keysOf()).toEqual(['-', '/', '0', 'Z', 'a', '~', 'é', '\uff01', '😀']);
      });

      it('list of a partition with nothing in it is empty', async () => {
        await seed(['a']);
        expect(await store.list('items', 'other')).toEqual([]);
      });

      it('prefix returns exactly the keys starting with it', async () => {
        await seed(['ab', 'abc', 'ab/x', 'ab~', 'aa', 'ac', 'a', 'b']);
        expect(await keysOf({ prefix: 'ab' })).toEqual(['ab', 'ab/x', 'abc', 'ab~']);
      });

      it('prefix with awkward characters returns exactly the keys starting with it', async () => {
        await seed(['x#1', 'x#2', 'x$1', 'x"1', 'x/1', 'x?1']);
        expect(await keysOf({ prefix: 'x#' })).toEqual(['x#1', 'x#2']);
        expect(await keysOf({ prefix: 'x/' })).toEqual(['x/1']);
      });

      it('from is inclusive and to is exclusive', async () => {
        await seed(['2025-01', '2025-02', '2025-03', '2025-04']);
        expect(await keysOf({ from: '2025-02', to: '2025-04' })).toEqual(['2025-02', '2025-03']);
      });

      it('prefix, from and to combine', async () => {
        await seed(['a1', 'a2', 'a3', 'b1', 'b2']);
        expect(await keysOf({ prefix: 'a', from: 'a2' })).toEqual(['a2', 'a3']);
        expect(await keysOf({ prefix: 'b', to: 'b2' })).toEqual(['b1']);
        expect(await keysOf({ prefix: 'a', from: 'b' })).toEqual([]);
      });

      it('limit returns the first documents in key order', async () => {
        await seed(['d', 'b', 'a', 'c']);
        expect(await keysOf({ limit: 2 })).toEqual(['a', 'b']);
        expect(await keysOf({ from: 'b', limit: 1 })).toEqual(['b']);
      });

      it('a limit that is not a whole number is refused', async () => {
        await expect(store.list('items', 'p1', { limit: 1.5 })).rejects.toThrow(/limit/);
      });
    });

    describe('expected revisions', () => {
      it('expectedRevision null creates a document that does not exist', async () => {
        const revision = await store.put('people', 'p1', 'k', 'v', { expectedRevision: null });
        expect((await store.get('people', 'p1', 'k'))?.revision).toBe(revision);
      });

      it('expectedRevision null refuses a document that exists and leaves it unchanged', async () => {
        await store.put('people', 'p1', 'k', 'first');
        const put = store.put('people', 'p1', 'k', 'second', { expectedRevision: null });
        await expect(put).rejects.toBeInstanceOf(RevisionConflictError);
        expect((await store.get('people', 'p1', 'k'))?.value).toBe('first');
      });

      it('a matching expectedRevision replaces the document', async () => {
        const revision = await store.put('people', 'p1', 'k', 'first');
        await store.put('people', 'p1', 'k', 'second', { expectedRevision: revision });
        expect((await store.get('people', 'p1', 'k'))?.value).toBe('second');
      });

      it('a stale expectedRevision conflicts, names the document, and leaves it unchanged', async () => {
        const stale = await store.put('people', 'p1', 'k', 'first');
        await store.put('people', 'p1', 'k', 'second');
        const put = store.put('people', 'p1', 'k', 'third', { expectedRevision: stale });
        await expect(put).rejects.toMatchObject({
          name: 'RevisionConflictError',
          collection: 'people',
          key: 'k',
        });
        expect((await store.get('people', 'p1', 'k'))?.value).toBe('second');
      });

      it('an expectedRevision for a document that is gone conflicts', async () => {
        const revision = await store.put('people', 'p1', 'k', 'first');
        await store.delete('people', 'p1', 'k');
        const put = store.put('people', 'p1', 'k', 'again', { expectedRevision: revision });
        await expect(put).rejects.toBeInstanceOf(RevisionConflictError);
        expect(await store.get('people', 'p1', 'k')).toBeNull();
      });

      it('of ten concurrent writers starting from the same revision exactly one wins', async () => {
        const revision = await store.put('people', 'p1', 'k', 0);
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) =>
            store.put('people', 'p1', 'k', i + 1, { expectedRevision: revision }),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected.every((r) => r.reason instanceof RevisionConflictError)).toBe(true);
      });
    });

    describe('putBatch', () => {
      it('writes every document and returns the revisions get reports', async () => {
        const revisions = await store.putBatch('items', 'p1', [
          { key: 'a', value: 1 },
          { key: 'b', value: 2, expectedRevision: null },
        ]);
        expect(revisions).toHaveLength(2);
        expect(await store.list('items', 'p1')).toEqual([
          { partition: 'p1', key: 'a', revision: revisions[0], value: 1 },
          { partition: 'p1', key: 'b', revision: revisions[1], value: 2 },
        ]);
      });

      it('a conflict in one document writes none of the batch and names the conflicting key', async () => {
        const stale = await store.put('items', 'p1', 'b', 'old');
        await store.put('items', 'p1', 'b', 'current');
        const batch = store.putBatch('items', 'p1', [
          { key: 'a', value: 'new a' },
          { key: 'b', value: 'new b', expectedRevision: stale },
          { key: 'c', value: 'new c', expectedRevision: null },
        ]);
        await expect(batch).rejects.toMatchObject({ name: 'RevisionConflictError', key: 'b' });
        expect((await store.list('items', 'p1')).map((d) => [d.key, d.value])).toEqual([['b', 'current']]);
      });

      it('a create of an existing document in a batch writes none of it', async () => {
        await store.put('items', 'p1', 'b', 'exists');
        const batch = store.putBatch('items', 'p1', [
          { key: 'a', value: 'new a', expectedRevision: null },
          { key: 'b', value: 'new b', expectedRevision: null },
        ]);
        await expect(batch).rejects.toMatchObject({ name: 'RevisionConflictError', key: 'b' });
        expect((await store.list('items', 'p1')).map((d) => d.key)).toEqual(['b']);
      });

      it('matching expected revisions in a batch replace the documents', async () => {
        const [a, b] = await store.putBatch('items', 'p1', [
          { key: 'a', value: 1 },
          { key: 'b', value: 1 },
        ]);
        await store.putBatch('items', 'p1', [
          { key: 'a', value: 2, expectedRevision: a ?? '' },
          { key: 'b', value: 2, expectedRevision: b ?? '' },
        ]);
        expect((await store.list('items', 'p1')).map((d) => d.value)).toEqual([2, 2]);
      });

      it('a batch naming the same key twice is refused and writes nothing', async () => {
        const batch = store.putBatch('items', 'p1', [
          { key: 'a', value: 1 },
          { key: 'a', value: 2 },
        ]);
        await expect(batch).rejects.toThrow(/twice/);
        expect(await store.list('items', 'p1')).toEqual([]);
      });

      it(`a batch of ${MAX_BATCH_DOCUMENTS} documents is written whole`, async () => {
        const docs = Array.from({ length: MAX_BATCH_DOCUMENTS }, (_, i) => ({
          key: `k${1000 + i}`,
          value: i,
        }));
        await store.putBatch('items', 'p1', docs);
        expect(await store.list('items', 'p1')).toHaveLength(MAX_BATCH_DOCUMENTS);
      });

      it(`a batch of more than ${MAX_BATCH_DOCUMENTS} documents is refused and writes nothing`, async () => {
        const docs = Array.from({ length: MAX_BATCH_DOCUMENTS + 1 }, (_, i) => ({ key: `k${i}`, value: i }));
        await expect(store.putBatch('items', 'p1', docs)).rejects.toThrow(/limit is 100/);
        expect(await store.list('items', 'p1')).toEqual([]);
      });

      it('an empty batch writes nothing and returns no revisions', async () => {
        expect(await store.putBatch('items', 'p1', [])).toEqual([]);
      });
    });

    describe('delete', () => {
      it('delete removes the document from get and list', async () => {
        await store.put('items', 'p1', 'a', 1);
        await store.put('items', 'p1', 'b', 2);
        await store.delete('items', 'p1', 'a');
        expect(await store.get('items', 'p1', 'a')).toBeNull();
        expect((await store.list('items', 'p1')).map((d) => d.key)).toEqual(['b']);
      });

      it('deleting a document that does not exist is not an error', async () => {
        await expect(store.delete('items', 'p1', 'never')).resolves.toBeUndefined();
      });

      it('a deleted document can be created again with expectedRevision null', async () => {
        await store.put('items', 'p1', 'a', 1);
        await store.delete('items', 'p1', 'a');
        await store.put('items', 'p1', 'a', 2, { expectedRevision: null });
        expect((await store.get('items', 'p1', 'a'))?.value).toBe(2);
      });
    });

    describe('claims', () => {
      it('the first claim of a key wins and a second holder is refused', async () => {
        expect(await store.claim('prompt:1', 'worker-a', T0)).toBe(true);
        expect(await store.claim('prompt:1', 'worker-b', at(1000))).toBe(false);
      });

      it('the same holder claiming a live claim again is refused (each call is one attempt)', async () => {
        expect(await store.claim('prompt:1', 'worker-a', T0)).toBe(true);
        expect(await store.claim('prompt:1', 'worker-a', at(1000))).toBe(false);
      });

      it('a claim at an invalid date is refused and takes nothing over, not even a lapsed lease', async () => {
        expect(await store.claim('prompt:1', 'worker-a', T0, 1000)).toBe(true);
        await expect(store.claim('prompt:1', 'worker-b', new Date(Number.NaN), 1000)).rejects.toThrow(
          /valid date/,
        );
        await expect(store.claim('prompt:2', 'worker-b', new Date(Number.NaN))).rejects.toThrow(RangeError);
        expect(await store.claim('prompt:1', 'worker-b', at(500), 1000)).toBe(false);
        expect(await store.claim('prompt:2', 'worker-c', T0)).toBe(true);
      });

      it('claims of different keys do not affect each other', async () => {
        expect(await store.claim('prompt:1', 'worker-a', T0)).toBe(true);
        expect(await store.claim('prompt:2', 'worker-b', T0)).toBe(true);
        expect(await store.claim('prompt:1/x', 'worker-b', T0)).toBe(true);
      });

      it('of 50 concurrent claims of one key exactly one is true', async () => {
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.claim('reminder:7', `worker-${i}`, T0)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('a claim younger than its lease cannot be taken over', async () => {
        await store.claim('prompt:1', 'worker-a', T0, 60_000);
        expect(await store.claim('prompt:1', 'worker-b', at(59_999), 60_000)).toBe(false);
      });

      it('a claim as old as its lease, never completed, is taken over by another holder', async () => {
        await store.claim('prompt:1', 'worker-a', T0, 60_000);
        expect(await store.claim('prompt:1', 'worker-b', at(60_000), 60_000)).toBe(true);
        expect(await store.claim('prompt:1', 'worker-c', at(60_001), 60_000)).toBe(false);
      });

      it('the default lease is ten minutes', async () => {
        expect(DEFAULT_CLAIM_LEASE_MS).toBe(600_000);
        await store.claim('prompt:1', 'worker-a', T0);
        expect(await store.claim('prompt:1', 'worker-b', at(599_999))).toBe(false);
        expect(await store.claim('prompt:1', 'worker-b', at(600_000))).toBe(true);
      });

      it('of 20 concurrent takeovers of an expired claim exactly one is true', async () => {
        await store.claim('prompt:1', 'worker-a', T0, 1000);
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.claim('prompt:1', `worker-${i}`, at(5000), 1000)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('a completed claim is never taken over, however old', async () => {
        await store.claim('prompt:1', 'worker-a', T0, 1000);
        expect(await store.completeClaim('prompt:1', 'worker-a')).toBe(true);
        expect(await store.claim('prompt:1', 'worker-b', at(365 * 86_400_000), 1000)).toBe(false);
      });

      it('completing twice by the holder is fine', async () => {
        await store.claim('prompt:1', 'worker-a', T0);
        expect(await store.completeClaim('prompt:1', 'worker-a')).toBe(true);
        expect(await store.completeClaim('prompt:1', 'worker-a')).toBe(true);
      });

      it('another holder cannot complete a claim, and it can still be taken over when it expires', async () => {
        await store.claim('prompt:1', 'worker-a', T0, 1000);
        expect(await store.completeClaim('prompt:1', 'worker-b')).toBe(false);
        expect(await store.claim('prompt:1', 'worker-c', at(1000), 1000)).toBe(true);
      });

      it('completing a claim that was never made is refused', async () => {
        expect(await store.completeClaim('prompt:never', 'worker-a')).toBe(false);
        expect(await store.claim('prompt:never', 'worker-b', T0)).toBe(true);
      });

      it('the holder whose claim was taken over can no longer complete it', async () => {
        await store.claim('prompt:1', 'worker-a', T0, 1000);
        await store.claim('prompt:1', 'worker-b', at(2000), 1000);
        expect(await store.completeClaim('prompt:1', 'worker-a')).toBe(false);
        expect(await store.completeClaim('prompt:1', 'worker-b')).toBe(true);
      });

      it('a released claim can be claimed again at once', async () => {
        await store.claim('prompt:1', 'worker-a', T0);
        expect(await store.releaseClaim('prompt:1', 'worker-a')).toBe(true);
        expect(await store.claim('prompt:1', 'worker-b', at(1))).toBe(true);
      });

      it('another holder cannot release a claim', async () => {
        await store.claim('prompt:1', 'worker-a', T0);
        expect(await store.releaseClaim('prompt:1', 'worker-b')).toBe(false);
        expect(await store.claim('prompt:1', 'worker-b', at(1))).toBe(false);
      });

      it('a completed claim cannot be released', async () => {
        await store.claim('prompt:1', 'worker-a', T0);
        await store.completeClaim('prompt:1', 'worker-a');
        expect(await store.releaseClaim('prompt:1', 'worker-a')).toBe(false);
        expect(await store.claim('prompt:1', 'worker-b', at(86_400_000))).toBe(false);
      });

      it('claim keys with awkward characters are claims of their own', async () => {
        for (const text of AWKWARD) expect(await store.claim(`k${text}`, 'worker-a', T0)).toBe(true);
        expect(await store.claim('k', 'worker-a', T0)).toBe(true);
      });

      it('a lease that is not a positive number is refused', async () => {
        await expect(store.claim('prompt:1', 'worker-a', T0, 0)).rejects.toThrow(/lease/);
      });
    });

    describe('renewing claims', () => {
      it("the holder's renewal runs the lease again from then: nobody takes it over before it lapses anew", async () => {
        expect(await store.claim('shard:1', 'worker-a', T0, 60_000)).toBe(true);
        expect(await store.renewClaim('shard:1', 'worker-a', at(50_000), 60_000)).toBe(true);
        expect(await store.claim('shard:1', 'worker-b', at(60_000), 60_000)).toBe(false);
        expect(await store.claim('shard:1', 'worker-b', at(109_999), 60_000)).toBe(false);
        expect(await store.claim('shard:1', 'worker-b', at(110_000), 60_000)).toBe(true);
      });

      it('renews again and again, and the claim is still completed by its holder', async () => {
        await store.claim('shard:1', 'worker-a', T0, 1000);
        for (let t = 500; t <= 5000; t += 500) {
          expect(await store.renewClaim('shard:1', 'worker-a', at(t), 1000)).toBe(true);
        }
        expect(await store.claim('shard:1', 'worker-b', at(5999), 1000)).toBe(false);
        expect(await store.completeClaim('shard:1', 'worker-a')).toBe(true);
        expect(await store.claim('shard:1', 'worker-b', at(365 * 86_400_000), 1000)).toBe(false);
      });

      it("the default lease is the same as a claim's", async () => {
        await store.claim('shard:1', 'worker-a', T0);
        expect(await store.renewClaim('shard:1', 'worker-a', at(300_000))).toBe(true);
        expect(await store.claim('shard:1', 'worker-b', at(899_999))).toBe(false);
        expect(await store.claim('shard:1', 'worker-b', at(900_000))).toBe(true);
      });

      it("a lapsed claim nobody took over is still the holder's to renew", async () => {
        await store.claim('shard:1', 'worker-a', T0, 1000);
        expect(await store.renewClaim('shard:1', 'worker-a', at(5000), 1000)).toBe(true);
        expect(await store.claim('shard:1', 'worker-b', at(5999), 1000)).toBe(false);
        expect(await store.claim('shard:1', 'worker-b', at(6000), 1000)).toBe(true);
      });

      it('another holder cannot renew a claim, and its lease lapses when it would have', async () => {
        await store.claim('shard:1', 'worker-a', T0, 60_000);
        expect(await store.renewClaim('shard:1', 'worker-b', at(50_000), 60_000)).toBe(false);
        expect(await store.claim('shard:1', 'worker-c', at(59_999), 60_000)).toBe(false);
        expect(await store.claim('shard:1', 'worker-c', at(60_000), 60_000)).toBe(true);
      });

      it('a completed claim cannot be renewed and stays completed', async () => {
        await store.claim('shard:1', 'worker-a', T0, 1000);
        await store.completeClaim('shard:1', 'worker-a');
        expect(await store.renewClaim('shard:1', 'worker-a', at(500), 1000)).toBe(false);
        expect(await store.releaseClaim('shard:1', 'worker-a')).toBe(false);
        expect(await store.claim('shard:1', 'worker-b', at(86_400_000), 1000)).toBe(false);
      });

      it('renewing a claim never made, or released, is refused and claims nothing', async () => {
        expect(await store.renewClaim('shard:never', 'worker-a', T0)).toBe(false);
        expect(await store.claim('shard:never', 'worker-b', T0)).toBe(true);

        await store.claim('shard:1', 'worker-a', T0);
        await store.releaseClaim('shard:1', 'worker-a');
        expect(await store.renewClaim('shard:1', 'worker-a', at(1))).toBe(false);
        expect(await store.claim('shard:1', 'worker-b', at(2))).toBe(true);
      });

      it('the holder whose lapsed claim was taken over can no longer renew it, nor move its new lease', async () => {
        await store.claim('shard:1', 'worker-a', T0, 1000);
        expect(await store.claim('shard:1', 'worker-b', at(2000), 1000)).toBe(true);
        expect(await store.renewClaim('shard:1', 'worker-a', at(2500), 1000)).toBe(false);
        expect(await store.completeClaim('shard:1', 'worker-a')).toBe(false);
        // worker-b's lease still runs from its takeover at 2000, not from the refused renewal at 2500.
        expect(await store.claim('shard:1', 'worker-c', at(2999), 1000)).toBe(false);
        expect(await store.claim('shard:1', 'worker-c', at(3000), 1000)).toBe(true);
      });

      it('a renewal racing a takeover of the lapsed claim: exactly one of them wins', async () => {
        await store.claim('shard:1', 'worker-a', T0, 1000);
        const [renewed, taken] = await Promise.all([
          store.renewClaim('shard:1', 'worker-a', at(2000), 1000),
          store.claim('shard:1', 'worker-b', at(2000), 1000),
        ]);
        expect([renewed, taken].filter(Boolean)).toHaveLength(1);
        expect(await store.completeClaim('shard:1', renewed ? 'worker-a' : 'worker-b')).toBe(true);
      });

      it('renewal keys with awkward characters renew their own claim only', async () => {
        for (const text of AWKWARD) await store.claim(`k${text}`, 'worker-a', T0, 1000);
        await store.claim('k', 'worker-a', T0, 1000);
        for (const text of AWKWARD) {
          expect(await store.renewClaim(`k${text}`, 'worker-a', at(5000), 1000)).toBe(true);
        }
        expect(await store.claim('k', 'worker-b', at(5000), 1000)).toBe(true);
        for (const text of AWKWARD)
          expect(await store.claim(`k${text}`, 'worker-b', at(5000), 1000)).toBe(false);
      });

      it('an empty key or holder, a lease that is not positive or an invalid date is refused, and nothing changes', async () => {
        await store.claim('shard:1', 'worker-a', T0, 60_000);
        await expect(store.renewClaim('', 'worker-a', at(1))).rejects.toThrow(/must not be empty/);
        await expect(store.renewClaim('shard:1', '', at(1))).rejects.toThrow(/must not be empty/);
        await expect(store.renewClaim('shard:1', 'worker-a', at(1), 0)).rejects.toThrow(/lease/);
        await expect(store.renewClaim('shard:1', 'worker-a', at(1), Number.NaN)).rejects.toThrow(/lease/);
        await expect(store.renewClaim('shard:1', 'worker-a', new Date(Number.NaN))).rejects.toThrow(
          RangeError,
        );
        expect(await store.claim('shard:1', 'worker-b', at(60_000), 60_000)).toBe(true);
      });
    });

    describe('pruning claims', () => {
      const DAY = 86_400_000;

      /** A claim of `key` at `claimedAt`, completed when asked. */
      async function claimed(key: string, claimedAt: Date, completed: boolean): Promise<void> {
        expect(await store.claim(key, 'worker-a', claimedAt, 1000)).toBe(true);
        if (completed) expect(await store.completeClaim(key, 'worker-a')).toBe(true);
      }

      /** Whether `key` is still claimed: a fresh claim long after every lease is refused only while it is. */
      async function stillClaimed(key: string): Promise<boolean> {
        const taken = await store.claim(key, 'probe', at(365 * DAY), 1000);
        if (taken) await store.releaseClaim(key, 'probe');
        return !taken;
      }

      it('removes only completed claims of the prefix claimed before the cut-off, and counts them', async () => {
        await claimed('shard:2025-03-01', at(0), true);
        await claimed('shard:2025-03-02', at(DAY), true);
        await claimed('shard:2025-03-03', at(2 * DAY - 1), true);
        await claimed('shard:2025-03-04', at(2 * DAY), true); // at the cut-off: not before it
        await claimed('shard:2025-03-05', at(3 * DAY), true); // newer
        await claimed('shard:live', at(0), false); // never completed: a lease, however old
        await claimed('other:old', at(0), true); // another prefix
        await claimed('shar', at(0), true); // shorter than the prefix

        expect(await store.pruneClaims('shard:', at(2 * DAY))).toBe(3);

        expect(await stillClaimed('shard:2025-03-01')).toBe(false);
        expect(await stillClaimed('shard:2025-03-02')).toBe(false);
        expect(await stillClaimed('shard:2025-03-03')).toBe(false);
        expect(await stillClaimed('shard:2025-03-04')).toBe(true);
        expect(await stillClaimed('shard:2025-03-05')).toBe(true);
        expect(await stillClaimed('other:old')).toBe(true);
        expect(await stillClaimed('shar')).toBe(true);
        // The uncompleted claim is still held by its holder, who can complete it.
        expect(await store.completeClaim('shard:live', 'worker-a')).toBe(true);
        expect(await store.pruneClaims('shard:', at(2 * DAY))).toBe(1);
      });

      it('pruning again finds nothing, and a prefix nobody used prunes nothing', async () => {
        await claimed('shard:1', at(0), true);
        expect(await store.pruneClaims('shard:', at(DAY))).toBe(1);
        expect(await store.pruneClaims('shard:', at(DAY))).toBe(0);
        expect(await store.pruneClaims('nothing:', at(DAY))).toBe(0);
      });

      // Why only prefixes whose keys are bounded in time (a sync slot, an outbox attempt) may be pruned: a
      // pruned key is forgotten, so the work it guarded could be claimed, and done, again.
      it('a pruned key can be claimed again', async () => {
        await claimed('shard:1', at(0), true);
        expect(await store.claim('shard:1', 'worker-b', at(DAY))).toBe(false);
        expect(await store.pruneClaims('shard:', at(DAY))).toBe(1);
        expect(await store.claim('shard:1', 'worker-b', at(DAY))).toBe(true);
      });

      it("a renewed claim's age counts from its last renewal", async () => {
        expect(await store.claim('shard:1', 'worker-a', at(0), 1000)).toBe(true);
        expect(await store.renewClaim('shard:1', 'worker-a', at(2 * DAY), 1000)).toBe(true);
        expect(await store.completeClaim('shard:1', 'worker-a')).toBe(true);
        expect(await store.pruneClaims('shard:', at(2 * DAY))).toBe(0);
        expect(await store.pruneClaims('shard:', at(2 * DAY + 1))).toBe(1);
      });

      it('prunes many claims in one call', async () => {
        await Promise.all(Array.from({ length: 45 }, (_, i) => claimed(`shard:${i}`, at(i), true)));
        await claimed('shard:new', at(DAY), true);
        expect(await store.pruneClaims('shard:', at(DAY))).toBe(45);
        expect(await store.pruneClaims('shard:', at(2 * DAY))).toBe(1);
      });

      it('prefixes and keys with awkward characters prune exactly their own claims', async () => {
        for (const text of AWKWARD) await claimed(`p${text}:1`, at(0), true);
        await claimed('p', at(0), true);
        expect(await store.pruneClaims('pa', at(DAY))).toBe(
          AWKWARD.filter((text) => text.startsWith('a')).length,
        );
        expect(await store.pruneClaims('p😀', at(DAY))).toBe(1);
        expect(await stillClaimed('pé:1')).toBe(true);
        // What is left: the three awkward keys not starting with "a" or the emoji, and "p" itself.
        expect(await store.pruneClaims('p', at(DAY))).toBe(4);
      });

      it('a long key (shortened by some backends) is pruned by its prefix', async () => {
        const long = `long:${'x'.repeat(600)}`;
        await claimed(long, at(0), true);
        await claimed(`${long}y`, at(0), true);
        expect(await store.pruneClaims(`${long}y`, at(DAY))).toBe(1);
        expect(await stillClaimed(long)).toBe(true);
        expect(await store.pruneClaims('long:', at(DAY))).toBe(1);
        expect(await stillClaimed(long)).toBe(false);
      });

      it('an empty prefix or an invalid date is refused, and nothing changes', async () => {
        await claimed('shard:1', at(0), true);
        await expect(store.pruneClaims('', at(DAY))).rejects.toThrow(RangeError);
        await expect(store.pruneClaims('', at(DAY))).rejects.toThrow(/prefix/);
        await expect(store.pruneClaims('shard:', new Date(Number.NaN))).rejects.toThrow(RangeError);
        expect(await stillClaimed('shard:1')).toBe(true);
      });
    });

    // SQLite's :memory: database belongs to one connection: there is no second instance to test.
    if (!options.twins) return;

    describe('two instances over the same data', () => {
      it('a document written by one instance is read by the other', async () => {
        const other = await twin();
        const revision = await store.put('people', 'p1', 'k', 'from one');
        expect(await other.get('people', 'p1', 'k')).toMatchObject({ revision, value: 'from one' });
      });

      it('a write based on a revision the other instance replaced conflicts', async () => {
        const other = await twin();
        const revision = await store.put('people', 'p1', 'k', 1);
        await other.put('people', 'p1', 'k', 2, { expectedRevision: revision });
        await expect(
          store.put('people', 'p1', 'k', 3, { expectedRevision: revision }),
        ).rejects.toBeInstanceOf(RevisionConflictError);
      });

      it('a key claimed concurrently through both instances is claimed exactly once', async () => {
        const other = await twin();
        const results = await Promise.all(
          Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? store : other).claim('digest:1', `w${i}`, T0)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('a claim renewed through one instance is not taken over through the other', async () => {
        const other = await twin();
        await store.claim('digest:1', 'worker-a', T0, 1000);
        expect(await store.renewClaim('digest:1', 'worker-a', at(900), 1000)).toBe(true);
        expect(await other.claim('digest:1', 'worker-b', at(1899), 1000)).toBe(false);
        expect(await other.renewClaim('digest:1', 'worker-b', at(1899), 1000)).toBe(false);
        expect(await other.claim('digest:1', 'worker-b', at(1900), 1000)).toBe(true);
        expect(await store.renewClaim('digest:1', 'worker-a', at(1950), 1000)).toBe(false);
      });

      it('a claim completed through one instance is not taken over through the other', async () => {
        const other = await twin();
        await store.claim('digest:1', 'worker-a', T0, 1000);
        await store.completeClaim('digest:1', 'worker-a');
        expect(await other.claim('digest:1', 'worker-b', at(10_000), 1000)).toBe(false);
      });
    });
  });
}
