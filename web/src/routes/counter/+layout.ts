// The counter talks to the edge as the store's `counter` device.
import { setScreenRole } from '$lib/api.js';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = () => {
  setScreenRole('counter');
};
