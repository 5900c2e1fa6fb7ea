// The self-order kiosk talks to the edge as a `kiosk` device; the browser's date and number
// data is loaded off the main thread meanwhile (intl-warm.ts).
import { setScreenRole } from '$lib/api.js';
import { warmIntl } from '$lib/kiosk/intl-warm.js';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = () => {
  setScreenRole('kiosk');
  warmIntl();
};
