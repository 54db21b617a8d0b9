import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector service. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** PUT: the activity replaced. POST: the activity answered (botbuilder always sets one). */
  targetId: string | null;
  /** POST: the id this fake gave the new activity. */
  newId: string | null;
  activity: Record<string, unknown>;
  /** The Authorization header the bot sent (none in the demo profile). */
  authorization: string | undefined;
}

export interface ScriptedFailure {
  status: number;
  code?: string;
  message?: string;
  retryAfter?: string;
}

/**
 * A local stand-in for the Bot Connector service (what `serviceUrl` points at): records every activity the
 * bot posts or updates, answers with fresh ids, and can be told to fail the next calls.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Every request answered, failures included: `METHOD status`. */
  readonly attempts: string[] = [];
  /** Every call since start, kept across `reset()`. */
  readonly history: ConnectorCall[] = [];
  private readonly failures: ScriptedFailure[] = [];
  /** While set, every call waits for it before being answered (see `hold`). */
  private held: Promise<void> | null = null;
  private releaseHeld: () => void = () => undefined;
  private readonly server = http.createServer((req, res) => void this.answer(req, res));
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  close(): Promise<void> {
    this.releaseHeld();
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  /** The next calls fail with these answers, in order. */
  failNext(...failures: ScriptedFailure[]): void {
    this.failures.push(...failures);
  }

  /** Calls wait unanswered (Teams slow, say) until the returned function is called, or the connector closes. */
  hold(): () => void {
    let open: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      open = resolve;
    });
    this.held = held;
    const release = () => {
      if (this.held === held) this.held = null;
      open();
    };
    this.releaseHeld = release;
    return release;
  }

  posts(conversationId?: string): ConnectorCall[] {
    return this.calls.filter(
      (c) => c.method === 'POST' && (conversationId === undefined || c.conversationId === conversationId),
    );
  }

  updates(conversationId?: string): ConnectorCall[] {
    return this.calls.filter(
      (c) => c.method === 'PUT' && (conversationId === undefined || c.conversationId === conversationId),
    );
  }

  /** Activities sent to a conversation whose text (cards included) contains `needle`. */
  find(conversationId: string, needle: string, method: 'POST' | 'PUT' = 'POST'): ConnectorCall[] {
    return this.calls.filter(
      (c) =>
        c.method === method &&
        c.conversationId === conversationId &&
        JSON.stringify(c.activity).includes(needle),
    );
  }

  reset(): void {
    this.calls.length = 0;
    this.attempts.length = 0;
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.held) await this.held;
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    const method = req.method === 'PUT' ? 'PUT' : req.method === 'POST' ? 'POST' : null;
    if (!match || !method) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":{"code":"NotFound","message":"no such route"}}');
      return;
    }
    const failure = this.failures.shift();
    this.attempts.push(`${method} ${failure?.status ?? 200}`);
    if (failure) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.retryAfter !== undefined) headers['retry-after'] = failure.retryAfter;
      res.writeHead(failure.status, headers).end(
        JSON.stringify({
          error: { code: failure.code ?? 'Failure', message: failure.message ?? 'scripted' },
        }),
      );
      return;
    }
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const targetId = match[2] ? decodeURIComponent(match[2]) : null;
    const newId = method === 'POST' ? `activity-${++this.counter}` : null;
    const call: ConnectorCall = {
      method,
      conversationId: decodeURIComponent(match[1] ?? ''),
      targetId,
      newId,
      activity,
      authorization: req.headers.authorization,
    };
    this.calls.push(call);
    this.history.push(call);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: newId ?? targetId }));
  }
}

/** The Adaptive Card in a recorded activity, if it carries one. */
export function cardOf(call: ConnectorCall | undefined): Record<string, unknown> | null {
  const attachments = call?.activity.attachments as
    { contentType?: string; content?: Record<string, unknown> }[] | undefined;
  return (
    attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null
  );
}
