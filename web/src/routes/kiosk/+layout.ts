// The self-order kiosk. Its menu calls were started when the app started (hooks.client.ts), or
// start now when the app started on another page; the menu is parsed and compiled as soon as
// they answer (menu-prefetch.ts, kiosk-menu.ts), while the gate (ScreenGate, role "kiosk") asks
// the edge who this screen is.
import { prefetchMenu } from '$lib/kiosk/menu-prefetch.js';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = () => {
  prefetchMenu();
  void import('$lib/kiosk/kiosk-menu.js').then((m) => m.openEarlyMenu());
};
