import type { IncomingMessage, ServerResponse } from 'node:http';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

/** A handler writes the response itself (it may stream) and throws `HttpError` for refusals. */
export type RouteHandler = (ctx: RouteContext) => Promise<void>;

interface Route {
  method: Method;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

/** Method + path routing with `:param` segments; a path that matches with another method is a 405. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: Method, path: string, handler: RouteHandler): this {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        if (segment === '*') {
          names.push('rest');
          return '(.*)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  match(
    method: string,
    pathname: string,
  ): { handler: RouteHandler; params: Record<string, string> } | 'method_not_allowed' | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      for (const [i, name] of route.names.entries()) {
        const decoded = decodeSegment(m[i + 1] ?? '');
        if (decoded === null) return null;
        params[name] = decoded;
      }
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method_not_allowed' : null;
  }
}

/** A malformed escape (`%E0%A4%A`) names nothing we serve: the caller gets a 404, not a 500. */
function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
