import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';

/**
 * A small WebSocket client (RFC 6455, text frames only) to listen to the Agents Playground's conversation stream,
 * which is what its web UI renders from. Node 20 has no WebSocket global without a flag.
 */
export class StreamListener {
  readonly messages: unknown[] = [];
  private buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (data: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, data]);
      this.readFrames();
    });
  }

  static open(url: string): Promise<StreamListener> {
    const target = new URL(url);
    return new Promise((resolve, reject) => {
      const request = http.request({
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        },
      });
      request.on('upgrade', (_response, socket, head) => {
        const listener = new StreamListener(socket);
        if (head.length > 0) socket.emit('data', head);
        resolve(listener);
      });
      request.on('response', (response) => {
        reject(new Error(`The stream answered ${response.statusCode ?? '?'} instead of upgrading.`));
      });
      request.on('error', reject);
      request.end();
    });
  }

  /** Resolves with the first message (JSON) that satisfies the test, waiting up to `timeoutMs`. */
  async waitFor(test: (message: unknown) => boolean, timeoutMs = 10_000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(test);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error('No such message arrived on the playground stream.');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private readFrames(): void {
    for (;;) {
      if (this.buffer.length < 2) return;
      const first = this.buffer[0]!;
      const second = this.buffer[1]!;
      let length = second & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + length) return;
      const payload = this.buffer.subarray(offset, offset + length);
      this.buffer = this.buffer.subarray(offset + length);
      this.onFrame(first & 0x0f, (first & 0x80) !== 0, payload);
    }
  }

  private onFrame(opcode: number, final: boolean, payload: Buffer): void {
    if (opcode === 0x9) {
      this.send(0xa, payload);
      return;
    }
    if (opcode !== 0x1 && opcode !== 0x0) return;
    this.fragments.push(payload);
    if (!final) return;
    const text = Buffer.concat(this.fragments).toString('utf8');
    this.fragments = [];
    try {
      this.messages.push(JSON.parse(text) as unknown);
    } catch {
      this.messages.push(text);
    }
  }

  /** Client frames must be masked. */
  private send(opcode: number, payload: Buffer): void {
    const mask = randomBytes(4);
    const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
    this.socket.write(Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | masked.length]), mask, masked]));
  }
}
