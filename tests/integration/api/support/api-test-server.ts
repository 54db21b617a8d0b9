import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiRouterOptions } from '../../../../src/api/api-options';
import { createApiRouter } from '../../../../src/api/create-api-router';
import { demoAuthentication } from '../../../../src/api/demo-authentication';
import { createHttpServer } from '../../../../src/server/http/http-server';
import { createLogger } from '../../../../src/server/logger';
import type { TestWorld } from '../../../support/app-fixture';
import { createWorld } from '../../../support/app-fixture';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** The raw text, for "this marker never appears" checks. */
  text: string;
  body: T;
}

export interface CallOptions {
  /** Demo person to call as (`x-demo-user`). */
  as?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is, without JSON encoding or a content type. */
  rawBody?: string;
}

export interface ApiTestServer {
  origin: string;
  world: TestWorld;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/** The real router and HTTP server on 127.0.0.1:0 over the in-memory store. */
export async function startApiTestServer(
  overrides: Partial<Pick<ApiRouterOptions, 'authenticate' | 'profile' | 'directorySearch'>> = {},
): Promise<ApiTestServer> {
  const world = await createWorld();
  const router = createApiRouter({
    deps: world.deps,
    authenticate: overrides.authenticate ?? demoAuthentication(world.store),
    profile: overrides.profile ?? 'demo',
    ...(overrides.directorySearch ? { directorySearch: overrides.directorySearch } : {}),
  });
  const server: Server = createHttpServer(router, createLogger({ level: 'silent' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    world,
    async call<T>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
      const headers: Record<string, string> = { ...options.headers };
      if (options.as) headers['x-demo-user'] = options.as;
      let body: string | undefined;
      if (options.rawBody !== undefined) body = options.rawBody;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${origin}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      return { status: response.status, headers: response.headers, text, body: parsed as T };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

export function oneOnOnePath(id: string, rest = ''): string {
  return `/api/one-on-ones/${encodeURIComponent(id)}${rest}`;
}

export const EMPTY_AGENDA = {
  learningFocus: '',
  knowledgeHolders: [],
  asks: [],
  carriedActionIds: [],
  privateNotes: '',
};
