import type { ServerResponse } from 'node:http';
import type { Response } from 'botbuilder';

/** botbuilder's minimal Response (status/header/send/end) over Node's ServerResponse. */
export function toBotResponse(res: ServerResponse): Response {
  let status = 200;
  let body: string | undefined;
  return {
    socket: res.socket,
    status(code: unknown) {
      if (typeof code === 'number') status = code;
    },
    header(name: unknown, value: unknown) {
      if (typeof name === 'string') res.setHeader(name, String(value));
    },
    send(payload: unknown) {
      if (payload === undefined || payload === null) return;
      if (typeof payload === 'string') {
        body = payload;
        if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
        return;
      }
      body = JSON.stringify(payload);
      res.setHeader('content-type', 'application/json; charset=utf-8');
    },
    end() {
      if (res.writableEnded) return;
      res.statusCode = status;
      res.end(body);
    },
  };
}

/** A JSON error answer: `{ error: { code, message } }`. */
export function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.writableEnded) return;
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ error: { code, message } }));
}
