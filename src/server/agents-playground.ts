import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

export interface RunningPlayground {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Microsoft 365 Agents Playground (demo profile) pointed at the bot, so a newcomer can chat with it
 * in a browser. It runs offline and sends unauthenticated activities, which the demo bot accepts from loopback.
 */
export function startAgentsPlayground(options: {
  botEndpoint: string;
  port: number;
  logger: Logger;
  cwd?: string;
}): RunningPlayground | null {
  const bin = path.resolve('node_modules/.bin/agentsplayground');
  if (!existsSync(bin)) {
    options.logger.warn({ bin }, 'playground.missing');
    return null;
  }
  const child: ChildProcess = spawn(
    bin,
    ['-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      cwd: options.cwd ?? process.cwd(),
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, BROWSER: 'none' },
    },
  );
  child.on('exit', (code) => {
    if (code !== null && code !== 0) options.logger.warn({ code }, 'playground.exited');
  });
  child.stderr?.resume();
  return {
    url: `http://127.0.0.1:${options.port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.killed) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
