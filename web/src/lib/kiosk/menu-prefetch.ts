/**
 * The kiosk's menu calls, started as soon as the app starts on a kiosk page (web/src/hooks.client.ts;
 * the kiosk's layout starts them when the app was started elsewhere) — while the rest of the
 * JavaScript is still arriving and the screen's gate has yet to ask the edge who it is
 * (`/session`) — instead of after the gate has opened: on a slow kiosk computer that is one round
 * of calls, and the menu's parsing, off the first screen. This module imports nothing, so it
 * waits for nothing. The answers are only taken by ./kiosk-menu.ts, which parses
 * them with the same schemas as always and asks again the ordinary way when one is missing.
 */

/** The API's prefix (as in $lib/api.ts, not imported so that this module stays alone). */
const API = '/api/v1';

export const MENU_CALLS = ['/catalog', '/pricing/rules', '/health', '/kiosk/config'] as const;
export type MenuCall = (typeof MENU_CALLS)[number];

let early = new Map<MenuCall, Promise<unknown>>();

/**
 * Start the menu's calls now, as the kiosk device, unless answers from an earlier start are still
 * waiting to be taken. Each answer is kept as its JSON, or undefined when it was not a success
 * (not paired yet, the edge away): nothing is reported from here.
 */
export function prefetchMenu(fetcher: typeof fetch = fetch): void {
  if (early.size > 0) return;
  early = new Map(
    MENU_CALLS.map((path) => [
      path,
      fetcher(API + path, { headers: { accept: 'application/json', 'x-tillbox-screen': 'kiosk' } })
        .then((res) => (res.ok ? (res.json() as Promise<unknown>) : undefined))
        .catch(() => undefined),
    ]),
  );
}

/** Whether `pathname` is one of the kiosk's pages. */
export function isKioskPath(pathname: string): boolean {
  return pathname === '/kiosk' || pathname.startsWith('/kiosk/');
}

/** The early answer to `path`, once (a later call gets undefined); undefined when there was none. */
export function takePrefetched(path: MenuCall): Promise<unknown> {
  const answer = early.get(path);
  early.delete(path);
  return answer ?? Promise.resolve(undefined);
}
