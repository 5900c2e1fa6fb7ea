/** The guest's page beside the API: the page and its files from the web build, nothing else of it, never outside it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './http-server.js';

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillbox-web-'));
  mkdirSync(join(dir, '_app', 'immutable'), { recursive: true });
  mkdirSync(join(dir, 'menu'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, '_app', 'immutable', 'start.js'), 'export {};');
  writeFileSync(join(dir, 'menu', 'latte.svg'), '<svg/>');
  writeFileSync(join(tmpdir(), 'tillbox-secret.txt'), 'not for guests');
  app = await createHttpServer({
    bodyLimitBytes: 1024 * 1024,
    adminToken: '',
    version: 'test',
    log: pino({ level: 'silent' }),
    routes: [],
    webDir: dir,
  });
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'tillbox-secret.txt'), { force: true });
});

describe('the guest page served by the cloud relay', () => {
  it('answers /order and its sub-paths with the app page, and leads / there', async () => {
    for (const url of ['/order', '/order/demo-store', '/order/demo-store/0193abc']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<title>app</title>');
    }
    const root = await app.inject({ url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/order');
  });

  it('serves the app’s chunks and the menu pictures with their types', async () => {
    const js = await app.inject({ url: '/_app/immutable/start.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/text\/javascript/);
    expect(js.headers['cache-control']).toMatch(/immutable/);
    const svg = await app.inject({ url: '/menu/latte.svg' });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
  });

  it('serves nothing else: not the store screens, not a file outside the build', async () => {
    for (const url of [
      '/kiosk',
      '/admin',
      '/_app/immutable/nope.js',
      '/_app/../../tillbox-secret.txt',
      '/menu/%2e%2e/%2e%2e/tillbox-secret.txt',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('not for guests');
    }
  });

  it('refuses to start with a folder that is not a web build', async () => {
    await expect(
      createHttpServer({
        bodyLimitBytes: 1024,
        adminToken: '',
        version: 'test',
        log: pino({ level: 'silent' }),
        routes: [],
        webDir: join(dir, 'menu'),
      }),
    ).rejects.toThrow(/http.webDir: .* has no index.html \(build the web app: npm run build\)/);
  });
});
