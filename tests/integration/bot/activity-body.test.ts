import http from 'node:http';
import { MAX_ACTIVITY_BYTES } from '../../../src/bot/hosting/read-activity';
import { BotWorld } from '../../support/bot-world';

/** What the bot endpoint does with bodies that are too large, or that never finish. */
describe('the activity body over real HTTP', () => {
  const world = new BotWorld();
  beforeAll(() => world.start());
  afterAll(() => world.stop());

  /** Sends `chunks` as a chunked body (no content-length) and reads the answer. */
  function sendChunked(
    chunks: readonly Buffer[],
  ): Promise<{ status: number; body: string; connection: string | undefined }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        world.url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (part: Buffer) => parts.push(part));
          response.on('end', () => {
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(parts).toString('utf8'),
              connection: response.headers.connection,
            });
          });
        },
      );
      request.on('error', reject);
      for (const chunk of chunks) request.write(chunk);
      request.end();
    });
  }

  test('a body that grows past the limit without saying its length is refused with 413 and a reason', async () => {
    const piece = Buffer.alloc(64 * 1024, 0x20);
    const chunks = Array.from({ length: Math.ceil(MAX_ACTIVITY_BYTES / piece.length) + 2 }, () => piece);
    const answer = await sendChunked(chunks);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'body_too_large' } });
    // The rest of the body is not read: the connection closes once the refusal is out.
    expect(answer.connection).toBe('close');
  });

  test('a body in many chunks is read whole', async () => {
    const json = JSON.stringify(
      world.activityFrom(world.ava, { type: 'message', text: 'help', padding: 'x'.repeat(200_000) }),
    );
    const bytes = Buffer.from(json);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) =>
      bytes.subarray(i * 1000, (i + 1) * 1000),
    );
    const answer = await sendChunked(chunks);
    expect(answer.status).toBe(200);
  });

  test('a client that leaves halfway through its body ends the turn with a logged failure, not a hang', async () => {
    const before = world.logs.length;
    await new Promise<void>((resolve) => {
      const request = http.request(world.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '5000' },
      });
      request.on('error', () => {
        resolve();
      });
      request.write('{"type":"message",');
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 50);
    });
    for (let i = 0; i < 50 && !world.logs.slice(before).join('').includes('bot.activity.failed'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(world.logs.slice(before).join('')).toContain('bot.activity.failed');
  });
});
