import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A real Azurite Table service for a test file: in memory, on a free loopback port, stopped with its whole
 * process group in `afterAll`. A small watchdog sits between the test and Azurite and stops it as soon as the
 * test process goes away (its stdin pipe closes), so a crashed or killed Jest worker leaves no orphan behind.
 */

/** Azurite's fixed, publicly documented development account (not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const AZURITE_TABLE = resolve(__dirname, '../../node_modules/.bin/azurite-table');
const START_TIMEOUT_MS = 20_000;

const WATCHDOG = `
const { spawn } = require('node:child_process');
const [bin, ...args] = process.argv.slice(1);
const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 3000).unref();
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
`;

export interface AzuriteTables {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

export async function startAzurite(): Promise<AzuriteTables> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await startOnce(await freePort());
    } catch (error) {
      lastError = error;
      // Only a port taken between our probe and Azurite's bind is worth another try.
      if (!(error instanceof Error) || !/EADDRINUSE|address already in use/i.test(error.message)) break;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

/** Starts Azurite in `beforeAll` and stops it in `afterAll`; call the returned function inside tests. */
export function useAzurite(): () => AzuriteTables {
  let azurite: AzuriteTables | null = null;
  beforeAll(
    async () => {
      azurite = await startAzurite();
    },
    START_TIMEOUT_MS * 3 + 5000,
  );
  afterAll(async () => {
    await azurite?.stop();
    azurite = null;
  });
  return () => {
    if (!azurite) throw new Error('Azurite is not running (use the getter inside a test or hook).');
    return azurite;
  };
}

async function startOnce(port: number): Promise<AzuriteTables> {
  // In-memory persistence writes no data, but Azurite may still drop a debug file in its working folder.
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  const args = [
    '--inMemoryPersistence',
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
  ];
  const child = spawn(process.execPath, ['-e', WATCHDOG, AZURITE_TABLE, ...args], {
    cwd: location,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      done();
    });
  });
  const stop = async (): Promise<void> => {
    await stopGroup(child, exited);
    rmSync(location, { recursive: true, force: true });
  };
  try {
    await waitUntilListening(port, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    stop,
  };
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-pid, name);
    } catch {
      // the group is already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => {
    signal('SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
  signal('SIGKILL'); // Azurite itself, should it have outlived the watchdog
  child.stdin?.destroy();
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        done(port);
      });
    });
  });
}

async function waitUntilListening(port: number, exited: Promise<void>, output: () => string): Promise<void> {
  const state = { gone: false };
  void exited.then(() => {
    state.gone = true;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (state.gone) throw new Error(`Azurite exited before listening on ${port}:\n${output()}`);
    if (await accepts(port)) return;
    await new Promise((done) => {
      setTimeout(done, 50);
    });
  }
  throw new Error(`Azurite did not listen on ${port} within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
  });
}
