import { randomBytes } from 'node:crypto';
import { openTablesStore } from '../../../src/store/tables/tables-document-store';
import { useAzurite } from '../../support/azurite';
import { describeCareerStoreContract } from './career-store.contract';
import { describeDocumentStoreContract } from './document-store.contract';

/** One Azurite for the file; each test gets a table of its own. */
const azurite = useAzurite();

const newTableName = (): string => `t${randomBytes(8).toString('hex')}`;
const openTables = (tableName: string) =>
  openTablesStore({ connectionString: azurite().connectionString, tableName, allowInsecureConnection: true });

describeDocumentStoreContract(
  'Azure Tables (Azurite)',
  async () => {
    const tableName = newTableName();
    return { store: await openTables(tableName), openTwin: () => openTables(tableName) };
  },
  { twins: true },
);

describeCareerStoreContract('Azure Tables (Azurite)', () => openTables(newTableName()));
