import net from 'node:net';

/**
 * A lean HTTP/1.1 load generator for the benches: keep-alive connections, one request at a time on each, each
 * request's bytes built before the measured run. Node's `http.request` cost the load generator about 0.18 ms of
 * CPU per request and held its event loop up to 20 ms at a time, on the same two cores as the servers it
 * measures (so both the CPU and the stalls showed up in the latencies); this costs a fraction of that. Answers
 * must carry Content-Length (Node's server sets it for `res.end(body)`); anything else counts as an error.
 */

export interface HttpAnswer {
  status: number;
  body: Buffer;
}

/** The bytes of one POST with a JSON body, ready to write. */
export function postBytes(url: URL, body: string): Buffer {
  const payload = Buffer.from(body);
  const head =
    `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${payload.length}\r\nConnection: keep-alive\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/** One keep-alive connection; `send` waits for the whole answer before the next request may go. */
export class LoadConnection {
  private socket: net.Socket | null = null;
  /** What arrived of the answer so far (usually the whole answer in one chunk). */
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve(answer: HttpAnswer): void; reject(error: Error): void } | null = null;

  constructor(private readonly url: URL) {}

  send(request: Buffer): Promise<HttpAnswer> {
    if (this.waiting) return Promise.reject(new Error('One request at a time on a load connection.'));
    const socket = this.socket ?? this.connect();
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(request);
    });
  }

  close(): void {
    const socket = this.socket;
    this.socket = null;
    this.received = Buffer.alloc(0);
    socket?.destroy();
  }

  private connect(): net.Socket {
    const socket = net.connect({ host: this.url.hostname, port: Number(this.url.port) });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      if (this.socket !== socket) return;
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.answerIfComplete();
    });
    // Events of a connection this one already left (closed after a bad answer) concern nobody any more.
    const fail = (error: Error): void => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.received = Buffer.alloc(0);
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => {
      fail(new Error('The server closed the connection.'));
    });
    this.socket = socket;
    return socket;
  }

  private answerIfComplete(): void {
    const data = this.received;
    const headerEnd = data.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = data.toString('latin1', 0, headerEnd);
    const length = CONTENT_LENGTH.exec(head);
    const waiting = this.waiting;
    if (!length?.[1]) {
      this.close();
      this.waiting = null;
      waiting?.reject(new Error(`An answer without Content-Length: ${head.split('\r\n')[0] ?? ''}`));
      return;
    }
    const total = headerEnd + HEADER_END.length + Number(length[1]);
    if (data.length < total) return;
    this.received = data.subarray(total);
    this.waiting = null;
    waiting?.resolve({
      status: Number(head.slice(9, 12)),
      body: data.subarray(headerEnd + HEADER_END.length, total),
    });
  }
}
