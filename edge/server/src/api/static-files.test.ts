/**
 * The built web app as a browser gets it: the build step (web/scripts/precompress.js) writes
 * brotli and gzip siblings, and the edge sends br, else gzip, else the file as it is, with the
 * original's type and caching.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEdge, tempDir, type TestEdge } from '../testing/test-edge.js';

const PRECOMPRESS = join(dirname(fileURLToPath(import.meta.url)), '../../../../web/scripts/precompress.js');

const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Tillbox</title>
    <link href="/_app/immutable/entry/app.abc123.js" rel="modulepreload">
    <link href="/_app/immutable/assets/0.abc123.css" rel="stylesheet">
  </head>
  <body data-sveltekit-preload-data="hover"><div style="display: contents"></div></body>
</html>
`;
const APP_JS = Array.from(
  { length: 200 },
  (_, i) => `export function item${i}(x){return {id:'item-${i}',price:x*${i + 1},name:'Caffè Latte ${i}'};}`,
).join('\n');
const TINY_JS = 'export const a = 1;';

describe('static files of the web app', () => {
  let t: TestEdge;
  const web = tempDir('tillbox-web-');
  const get = (url: string, acceptEncoding?: string) =>
    t.edge.http.inject({ url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  beforeAll(async () => {
    mkdirSync(join(web.dir, '_app', 'immutable', 'entry'), { recursive: true });
    writeFileSync(join(web.dir, 'index.html'), SHELL);
    writeFileSync(join(web.dir, '_app', 'immutable', 'entry', 'app.abc123.js'), APP_JS);
    writeFileSync(join(web.dir, '_app', 'immutable', 'entry', 'start.abc123.js'), TINY_JS);
    mkdirSync(join(web.dir, 'menu'));
    writeFileSync(join(web.dir, 'menu', 'latte.3f70256696.webp'), 'RIFF....WEBP');
    writeFileSync(join(web.dir, 'menu', 'latte.svg'), '<svg/>');
    // The build step itself, as `npm run build -w @tillbox/web` runs it.
    execFileSync(process.execPath, [PRECOMPRESS, web.dir], { stdio: 'pipe' });
    t = await startTestEdge({ overrides: { 'web.dir': web.dir } });
  });
  afterAll(async () => {
    await t.stop();
    web.remove();
  });

  it('the build step writes brotli and gzip siblings, but not for a file too small to gain', () => {
    const app = join(web.dir, '_app', 'immutable', 'entry', 'app.abc123.js');
    expect(existsSync(`${app}.br`)).toBe(true);
    expect(existsSync(`${app}.gz`)).toBe(true);
    expect(existsSync(join(web.dir, 'index.html.br'))).toBe(true);
    expect(existsSync(join(web.dir, '_app', 'immutable', 'entry', 'start.abc123.js.br'))).toBe(false);
  });

  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
  ])(
    'answers a hashed script asked with Accept-Encoding "%s" in %s, decoding to the file',
    async (accept, encoding) => {
      const res = await get('/_app/immutable/entry/app.abc123.js', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
      expect(res.rawPayload.length).toBeLessThan(APP_JS.length / 4);
      const decoded = encoding === 'br' ? brotliDecompressSync(res.rawPayload) : gunzipSync(res.rawPayload);
      expect(decoded.toString()).toBe(APP_JS);
    },
  );

  it.each([undefined, 'identity', 'deflate'])(
    'sends the file as it is when the browser accepts neither (Accept-Encoding %s)',
    async (accept) => {
      const res = await get('/_app/immutable/entry/app.abc123.js', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.body).toBe(APP_JS);
    },
  );

  it('sends a file without siblings as it is, even to a browser that takes brotli', async () => {
    const res = await get('/_app/immutable/entry/start.abc123.js', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.body).toBe(TINY_JS);
  });

  it('lets a browser keep a menu picture named with its hash for good, and asks again for one without', async () => {
    const hashed = await get('/menu/latte.3f70256696.webp', 'br, gzip');
    expect(hashed.statusCode).toBe(200);
    expect(hashed.headers['content-type']).toBe('image/webp');
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await get('/menu/latte.svg', 'br, gzip');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('no-cache');
  });

  it('answers a screen path (/kiosk) with the app shell, compressed, never cached without asking', async () => {
    const br = await get('/kiosk', 'br, gzip');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SHELL);

    const plain = await get('/kiosk');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.body).toBe(SHELL);

    const root = await get('/', 'gzip');
    expect(root.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(root.rawPayload).toString()).toBe(SHELL);
  });

  it('answers an address that names a file the build does not have with 404, never the shell', async () => {
    for (const url of ['/favicon.ico', '/robots.txt', '/apple-touch-icon.png', '/kiosk/app.old123.js']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      expect(res.body, url).not.toContain('<!doctype html>');
    }
    expect((await get('/kds/bar')).body).toBe(SHELL);
  });

  it('sends the page policies with the shell only; scripts get a policy that lets nothing run, no framing, no sniffing', async () => {
    const page = await get('/kiosk', 'br');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['permissions-policy']).toMatch(/camera=\(\)/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    const script = await get('/_app/immutable/entry/app.abc123.js', 'br');
    expect(script.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['referrer-policy']).toBe('no-referrer');
    for (const pageOnly of ['x-frame-options', 'cross-origin-opener-policy', 'permissions-policy'])
      expect(script.headers[pageOnly], pageOnly).toBeUndefined();
  });

  it('never answers a compressed sibling under its own name', async () => {
    for (const url of ['/_app/immutable/entry/app.abc123.js.br', '/_app/immutable/entry/app.abc123.js.gz']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-encoding'], url).toBeUndefined();
    }
  });
});
