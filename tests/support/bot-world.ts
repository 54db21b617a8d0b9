import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { AppDeps } from '../../src/app/deps';
import { runSchedule } from '../../src/app/schedule/run-schedule';
import type { CareerBot, CareerBotOptions } from '../../src/bot';
import { createCareerBot } from '../../src/bot';
import type { OneOnOne, Relationship } from '../../src/core/one-on-one';
import type { Person } from '../../src/core/person';
import { DEFAULT_WORKING_HOURS } from '../../src/core/person';
import { RecordedCareerEvents } from '../../src/ports/career-events';
import { ManualClock } from '../../src/ports/clock';
import { SequentialIds } from '../../src/ports/ids';
import { createLogger } from '../../src/server/logger';
import type { CareerStore } from '../../src/store/career-store';
import { createMemoryCareerStore } from '../../src/store/memory/memory-career-store';
import { FakeConnector } from './bot-connector';
import { scheduledOneOnOne } from './bot-fixtures';

/** Tuesday 24 November 2026, 10:00 in London. */
export const BOT_NOW = '2026-11-24T10:00:00.000Z';

export interface HttpAnswer {
  status: number;
  body: unknown;
  text: string;
}

/**
 * The bot on a real local HTTP server (demo profile, real CloudAdapter) with a fake Bot Connector it answers to,
 * over the in-memory career store seeded with Ava (reports to Max), Max, and Oz (someone else).
 */
export class BotWorld {
  readonly clock = new ManualClock(BOT_NOW);
  readonly store: CareerStore = createMemoryCareerStore();
  readonly recorded = new RecordedCareerEvents();
  readonly deps: AppDeps = {
    store: this.store,
    clock: this.clock,
    ids: new SequentialIds('r'),
    events: this.recorded,
  };
  readonly connector = new FakeConnector();
  readonly logs: string[] = [];
  bot!: CareerBot;
  url = '';
  private server: http.Server | null = null;
  private eventIds = 0;

  readonly ava = person('ava-0001', 'Ava Chen', 'max-0001');
  readonly max = person('max-0001', 'Max Moreau', null);
  readonly oz = person('oz-0001', 'Oz Idris', null);

  async start(options: Partial<Pick<CareerBotOptions, 'delivery'>> = {}): Promise<this> {
    await this.connector.start();
    for (const p of [this.ava, this.max, this.oz]) await this.store.savePerson(p);
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.logs.push(chunk.toString('utf8'));
        done();
      },
    });
    this.bot = createCareerBot({
      deps: this.deps,
      auth: { profile: 'demo' },
      logger: createLogger({ level: 'debug', destination }),
      delivery: {
        retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 40, maxRetryAfterMs: 2_000 },
        ...options.delivery,
      },
    });
    this.server = http.createServer((req, res) => void this.bot.handleMessages(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/messages`;
    return this;
  }

  async stop(): Promise<void> {
    await this.bot.close(1_000);
    await new Promise<void>((resolve) => {
      if (this.server)
        this.server.close(() => {
          resolve();
        });
      else resolve();
    });
    await this.connector.close();
  }

  conversationOf(p: Person): string {
    return `a:${p.id}`;
  }

  /** An activity as Teams would send it from this person's personal chat with the bot. */
  activityFrom(p: Person, fields: Record<string, unknown>): Record<string, unknown> {
    this.eventIds += 1;
    return {
      id: `incoming-${this.eventIds}`,
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      timestamp: this.clock.now().toISOString(),
      from: { id: `29:${p.id}`, name: p.displayName, aadObjectId: p.id },
      recipient: { id: '28:career-bot', name: 'Career Conversations' },
      conversation: { id: this.conversationOf(p), conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      ...fields,
    };
  }

  async post(
    body: unknown,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ): Promise<HttpAnswer> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed, text };
  }

  /** What Teams sends when a person adds the app: installationUpdate, then conversationUpdate. */
  async install(p: Person): Promise<void> {
    await this.post(this.activityFrom(p, { type: 'installationUpdate', action: 'add' }));
    await this.post(
      this.activityFrom(p, {
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:career-bot' }, { id: `29:${p.id}` }],
      }),
    );
  }

  say(p: Person, text: string, extra: Record<string, unknown> = {}): Promise<HttpAnswer> {
    return this.post(this.activityFrom(p, { type: 'message', text, ...extra }));
  }

  /** Presses an Action.Execute button on a card: the action's data with the typed inputs merged in, as Teams does. */
  press(
    p: Person,
    card: Record<string, unknown> | null,
    verb: string,
    inputs: Record<string, string> = {},
    replyToId?: string,
  ): Promise<HttpAnswer> {
    const action = findExecute(card, verb);
    if (!action) throw new Error(`The card has no ${verb} button.`);
    return this.invoke(p, { type: 'Action.Execute', verb, data: { ...action.data, ...inputs } }, replyToId);
  }

  invoke(p: Person, action: unknown, replyToId?: string): Promise<HttpAnswer> {
    return this.post(
      this.activityFrom(p, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action, trigger: 'manual' },
        replyToId,
      }),
    );
  }

  async schedule(): Promise<Awaited<ReturnType<typeof runSchedule>>> {
    const run = await runSchedule({
      ...this.deps,
      events: this.bot.events,
      notifier: this.bot.notifier,
      holder: 'test',
    });
    await this.bot.idle();
    return run;
  }

  async addOneOnOne(
    owner: Person,
    counterpart: Person,
    relationship: Relationship,
    startsAt: string,
    minutes = 30,
  ): Promise<OneOnOne> {
    const eventId = `evt-${startsAt.slice(0, 10)}-${counterpart.id}`;
    const oneOnOne = scheduledOneOnOne(owner.id, eventId, counterpart, relationship, startsAt, minutes);
    await this.store.saveOneOnOne(oneOnOne);
    return oneOnOne;
  }
}

export function person(id: string, displayName: string, managerId: string | null): Person {
  return {
    id,
    email: `${displayName.split(' ')[0]!.toLowerCase()}@contoso.example`,
    displayName,
    jobTitle: null,
    managerId,
    timeZone: 'Europe/London',
    workingHours: DEFAULT_WORKING_HOURS,
  };
}

/** The Action.Execute with this verb anywhere in a card (show cards included). */
export function findExecute(
  node: unknown,
  verb: string,
): { verb: string; data: Record<string, unknown> } | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findExecute(item, verb);
      if (found) return found;
    }
    return null;
  }
  if (typeof node !== 'object' || node === null) return null;
  const element = node as Record<string, unknown>;
  if (element.type === 'Action.Execute' && element.verb === verb) {
    return { verb, data: (element.data ?? {}) as Record<string, unknown> };
  }
  for (const [key, value] of Object.entries(element)) {
    if (key === 'fallback' || key === 'refresh') continue;
    const found = findExecute(value, verb);
    if (found) return found;
  }
  return null;
}

/** The card of an `adaptiveCard/action` answer (null when it was a refusal). */
export function invokeCard(answer: HttpAnswer): Record<string, unknown> | null {
  const body = answer.body as { type?: string; value?: Record<string, unknown> } | null;
  return body?.type === 'application/vnd.microsoft.card.adaptive' ? (body.value ?? null) : null;
}
