import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { isLoopbackAddress, isLoopbackUrl } from '../../../src/bot/hosting/loopback';
import { createCareerBot } from '../../../src/bot';
import { commandOf } from '../../../src/bot/commands/command-text';
import { CareerCloudAdapter } from '../../../src/bot/hosting/career-adapter';
import { messagesHandler } from '../../../src/bot/hosting/handle-messages';
import { ReusingBotFrameworkAuthentication } from '../../../src/bot/hosting/reusing-authentication';
import { readExecuteAction, readSubmitAction } from '../../../src/bot/verbs/card-action';
import { RecordedCareerEvents } from '../../../src/ports/career-events';
import { ManualClock } from '../../../src/ports/clock';
import { SequentialIds } from '../../../src/ports/ids';
import { createLogger } from '../../../src/server/logger';
import { createMemoryCareerStore } from '../../../src/store/memory/memory-career-store';

test.each([
  ['127.0.0.1', true],
  ['127.8.9.10', true],
  ['::1', true],
  ['::ffff:127.0.0.1', true],
  ['192.0.2.7', false],
  ['::ffff:10.0.0.1', false],
  ['fd00::2', false],
  [undefined, false],
])('%s is loopback: %s', (address, expected) => {
  expect(isLoopbackAddress(address)).toBe(expected);
});

test('only URLs on this machine count as local service URLs', () => {
  expect(isLoopbackUrl('http://127.0.0.1:56150/_connector')).toBe(true);
  expect(isLoopbackUrl('http://localhost:3978/')).toBe(true);
  expect(isLoopbackUrl('http://[::1]:3978/')).toBe(true);
  expect(isLoopbackUrl('https://smba.trafficmanager.net/emea/')).toBe(false);
  expect(isLoopbackUrl('file:///etc/passwd')).toBe(false);
  expect(isLoopbackUrl('not a url')).toBe(false);
});

function fakeRequest(remoteAddress: string, body: string): IncomingMessage {
  return Object.assign(Readable.from([Buffer.from(body)]), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    socket: { remoteAddress },
  }) as unknown as IncomingMessage;
}

function fakeResponse(): ServerResponse & { body: string } {
  const headers = new Map<string, string>();
  const res = {
    statusCode: 200,
    body: '',
    writableEnded: false,
    headersSent: false,
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    hasHeader: (name: string) => headers.has(name.toLowerCase()),
    end(chunk?: string) {
      res.body = chunk ?? '';
      res.writableEnded = true;
      res.headersSent = true;
    },
  };
  return res as unknown as ServerResponse & { body: string };
}

test('the demo bot refuses activities from another machine with 403, before reading them', async () => {
  const bot = createCareerBot({
    deps: {
      store: createMemoryCareerStore(),
      clock: new ManualClock(0),
      ids: new SequentialIds(),
      events: new RecordedCareerEvents(),
    },
    auth: { profile: 'demo' },
    logger: createLogger({ level: 'silent' }),
  });
  const res = fakeResponse();
  await bot.handleMessages(fakeRequest('192.0.2.7', '{"type":"message"}'), res);
  expect(res.statusCode).toBe(403);
  expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'not_loopback' } });
  await bot.close(0);
});

test('commands are read case- and punctuation-insensitively, with the bot mention removed', () => {
  const base = { recipient: { id: '28:bot', name: 'Bot' } };
  expect(commandOf({ ...base, text: '  Recap! ' })).toBe('recap');
  expect(commandOf({ ...base, text: 'My Actions.' })).toBe('actions');
  expect(
    commandOf({
      ...base,
      text: '<at>Bot</at> settings',
      entities: [{ type: 'mention', text: '<at>Bot</at>', mentioned: { id: '28:bot', name: 'Bot' } }],
    }),
  ).toBe('settings');
  expect(commandOf({ ...base, text: 'delete everything' })).toBeNull();
});

