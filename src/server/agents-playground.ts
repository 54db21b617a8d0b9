import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

export interface RunningPlayground {
  url: string;
  stop(): Promise<void>;
}

export interface PlaygroundUser {
  /** Entra object id. */
  id: string;
  name: string;
  email: string;
  /** Teams user id; default `29:<object id>`. */
  chatUserId?: string;
}

const CLI = path.resolve('node_modules/@microsoft/m365agentsplayground/cli.js');

/**
 * Starts Microsoft 365 Agents Playground (demo profile) pointed at the bot, signed in as the demo employee,
 * so a newcomer can chat with the bot in a browser. It runs offline and sends unauthenticated activities,
 * which the demo bot accepts from loopback only.
 */
export function startAgentsPlayground(options: {
  botEndpoint: string;
  port: number;
  /** The person using the playground, then at least five others (the playground's mock tenant needs them). */
  users: readonly PlaygroundUser[];
  dataDir: string;
  logger: Logger;
}): RunningPlayground | null {
  if (!existsSync(CLI)) {
    options.logger.warn({}, 'playground.missing');
    return null;
  }
  const dir = path.join(options.dataDir, 'agents-playground');
  mkdirSync(dir, { recursive: true });
  const configPath = path.join(dir, '.m365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfig(options.users));
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--dt'],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'ignore'],
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dir, 'playground.log'),
      },
    },
  );
  child.on('exit', (code) => {
    if (code !== null && code !== 0) options.logger.warn({ code }, 'playground.exited');
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
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

/** The playground's mock tenant: the current user is the demo employee, with Teams user ids derived from the object ids. */
export function playgroundConfig(users: readonly PlaygroundUser[], personalChatId = 'personal-chat'): string {
  const [me, ...others] = users;
  if (!me || others.length < 5)
    throw new RangeError('The playground needs the current user and five others.');
  const user = (p: PlaygroundUser, first: string, rest: string): string[] => {
    const [given = p.name, ...surname] = p.name.split(' ');
    return [
      `${first}id: ${p.chatUserId ?? `29:${p.id}`}`,
      `${rest}name: ${p.name}`,
      `${rest}userPrincipleName: ${p.email}`,
      `${rest}aadObjectId: ${p.id}`,
      `${rest}givenName: ${given}`,
      `${rest}surname: ${surname.join(' ') || given}`,
      `${rest}email: ${p.email}`,
    ];
  };
  return [
    'version: "0.1.1"',
    'tenantId: demo-tenant',
    'bot:',
    '  id: 28:career-conversations',
    '  name: Career Conversations',
    'currentUser:',
    ...user(me, '  ', '  '),
    'users:',
    ...others.slice(0, 5).flatMap((p) => user(p, '  - ', '    ')),
    'personalChat:',
    `  id: ${personalChatId}`,
    'groupChat:',
    '  id: group-chat',
    '  name: Group chat',
    'team:',
    '  id: team-1',
    '  name: Team',
    '  aadGroupId: 00000000-0000-0000-0000-000000000031',
    '  channels:',
    '    - id: channel-1',
    '      name: Channel',
    '',
  ].join('\n');
}
