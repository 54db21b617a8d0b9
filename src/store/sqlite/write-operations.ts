import type Database from 'better-sqlite3';
import { RevisionConflictError } from '../../ports/document-store';

/**
 * The store's writes as plain data: checked, serialised and given their revisions on the caller's thread, then
 * applied either on that thread (`WriteStatements`) or by the background writer's worker, which mirrors
 * `WriteStatements.apply` in plain JavaScript. Being data, an operation can be posted to a worker as is.
 */
export interface DocumentWrite {
  key: string;
  /** Made on the caller's thread (`newRevision`), so the worker needs none of this project's code. */
  revision: string;
  value: string;
  /** `null`: must not exist yet; a string: must still be at that revision; `undefined`: upsert. */
  expected: string | null | undefined;
}

export type WriteOperation =
  | ({ kind: 'put'; collection: string; partition: string } & DocumentWrite)
  | { kind: 'putBatch'; collection: string; partition: string; documents: DocumentWrite[] }
  | { kind: 'delete'; collection: string; partition: string; key: string }
  | { kind: 'claim'; key: string; holder: string; at: number; expiredBy: number }
  | { kind: 'renewClaim'; key: string; holder: string; at: number }
  | { kind: 'completeClaim'; key: string; holder: string }
  | { kind: 'releaseClaim'; key: string; holder: string }
  /** `upper` null: the prefix has no upper bound (it is all U+10FFFF). */
  | { kind: 'pruneClaims'; lower: string; upper: string | null; before: number };

/** What each kind of operation settles with. */
export interface WriteResults {
  put: string;
  putBatch: string[];
  delete: undefined;
  claim: boolean;
  renewClaim: boolean;
  completeClaim: boolean;
  releaseClaim: boolean;
  pruneClaims: number;
}

export type WriteResultOf<O extends WriteOperation> = WriteResults[O['kind']];

const WHERE = 'collection = @collection AND partition = @partition';

/**
 * WAL pages a writing connection lets build up before its commit checkpoints them into the database file
 * (SQLite's default is 1,000, about 4 MB). A sync writes the same interior and leaf pages over and over: at
 * 10,000 (about 40 MB) each is copied back once per checkpoint instead of every few hundred commits, which took
 * about 16% off the writer's CPU in a 10,000-person sync (`npm run bench:sync`).
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** The write statements, shared by both threads so they cannot drift apart. */
export const WRITE_SQL = {
  upsert: `INSERT INTO documents (collection, partition, key, revision, value)
           VALUES (@collection, @partition, @key, @revision, @value)
           ON CONFLICT (collection, partition, key) DO UPDATE SET revision = excluded.revision, value = excluded.value`,
  insertNew: `INSERT INTO documents (collection, partition, key, revision, value)
              VALUES (@collection, @partition, @key, @revision, @value) ON CONFLICT DO NOTHING`,
  replace: `UPDATE documents SET revision = @revision, value = @value
            WHERE ${WHERE} AND key = @key AND revision = @expected`,
  delete: `DELETE FROM documents WHERE ${WHERE} AND key = @key`,
  claimNew: `INSERT INTO claims (key, holder, claimed_at, completed) VALUES (@key, @holder, @at, 0) ON CONFLICT DO NOTHING`,
  claimExpired: `UPDATE claims SET holder = @holder, claimed_at = @at
                 WHERE key = @key AND completed = 0 AND claimed_at <= @expiredBy`,
  renew: `UPDATE claims SET claimed_at = @at WHERE key = @key AND holder = @holder AND completed = 0`,
  complete: `UPDATE claims SET completed = 1 WHERE key = @key AND holder = @holder`,
  release: `DELETE FROM claims WHERE key = @key AND holder = @holder AND completed = 0`,
  // A range on the primary key (BINARY: code point order, as prefixUpperBound counts) finds the prefix.
  prune: `DELETE FROM claims WHERE key >= @lower AND key < @upper AND completed = 1 AND claimed_at < @before`,
  pruneToEnd: `DELETE FROM claims WHERE key >= @lower AND completed = 1 AND claimed_at < @before`,
} as const;

/** Applies write operations on the connection it was made for, inside whatever transaction is open there. */
export class WriteStatements {
  private readonly statements: Record<keyof typeof WRITE_SQL, Database.Statement>;
  private readonly batch: (collection: string, partition: string, documents: DocumentWrite[]) => string[];

  constructor(db: Database.Database) {
    const entries = Object.entries(WRITE_SQL).map(([name, sql]) => [name, db.prepare(sql)] as const);
    this.statements = Object.fromEntries(entries) as Record<keyof typeof WRITE_SQL, Database.Statement>;
    // Inside the group's transaction better-sqlite3 makes this a savepoint: the batch is all or nothing.
    const batch = db.transaction((collection: string, partition: string, documents: DocumentWrite[]) =>
      documents.map((doc) => this.write(collection, partition, doc)),
    );
    this.batch = (collection, partition, documents) => batch.immediate(collection, partition, documents);
  }

  apply<O extends WriteOperation>(op: O): WriteResultOf<O>;
  apply(op: WriteOperation): WriteResults[keyof WriteResults] {
    const s = this.statements;
    switch (op.kind) {
      case 'put':
        return this.write(op.collection, op.partition, op);
      case 'putBatch':
        return op.documents.length === 0 ? [] : this.batch(op.collection, op.partition, op.documents);
      case 'delete':
        s.delete.run({ collection: op.collection, partition: op.partition, key: op.key });
        return undefined;
      case 'claim': {
        const { key, holder, at } = op;
        // Each statement is atomic on its own and SQLite lets one writer in at a time, across processes too:
        // the insert wins for exactly one caller; the takeover matches only while the claim is still expired.
        if (s.claimNew.run({ key, holder, at }).changes === 1) return true;
        return s.claimExpired.run({ key, holder, at, expiredBy: op.expiredBy }).changes === 1;
      }
      case 'renewClaim':
        return s.renew.run({ key: op.key, holder: op.holder, at: op.at }).changes === 1;
      case 'completeClaim':
        return s.complete.run({ key: op.key, holder: op.holder }).changes === 1;
      case 'releaseClaim':
        return s.release.run({ key: op.key, holder: op.holder }).changes === 1;
      case 'pruneClaims':
        return op.upper === null
          ? s.pruneToEnd.run({ lower: op.lower, before: op.before }).changes
          : s.prune.run({ lower: op.lower, upper: op.upper, before: op.before }).changes;
    }
  }

  private write(collection: string, partition: string, doc: DocumentWrite): string {
    const { key, revision, value, expected } = doc;
    const params = { collection, partition, key, revision, value };
    if (expected === undefined) {
      this.statements.upsert.run(params);
      return revision;
    }
    const changes =
      expected === null
        ? this.statements.insertNew.run(params).changes
        : this.statements.replace.run({ ...params, expected }).changes;
    if (changes !== 1) throw new RevisionConflictError(collection, partition, key);
    return revision;
  }
}
