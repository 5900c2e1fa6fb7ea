/**
 * The guest's online ordering page, served by the cloud relay beside its API (same origin: the
 * page calls `/api/v1/...` on the address it came from, no CORS). It is a route of the web app
 * (`web/src/routes/order/`), built with the store screens to static files (`npm run build` →
 * web/build); only the page itself (`/order`, `/order/...`: the app's index.html, which renders
 * it in the browser), the app's script and style chunks (`/_app/...`) and the menu pictures
 * (`/menu/...`) are served here — never the store screens. `/` leads to `/order`.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { TillboxError } from '@tillbox/core';
import type { FastifyInstance, FastifyReply } from 'fastify';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Throws `validation` when the folder is not a web build. */
export function checkWebDir(webDir: string): string {
  const root = resolve(webDir);
  if (!existsSync(join(root, 'index.html')))
    throw new TillboxError('validation', `http.webDir: ${root} has no index.html (build the web app: npm run build)`, {
      details: [{ path: 'http.webDir', message: 'the web build folder (web/build), or empty for no guest page' }],
    });
  return root;
}

export function registerGuestPage(app: FastifyInstance, webDir: string): void {
  const root = checkWebDir(webDir);
  const index = join(root, 'index.html');

  const send = async (reply: FastifyReply, file: string, cache: string): Promise<FastifyReply> => {
    const body = await readFile(file);
    return reply
      .header('content-type', TYPES[extname(file)] ?? 'application/octet-stream')
      .header('cache-control', cache)
      .header('x-content-type-options', 'nosniff')
      .send(body);
  };

  /** A file under the build, or undefined (never outside it). */
  const fileOf = async (urlPath: string): Promise<string | undefined> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath.split('?')[0] ?? '');
    } catch {
      return undefined;
    }
    const file = resolve(root, `.${decoded}`);
    if (!file.startsWith(root + sep) || decoded.includes('\0')) return undefined;
    const info = await stat(file).catch(() => undefined);
    return info?.isFile() ? file : undefined;
  };

  const page = async (_request: unknown, reply: FastifyReply): Promise<FastifyReply> => send(reply, index, 'no-cache');
  app.get('/', async (_request, reply) => reply.redirect('/order'));
  app.get('/order', page);
  app.get('/order/*', page);
  for (const prefix of ['/_app/*', '/menu/*'])
    app.get(prefix, async (request, reply) => {
      const file = await fileOf(request.url);
      if (!file) throw new TillboxError('not-found', `No file ${request.url.split('?')[0] ?? ''} here`);
      const immutable = request.url.startsWith('/_app/immutable/');
      return send(reply, file, immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    });
}
