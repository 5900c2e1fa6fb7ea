/**
 * Shared steps of the browser tests: the edge's API as a signed-in counter, pairing pages as
 * screens, the kiosk purchase, and finding tickets on screens.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { OrderView, PlaceOrderInput } from '@tillbox/core';

type DeviceRole = 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'display';
type Headers = Record<string, string>;

/** The demo store's staff PINs (edge/server/src/access.ts seeds them when `demo` is on). */
export const DEMO_PINS = { Robin: '1111', Morgan: '2222', Casey: '3333', Sam: '4444' } as const;

async function call(
  baseURL: string,
  path: string,
  body: unknown,
  headers: Headers = {},
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${baseURL}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}

async function must<T>(baseURL: string, path: string, body: unknown, headers?: Headers): Promise<T> {
  const { status, json } = await call(baseURL, path, body, headers);
  expect(status < 300, `${path} answered ${status}: ${JSON.stringify(json)}`).toBe(true);
  return json as T;
}

/** A demo device's bearer header, with `staff` (first name) signed in on it when given. */
export async function deviceHeaders(
  baseURL: string,
  role: DeviceRole,
  staff?: keyof typeof DEMO_PINS,
): Promise<Headers> {
  const { credential } = await must<{ credential: string }>(baseURL, '/pairing/demo', { role });
  const headers = { authorization: `Bearer ${credential}` };
  if (staff) {
    const list = await must<{ staff: { id: string; name: string }[] }>(baseURL, '/staff/sign-in', undefined, headers);
    const person = list.staff.find((s) => s.name.startsWith(staff));
    expect(person, `${staff} can sign in`).toBeDefined();
    await must(baseURL, '/staff/sign-in', { staffId: person!.id, pin: DEMO_PINS[staff] }, headers);
  }
  return headers;
}

/** The cloud relay's header (only it may bring in orders paid elsewhere): paired with a code an admin made. */
async function relayHeaders(baseURL: string): Promise<Headers> {
  const admin = await deviceHeaders(baseURL, 'admin', 'Robin');
  const { code } = await must<{ code: string }>(
    baseURL,
    '/pairing/codes',
    { role: 'relay', name: 'Test relay' },
    admin,
  );
  const { credential } = await must<{ credential: string }>(baseURL, '/pairing/claim', { code });
  return { authorization: `Bearer ${credential}` };
}

/** Credentials per edge (each test edge has its own devices), made once. */
const counters = new Map<string, Promise<Headers>>();
const relays = new Map<string, Promise<Headers>>();

async function withHeaders<T>(
  cache: Map<string, Promise<Headers>>,
  make: (baseURL: string) => Promise<Headers>,
  baseURL: string,
  path: string,
  body: unknown,
): Promise<T> {
  let headers = cache.get(baseURL);
  if (!headers) cache.set(baseURL, (headers = make(baseURL)));
  let answer = await call(baseURL, path, body, await headers);
  if (answer.status === 401) {
    // A fresh edge on a port used before, or the staff session ended: pair and sign in again.
    cache.set(baseURL, (headers = make(baseURL)));
    answer = await call(baseURL, path, body, await headers);
  }
  expect(answer.status < 300, `${path} answered ${answer.status}: ${JSON.stringify(answer.json)}`).toBe(true);
  return answer.json as T;
}

/**
 * POST (or GET without a body) to the edge's API as a counter screen with Casey (cashier) signed
 * in; fails the test on an error answer.
 */
export function api<T = OrderView>(baseURL: string, path: string, body?: unknown): Promise<T> {
  return withHeaders(counters, (url) => deviceHeaders(url, 'counter', 'Casey'), baseURL, path, body);
}

/** Place an order at the counter; one already paid elsewhere (an app order) comes in through the relay. */
export function placeOrder(baseURL: string, body: PlaceOrderInput): Promise<OrderView> {
  if (body.payment?.method === 'external') return withHeaders(relays, relayHeaders, baseURL, '/orders', body);
  return api(baseURL, '/orders', body);
}

/**
 * Pair the page's browser context as a `role` screen (the demo store's one-click pairing, which
 * sets the device cookie for the context), on the test's edge or on `baseURL`.
 */
