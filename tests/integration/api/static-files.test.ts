import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { mountStaticFiles } from '../../../src/api/static-files';
import { createHttpServer } from '../../../src/server/http/http-server';
import { Router } from '../../../src/server/http/router';
import { createLogger } from '../../../src/server/logger';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw requests: fetch would normalise `..` out of the path before sending it. */
function get(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files for the tab', () => {
  let dir: string;
  let server: Server;
  let port: number;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cc-static-'));
    const root = path.join(dir, 'tab');
    mkdirSync(path.join(root, 'chunks'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>tab</title>');
    writeFileSync(path.join(root, 'main-ABCD1234.js'), script);
    writeFileSync(path.join(root, 'chunks', 'chunk-ZZZZ9999.js'), 'export {};');
    writeFileSync(path.join(root, '.env'), 'SECRET=1');
    writeFileSync(path.join(dir, 'outside.txt'), 'outside the folder');
    symlinkSync(path.join(dir, 'outside.txt'), path.join(root, 'link.txt'));
    const router = new Router();
    mountStaticFiles(router, { root, urlPrefix: '/tab' });
    server = createHttpServer(router, createLogger({ level: 'silent' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects /tab to /tab/ so relative script paths resolve', async () => {
    const res = await get(port, '/tab?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/tab/?x=1');
  });

  it('serves index.html for the folder, revalidated every time, frameable only by Microsoft 365', async () => {
    const res = await get(port, '/tab/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain('frame-ancestors');
    expect(res.headers['content-security-policy']).toContain('https://teams.microsoft.com');
  });

  it('serves hashed scripts as JavaScript, cached for a year and immutable', async () => {
    const res = await get(port, '/tab/chunks/chunk-ZZZZ9999.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('compresses text when the browser accepts gzip', async () => {
    const res = await get(port, '/tab/main-ABCD1234.js', { 'accept-encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe(script);
  });

  it('answers 304 when the browser already has this version', async () => {
    const first = await get(port, '/tab/main-ABCD1234.js');
    const again = await get(port, '/tab/main-ABCD1234.js', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it.each([
    '/tab/../outside.txt',
    '/tab/%2e%2e/outside.txt',
    '/tab/chunks/..%2f..%2foutside.txt',
    '/tab/..%5coutside.txt',
    '/tab/.env',
    '/tab/link.txt',
    '/tab/chunks',
    '/tab/missing.js',
    '/tab/index.html%00.js',
  ])('refuses %s with 404', async (rawPath) => {
    const res = await get(port, rawPath);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('outside the folder');
    expect(res.body.toString()).not.toContain('SECRET');
  });
});
