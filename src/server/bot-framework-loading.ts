import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

/**
 * botbuilder and the Bot Framework packages ship compiled for ES2015: each async function is a call to
 * TypeScript's `__awaiter` with a new generator function, which V8 gives its own prototype and map in the old
 * generation. That garbage keeps every call's young objects alive until a full GC, so each scavenge copies and
 * promotes them: a no-op bot turn promoted 2.7 KB and the scavenges paused 8.5 ms, against 1.4 ms with native
 * async functions (see README, "Performance"). `npm run build` rewrites those calls into the async arrow
 * functions they were compiled from (scripts/native-async.cjs) and keeps the results in `dist/native-async`,
 * each with the hash of the file it came from; the server loads a rewritten file in place of the shipped one
 * only while that file is still the one it was made from (an updated package without a new build loads as
 * shipped, and is reported).
 */
export interface BotFrameworkLoading {
  /** Whether the build's rewritten files were found (false when run from the TypeScript sources). */
  precompiled: boolean;
  /** Files loaded in their rewritten form so far. */
  rewritten: number;
  /** Files loaded as shipped because they changed since the build (paths below node_modules). */
  stale: string[];
  /** Why the build's rewritten files could not be used at all (they then load as shipped), or null. */
  problem: string | null;
}

/** The packages scripts/native-async.cjs rewrites (BOT_FRAMEWORK_PACKAGES there), below the nearest node_modules. */
const BOT_FRAMEWORK_FILE =
  /[\\/]node_modules[\\/]((?:botbuilder|botbuilder-[a-z-]+|botframework-[a-z-]+)[\\/]lib[\\/].+\.js)$/;

interface LoadingModule {
  _compile(code: string, filename: string): void;
}
type Loader = (module: LoadingModule, filename: string) => void;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The manifest's files and hashes; null without a build; a string saying what is wrong with a broken one. */
function manifestOf(dir: string): Record<string, string> | string | null {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return `${file} cannot be read (${error instanceof Error ? error.message : String(error)}): run npm run build again.`;
  }
  const listed = (parsed as { files?: unknown } | null)?.files;
  if (typeof listed !== 'object' || listed === null)
    return `${file} lists no files: run npm run build again.`;
  const files: Record<string, string> = {};
  for (const [key, hash] of Object.entries(listed as Record<string, unknown>)) {
    if (typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)) files[key] = hash;
  }
  return files;
}

/**
 * From now on, Node loads each Bot Framework file the build rewrote (in `dir`) in its rewritten form, under its
 * own file name (so its own requires resolve as before). Must run before anything requires botbuilder.
 */
export function loadBotFrameworkFrom(dir: string): BotFrameworkLoading {
  const loading: BotFrameworkLoading = { precompiled: false, rewritten: 0, stale: [], problem: null };
  const files = manifestOf(dir);
  if (files === null) return loading;
  if (typeof files === 'string') return { ...loading, problem: files };
  loading.precompiled = true;
  const extensions = (Module as unknown as { _extensions: Record<string, Loader | undefined> })._extensions;
  const shipped = extensions['.js'];
  if (!shipped) return loading;
  extensions['.js'] = (module, filename) => {
    const key = BOT_FRAMEWORK_FILE.exec(filename)?.[1]?.split(path.sep).join('/');
    const hash = key === undefined ? undefined : files[key];
    if (key !== undefined && hash !== undefined) {
      if (sha256(readFileSync(filename, 'utf8')) === hash) {
        module._compile(readFileSync(path.join(dir, ...key.split('/')), 'utf8'), filename);
        loading.rewritten += 1;
        return;
      }
      loading.stale.push(key);
    }
    shipped(module, filename);
  };
  return loading;
}
