import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { notFound } from '../server/http/http-error';
import type { RouteContext, RouteHandler, Router } from '../server/http/router';

export interface StaticFilesOptions {
  /** The folder to serve, e.g. `dist/web/tab`. */
  root: string;
  /** Where it is mounted, e.g. `/tab` (no trailing slash). */
  urlPrefix: string;
  /** Served for the folder itself. */
  indexFile?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);

/** esbuild's `[name]-[hash]` output: the content never changes under that name. */
const HASHED_NAME = /-[A-Z0-9]{8,}\.[a-z0-9]+$/;

/** Teams, Outlook and Microsoft 365 may frame the tab; nobody else may. */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://local.teams.office.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.outlook.com',
].join(' ');

interface CachedFile {
  mtimeMs: number;
  body: Buffer;
  gzip: Buffer | null;
}

/**
 * Serves one folder read-only: no path traversal (`..`, encoded or not), no dotfiles, no symlinks out of
 * the folder; correct content types; immutable caching for hashed names and revalidation for the rest.
 */
export function staticFiles(options: StaticFilesOptions): RouteHandler {
  const root = path.resolve(options.root);
  const indexFile = options.indexFile ?? 'index.html';
  const cache = new Map<string, CachedFile>();

  return async (ctx: RouteContext) => {
    const { res, req } = ctx;
    if (ctx.params.rest === undefined) {
      res.writeHead(301, { location: `${options.urlPrefix}/${ctx.url.search}`, 'content-length': '0' });
      res.end();
      return;
    }
    const relative = ctx.params.rest === '' ? indexFile : ctx.params.rest;
    const file = await resolveInside(root, relative);
    if (file === null) throw notFound(`There is no file ${ctx.url.pathname}.`);
    const stat = await fs.stat(file.real);
    const extension = path.extname(file.real).toLowerCase();
    let cached = cache.get(file.real);
    if (!cached || cached.mtimeMs !== stat.mtimeMs) {
      const body = await fs.readFile(file.real);
      cached = {
        mtimeMs: stat.mtimeMs,
        body,
        gzip: COMPRESSIBLE.has(extension) && body.length > 1024 ? gzipSync(body) : null,
      };
      cache.set(file.real, cached);
    }
    const etag = `W/"${cached.body.length.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'cache-control': HASHED_NAME.test(path.basename(file.real))
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      etag,
      vary: 'accept-encoding',
    };
    if (extension === '.html') headers['content-security-policy'] = `frame-ancestors ${FRAME_ANCESTORS}`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = cached.gzip !== null && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip && cached.gzip ? cached.gzip : cached.body;
    if (gzip) headers['content-encoding'] = 'gzip';
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(body);
  };
}

/** `GET /tab` redirects to `/tab/`; `GET /tab/*` serves the folder. */
export function mountStaticFiles(router: Router, options: StaticFilesOptions): void {
  const handler = staticFiles(options);
  router.on('GET', options.urlPrefix, handler);
  router.on('GET', `${options.urlPrefix}/*`, handler);
}

/** The real path of a regular file inside `root`, or null for anything else. */
async function resolveInside(root: string, relative: string): Promise<{ real: string } | null> {
  if (relative.includes('\0') || relative.includes('\\')) return null;
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return null;
  const candidate = path.resolve(root, ...segments);
  if (!candidate.startsWith(root + path.sep)) return null;
  try {
    const [realRoot, real] = await Promise.all([fs.realpath(root), fs.realpath(candidate)]);
    if (!real.startsWith(realRoot + path.sep)) return null;
    const stat = await fs.stat(real);
    return stat.isFile() ? { real } : null;
  } catch {
    return null;
  }
}
