/**
 * JSON answers in brotli or gzip by Accept-Encoding: the catalog a kiosk loads comes compressed
 * and decodes to exactly the same answer; small answers, answers to commands and browsers that
 * take neither get the JSON as it is.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDevice, type TestClient } from '../testing/test-actors.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';
import { chooseEncoding } from './compression.js';

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['deflate, gzip;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR;Q=0.1', 'br'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', undefined],
    ['identity', undefined],
    ['deflate', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('Accept-Encoding %j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('compressed JSON answers', () => {
  let t: TestEdge;
  let kiosk: TestClient;
  let catalogJson: string;
  const get = (url: string, acceptEncoding?: string) =>
    kiosk.inject({
      method: 'GET',
      url,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  beforeAll(async () => {
    t = await startTestEdge();
    kiosk = await testDevice(t.edge, 'kiosk');
    catalogJson = (await get('/api/v1/catalog')).body;
  });
  afterAll(() => t.stop());

  it('the catalog goes as it is to a client that takes no compression, saying it varies by Accept-Encoding', async () => {
    const res = await get('/api/v1/catalog');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(catalogJson.length).toBeGreaterThan(10_000);
    expect(JSON.parse(catalogJson)).toHaveProperty('items');
  });

  it.each([
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
  ])(
    'with Accept-Encoding "%s" the catalog comes as %s, a fifth of the size, decoding to the same answer',
    async (accept, encoding, decode) => {
      const res = await get('/api/v1/catalog', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
      expect(res.rawPayload.length).toBeLessThan(catalogJson.length / 5);
      expect(decode(res.rawPayload).toString()).toBe(catalogJson);
      // The security headers still go with it.
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('a small answer goes as it is', async () => {
    const res = await get('/api/v1/kiosk/config', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toHaveProperty('idleSeconds');
  });

  it('a small error answer to a GET goes as it is, and reads', async () => {
    const res = await get('/api/v1/orders/not-an-order-id', 'br');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toHaveProperty('error.code');
  });

  it('the answer to a command goes as it is, whatever the client takes', async () => {
    const res = await kiosk.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { 'accept-encoding': 'br, gzip' },
      payload: JSON.stringify({ nonsense: true }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toHaveProperty('error.code', 'validation');
  });
});
