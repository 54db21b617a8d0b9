import type { DocumentStore } from '../ports/document-store';
import { createCareerStore } from '../store/career-store';
import type { CareerStore } from '../store/career-store';
import { openSqliteStore } from '../store/sqlite/sqlite-document-store';
import { openTablesStore } from '../store/tables/tables-document-store';
import type { AppConfig } from './config';

/** The store the configuration asks for: SQLite for one instance, Azure Tables for many. */
export async function openStore(
  config: AppConfig,
): Promise<{ store: CareerStore; documents: DocumentStore }> {
  const documents =
    config.store.kind === 'sqlite'
      ? openSqliteStore({ file: config.store.file })
      : await openTablesStore({
          connectionString: config.store.connectionString,
          tableName: config.store.tableName,
          // Azurite (local development) speaks plain http on loopback; real accounts are https only.
          allowInsecureConnection: /UseDevelopmentStorage=true|=http:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(
            config.store.connectionString,
          ),
        });
  return { store: createCareerStore(documents), documents };
}