test('an Action.Execute invoke is read into verb and data; anything else is malformed', () => {
  expect(readExecuteAction({ value: { action: { type: 'Action.Execute', verb: 'openHelp' } } })).toEqual({
    ok: true,
    action: { verb: 'openHelp', data: {} },
  });
  expect(
    readExecuteAction({ value: { action: { type: 'Action.Execute', verb: 'x'.repeat(65), data: {} } } }).ok,
  ).toBe(false);
  expect(readExecuteAction({ value: { action: { type: 'Action.Execute', verb: 'a', data: [1] } } }).ok).toBe(
    false,
  );
});

test('an Action.Submit fallback is told apart from typed text', () => {
  expect(readSubmitAction({ value: { verb: 'saveSettings', leadTimeHours: '12' } })).toEqual({
    verb: 'saveSettings',
    data: { leadTimeHours: '12' },
  });
  expect(readSubmitAction({ text: 'help' })).toBeNull();
});

test('the tenant profile refuses an activity without a Bot Framework token (401) and never runs the turn', async () => {
  const store = createMemoryCareerStore();
  const bot = createCareerBot({
    deps: { store, clock: new ManualClock(0), ids: new SequentialIds(), events: new RecordedCareerEvents() },
    auth: {
      profile: 'tenant',
      appId: '11111111-2222-3333-4444-555555555555',
      password: 'not-a-real-secret',
      tenantId: '66666666-7777-8888-9999-000000000000',
      type: 'SingleTenant',
    },
    logger: createLogger({ level: 'silent' }),
  });
  const activity = {
    type: 'installationUpdate',
    action: 'add',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:intruder', aadObjectId: 'intruder' },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:intruder' },
  };
  const res = fakeResponse();
  const errors = jest.spyOn(console, 'error');
  await bot.handleMessages(fakeRequest('203.0.113.9', JSON.stringify(activity)), res);
  // Refused with a structured log line, not botbuilder's console dump of the error.
  expect(errors).not.toHaveBeenCalled();
  errors.mockRestore();
  expect(res.statusCode).toBe(401);
  expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'unauthenticated' } });
  expect(await store.getConversation('intruder')).toBeNull();
  await bot.close(0);
});

test('the turn gets the activity as botbuilder hands it on (ISO times as Dates, with their text) and the invoke’s answer is the HTTP answer', async () => {
  const seen: {
    timestamp?: unknown;
    rawTimestamp?: unknown;
    localTimestamp?: unknown;
    expiration?: unknown;
  }[] = [];
  const handle = messagesHandler({
    adapter: new CareerCloudAdapter(new ReusingBotFrameworkAuthentication({})),
    loopbackOnly: true,
    logger: createLogger({ level: 'silent' }),
    logic: async (context) => {
      seen.push({ ...context.activity });
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: 202, body: { answered: true } },
      });
    },
  });
  const activity = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    timestamp: '2026-11-24T10:00:00.123Z',
    localTimestamp: '2026-11-24T11:00:00.123+01:00',
    from: { id: '29:ava', aadObjectId: 'ava' },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:ava' },
    value: { action: { type: 'Action.Execute', verb: 'noop', data: {} } },
  };
  const res = fakeResponse();
  await handle(fakeRequest('127.0.0.1', JSON.stringify(activity)), res);
  expect(res.statusCode).toBe(202);
  expect(JSON.parse(res.body)).toEqual({ answered: true });
  expect(seen).toHaveLength(1);
  expect(seen[0]?.timestamp).toEqual(new Date('2026-11-24T10:00:00.123Z'));
  expect(seen[0]?.rawTimestamp).toBe('2026-11-24T10:00:00.123Z');
  expect(seen[0]?.localTimestamp).toEqual(new Date('2026-11-24T10:00:00.123Z'));
  expect(seen[0]).not.toHaveProperty('expiration');

  // A turn that gives no invoke answer is a 200 with no body.
  const quiet = messagesHandler({
    adapter: new CareerCloudAdapter(new ReusingBotFrameworkAuthentication({})),
    loopbackOnly: true,
    logger: createLogger({ level: 'silent' }),
    logic: () => Promise.resolve(),
  });
  const plain = fakeResponse();
  await quiet(fakeRequest('127.0.0.1', JSON.stringify({ ...activity, type: 'message', text: 'hi' })), plain);
  expect(plain.statusCode).toBe(200);
  expect(plain.body).toBe('');
});
