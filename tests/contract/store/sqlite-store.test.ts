import { openSqliteStore } from '../../../src/store/sqlite/sqlite-document-store';
import { describeCareerStoreContract } from './career-store.contract';
import { describeDocumentStoreContract } from './document-store.contract';
import { temporaryStoreFiles } from '../../support/sqlite-files';

describeDocumentStoreContract(
  'SQLite :memory:',
  () => Promise.resolve({ store: openSqliteStore({ file: ':memory:' }) }),
  {
    twins: false,
  },
);

describeCareerStoreContract('SQLite :memory:', () => Promise.resolve(openSqliteStore({ file: ':memory:' })));

describe('SQLite on a file', () => {
  const { nextFile } = temporaryStoreFiles('career-store-');

  describeDocumentStoreContract(
    'SQLite file',
    () => {
      const file = nextFile();
      return Promise.resolve({
        store: openSqliteStore({ file }),
        openTwin: () => Promise.resolve(openSqliteStore({ file })),
      });
    },
    { twins: true },
  );

  describeCareerStoreContract('SQLite file', () => Promise.resolve(openSqliteStore({ file: nextFile() })));

  // Every write goes through the background writer's worker thread, from the first one.
  describeDocumentStoreContract(
    'SQLite file, background writer',
    () => {
      const file = nextFile();
      return Promise.resolve({
        store: openSqliteStore({ file, backgroundWriterAfter: 0 }),
        openTwin: () => Promise.resolve(openSqliteStore({ file, backgroundWriterAfter: 0 })),
      });
    },
    { twins: true },
  );

  describeCareerStoreContract('SQLite file, background writer', () =>
    Promise.resolve(openSqliteStore({ file: nextFile(), backgroundWriterAfter: 0 })),
  );
});
