// temporary: per-request server cost, in-process, sequential (no HTTP)
import { Readable, Writable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCareerBot } from '../src/bot';
import { ManualClock } from '../src/ports/clock';
import { SequentialIds } from '../src/ports/ids';
import { noCareerEvents } from '../src/ports/career-events';
import { createLogger } from '../src/server/logger';
import { createCareerStore } from '../src/store/career-store';
import { openSqliteStore } from '../src/store/sqlite/sqlite-document-store';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { toBotResponse } from '../src/bot/hosting/node-response';
import { readActivity } from '../src/bot/hosting/read-activity';
import { sendRecap, startRecap } from '../src/core/recap';
import { DEFAULT_WORKING_HOURS } from '../src/core/person';

function fakeReq(body: string): IncomingMessage {
  return Object.assign(Readable.from([Buffer.from(body)]), { method: 'POST', headers: { 'content-type': 'application/json' }, socket: { remoteAddress: '127.0.0.1' } }) as unknown as IncomingMessage;
}
function fakeRes(): ServerResponse {
  const r: any = { statusCode: 200, writableEnded: false, headersSent: false, setHeader() {}, hasHeader() { return false; }, end(b?: string) { r.body = b; r.writableEnded = true; }, socket: {} };
  return r;
}
async function main() {
  const store = createCareerStore(openSqliteStore({ file: `/tmp/micro-${Date.now()}.db` }));
  const n = 3000; const acks: any[] = [];
  for (const id of ['m', 'e']) { await store.savePerson({ id, email: `${id}@x.example`, displayName: id, jobTitle: null, managerId: id === 'e' ? 'm' : null, timeZone: 'Europe/London', workingHours: DEFAULT_WORKING_HOURS }); await store.saveConversation(id, { reference: { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: `a:${id}`, tenantId: 't' }, user: { id: `29:${id}` } }, installedAt: 'x', uninstalledAt: null }); }
  for (let i = 0; i < n; i++) { const d = startRecap({ id: `e~r${i}`, oneOnOneId: `e:evt${i}`, authorId: 'e', recipientId: 'm', requiresAcknowledgement: true, content: { topics: ['t'], actions: [] }, now: '2026-11-24T10:00:00.000Z' }); const s = sendRecap(d, 'e', '2026-11-24T10:00:00.000Z'); if (!s.ok) throw s.error; await store.saveRecap(s.value.recap, null); acks.push(d.id); }
  const bot = createCareerBot({ deps: { store, clock: new ManualClock('2026-11-24T12:00:00.000Z'), ids: new SequentialIds('b'), events: noCareerEvents }, auth: { profile: 'demo' }, logger: createLogger({ level: 'info', destination: new Writable({ write: (_c, _e, d) => d() }) }) });
  if (process.env.NOBG) (require('../src/bot/events/background-queue')).BackgroundQueue.prototype.run = () => undefined;
  const body = (id: string, i: number) => JSON.stringify({ type: 'invoke', name: 'adaptiveCard/action', id: `b${i}`, channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', from: { id: '29:m', aadObjectId: 'm' }, recipient: { id: '28:b' }, conversation: { id: 'a:m', conversationType: 'personal' }, replyToId: `c${i}`, value: { action: { type: 'Action.Execute', verb: 'acknowledgeRecap', data: { recapId: id, version: 1 } } } });
  let i = 0;
  for (; i < 500; i++) await bot.handleMessages(fakeReq(body(acks[i], i)), fakeRes());
  let t = performance.now();
  for (; i < n; i++) await bot.handleMessages(fakeReq(body(acks[i], i)), fakeRes());
  console.log('ours ms/req', ((performance.now() - t) / (n - 500)).toFixed(3));
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const floor = async (req: IncomingMessage, res: ServerResponse) => { const read = await readActivity(req, { loopbackServiceUrlOnly: true }); if (!read.ok) throw new Error('x'); await adapter.process({ body: read.activity, headers: req.headers as any, method: 'POST' }, toBotResponse(res), async (c) => { await c.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200 } } }); }); };
  for (let j = 0; j < 500; j++) await floor(fakeReq(body(acks[j], j)), fakeRes());
  t = performance.now();
  for (let j = 500; j < n; j++) await floor(fakeReq(body(acks[j], j)), fakeRes());
  console.log('floor ms/req', ((performance.now() - t) / (n - 500)).toFixed(3));
}
main();
