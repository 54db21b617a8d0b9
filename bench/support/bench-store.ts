import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CareerStore } from '../../src/store/career-store';
import { createCareerStore } from '../../src/store/career-store';
import { createMemoryCareerStore } from '../../src/store/memory/memory-career-store';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-document-store';

/** The store the bench writes to: the in-memory adapter, or SQLite in a temporary file (removed after). */
export function openBenchStore(kind: 'memory' | 'sqlite'): { store: CareerStore; dispose(): void } {
  if (kind === 'memory') return { store: createMemoryCareerStore(), dispose: () => undefined };
  const folder = mkdtempSync(path.join(tmpdir(), 'sync-bench-'));
  const documents = openSqliteStore({ file: path.join(folder, 'bench.db') });
  return {
    store: createCareerStore(documents),
    dispose: () => {
      void documents.close().finally(() => {
        rmSync(folder, { recursive: true, force: true });
      });
    },
  };
}
