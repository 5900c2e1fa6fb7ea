// The self-order kiosk talks to the edge as a `kiosk` device.
import { setScreenRole } from '$lib/api.js';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = () => {
  setScreenRole('kiosk');
};
