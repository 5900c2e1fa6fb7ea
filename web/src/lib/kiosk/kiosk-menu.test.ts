import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCommerceCatalog, parsePricingRules } from '@tillbox/core';
import { testCatalog, testRules } from '$lib/sale/test-menu.test-support.js';

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
  const fetch = vi.fn((url: string | URL | Request, _init?: RequestInit) => {
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

async function kiosk() {
  vi.resetModules(); // each test is a freshly loaded kiosk page
  const prefetch = await import('./menu-prefetch.js');
  const menu = await import('./kiosk-menu.js');
  return { ...prefetch, ...menu };
}

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe("the kiosk's menu", () => {
  it('the four calls go out at once as the kiosk, and the first menu is made from their answers', async () => {
    const fetch = edge(GOOD);
    const k = await kiosk();
    k.prefetchMenu();
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(Object.keys(GOOD));
    expect(fetch.mock.calls[0]?.[1]?.headers).toMatchObject({ 'x-tillbox-screen': 'kiosk' });
    const early = await k.openEarlyMenu();
    expect(early?.menu.storeId).toBe('town');
    const loaded = await k.loadKioskMenu();
    expect(loaded).toBe(early);
    expect(loaded.config).toEqual(CONFIG);
    expect(loaded.menu.engine.items.get('latte')?.name.en).toBe('Latte');
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('starting again while answers wait (the hook, then the layout) does not ask twice', async () => {
    const fetch = edge(GOOD);
    const k = await kiosk();
    k.prefetchMenu();
    k.prefetchMenu();
    expect(fetch).toHaveBeenCalledTimes(4);
    expect((await k.loadKioskMenu()).config).toEqual(CONFIG);
    k.prefetchMenu(); // back on the kiosk page later: asked anew
    expect(fetch).toHaveBeenCalledTimes(8);
  });

  it('only kiosk pages start the calls when the app starts', async () => {
    const k = await kiosk();
    expect(['/kiosk', '/kiosk/', '/kiosk/x', '/', '/kioskette', '/kds/bar'].map(k.isKioskPath)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('the next guest gets a menu asked for anew (sold-out changes show)', async () => {
    const fetch = edge(GOOD);
    const k = await kiosk();
    k.prefetchMenu();
    await k.loadKioskMenu();
    expect(await k.openEarlyMenu()).toBeUndefined();
    await k.loadKioskMenu();
    expect(fetch).toHaveBeenCalledTimes(8);
  });

  it('an early answer that was refused (not paired yet) is asked for again once the page loads', async () => {
    const fetch = edge({ ...GOOD, '/api/v1/catalog': 401 });
    const k = await kiosk();
    k.prefetchMenu();
    expect(await k.openEarlyMenu()).toBeUndefined();
    edge(GOOD);
    const loaded = await k.loadKioskMenu();
    expect(loaded.menu.engine.catalog.items.length).toBe(testCatalog.items.length);
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('without early answers the page asks, and a failure says what went wrong', async () => {
    edge({ ...GOOD, '/api/v1/pricing/rules': 401 });
    const k = await kiosk();
    await expect(k.loadKioskMenu()).rejects.toMatchObject({ status: 401, message: 'This screen is not paired' });
  });

  it('early answers that do not parse are not used', async () => {
    edge({ ...GOOD, '/api/v1/kiosk/config': { idleSeconds: 'soon' } });
    const k = await kiosk();
    k.prefetchMenu();
    expect(await k.openEarlyMenu()).toBeUndefined();
    await expect(k.loadKioskMenu()).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
