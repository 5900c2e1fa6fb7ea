// Client hooks: run once when the app starts, before any page's JavaScript has arrived.
import type { ClientInit } from '@sveltejs/kit';
import { isKioskPath, prefetchMenu } from '$lib/kiosk/menu-prefetch.js';

export const init: ClientInit = () => {
  // A kiosk starting up asks for its menu at once, alongside the rest of its JavaScript.
  if (isKioskPath(location.pathname)) prefetchMenu();
};
