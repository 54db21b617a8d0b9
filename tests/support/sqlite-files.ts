import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = resolve(__dirname, '../..');

/**
 * A temporary folder for the describe block it is called in (made before its tests, removed after), and a
 * fresh data file path in it for each call of `nextFile`.
 */
export function temporaryStoreFiles(prefix: string): { folder(): string; nextFile(): string } {
  let folder: string | null = null;
  let count = 0;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  const current = (): string => {
    if (!folder) throw new Error('temporaryStoreFiles: the folder exists only while the tests run.');
    return folder;
  };
  return {
    folder: current,
    nextFile: () => {
      count += 1;
      return join(current(), `data-${count}`, 'career.db');
    },
  };
}

/**
 * The SQLite adapter (and whatever else `contents` exports from the repository's sources) compiled for plain Node,
 * for child processes that open the store on their own; better-sqlite3 stays a normal require.
 */
export function bundleForPlainNode(outfile: string, contents: string): void {
  buildSync({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile,
    logLevel: 'silent',
  });
}