export async function pairScreen(page: Page, role: DeviceRole, baseURL?: string): Promise<void> {
  const res = await page.request.post(`${baseURL ?? ''}/api/v1/pairing/demo`, { data: { role } });
  expect(res.status(), `pairing a ${role} screen: ${await res.text()}`).toBe(201);
}

/** The screen role of a screen path (`/kds/bar` → kds). */
function roleOf(path: string): DeviceRole {
  const first = new URL(path, 'http://x').pathname.split('/')[1];
  if (first === 'kds' || first === 'pickup' || first === 'kiosk' || first === 'admin') return first;
  throw new Error(`no screen role for ${path}`);
}

/** A page's ticket of order `n` (on a station KDS). */
export function ticketOf(page: Page, n: number): Locator {
  return page.locator(`[data-testid="ticket"][data-order-number="${n}"]`);
}

/** Pair the page as the screen of `path` (a path, or a full URL on a test's own edge), open it and wait until it is live. */
export async function openLive(page: Page, path: string): Promise<void> {
  await pairScreen(page, roleOf(path), /^https?:/.test(path) ? new URL(path).origin : undefined);
  await page.goto(path);
  await expect(page.getByTestId('connection-banner')).toHaveAttribute('data-state', 'live');
}

/** Open the kiosk (paired as one, on a 1080×1920 portrait screen) and start an order from its attract screen. */
export async function startKioskOrder(kiosk: Page, baseURL?: string): Promise<void> {
  await kiosk.setViewportSize({ width: 1080, height: 1920 });
  await pairScreen(kiosk, 'kiosk', baseURL);
  await kiosk.goto(`${baseURL ?? ''}/kiosk`);
  await kiosk.getByRole('button', { name: 'Touch to order' }).click();
}

/**
 * Buy on the kiosk: a latte (medium, oat milk) and/or a butter croissant, placed and paid by card.
 * After a latte the kiosk suggests a croissant: taken when one is wanted.
 */
export async function buyOnKiosk(kiosk: Page, items: { latte?: boolean; croissant?: boolean }): Promise<number> {
  await startKioskOrder(kiosk);
  if (items.latte) {
    await kiosk.getByRole('button', { name: 'Espresso Bar' }).click();
    await kiosk.getByRole('button', { name: /Caffè Latte/ }).click();
    const dialog = kiosk.getByRole('dialog', { name: 'Caffè Latte' });
    await dialog.getByRole('radio', { name: /Medium/ }).check();
    await dialog.getByRole('radio', { name: /Oat milk/ }).check();
    await dialog.getByRole('button', { name: 'Add to order' }).click();
    await expect(dialog).toBeHidden();
    const upsell = kiosk.getByRole('dialog', { name: 'Add a Butter Croissant?' });
    await upsell.getByRole('button', { name: items.croissant ? 'Add' : 'No thanks' }).click();
  } else if (items.croissant) {
    await kiosk.getByRole('button', { name: 'Bakery' }).click();
    await kiosk.getByRole('button', { name: /Butter Croissant/ }).click();
    await kiosk.getByRole('dialog', { name: 'Butter Croissant' }).getByRole('button', { name: 'Add to order' }).click();
    const combo = kiosk.getByRole('dialog', { name: 'Make it a Coffee & Pastry?' });
    await combo.getByRole('button', { name: 'No thanks' }).click();
  }
  await kiosk.getByRole('button', { name: 'Review & pay' }).click();
  await kiosk.getByRole('button', { name: 'Place order' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Pay by card' })).toBeVisible();
  await expect(kiosk.getByText('Tap or insert your card on the terminal')).toBeVisible();
  const amount = (await kiosk.getByTestId('pay-amount').textContent()) ?? '';
  expect(amount).toMatch(/^\$\d+\.\d\d$/);
  await kiosk.getByRole('button', { name: `Pay ${amount}`, exact: true }).click();
  const number = kiosk.getByTestId('order-number');
  await expect(number).toHaveText(/^\d+$/);
  return Number(await number.textContent());
}
