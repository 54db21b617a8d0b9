import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Person } from '../../src/core/person';
import { playgroundConfig } from '../../src/server/agents-playground';
import type { PlaygroundUser } from '../../src/server/agents-playground';

const CLI = path.resolve(__dirname, '../../node_modules/@microsoft/m365agentsplayground/cli.js');

export interface PlaygroundPeople {
  /** The person using the playground ("current user"), with their Teams user id. */
  me: Person & { chatUserId: string };
  /** The playground insists on exactly five other users. */
  others: (Person & { chatUserId: string })[];
}

/** The Microsoft 365 Agents Playground as a child process: offline, no telemetry, no browser, our own mock tenant. */
export class Playground {
  readonly personalChatId = 'personal-chat';
  baseUrl = '';
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'agents-playground-'));
  readonly output: string[] = [];

  constructor(private readonly people: PlaygroundPeople) {}

  async start(botEndpoint: string): Promise<this> {
    const configPath = path.join(this.dir, '.m365agentsplayground.yml');
    writeFileSync(configPath, this.config());
    const child = spawn(process.execPath, [CLI, '-e', botEndpoint, '-c', 'msteams', '-p', '0', '--dt'], {
      cwd: this.dir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(this.dir, 'playground.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`The playground did not start: ${this.output.join('')}`));
      }, 20_000);
      const read = (data: Buffer): void => {
        this.output.push(data.toString('utf8'));
        const match = /Listening on (\d+)/.exec(this.output.join(''));
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The playground exited (${code ?? 'signal'}): ${this.output.join('')}`));
      });
    });
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** What the playground's "install" debug action does: installationUpdate, then conversationUpdate, to the bot. */
  async install(): Promise<number> {
    return (await this.post(`/_debug/conversation/${this.personalChatId}/installation`, {})).status;
  }

  /** Types a message in the personal chat, as the web UI does. */
  say(text: string): Promise<Response> {
    return this.post(`/_conversation/v1/conversations/${this.personalChatId}/messages`, {
      from: { id: this.people.me.chatUserId },
      text,
      textFormat: 'plain',
    });
  }

  /** Presses an Action.Execute button on a message, as the web UI does; answers with the bot's invoke response. */
  execute(replyToId: string, verb: string, data: Record<string, unknown>): Promise<Response> {
    return this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
      from: { id: this.people.me.chatUserId },
      conversation: { id: this.personalChatId },
      replyToId,
    });
  }

  streamUrl(): string {
    return `${this.baseUrl.replace('http', 'ws')}/_ws_conversation/v1/conversations/stream`;
  }

  private post(route: string, body: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private config(): string {
    const user = (p: Person & { chatUserId: string }): PlaygroundUser => ({
      id: p.id,
      name: p.displayName,
      email: p.email,
      chatUserId: p.chatUserId,
    });
    return playgroundConfig([user(this.people.me), ...this.people.others.map(user)], this.personalChatId);
  }
}
