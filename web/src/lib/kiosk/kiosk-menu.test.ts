import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommerceCatalog, parsePricingRules } from '@tillbox/core';
import { testCatalog, testRules } from '$lib/sale/test-menu.test-support.js';
import { loadKioskMenu } from './kiosk-menu.js';

const HEALTH = {
  status: 'ok',
  version: '0.1.0',
  storeId: 'town',
  seq: 12,
  uptimeSeconds: 5,
  db: { ok: true },
  streamClients: 0,
  degraded: [],
};
const CONFIG = { idleSeconds: 45, idleCountdownSeconds: 15, confirmationSeconds: 20 };
const GOOD: Record<string, unknown> = {
  '/api/v1/catalog': parseCommerceCatalog(testCatalog),
  '/api/v1/pricing/rules': parsePricingRules(testRules),
  '/api/v1/health': HEALTH,
  '/api/v1/kiosk/config': CONFIG,
};

/** The edge as the screen's fetch sees it: `answers` by URL (a status, or a body with 200). */
function edge(answers: Record<string, unknown>) {
  const fetch = vi.fn((url: string | URL | Request) => {
    const answer = answers[String(url)];
    if (typeof answer === 'number') {
      const body = { error: { code: 'unauthenticated', message: 'This screen is not paired', details: [] } };
      return Promise.resolve(new Response(JSON.stringify(body), { status: answer }));
    }
    if (answer === undefined) return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe("the kiosk's menu", () => {
  it("is the store's menu on the kiosk channel, from the four answers, with the kiosk's timings", async () => {
    const fetch = edge(GOOD);
    const loaded = await loadKioskMenu();
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(Object.keys(GOOD));
    expect(loaded.menu.storeId).toBe('town');
    expect(loaded.menu.channel).toBe('kiosk');
    expect(loaded.menu.engine.items.get('latte')?.name.en).toBe('Latte');
    expect(loaded.menu.engine.catalog.items.length).toBe(testCatalog.items.length);
    expect(loaded.config).toEqual(CONFIG);
  });

  it('a refusal says what the edge said', async () => {
    edge({ ...GOOD, '/api/v1/pricing/rules': 401 });
    await expect(loadKioskMenu()).rejects.toMatchObject({ status: 401, message: 'This screen is not paired' });
  });

  it('an answer that does not parse is reported as unreadable, and no menu is made', async () => {
    edge({ ...GOOD, '/api/v1/kiosk/config': { idleSeconds: 'soon' } });
    await expect(loadKioskMenu()).rejects.toMatchObject({ kind: 'bad-response' });
  });

  it('rules that name a store the health answer does not are refused', async () => {
    edge({ ...GOOD, '/api/v1/health': { ...HEALTH, storeId: 'elsewhere' } });
    await expect(loadKioskMenu()).rejects.toMatchObject({ code: 'validation' });
  });
});
