/** The screens a device can be paired as: what to call each, and where it lives. */
import { resolve } from '$app/paths';
import type { ScreenRole } from '$lib/api.js';

export const SCREEN_LABELS: Readonly<Record<ScreenRole, string>> = {
  kiosk: 'Kiosk',
  kds: 'Kitchen display',
  pickup: 'Pickup board',
  counter: 'Counter',
  admin: 'Admin',
};

/** The roles an admin can make a pairing code for, in the order the form lists them. */
export const PAIRABLE_ROLES: readonly ScreenRole[] = ['kiosk', 'kds', 'pickup', 'counter', 'admin'];

export function screenLabel(role: string): string {
  return (SCREEN_LABELS as Readonly<Record<string, string>>)[role] ?? role;
}

/** The page a freshly paired screen opens. The counter has no screen yet: it opens the launcher. */
export function screenHome(role: ScreenRole): string {
  switch (role) {
    case 'kiosk':
      return resolve('/kiosk');
    case 'kds':
      return resolve('/kds');
    case 'pickup':
      return resolve('/pickup');
    case 'admin':
      return resolve('/admin');
    case 'counter':
      return resolve('/');
  }
}
