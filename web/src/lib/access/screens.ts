/** The screens a device can be paired as: what to call each, and where it lives. */
import type { DeviceRole } from '@tillbox/core';
import type { ScreenRole } from '$lib/api.js';

export const SCREEN_LABELS: Readonly<Record<ScreenRole, string>> = {
  kiosk: 'Kiosk',
  kds: 'Kitchen display',
  pickup: 'Pickup board',
  counter: 'Counter',
  admin: 'Admin',
  display: 'Customer display',
};

/** The roles an admin can make a pairing code for, in the order the form lists them. */
export const PAIRABLE_ROLES: readonly ScreenRole[] = ['kiosk', 'kds', 'pickup', 'counter', 'display', 'admin'];

export function screenLabel(role: string): string {
  if (role === 'relay') return 'Cloud relay';
  return (SCREEN_LABELS as Readonly<Record<string, string>>)[role] ?? role;
}

/** The route of each screen's home page, for `resolve()`. */
export type ScreenRoute = '/kiosk' | '/kds' | '/pickup' | '/counter' | '/display' | '/admin' | '/';

/** The page a freshly paired screen opens. The relay is a program: it opens the launcher. */
export function screenHome(role: DeviceRole): ScreenRoute {
  switch (role) {
    case 'kiosk':
    case 'kds':
    case 'pickup':
    case 'counter':
    case 'display':
    case 'admin':
      return `/${role}`;
    case 'relay':
      return '/';
  }
}
