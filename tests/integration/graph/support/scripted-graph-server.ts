import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path and query as received, e.g. `/v1.0/users/a/calendarView/delta?$skiptoken=x`. */
  url: string;
  authorization: string | undefined;
  prefer: string | undefined;
  body: unknown;
  at: number;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

export type Script = (request: SeenRequest) => ScriptedAnswer | Promise<ScriptedAnswer>;

export interface ScriptedGraph {
  /** `http://127.0.0.1:PORT` (Graph's service root; versions live under it). */
  origin: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** A tiny local Graph stand-in whose every answer the test scripts: for exact retry and batching behaviour. */
export async function startScriptedGraph(script: Script): Promise<ScriptedGraph> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: SeenRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
        prefer: Array.isArray(req.headers.prefer) ? req.headers.prefer.join(', ') : req.headers.prefer,
        body: text === '' ? null : (JSON.parse(text) as unknown),
        at: Date.now(),
      };
      seen.push(request);
      void Promise.resolve(script(request)).then(async (answer) => {
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** Answers a `$batch` by running `inner` on each request, the way Graph does. */
export async function answerBatch(
  body: unknown,
  inner: (request: {
    id: string;
    url: string;
    headers?: Record<string, string>;
  }) => ScriptedAnswer | Promise<ScriptedAnswer>,
): Promise<ScriptedAnswer> {
  const requests = (body as { requests: { id: string; url: string; headers?: Record<string, string> }[] })
    .requests;
  const responses = await Promise.all(
    requests.map(async (request) => {
      const answer = await inner(request);
      return { id: request.id, status: answer.status, headers: answer.headers ?? {}, body: answer.body };
    }),
  );
  return { status: 200, body: { responses } };
}

export function graphErrorBody(code: string): { error: { code: string; message: string } } {
  return { error: { code, message: 'Scripted failure.' } };
}
